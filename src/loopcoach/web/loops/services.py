"""Running a mock loop: start it, run each round's clock, take answers and follow-ups.

An answer goes through the answering workflow (saved first, analysed second,
never lost); `loop_question_answer` is the one submit rule, for the pages and
the API. Ending a loop analyses again any answer the analyzer failed on.
Nothing here is called by a GET request: a round whose time ran out reads as
finished (`LoopRoundSession.state`) and is closed by the next write to it.
"""

from __future__ import annotations

import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from loopcoach.loops import BankQuestion, RoundSpec, draw_questions
from loopcoach.web.answering import services as answering
from loopcoach.web.answering.services import AnswerInputError
from loopcoach.web.guides.models import Guide
from loopcoach.web.loops.history import recent_question_ids
from loopcoach.web.loops.models import LoopQuestion, LoopRoundSession, MockLoop
from loopcoach.web.practice.models import Attempt
from loopcoach.web.questions.models import Question

MAX_OPEN_LOOPS = 20
FALLBACK_FOLLOW_UP = "What would you do differently if you faced the same situation again?"
DESIGN_FALLBACK_FOLLOW_UP = (
    "Which part of this design fails first at ten times the load, and what would you change?"
)


class LoopError(Exception):
    """A loop action that cannot be done now; the message is fit to show the user."""


class AnswerInvalid(LoopError):
    """The answer itself is unusable (empty, too long, not text): nothing was saved."""


@transaction.atomic
def loop_start(*, user: User, guide: Guide, minutes: int, seed: int | None = None) -> MockLoop:
    rounds = list(guide.rounds.prefetch_related("principles").order_by("order"))
    if not rounds:
        raise LoopError(f"The guide {guide} has no loop rounds to rehearse.")
    if (
        MockLoop.objects.filter(user=user, status=MockLoop.Status.IN_PROGRESS).count()
        >= MAX_OPEN_LOOPS
    ):
        raise LoopError(f"You have {MAX_OPEN_LOOPS} unfinished loops; finish or delete one first.")
    seed = secrets.randbelow(2**31) if seed is None else seed
    bank = [
        BankQuestion(
            q.pk,
            frozenset(p.slug for p in q.principles.all()),
            q.round.slug if q.round else None,
            q.category,
        )
        for q in guide.questions.active().select_related("round").prefetch_related("principles")
    ]
    specs = [
        RoundSpec(r.slug, tuple(p.slug for p in r.principles.all()), _round_category(r.slug, bank))
        for r in rounds
    ]
    draws = draw_questions(specs, bank, seed=seed, recent=recent_question_ids(user))
    loop = MockLoop.objects.create(user=user, guide=guide, seed=seed, round_minutes=minutes)
    for order, (loop_round, spec, draw) in enumerate(
        zip(rounds, specs, draws, strict=True), start=1
    ):
        session = LoopRoundSession.objects.create(
            loop=loop,
            round=loop_round,
            order=order,
            slug=loop_round.slug,
            name=loop_round.name,
            interviewer=loop_round.interviewer,
            is_bar_raiser=loop_round.is_bar_raiser,
            principle_slugs=list(spec.principles),
            uncovered_slugs=draw.uncovered,
            minutes=minutes,
        )
        LoopQuestion.objects.bulk_create(
            LoopQuestion(
                session=session, question_id=qid, order=n, principle_slugs=draw.covered[qid]
            )
            for n, qid in enumerate(draw.questions, start=1)
        )
    return loop


def _round_category(slug: str, bank: list[BankQuestion]) -> str | None:
    """A round under which the bank files system-design questions draws only those: they are
    answered and judged as designs, and a behavioral question there would test nothing of it."""
    design = Question.Category.SYSTEM_DESIGN
    return design if any(q.round == slug and q.category == design for q in bank) else None


def _close_if_over(session: LoopRoundSession) -> None:
    if not session.finished_at and session.started_at and session.seconds_left() == 0:
        session_finish(session=session)


@transaction.atomic
def round_enter(*, session: LoopRoundSession) -> LoopRoundSession:
    """Start or resume a round's clock; any other running round of the loop is paused."""
    _close_if_over(session)
    if session.finished_at or session.loop.is_finished:
        return session
    for other in session.loop.rounds.exclude(pk=session.pk).filter(resumed_at__isnull=False):
        round_leave(session=other)
    now = timezone.now()
    session.started_at = session.started_at or now
    session.resumed_at = session.resumed_at or now
    session.save(update_fields=["started_at", "resumed_at"])
    return session


def round_leave(*, session: LoopRoundSession) -> LoopRoundSession:
    """Pause the round's clock; the candidate resumes later where they stopped."""
    if session.resumed_at:
        session.elapsed_seconds = session.seconds_used()
        session.resumed_at = None
        session.save(update_fields=["elapsed_seconds", "resumed_at"])
    _close_if_over(session)
    return session


@transaction.atomic
def session_finish(*, session: LoopRoundSession) -> None:
    now = timezone.now()
    if session.resumed_at:
        session.elapsed_seconds = min(session.seconds_used(now), session.minutes * 60)
        session.resumed_at = None
    session.started_at = session.started_at or now
    session.finished_at = session.finished_at or now
    session.save(update_fields=["elapsed_seconds", "resumed_at", "started_at", "finished_at"])
    loop = session.loop
    if not loop.rounds.filter(finished_at__isnull=True).exists():
        loop_finish(loop=loop)


def loop_finish(*, loop: MockLoop) -> MockLoop:
    """End the loop now: unfinished rounds close, unanswered questions count as no evidence,
    and answers the analyzer failed on are analysed again for the debrief."""
    _loop_close(loop)
    answering.attempts_reanalyse(
        attempts=Attempt.objects.filter(loop_question__session__loop=loop, analysis__isnull=True)
    )
    return loop


@transaction.atomic
def _loop_close(loop: MockLoop) -> None:
    now = timezone.now()
    for session in loop.rounds.filter(finished_at__isnull=True):
        if session.resumed_at:
            session.elapsed_seconds = min(session.seconds_used(now), session.minutes * 60)
        session.resumed_at, session.finished_at = None, now
        session.save(update_fields=["elapsed_seconds", "resumed_at", "finished_at"])
    if loop.status != MockLoop.Status.FINISHED:
        loop.status, loop.finished_at = MockLoop.Status.FINISHED, now
        loop.save(update_fields=["status", "finished_at"])


def _follow_up_of(analysis: dict | None) -> str:
    follow_ups = (analysis or {}).get("follow_ups") or []
    if follow_ups:
        return follow_ups[0]
    design = (analysis or {}).get("kind") == "design"
    return DESIGN_FALLBACK_FOLLOW_UP if design else FALLBACK_FOLLOW_UP


def loop_question_answer(*, loop_question: LoopQuestion, text: str) -> LoopQuestion:
    """The one submit rule of a mock loop, for the pages and the API: a drawn question takes
    its answer, then the answer to the interviewer's follow-up, then nothing. Raises
    AnswerInvalid for unusable text and LoopError when the round or the question is over."""
    try:
        kind = (
            answering.attempt_kind(loop_question.question)
            if loop_question.state == LoopQuestion.State.UNANSWERED
            else Attempt.Kind.FOLLOW_UP
        )
        text = answering.answer_clean(text, kind=kind)
    except AnswerInputError as error:
        raise AnswerInvalid(str(error)) from None
    _close_if_over(LoopRoundSession.objects.select_related("loop").get(pk=loop_question.session_id))
    with transaction.atomic():
        drawn = (
            LoopQuestion.objects.select_for_update()
            .select_related("session__loop__user", "question")
            .get(pk=loop_question.pk)
        )
        session, state = drawn.session, drawn.state
        if session.loop.is_finished or session.finished_at:
            raise LoopError("This round is over: time ran out or the loop was ended.")
        if state == LoopQuestion.State.DONE:
            raise LoopError("This question and its follow-up are already answered.")
        if state == LoopQuestion.State.UNANSWERED:
            round_enter(session=session)
            attempt = answering.attempt_save(
                user=session.loop.user,
                question=drawn.question,
                answer=text,
                loop_question_id=drawn.pk,
            )
        else:
            attempt = answering.attempt_save(
                user=session.loop.user,
                question=drawn.question,
                answer=text,
                parent=drawn.answer,
                follow_up=drawn.follow_up,
            )
    answering.attempt_analyse(attempt=attempt)
    if state == LoopQuestion.State.UNANSWERED:
        drawn.follow_up = _follow_up_of(attempt.analysis)
        drawn.save(update_fields=["follow_up"])
    elif all(q.state == LoopQuestion.State.DONE for q in _questions(session)):
        session_finish(session=session)
    return _questions(session).get(pk=drawn.pk)


def _questions(session: LoopRoundSession) -> QuerySet[LoopQuestion]:
    return session.questions.select_related("question").prefetch_related("attempts")


def loop_delete(*, loop: MockLoop) -> None:
    loop.delete()
