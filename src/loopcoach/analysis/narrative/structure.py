"""The structure an Amazon narrative is expected to have, and which parts are missing.

Purpose up front, tenets, the problem with data, the proposal, alternatives
considered, FAQ. A part is present when a heading names it or, for the parts
a short text carries without headings, when its cue phrases appear (the
purpose must come in the opening). A short text (a one-page writing sample)
is expected to carry the purpose, the problem with data and the proposal;
a longer narrative all six.
"""

from __future__ import annotations

import re

from loopcoach.analysis.metrics import find_metrics
from loopcoach.analysis.narrative.issues import Issue
from loopcoach.analysis.narrative.sections import Section
from loopcoach.analysis.spans import Span

PARTS = ("purpose", "tenets", "problem_data", "proposal", "alternatives", "faq")
NAMES = {
    "purpose": "the purpose, up front",
    "tenets": "tenets",
    "problem_data": "the problem, with data",
    "proposal": "the proposal",
    "alternatives": "alternatives considered",
    "faq": "an FAQ",
}
SHORT_PARTS = ("purpose", "problem_data", "proposal")
LONG_TEXT_WORDS = 700  # about a page and a half
MAX_METRIC_SEARCH = 2_000  # characters
OPENING_SENTENCES = 3  # "up front": the purpose is in the first three sentences


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_HEADING_OF = {
    "purpose": _words(
        r"purpose",
        r"summary",
        r"introduction",
        r"the ask",
        r"executive summary",
        r"goal",
        r"press release",
        r"(?:what )?needs (?:your )?attention",
        r"headlines",
    ),
    "tenets": _words(r"tenets?", r"principles"),
    "problem_data": _words(
        r"problem",
        r"background",
        r"situation",
        r"current state",
        r"context",
        r"why now",
        r"the issue",
        r"state of the business",
        r"where we are",
        r"impact",
        r"why it happened",
        r"root cause",
        r"incidents?",
        r"(?:what )?needs (?:your )?attention",
        r"numbers",
    ),
    "proposal": _words(
        r"proposal",
        r"recommendations?",
        r"plan",
        r"solution",
        r"what we propose",
        r"the ask",
        r"approach",
        r"help needed",
        r"what we are changing",
        r"action items",
        r"next steps",
        r"what we will do",
        r"press release",
    ),
    "alternatives": _words(
        r"alternatives?", r"options", r"options considered", r"what we considered"
    ),
    "faq": _words(r"faqs?", r"frequently asked questions", r"questions", r"q&a"),
}
_CUES = {
    "purpose": _words(
        r"(?:this|the) (?:document|doc|memo|paper|narrative|proposal|page|note) "
        r"(?:proposes|asks|requests|describes|explains|recommends|seeks|outlines|is to|sets out|"
        r"makes the case)",
        r"the purpose of",
        r"(?:we|i) (?:propose|recommend|are asking|am asking|ask for|request|seek)",
        r"(?:i|we) (?:am|are) writing to",
        r"(?:seeks?|asking for|ask for) (?:your )?(?:approval|a decision|agreement|funding)",
        r"we need (?:a decision|your approval|approval)",
    ),
    "tenets": _words(r"tenets?", r"unless you know better ones"),
    "proposal": _words(
        r"(?:we|i) (?:propose|recommend|will|plan to)",
        r"our (?:plan|proposal|recommendation)",
        r"the (?:ask|plan|proposal|recommendation) is",
        r"(?:we|i) are asking for",
        r"(?:we|i) would like to",
        r"we need (?:a decision|your approval|approval|your decision)",
        r"starting (?:today|tomorrow|next \w+|on \d+ \w+)",
        r"today we (?:are )?(?:excited to |proud to )?announc\w*",
    ),
    "alternatives": _words(
        r"(?:we|i) (?:also )?considered",
        r"alternatives?",
        r"another option",
        r"(?:we|i) rejected",
        r"option (?:one|two|three|[123abc])",
        r"instead, we could",
        r"the other options?",
    ),
    "problem_data": _words(
        r"problem",
        r"today",
        r"currently",
        r"complain(?:ts|ed)?",
        r"incidents?",
        r"costs? us",
        r"(?:we|customers) (?:lose|lost|wait|miss)",
        r"outages?",
        r"delays?",
        r"backlog",
    ),
}
_QUESTION_LINE = re.compile(
    r"^\s*(?:Q\s*\d*[:.)]|\d+[.)]\s+)?[A-Z][^\n]{5,200}\?\s*$", re.MULTILINE
)


def find_parts(text: str, sentences: list[Span], sections: list[Section]) -> dict[str, Span | None]:
    """For each expected part, a span that shows it, or None."""
    found: dict[str, Span | None] = {part: None for part in PARTS}
    for section in sections:
        for part, pattern in _HEADING_OF.items():
            if found[part] is None and section.name != "Opening" and pattern.search(section.name):
                if part != "problem_data" or _has_data(text, section.start, section.end):
                    found[part] = Span(
                        section.name, section.start, section.start + len(section.name)
                    )
    opening = _opening(sentences)
    for s in opening:
        if found["purpose"] is None and _CUES["purpose"].search(s.text):
            found["purpose"] = s
    for part in ("tenets", "proposal", "alternatives"):
        if found[part] is None:
            found[part] = next((s for s in sentences if _CUES[part].search(s.text)), None)
    if found["problem_data"] is None:
        found["problem_data"] = next(
            (
                s
                for s in sentences
                if _CUES["problem_data"].search(s.text) and _has_data(text, s.start, s.end)
            ),
            None,
        )
    if found["faq"] is None:
        questions = list(_QUESTION_LINE.finditer(text))
        if len(questions) >= 2:
            q = questions[0]
            found["faq"] = Span(q.group(0).strip(), q.start(), q.end())
    return found


def tenet_ranges(sections: list[Section]) -> list[tuple[int, int]]:
    """Where the tenets are: choices the author makes, which the claim check leaves alone."""
    return [(s.start, s.end) for s in sections if _HEADING_OF["tenets"].search(s.name)]


def expected_parts(words: int) -> tuple[str, ...]:
    return PARTS if words >= LONG_TEXT_WORDS else SHORT_PARTS


def missing_parts(found: dict[str, Span | None], words: int) -> list[Issue]:
    return [
        Issue(
            "missing_section",
            None,
            None,
            "",
            f"Missing: {NAMES[part]}.",
            section=part,
        )
        for part in expected_parts(words)
        if found[part] is None
    ]


def _opening(sentences: list[Span]) -> list[Span]:
    return sentences[:OPENING_SENTENCES]


def _has_data(text: str, start: int, end: int) -> bool:
    if re.search(r"\d", text[start:end]):
        return True
    # The metric finder is slow on long text: only a short piece without digits gets it.
    return end - start <= MAX_METRIC_SEARCH and bool(find_metrics(text[start:end]))
