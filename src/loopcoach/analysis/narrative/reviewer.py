"""`review_narrative(text)`: a review of a written narrative or writing sample."""

from __future__ import annotations

import re
from typing import Any

from loopcoach.analysis.design.inputs import check_document
from loopcoach.analysis.narrative import structure
from loopcoach.analysis.narrative.acronyms import find_undefined_acronyms
from loopcoach.analysis.narrative.claims import find_unsupported_claims
from loopcoach.analysis.narrative.grade import grade_narrative
from loopcoach.analysis.narrative.issues import ADVICE, ISSUE_KINDS, Issue
from loopcoach.analysis.narrative.report import NarrativeReport
from loopcoach.analysis.narrative.sections import (
    find_long_sentences,
    headings,
    split_sections,
)
from loopcoach.analysis.narrative.wording import find_passives, find_weasels
from loopcoach.analysis.report import Remark
from loopcoach.analysis.sentences import split_sentences
from loopcoach.analysis.spans import Span

WORDS_PER_PAGE = 550  # a single-spaced page of narrative prose
MAX_EXAMPLES = 3


def review_narrative(text: str) -> NarrativeReport:
    """Review a narrative draft or a writing sample (up to about nine pages)."""
    text = check_document(text, what="document")
    heads = headings(text)
    head_starts = {h.start for h in heads}
    sentences = [s for s in whole_sentences(text) if s.start not in head_starts]
    sections = split_sections(text, sentences, heads)
    words = sum(s.words for s in sections)
    parts = structure.find_parts(text, sentences, sections)
    expected = structure.expected_parts(words)
    issues = sorted(
        find_weasels(text)
        + find_unsupported_claims(text, sentences, structure.tenet_ranges(sections))
        + find_long_sentences(sentences)
        + find_passives(text)
        + find_undefined_acronyms(text),
        key=lambda i: (i.start or 0, i.kind),
    ) + structure.missing_parts(parts, words)
    counts = _counts(issues)
    grade, reasons = grade_narrative(counts, words, len(expected))
    return NarrativeReport(
        word_count=words,
        pages=words / WORDS_PER_PAGE,
        sections=sections,
        structure=parts,
        expected_parts=expected,
        issues=issues,
        summary=_summary(words, len(sections), counts, issues),
        grade=grade,
        grade_reasons=reasons,
        feedback=_feedback(parts, expected, issues, counts),
    )


def whole_sentences(text: str) -> list[Span]:
    """split_sentences, with the pieces it cuts out of a long run-on sentence joined again.

    The story splitter cuts runs of over 40 words at "and then", "so"; a narrative review
    must see the whole sentence to say it is too long.
    """
    out: list[Span] = []
    for s in split_sentences(text):
        prev = out[-1] if out else None
        if prev and not _ENDED.search(prev.text) and "\n" not in text[prev.end : s.start]:
            out[-1] = Span(text[prev.start : s.end], prev.start, s.end)
        else:
            out.append(s)
    return out


_ENDED = re.compile(r"[.!?…:;\"'”’)\]]\s*$")


def _counts(issues: list[Issue]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in issues:
        out[i.kind] = out.get(i.kind, 0) + 1
    return out


_LABELS = {
    "weasel": "weasel words or hedges",
    "unsupported_claim": "claims without data",
    "long_sentence": "long sentences",
    "passive_voice": "passive verbs that hide who acts",
    "undefined_acronym": "undefined acronyms",
}


def _summary(words: int, sections: int, counts: dict[str, int], issues: list[Issue]) -> str:
    pages = words / WORDS_PER_PAGE
    found = ", ".join(
        f"{counts[k]} {_LABELS[k]}" for k in ISSUE_KINDS if k in _LABELS and counts.get(k)
    )
    missing = [
        i.message.removeprefix("Missing: ").rstrip(".")
        for i in issues
        if i.kind == "missing_section"
    ]
    out = f"{words} words (about {pages:.1f} pages) in {sections} section{'s' * (sections != 1)}."
    out += f" Found {found}." if found else " No wording issues found."
    if missing:
        out += " Missing: " + "; ".join(missing) + "."
    return out


def _feedback(
    parts: Any, expected: Any, issues: list[Issue], counts: dict[str, int]
) -> list[Remark]:
    out: list[Remark] = []
    for part in expected:
        span = parts[part]
        if span is not None:
            out.append(
                Remark(
                    "strength",
                    f"has-{part}",
                    f"It has {structure.NAMES[part]}.",
                    span.start,
                    span.end,
                    quote=span.text,
                )
            )
    for issue in issues:
        if issue.kind == "missing_section":
            out.append(Remark("improvement", f"missing-{issue.section}", issue.message))
    for kind in ISSUE_KINDS:
        if kind == "missing_section" or not counts.get(kind):
            continue
        examples = [i for i in issues if i.kind == kind][:MAX_EXAMPLES]
        quoted = "; ".join(f"\u201c{_short(i.text)}\u201d" for i in examples)
        first = examples[0]
        out.append(
            Remark(
                "improvement",
                kind,
                f"{ADVICE[kind]} {counts[kind]} found, e.g. {quoted}.",
                first.start,
                first.end,
                quote=first.text,
            )
        )
    return out


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
