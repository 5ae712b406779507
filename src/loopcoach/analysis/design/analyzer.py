"""`analyze_design(answer, question=...)`: rubric feedback on a system-design answer."""

from __future__ import annotations

import math

from loopcoach.analysis.design import feedback
from loopcoach.analysis.design.estimates import check_estimates
from loopcoach.analysis.design.expectations import Expectation, find_expectation
from loopcoach.analysis.design.grade import GradeInput, grade_design
from loopcoach.analysis.design.inputs import check_document, reads_like_story
from loopcoach.analysis.design.quantities import find_quantities
from loopcoach.analysis.design.report import DesignReport, ExpectationCoverage
from loopcoach.analysis.design.rubric import ITEMS, RubricItem, matching_sentences, rubric_evidence
from loopcoach.analysis.sentences import split_sentences
from loopcoach.analysis.spans import Span

DEEP_DIVE_SHARE = 0.4  # of the question's expectations, and at least two of them
MAX_EVIDENCE = 3


def analyze_design(answer: str, *, question: str) -> DesignReport:
    """Analyse a system-design answer to `question` (its text or its bank key)."""
    text = check_document(answer, what="answer")
    sentences = split_sentences(text)
    quantities = find_quantities(text)
    expectation = find_expectation(question)
    coverage = _expectation_coverage(text, sentences, expectation)
    evidence = rubric_evidence(text, sentences, quantities)
    evidence["deep_dive"] = _deep_dive(coverage)
    rubric = [
        RubricItem(item, bool(evidence[item]), tuple(evidence[item][:MAX_EVIDENCE]))
        for item in ITEMS
    ]
    errors = check_estimates(text, quantities)
    covered = frozenset(r.item for r in rubric if r.covered)
    story_like = reads_like_story(sentences) and not (expectation and expectation.story_expected)
    share = sum(c.covered for c in coverage) / len(coverage) if coverage else None
    grade, reasons = grade_design(
        GradeInput(len(text.split()), covered, share, len(errors), story_like)
    )
    return DesignReport(
        question=question,
        question_key=expectation.question_key if expectation else None,
        word_count=len(text.split()),
        rubric=rubric,
        expectations=coverage,
        estimates=[q for q in quantities if q.kind != "number"],
        estimate_errors=errors,
        story_like=story_like,
        grade=grade,
        grade_reasons=reasons,
        feedback=feedback.remarks(rubric, coverage, errors, story_like),
        follow_up_items=feedback.follow_ups(text, expectation, coverage, errors),
    )


def _expectation_coverage(
    text: str, sentences: list[Span], expectation: Expectation | None
) -> list[ExpectationCoverage]:
    if expectation is None:
        return []
    out = []
    for item in expectation.items:
        found = matching_sentences(item.pattern, text, sentences)
        hits = tuple(sentences[i] for i in sorted(found))
        out.append(ExpectationCoverage(item.key, item.label, bool(hits), hits[:MAX_EVIDENCE]))
    return out


def _deep_dive(coverage: list[ExpectationCoverage]) -> list[Span]:
    covered = [c for c in coverage if c.covered]
    needed = max(2, math.ceil(DEEP_DIVE_SHARE * len(coverage)))
    if not coverage or len(covered) < needed:
        return []
    spans: list[Span] = []
    for c in covered:
        spans.extend(s for s in c.evidence if s not in spans)
    return sorted(spans, key=lambda s: s.start)
