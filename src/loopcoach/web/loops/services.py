"""Running a mock loop: start it, run each round's clock, take answers and follow-ups.

Answers are saved first and analysed second, so an analyzer failure never
loses what the candidate wrote; an answer without analysis is analysed again
when the debrief is built.
"""

from __future__ import annotations

import logging
import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from loopcoach.analysis import AnalysisInputError, analyze
from loopcoach.analysis.validation import check_answer
from loopcoach.loops import BankQuestion, RoundSpec, draw_questions
from loopcoach.web.guides.models import Guide
from loopcoach.web.loops.history import recent_question_ids
from loopcoach.web.loops.models import LoopAnswer, LoopRoundSession, MockLoop
from loopcoach.web.questions.models import Question

log = logging.getLogger(__name__)
MAX_ANSWER_LENGTH = 10_000
MAX_OPEN_LOOPS = 20
FALLBACK_FOLLOW_UP = "What would you do differently if you faced the same situation again?"


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
            q.pk, frozenset(p.slug for p in q.principles.all()), q.round.slug if q.round else None
        )
        for q in guide.questions.active().select_related("round").prefetch_related("principles")
    ]
    specs = [RoundSpec(r.slug, tuple(p.slug for p in r.principles.all())) for r in rounds]
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
        LoopAnswer.objects.bulk_create(
            LoopAnswer(session=session, question_id=qid, order=n, principle_slugs=draw.covered[qid])
            for n, qid in enumerate(draw.questions, start=1)
        )
    return loop


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


def round_refresh(*, session: LoopRoundSession) -> LoopRoundSession:
    """Close the round if its time ran out while nobody was looking."""
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


@transaction.atomic
def loop_finish(*, loop: MockLoop) -> MockLoop:
    """End the loop now: unfinished rounds close, unanswered questions count as no evidence."""
    now = timezone.now()
    for session in loop.rounds.filter(finished_at__isnull=True):
        if session.resumed_at:
            session.elapsed_seconds = min(session.seconds_used(now), session.minutes * 60)
        session.resumed_at, session.finished_at = None, now
        session.save(update_fields=["elapsed_seconds", "resumed_at", "finished_at"])
    if not loop.is_finished:
        loop.status, loop.finished_at = MockLoop.Status.FINISHED, now
        loop.save(update_fields=["status", "finished_at"])
    return loop


def _clean_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise AnswerInvalid("Write an answer first.")
    if len(text) > MAX_ANSWER_LENGTH:
        raise AnswerInvalid(f"Keep the answer under {MAX_ANSWER_LENGTH:,} characters.")
    try:  # refuse what the analyzer would refuse before anything is saved
        return check_answer(text)
    except AnalysisInputError as error:
        raise AnswerInvalid(str(error)) from error


def _check_open(answer: LoopAnswer) -> None:
    session = answer.session
    _close_if_over(session)
    if session.loop.is_finished or session.finished_at:
        raise LoopError("This round is over: time ran out or the loop was ended.")


def _analyse(text: str, question: Question) -> dict | None:
    try:
        return analyze(text, question=question.text).to_dict()
    except Exception:  # noqa: BLE001 — the answer is saved; the debrief analyses it again
        log.exception("analysing a loop answer failed")
        return None


def _follow_up_of(analysis: dict | None) -> str:
    follow_ups = (analysis or {}).get("follow_ups") or []
    return follow_ups[0] if follow_ups else FALLBACK_FOLLOW_UP


def answer_submit(*, answer: LoopAnswer, text: str) -> LoopAnswer:
    """The main answer to a drawn question: saved, analysed, and given one follow-up."""
    text = _clean_text(text)
    round_refresh(session=LoopRoundSession.objects.select_related("loop").get(pk=answer.session_id))
    with transaction.atomic():
        answer = (
            LoopAnswer.objects.select_for_update()
            .select_related("session__loop", "question")
            .get(pk=answer.pk)
        )
        _check_open(answer)
        if answer.answered_at:
            raise LoopError("This question is already answered.")
        round_enter(session=answer.session)
        answer.answer, answer.answered_at = text, timezone.now()
        answer.save(update_fields=["answer", "answered_at"])
    analysis = _analyse(text, answer.question)
    answer.analysis = analysis
    answer.grade = analysis["grade"] if analysis else None
    answer.final_grade = answer.grade
    answer.follow_up = _follow_up_of(analysis)
    answer.save(update_fields=["analysis", "grade", "final_grade", "follow_up"])
    return answer


def follow_up_submit(*, answer: LoopAnswer, text: str) -> LoopAnswer:
    """The answer to the interviewer's follow-up. The interviewer now judges the whole exchange:
    the analysis runs over answer and follow-up together, and that grade is the question's."""
    text = _clean_text(text)
    round_refresh(session=LoopRoundSession.objects.select_related("loop").get(pk=answer.session_id))
    with transaction.atomic():
        answer = (
            LoopAnswer.objects.select_for_update()
            .select_related("session__loop", "question")
            .get(pk=answer.pk)
        )
        _check_open(answer)
        if answer.state != "follow-up":
            raise LoopError("There is no follow-up waiting for an answer here.")
        answer.follow_up_answer, answer.follow_up_answered_at = text, timezone.now()
        answer.save(update_fields=["follow_up_answer", "follow_up_answered_at"])
    analysis = _analyse(f"{answer.answer}\n\n{text}", answer.question)
    answer.follow_up_analysis = analysis
    answer.final_grade = analysis["grade"] if analysis else answer.grade
    answer.save(update_fields=["follow_up_analysis", "final_grade"])
    if (
        not answer.session.answers.exclude(pk=answer.pk)
        .exclude(follow_up_answered_at__isnull=False)
        .exists()
    ):
        session_finish(session=answer.session)
    return answer


def answers_reanalyse(*, loop: MockLoop) -> None:
    """Analyse answers whose analysis failed when they were given."""
    pending = LoopAnswer.objects.filter(
        session__loop=loop, answered_at__isnull=False, analysis__isnull=True
    )
    for answer in pending.select_related("question"):
        try:
            answer.analysis = analyze(answer.answer, question=answer.question.text).to_dict()
        except Exception:  # noqa: BLE001
            log.exception("analysing loop answer %s failed again", answer.pk)
            continue
        answer.grade = answer.final_grade = answer.analysis["grade"]
        answer.follow_up = answer.follow_up or _follow_up_of(answer.analysis)
        answer.save(update_fields=["analysis", "grade", "final_grade", "follow_up"])


def loop_delete(*, loop: MockLoop) -> None:
    loop.delete()
