"""The mock-loop pages: start a loop, go through its rounds, and read the debrief."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from loopcoach.web.answering.forms import AnswerForm
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.guides.models import Guide, Principle
from loopcoach.web.loops import selectors, services
from loopcoach.web.loops.debrief import loop_debrief
from loopcoach.web.loops.forms import StartForm
from loopcoach.web.loops.models import PRACTICE_MINUTES, LoopQuestion, LoopRoundSession, MockLoop
from loopcoach.web.loops.selectors import AskedQuestion
from loopcoach.web.practice.forms import DESIGN_HINT
from loopcoach.web.practice.models import Attempt
from loopcoach.web.questions.models import Question
from loopcoach.web.voice import services as voice


def _own_loop(request: AuthenticatedRequest, pk: int) -> MockLoop:
    loop = (
        MockLoop.objects.select_related("guide__company").filter(user=request.user, pk=pk).first()
    )
    if loop is None:
        raise Http404("No such loop.")
    return loop


def _own_round(request: AuthenticatedRequest, pk: int, order: int) -> LoopRoundSession:
    loop = _own_loop(request, pk)
    session = loop.rounds.filter(order=order).first()
    if session is None:
        raise Http404("No such round.")
    session.loop = loop
    return session


def _principles(guide: Guide) -> dict[str, Principle]:
    return {p.slug: p for p in guide.company.principles.all()}


@login_required
@require_http_methods(["GET", "POST"])
def loop_list(request: AuthenticatedRequest) -> HttpResponse:
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            loop = services.loop_start(
                user=request.user, guide=form.cleaned_data["guide"], minutes=form.minutes()
            )
        except services.LoopError as error:
            form.add_error(None, str(error))
        else:
            return redirect(loop)
    loops = (
        MockLoop.objects.filter(user=request.user)
        .select_related("guide__company")
        .prefetch_related("rounds")
    )
    return render(
        request,
        "loops/loop_list.html",
        {"form": form, "loops": loops, "practice_minutes": PRACTICE_MINUTES},
    )


def _next_round(loop: MockLoop, sessions: list[LoopRoundSession]) -> LoopRoundSession | None:
    if loop.is_finished:
        return None
    return next((s for s in sessions if s.is_open), None) or next(
        (s for s in sessions if s.state == LoopRoundSession.State.NOT_STARTED), None
    )


@dataclass(frozen=True)
class RoundRow:
    """A round on the loop's page."""

    session: LoopRoundSession
    principles: list[Principle]
    answered: int
    total: int


@login_required
@require_GET
def loop_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    loop = _own_loop(request, pk)
    sessions = list(selectors.rounds_of(loop))
    principles = _principles(loop.guide)
    rows = []
    for session in sessions:
        asked = selectors.round_questions(session)
        rows.append(
            RoundRow(
                session,
                [principles[p] for p in session.principle_slugs if p in principles],
                answered=sum(1 for q in asked if q.answered),
                total=len(asked),
            )
        )
    return render(
        request,
        "loops/loop_detail.html",
        {"loop": loop, "rounds": rows, "next_round": _next_round(loop, sessions)},
    )


@dataclass(frozen=True)
class AnswerBox:
    """The form for the question being answered now: its first answer or its follow-up."""

    question: AskedQuestion
    form: AnswerForm
    label: str
    button: str


def _answer_box(question: AskedQuestion | None) -> AnswerBox | None:
    if question is None:
        return None
    follow_up = question.state == LoopQuestion.State.FOLLOW_UP
    design = question.category == Question.Category.SYSTEM_DESIGN and not follow_up
    form = AnswerForm()
    form.fields["answer"].widget.attrs.update(
        id=f"answer-{question.pk}",
        rows=5 if follow_up else 16 if design else 10,
        placeholder="Answer the follow-up about the same story: the detail, the number, "
        "what you did."
        if follow_up
        else DESIGN_HINT
        if design
        else "Situation, task, what you did, and the result in numbers.",
    )
    if follow_up:
        return AnswerBox(question, form, "Your answer to the follow-up", "Answer the follow-up")
    return AnswerBox(question, form, "Your answer", "Submit the answer")


@login_required
@require_GET
def round_detail(request: AuthenticatedRequest, pk: int, order: int) -> HttpResponse:
    session = _own_round(request, pk, order)
    asked = selectors.round_questions(session)
    current = next((q for q in asked if q.state != LoopQuestion.State.DONE), None)
    running = session.state == LoopRoundSession.State.RUNNING
    principles = _principles(session.loop.guide)
    seconds_left = session.seconds_left()
    return render(
        request,
        "loops/round.html",
        {
            "loop": session.loop,
            "session": session,
            "round_count": session.loop.rounds.count(),
            "questions": asked,
            "current": current,
            "answer_box": _answer_box(current) if running else None,
            "principles": [principles[p] for p in session.principle_slugs if p in principles],
            "seconds_left": seconds_left,
            "minutes_left": seconds_left // 60,
            "next_session": session.loop.rounds.filter(
                order__gt=session.order, finished_at__isnull=True
            ).first(),
        },
    )


@login_required
@require_POST
def round_start(request: AuthenticatedRequest, pk: int, order: int) -> HttpResponse:
    session = _own_round(request, pk, order)
    services.round_enter(session=session)
    return redirect(session)


@login_required
@require_POST
def round_leave(request: AuthenticatedRequest, pk: int, order: int) -> HttpResponse:
    session = _own_round(request, pk, order)
    services.round_leave(session=session)
    messages.info(
        request,
        f"Round paused with {session.seconds_left() // 60} "
        "minutes left. Resume it when you are ready.",
    )
    return redirect(session.loop)


@login_required
@require_POST
def round_end(request: AuthenticatedRequest, pk: int, order: int) -> HttpResponse:
    session = _own_round(request, pk, order)
    services.session_finish(session=session)
    return redirect(session)


@login_required
@require_POST
def answer_create(
    request: AuthenticatedRequest, pk: int, order: int, answer_pk: int
) -> HttpResponse:
    session = _own_round(request, pk, order)
    drawn = session.questions.filter(pk=answer_pk).first()
    if drawn is None:
        raise Http404("No such question in this round.")
    form = AnswerForm(request.POST)
    try:
        if not form.is_valid():
            raise services.LoopError(" ".join(map(str, form.errors["answer"])))
        services.loop_question_answer(loop_question=drawn, text=form.cleaned_data["answer"])
        _attach_recording(request, drawn)
    except services.LoopError as error:
        messages.error(request, str(error))
    return redirect(session.get_absolute_url() + "#current")


def _attach_recording(request: AuthenticatedRequest, drawn: LoopQuestion) -> None:
    """A spoken answer (its transcript corrected in the box) keeps its recording."""
    answer = (
        Attempt.objects.filter(user=request.user, loop_question=drawn)
        .order_by("-created_at", "-id")
        .first()
    )
    if answer is not None:
        voice.recording_attach_posted(attempt=answer, value=request.POST.get("recording", ""))


@login_required
@require_POST
def loop_end(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    loop = _own_loop(request, pk)
    services.loop_finish(loop=loop)
    return redirect("loops:debrief", pk=loop.pk)


@login_required
@require_GET
def debrief(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    loop = _own_loop(request, pk)
    if not loop.is_finished:
        messages.info(
            request,
            "The debrief is written when the loop is over: finish the rounds or end the loop.",
        )
        return redirect(loop)
    return render(request, "loops/debrief.html", {"loop": loop, "debrief": loop_debrief(loop)})


@login_required
@require_http_methods(["GET", "POST"])
def loop_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    loop = _own_loop(request, pk)
    if request.method == "POST":
        services.loop_delete(loop=loop)
        messages.success(request, "Mock loop deleted.")
        return redirect("loops:list")
    return render(request, "loops/loop_confirm_delete.html", {"loop": loop})
