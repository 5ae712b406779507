"""The NarrativeReport and its JSON (DESIGN.md: `"kind": "narrative"`, schema version 1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loopcoach.analysis.narrative.issues import Issue
from loopcoach.analysis.narrative.sections import Section
from loopcoach.analysis.report import SCHEMA_VERSION, Remark
from loopcoach.analysis.spans import Span


@dataclass(frozen=True)
class NarrativeReport:
    word_count: int
    pages: float
    sections: list[Section]
    structure: dict[str, Span | None]
    expected_parts: tuple[str, ...]
    issues: list[Issue]
    summary: str
    grade: int
    grade_reasons: list[str]
    feedback: list[Remark]

    @property
    def strengths(self) -> list[str]:
        return [r.text for r in self.feedback if r.kind == "strength"]

    @property
    def improvements(self) -> list[str]:
        return [r.text for r in self.feedback if r.kind == "improvement"]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for issue in self.issues:
            out[issue.kind] = out.get(issue.kind, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "narrative",
            "word_count": self.word_count,
            "pages": round(self.pages, 1),
            "sections": [s.to_dict() for s in self.sections],
            "structure": [
                {
                    "part": part,
                    "expected": part in self.expected_parts,
                    "present": span is not None,
                    "start": span.start if span else None,
                    "end": span.end if span else None,
                }
                for part, span in self.structure.items()
            ],
            "issues": [i.to_dict() for i in self.issues],
            "issue_counts": self.counts(),
            "summary": self.summary,
            "grade": self.grade,
            "grade_reasons": list(self.grade_reasons),
            "strengths": self.strengths,
            "improvements": self.improvements,
            "feedback": [r.to_dict() for r in self.feedback],
        }
