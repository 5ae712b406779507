"""The debrief of a finished mock loop: votes, evidence per principle, veto, decision, gaps.

The decision rules themselves are pure (`loopcoach.loops.decision`); this
module gathers what they need from the database and what the page shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from loopcoach.loops import Decision, RoundVerdict, biggest_gaps, loop_decision, round_vote
from loopcoach.loops.decision import Gap
from loopcoach.web.guides.models import Principle
from loopcoach.web.loops.models import LoopQuestion, LoopRoundSession, MockLoop
from loopcoach.web.loops.selectors import depth_of, rounds_of

QUOTE_LENGTH = 220
NEXT_STEPS = 3


@dataclass
class Evidence:
    """What one answer showed for one principle."""

    answer: LoopQuestion
    grade: int | None
    quote: str  # from the story itself, never from the follow-up answer
    off_topic_reason: str = ""  # set when the answer did not answer the question
    depth: str = ""  # what the follow-up answer showed


@dataclass
class PrincipleEvidence:
    principle: Principle
    items: list[Evidence] = field(default_factory=list)


@dataclass
class RoundDebrief:
    session: LoopRoundSession
    verdict: RoundVerdict
    principles: list[PrincipleEvidence]
    answers: list[LoopQuestion]


@dataclass
class GapView:
    gap: Gap
    principle: Principle
    questions_url: str
    practice_url: str | None
    stories_url: str


@dataclass
class Debrief:
    loop: MockLoop
    rounds: list[RoundDebrief]
    decision: Decision
    gaps: list[GapView]
    next_steps: list[str]

    @property
    def bar_raiser(self) -> RoundDebrief | None:
        return next((r for r in self.rounds if r.session.is_bar_raiser), None)

    @property
    def answered(self) -> int:
        return sum(1 for r in self.rounds for a in r.answers if a.answer is not None)

    @property
    def asked(self) -> int:
        return sum(len(r.answers) for r in self.rounds)


def quote_of(analysis: dict | None, answer: str) -> str:
    """The sentence an interviewer would write down: a result with a number, else an action;
    for a design, the sentence that goes deepest (the deep dive, else the design, else scaling)."""
    if (analysis or {}).get("kind") == "design":
        return _design_quote(analysis or {}, answer)
    sentences = (analysis or {}).get("sentences") or []
    metric_starts = [m["start"] for m in (analysis or {}).get("metrics", [])]

    def has_metric(sentence: dict) -> bool:
        return any(sentence["start"] <= start < sentence["end"] for start in metric_starts)

    for wanted in (
        lambda s: s["role"] == "result" and has_metric(s),
        lambda s: s["role"] == "result",
        lambda s: s["role"] == "action" and has_metric(s),
        lambda s: s["role"] == "action",
    ):
        chosen = next((s for s in sentences if wanted(s)), None)
        if chosen:
            return _truncate(chosen["text"])
    return _truncate(sentences[0]["text"] if sentences else answer)


def _design_quote(analysis: dict, answer: str) -> str:
    rubric = {row.get("item"): row for row in analysis.get("rubric") or [] if isinstance(row, dict)}
    for item in ("deep_dive", "high_level", "scaling"):
        evidence = (rubric.get(item) or {}).get("evidence") or []
        if evidence and evidence[0].get("text"):
            return _truncate(str(evidence[0]["text"]))
    return _truncate(answer)


def _truncate(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _practice_url(slug: str) -> str | None:
    try:
        return reverse("practice:hub") + f"?principle={slug}"
    except NoReverseMatch:
        return None


def _analysis_of(drawn: LoopQuestion) -> dict | None:
    """The analysis of the story the candidate told (the follow-up digs into it)."""
    return drawn.answer.analysis if drawn.answer else None


def _evidence(drawn: LoopQuestion) -> Evidence:
    """What an answer showed: the story is the evidence; the follow-up answer only its depth."""
    follow_up = drawn.follow_up_answer
    return Evidence(
        drawn,
        drawn.final_grade,
        quote_of(_analysis_of(drawn), drawn.answer.answer) if drawn.answer else "",
        str(drawn.relevance.get("reason") or "did not answer the question")
        if drawn.off_topic
        else "",
        depth_of(follow_up.analysis if follow_up else None),
    )


def loop_debrief(loop: MockLoop) -> Debrief:
    sessions = list(rounds_of(loop))
    principles = {p.slug: p for p in loop.guide.company.principles.order_by("order")}
    rounds: list[RoundDebrief] = []
    by_principle: dict[str, list[int | None]] = {}
    for session in sessions:
        answers = list(session.questions.all())
        grades = [a.final_grade for a in answers]
        verdict = round_vote(
            grades,
            round_slug=session.name,
            bar_raiser=session.is_bar_raiser,
            off_topic=[a.off_topic for a in answers],
        )
        evidence = []
        for slug in session.principle_slugs:
            if slug not in principles:
                continue
            items = [_evidence(a) for a in answers if slug in a.principle_slugs]
            by_principle.setdefault(slug, []).extend(item.grade for item in items)
            evidence.append(PrincipleEvidence(principles[slug], items))
        rounds.append(RoundDebrief(session, verdict, evidence, answers))
    gaps = [
        GapView(
            gap,
            principles[gap.principle],
            reverse("questions:list") + f"?principle={gap.principle}&guide={loop.guide.path}",
            _practice_url(gap.principle),
            reverse("stories:coverage"),
        )
        for gap in biggest_gaps(by_principle, list(principles))
    ]
    return Debrief(
        loop, rounds, loop_decision([r.verdict for r in rounds]), gaps, _next_steps(rounds)
    )


def _next_steps(rounds: list[RoundDebrief]) -> list[str]:
    """The most common improvements across the weakest answers, without repeats."""
    answers = sorted(
        (a for r in rounds for a in r.answers if _analysis_of(a)),
        key=lambda a: (a.final_grade or 0, a.pk),
    )
    steps: list[str] = []
    for answer in answers:
        for improvement in (_analysis_of(answer) or {}).get("improvements", []):
            if improvement not in steps:
                steps.append(improvement)
            if len(steps) == NEXT_STEPS:
                return steps
    return steps
