"""The DesignReport and its JSON (DESIGN.md: `"kind": "design"`, schema version 1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loopcoach.analysis.design.estimates import EstimateError
from loopcoach.analysis.design.quantities import Quantity
from loopcoach.analysis.design.rubric import RubricItem
from loopcoach.analysis.report import SCHEMA_VERSION, FollowUp, Remark, RemarksMixin
from loopcoach.analysis.spans import Span


@dataclass(frozen=True, slots=True)
class ExpectationCoverage:
    """One question-specific item (design-expectations.yaml) and where the answer covers it."""

    key: str
    label: str
    covered: bool
    evidence: tuple[Span, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "label": self.label,
            "covered": self.covered,
            "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in self.evidence],
        }


@dataclass(frozen=True)
class DesignReport(RemarksMixin):
    question: str
    question_key: str | None
    word_count: int
    rubric: list[RubricItem]
    expectations: list[ExpectationCoverage]
    estimates: list[Quantity]
    estimate_errors: list[EstimateError]
    story_like: bool
    grade: int
    grade_reasons: list[str]
    feedback: list[Remark]
    follow_up_items: list[FollowUp]

    @property
    def covered(self) -> list[str]:
        return [r.item for r in self.rubric if r.covered]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "design",
            "question": self.question,
            "question_key": self.question_key,
            "word_count": self.word_count,
            "rubric": [r.to_dict() for r in self.rubric],
            "expectations": [e.to_dict() for e in self.expectations],
            "estimates": [_estimate(q) for q in self.estimates],
            "estimate_errors": [e.to_dict() for e in self.estimate_errors],
            "story_like": self.story_like,
            "grade": self.grade,
            "grade_reasons": list(self.grade_reasons),
            "strengths": self.strengths,
            "improvements": self.improvements,
            "follow_ups": self.follow_ups,
            "feedback": [r.to_dict() for r in self.feedback],
            "follow_up_details": [f.to_dict() for f in self.follow_up_items],
        }


def _estimate(q: Quantity) -> dict[str, object]:
    return {**q.span.to_dict(), "kind": q.kind}
