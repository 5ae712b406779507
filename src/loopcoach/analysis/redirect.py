"""Follow-ups for a story that does not answer its question (LABELS.md `answers_question`).

A Bar Raiser does not deep-dive a polished story about something else: measuring its
numbers or walking through its steps coaches the candidate to polish the wrong story. They
ask for a time that does match the question, in the question's own terms, and at most probe
the story once on what it shows of the speaker's own judgement (their part, a disagreement,
a choice), which is worth knowing whatever the question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loopcoach.analysis.report import FollowUp

# Probes that stay useful on a story told for another question: the speaker's part, a
# disagreement, a choice. Measurement, walk-through and learning probes deepen the wrong story
# (a learning probe presupposes the asked failure, which the story never had).
STORY_PROBE_INTENTS = frozenset({"scope", "conflict", "decision"})
MAX_STORY_PROBES = 1

# "Tell me about a time (when) …", "Describe a time …", "Give me an example of a time …": what
# follows is the situation in the question's own words.
_TIME_LEAD = re.compile(
    r"^\s*(?:(?:can|could) you\s+)?(?:please\s+)?"
    r"(?:tell (?:me|us) about|describe|share|walk (?:me|us) through|give (?:me |us )?an example of)"
    r"\s+(?:a|one|an)\s+(?:specific\s+|particular\s+|recent\s+)?(?:time|occasion|moment|situation)"
    r"\s+(?P<rest>(?:when\s+|where\s+|that\s+|in which\s+)?(?:you|your|a|an|the|someone|"
    r"something|nobody|somebody)\b.*)$",
    re.I,
)
_FIRST_SENTENCE = re.compile(r"^(.*?[^.?!])(?:[.?!](?:\s|$)|$)", re.S)


def redirect(question: str | None, label: str | None) -> FollowUp | None:
    """Ask for a time that matches the question: its own words when it reads "a time you…",
    else the situation it asks about (`label`, as after "The question asks about")."""
    if not question or not question.strip():
        return None
    asked = _FIRST_SENTENCE.match(question.strip())
    head = asked.group(1).strip() if asked else question.strip()
    m = _TIME_LEAD.match(head)
    if m:
        ask = f"Tell me about a different time {m.group('rest').rstrip(' ,;:')}"
    elif label:
        ask = f"Tell me about a different time, one about {label}"
    else:
        return None
    return FollowUp(
        "redirect",
        f"That story does not get to what I asked. {ask}: what happened, and what did you do?",
        intent="specific_example",
    )


def off_question_follow_ups(
    story_probes: Sequence[FollowUp],
    question: str | None,
    label: str | None,
    asked: Sequence[str] = (),
) -> list[FollowUp]:
    """The redirect first (unless the thread already asked it), then at most one probe of the
    story that does not deepen it."""
    out: list[FollowUp] = []
    ask = redirect(question, label)
    if ask is not None and not any(q.strip() == ask.question for q in asked):
        out.append(ask)
    kept = [f for f in story_probes if f.intent in STORY_PROBE_INTENTS]
    return out + kept[:MAX_STORY_PROBES]
