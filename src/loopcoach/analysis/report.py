"""The Report dataclass and its JSON form (analysis JSON, schema version 1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from loopcoach.analysis.grading import GradeInputs
from loopcoach.analysis.principles import PrincipleCheck, PrincipleScore
from loopcoach.analysis.pronouns import PronounCounts
from loopcoach.analysis.relevance import Relevance
from loopcoach.analysis.spans import Span

SCHEMA_VERSION = 1
WORDS_PER_MINUTE = 140  # a calm interview pace; speaking_seconds = words / WPM * 60


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    role: str

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "start": self.start, "end": self.end, "role": self.role}


@dataclass(frozen=True, slots=True)
class Remark:
    """One strength or improvement with the evidence it is about."""

    kind: str  # "strength" or "improvement"
    code: str  # stable identifier, e.g. "no-result"
    text: str
    start: int | None = None
    end: int | None = None
    sentence_index: int | None = None
    quote: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "code": self.code,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence_index": self.sentence_index,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class FollowUp:
    code: str
    question: str
    start: int | None = None
    end: int | None = None
    sentence_index: int | None = None
    intent: str | None = None  # what it probes (LABELS.md follow_up_intent)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "question": self.question,
            "start": self.start,
            "end": self.end,
            "sentence_index": self.sentence_index,
            "intent": self.intent,
        }


class RemarksMixin:
    """What every kind of report says in words: its strengths, improvements and follow-ups."""

    feedback: list[Remark]
    follow_up_items: list[FollowUp]

    @property
    def strengths(self) -> list[str]:
        return [r.text for r in self.feedback if r.kind == "strength"]

    @property
    def improvements(self) -> list[str]:
        return [r.text for r in self.feedback if r.kind == "improvement"]

    @property
    def follow_ups(self) -> list[str]:
        return [f.question for f in self.follow_up_items]


@dataclass(frozen=True)
class Report(RemarksMixin):
    word_count: int
    speaking_seconds: int
    sentences: list[Sentence]
    star: dict[str, bool]
    action_share: float
    metrics: list[Span]
    pronouns: PronounCounts
    ownership: str
    hypothetical: bool
    fillers: list[Span]
    hedges: list[Span]
    principles: list[PrincipleScore]
    asked_principle: str | None
    grade: int
    grade_reasons: list[str]
    feedback: list[Remark]
    follow_up_items: list[FollowUp]
    extras: dict[str, Any] = field(default_factory=dict)
    # Does the story show the asked principle, and how sure; None on reports built by hand.
    principle_check: PrincipleCheck | None = None
    # What the grade was computed from (not in the JSON; training learns the grade from it).
    grade_inputs: GradeInputs | None = field(default=None, repr=False, compare=False)
    relevance: Relevance | None = None  # None without a question

    @property
    def principle_mismatch(self) -> bool:
        """The confident claim "your story shows X, not Y" (see PrincipleCheck.confident)."""
        if self.principle_check is not None:
            return self.principle_check.confident
        return bool(
            self.asked_principle
            and self.principles
            and self.principles[0].slug != self.asked_principle
        )

    @property
    def mismatch_confidence(self) -> float | None:
        """Calibrated probability that the story's principle is not the one asked."""
        return self.principle_check.confidence if self.principle_check else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "word_count": self.word_count,
            "speaking_seconds": self.speaking_seconds,
            "words_per_minute": WORDS_PER_MINUTE,
            "sentences": [s.to_dict() for s in self.sentences],
            "star": {**self.star, "action_share": round(self.action_share, 3)},
            "metrics": [m.to_dict() for m in self.metrics],
            "pronouns": self.pronouns.to_dict(),
            "ownership": self.ownership,
            "hypothetical": self.hypothetical,
            "fillers": [f.to_dict() for f in self.fillers],
            "hedges": [h.to_dict() for h in self.hedges],
            "principles": [p.to_dict() for p in self.principles],
            "asked_principle": self.asked_principle,
            "principle_mismatch": self.principle_mismatch,
            "mismatch_confidence": (
                None if self.mismatch_confidence is None else round(self.mismatch_confidence, 3)
            ),
            "grade": self.grade,
            "grade_reasons": list(self.grade_reasons),
            "strengths": self.strengths,
            "improvements": self.improvements,
            "follow_ups": self.follow_ups,
            "feedback": [r.to_dict() for r in self.feedback],
            "follow_up_details": [f.to_dict() for f in self.follow_up_items],
            "relevance": self.relevance.to_dict() if self.relevance else None,
            **self.extras,
        }
