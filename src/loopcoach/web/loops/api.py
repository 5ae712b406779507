"""/api/v1/loops: start a mock loop, answer its
questions, read the debrief. Private to the owner."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from ninja import Router, Schema, Status
from pydantic import Field

from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import (
    PRIVATE_REFUSALS,
    ErrorOut,
    bad_request,
    conflict,
    invalid,
    not_found,
)
from loopcoach.web.api.pagination import Page, PageNumber, paginate
from loopcoach.web.api.schemas import Id, Input
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.guides.api import GuidePath, guide_by_path
from loopcoach.web.loops import selectors, services
from loopcoach.web.loops.debrief import Debrief, loop_debrief
from loopcoach.web.loops.models import PRACTICE_MINUTES, LoopRoundSession, MockLoop
from loopcoach.web.loops.selectors import AskedQuestion, loop_question_of

router = Router(tags=["loops"], auth=token_or_session)


class LoopIn(Input):
    guide: GuidePath
    length: Literal["practice", "real"] = Field(
        "practice", description="practice: 15 minutes a round; real: the guide's length"
    )
    seed: Annotated[int, Field(ge=0, lt=2**31)] | None = Field(
        None, description="Draws the same questions again"
    )


class LoopAnswerIn(Input):
    question_id: Id = Field(description="One of the loop's questions")
    answer: str


class LoopQuestionOut(Schema):
    question_id: int
    text: str
    principles: list[str]
    state: str
    answer: str | None
    grade: int | None
    follow_up: str | None
    follow_up_answer: str | None
    final_grade: int | None
    delivery: dict[str, Any] | None = Field(
        description="An answer given out loud: its delivery figures (pace, pauses, fillers, "
        "speaking time), as on GET /api/v1/attempts/{id}"
    )
    follow_up_delivery: dict[str, Any] | None


class LoopAnswerOut(LoopQuestionOut):
    analysis: dict[str, Any] | None
    loop_status: str


class LoopRoundOut(Schema):
    order: int
    slug: str
    name: str
    interviewer: str
    bar_raiser: bool
    principles: list[str]
    uncovered_principles: list[str]
    minutes: int
    state: str
    seconds_left: int
    questions: list[LoopQuestionOut]


class LoopSummaryOut(Schema):
    id: int
    guide: str
    status: str
    created_at: str
    url: str


class LoopOut(LoopSummaryOut):
    seed: int
    round_minutes: int
    finished_at: str | None
    rounds: list[LoopRoundOut]


class DecisionOut(Schema):
    outcome: str
    vetoed: bool
    reasons: list[str]
    hire_votes: int
    votes: int


class EvidenceItemOut(Schema):
    question_id: int
    grade: int | None
    quote: str | None


class EvidenceOut(Schema):
    principle: str
    items: list[EvidenceItemOut]


class DebriefRoundOut(Schema):
    order: int
    slug: str
    name: str
    bar_raiser: bool
    vote: str
    mean_grade: float | None
    reason: str
    evidence: list[EvidenceOut]


class GapOut(Schema):
    principle: str
    name: str
    mean_grade: float | None
    answers: int
    questions_url: str
    practice_url: str


class DebriefOut(Schema):
    loop: int
    decision: DecisionOut
    rounds: list[DebriefRoundOut]
    gaps: list[GapOut]
    next_steps: list[str]


def _question_out(answer: AskedQuestion) -> dict:
    return {
        "question_id": answer.question_id,
        "text": answer.text,
        "principles": answer.principles,
        "state": answer.state,
        "answer": answer.answer,
        "grade": answer.grade,
        "follow_up": answer.follow_up,
        "follow_up_answer": answer.follow_up_answer,
        "final_grade": answer.final_grade,
        "delivery": answer.delivery,
        "follow_up_delivery": answer.follow_up_delivery,
    }


def _round_out(session: LoopRoundSession) -> dict:
    return {
        "order": session.order,
        "slug": session.slug,
        "name": session.name,
        "interviewer": session.interviewer,
        "bar_raiser": session.is_bar_raiser,
        "principles": session.principle_slugs,
        "uncovered_principles": session.uncovered_slugs,
        "minutes": session.minutes,
        "state": session.state,
        "seconds_left": session.seconds_left(),
        "questions": [_question_out(a) for a in selectors.round_questions(session)],
    }


def loop_summary_out(loop: MockLoop) -> dict:
    return {
        "id": loop.pk,
        "guide": loop.guide.path,
        "status": loop.current_status,
        "created_at": loop.created_at.isoformat(),
        "url": loop.get_absolute_url(),
    }


def loop_out(loop: MockLoop) -> dict:
    sessions = selectors.rounds_of(loop)
    return {
        **loop_summary_out(loop),
        "seed": loop.seed,
        "round_minutes": loop.round_minutes,
        "finished_at": loop.finished_at.isoformat() if loop.finished_at else None,
        "rounds": [_round_out(session) for session in sessions],
    }


def debrief_out(debrief: Debrief) -> dict:
    decision = debrief.decision
    return {
        "loop": debrief.loop.pk,
        "decision": {
            "outcome": decision.outcome.value,
            "vetoed": decision.vetoed,
            "reasons": list(decision.reasons),
            "hire_votes": decision.hire_votes,
            "votes": decision.votes,
        },
        "rounds": [
            {
                "order": r.session.order,
                "slug": r.session.slug,
                "name": r.session.name,
                "bar_raiser": r.session.is_bar_raiser,
                "vote": r.verdict.vote.value,
                "mean_grade": r.verdict.mean,
                "reason": r.verdict.reason,
                "evidence": [
                    {
                        "principle": pe.principle.slug,
                        "items": [
                            {
                                "question_id": item.answer.question_id,
                                "grade": item.grade,
                                "quote": item.quote or None,
                            }
                            for item in pe.items
                        ],
                    }
                    for pe in r.principles
                ],
            }
            for r in debrief.rounds
        ],
        "gaps": [
            {
                "principle": g.principle.slug,
                "name": g.principle.name,
                "mean_grade": g.gap.mean,
                "answers": g.gap.answers,
                "questions_url": g.questions_url,
                "practice_url": g.practice_url,
            }
            for g in debrief.gaps
        ],
        "next_steps": debrief.next_steps,
    }


def _own_loop(request: AuthenticatedRequest, pk: int) -> MockLoop:
    loop = (
        MockLoop.objects.select_related("guide__company").filter(user=request.user, pk=pk).first()
    )
    if loop is None:
        raise not_found(f"No loop {pk}.")
    return loop


@router.get("/loops", response={200: Page[LoopSummaryOut], **PRIVATE_REFUSALS})
def loop_list(request: AuthenticatedRequest, page: PageNumber = 1) -> dict:
    loops = (
        MockLoop.objects.filter(user=request.user)
        .select_related("guide__company")
        .prefetch_related("rounds")
    )
    return paginate(loops, page, loop_summary_out)


@router.post("/loops", response={201: LoopOut, 409: ErrorOut, **PRIVATE_REFUSALS})
def loop_create(request: AuthenticatedRequest, body: LoopIn) -> Status[dict]:
    """Start a mock loop: questions drawn for each round of the guide's loop."""
    guide = guide_by_path(body.guide)
    if guide is None:  # removed since the body was validated
        raise invalid({"guide": f"no guide '{body.guide}'"})
    minutes = guide.round_minutes_max if body.length == "real" else PRACTICE_MINUTES
    try:
        loop = services.loop_start(user=request.user, guide=guide, minutes=minutes, seed=body.seed)
    except services.LoopError as error:
        raise conflict(str(error)) from None
    return Status(201, loop_out(loop))


@router.get("/loops/{int:pk}", response={200: LoopOut, **PRIVATE_REFUSALS})
def loop_detail(request: AuthenticatedRequest, pk: int) -> dict:
    return loop_out(_own_loop(request, pk))


@router.post(
    "/loops/{int:pk}/answers", response={201: LoopAnswerOut, 409: ErrorOut, **PRIVATE_REFUSALS}
)
def loop_answer(request: AuthenticatedRequest, pk: int, body: LoopAnswerIn) -> Status[dict]:
    """Answer a question of the loop, then (a second call) its follow-up."""
    loop = _own_loop(request, pk)
    drawn = loop_question_of(loop, body.question_id)
    if drawn is None:
        raise not_found(f"Question {body.question_id} is not in loop {pk}.")
    try:
        answered = selectors.asked_question(
            services.loop_question_answer(loop_question=drawn, text=body.answer)
        )
    except services.AnswerInvalid as error:
        raise bad_request(str(error)) from None
    except services.LoopError as error:
        raise conflict(str(error)) from None
    loop.refresh_from_db()
    return Status(
        201,
        {
            **_question_out(answered),
            "analysis": answered.analysis,
            "loop_status": loop.current_status,
        },
    )


@router.post("/loops/{int:pk}/end", response={200: DebriefOut, **PRIVATE_REFUSALS})
def loop_end(request: AuthenticatedRequest, pk: int) -> dict:
    """End the loop now (unanswered questions count against it) and return its debrief."""
    loop = _own_loop(request, pk)
    services.loop_finish(loop=loop)
    return debrief_out(loop_debrief(loop))


@router.get(
    "/loops/{int:pk}/debrief", response={200: DebriefOut, 409: ErrorOut, **PRIVATE_REFUSALS}
)
def loop_debrief_view(request: AuthenticatedRequest, pk: int) -> dict:
    loop = _own_loop(request, pk)
    if not loop.is_finished:
        raise conflict(
            "The loop is not over: answer every question and follow-up, "
            f"or end it with POST /api/v1/loops/{pk}/end."
        )
    return debrief_out(loop_debrief(loop))
