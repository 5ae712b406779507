"""The chat messages that ask a model to coach one answer, grounded in the analyzer's evidence.

The system message fixes the reply's shape (one JSON object) and the one rule
the code checks afterwards: no number that is not in the answer. The user
message carries the question, the answer, the principle's guidance from the
guide (what interviewers listen for, common pitfalls) and the analysis JSON,
so the critique can point at what the analyzer found instead of guessing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

# The analysis keys a critique can use; offsets, per-sentence detail and the analyzer's own
# follow-ups stay out, so the prompt fits a small local model's context and the model writes
# follow-ups of its own.
EVIDENCE_KEYS = (
    "word_count",
    "speaking_seconds",
    "star",
    "metrics",
    "pronouns",
    "ownership",
    "hypothetical",
    "fillers",
    "hedges",
    "relevance",
    "grade",
    "strengths",
    "improvements",
)
TOP_PRINCIPLES = 3

SYSTEM = """\
You are an experienced interview coach reviewing a candidate's answer to a behavioral \
interview question. An offline analyzer has already measured the answer; its findings are \
given as JSON. Ground every point of your critique in that evidence or in the principle's \
guidance, and quote the candidate's words where it helps.

Reply with ONE JSON object and nothing else, with exactly these keys:
  "critique": a short paragraph (at most 120 words) on what to fix and why,
  "rewrite": a stronger version of the answer in the first person, in STAR order,
  "follow_ups": a list of 2 or 3 questions an interviewer would ask next.

The rewrite keeps the candidate's facts. Use only numbers that appear in the answer. Where a \
figure would make the answer stronger but the candidate did not give one, write a visible \
placeholder in square brackets, such as [X%] or [N customers]. Never invent a number, a name \
or a result."""


@dataclass(frozen=True)
class PrincipleGuidance:
    """What the guide says interviewers listen for on one principle, and the common pitfalls."""

    name: str
    listen_for: list[str] = field(default_factory=list)
    pitfalls: list[str] = field(default_factory=list)


def coach_messages(
    *,
    question: str,
    answer: str,
    analysis: dict[str, Any] | None,
    principles: list[PrincipleGuidance],
) -> list[dict[str, str]]:
    """The system and user messages of an OpenAI-compatible chat completion."""
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": _user_message(question, answer, analysis, principles)},
    ]


def evidence(analysis: dict[str, Any] | None) -> dict[str, Any]:
    """The part of the analysis JSON the prompt carries (metrics without their offsets)."""
    if not analysis:
        return {}
    kept = {key: analysis[key] for key in EVIDENCE_KEYS if key in analysis}
    for key in ("metrics", "fillers", "hedges"):
        if isinstance(kept.get(key), list):
            kept[key] = [item.get("text") for item in kept[key] if isinstance(item, dict)]
    principles = analysis.get("principles")
    if isinstance(principles, list):
        kept["principles_shown"] = [
            {"name": item.get("name"), "score": item.get("score")}
            for item in principles[:TOP_PRINCIPLES]
            if isinstance(item, dict)
        ]
    return kept


def _user_message(
    question: str,
    answer: str,
    analysis: dict[str, Any] | None,
    principles: list[PrincipleGuidance],
) -> str:
    parts = [f"Question:\n{question}", f"Answer:\n{answer}"]
    for principle in principles:
        parts.append(_guidance_text(principle))
    found = evidence(analysis)
    if found:
        parts.append("Analyzer findings (JSON):\n" + json.dumps(found, ensure_ascii=False))
    parts.append('Reply with the JSON object: {"critique": …, "rewrite": …, "follow_ups": […]}.')
    return "\n\n".join(parts)


def _guidance_text(principle: PrincipleGuidance) -> str:
    lines = [f"Principle probed: {principle.name}"]
    if principle.listen_for:
        lines.append("Interviewers listen for:")
        lines += [f"- {item}" for item in principle.listen_for]
    if principle.pitfalls:
        lines.append("Common pitfalls:")
        lines += [f"- {item}" for item in principle.pitfalls]
    return "\n".join(lines)
