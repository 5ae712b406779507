"""The practice pages: hub, answer a question, feedback threads, history, dashboard, due queue.

Every view needs a logged-in candidate and reads only their rows: another
candidate's attempt or card is a 404, exactly like a missing one. Views
that htmx calls return the fragment the full page includes.
"""

from __future__ import annotations

import random
import re
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from loopcoach.repetition import RATINGS
from loopcoach.web.answering import services as answering
from loopcoach.web.answering.services import AnswerInputError
from loopcoach.web.coach.selectors import coach_panel
from loopcoach.web.core.requests import AuthenticatedRequest, HtmxRequest
from loopcoach.web.guides.models import Principle
from loopcoach.web.practice import selectors, services
from loopcoach.web.practice.chart import grades_chart
from loopcoach.web.practice.design_feedback import build_narrative
from loopcoach.web.practice.forms import WORDINGS, answer_boxes
from loopcoach.web.practice.models import Attempt, Draft, ReviewCard
from loopcoach.web.questions.models import Question
from loopcoach.web.questions.selectors import (
    QuestionFilters,
    question_filter,
    question_related,
    question_to_answer,
)
from loopcoach.web.voice import services as voice

TIMER_SECONDS = 120
MODE_NAMES = {"story": "Tell it", "narrative": "Write it", "design": "Design it"}
FORM_KEY = re.compile(r"^[a-z][a-z0-9-]{0,60}$")


def _echo(request: HttpRequest, question: Question, text: str, **extra: Any) -> dict:
    """What an answer form needs to render itself again (with an error) exactly where it was."""

    def key(name: str, default: str) -> str:
        value = request.POST.get(name, "")
        return value if FORM_KEY.match(value) else default

    revision_of = extra.get("revision_of")
    kind = revision_of.kind if revision_of is not None else request.POST.get("kind", "")
    return {
        "kind": kind if kind in answering.answer_kinds(question) else "",
        "form_id": key("form_id", "answer-form"),
        "slot": key("slot", Draft.ANSWER_SLOT),
        "target": key("target", "practice"),
        "swap": "outerHTML" if request.POST.get("swap") == "outerHTML" else "innerHTML",
        "text": text,
        "question": question,
        **answer_boxes(),
        "words": WORDINGS.of(
            parent=extra.get("parent"), revision_of=extra.get("revision_of"), kind=kind
        ),
        **extra,
    }


def _question(pk: int) -> Question:
    return get_object_or_404(
        Question.objects.select_related("guide__company", "round").prefetch_related("principles"),
        pk=pk,
    )


def _duration(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() and int(raw) < 24 * 3600 else None


@login_required
@require_GET
def hub(request: AuthenticatedRequest) -> HttpResponse:
    filters = QuestionFilters.from_params(request.GET)
    questions = Paginator(question_filter(filters), 20).get_page(request.GET.get("page"))
    practised = {row["question"].pk: row for row in selectors.practised_questions(request.user)}
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "practice/hub.html",
        {
            "filters": filters,
            "questions": questions,
            "practised": practised,
            "base_query": query.urlencode(),
            "categories": Question.Category.choices,
            "principles": Principle.objects.select_related("company").order_by(
                "company__name", "order"
            ),
            "due_count": selectors.cards_due(request.user).count(),
        },
    )


@login_required
@require_GET
def random_question(request: AuthenticatedRequest) -> HttpResponse:
    """A random question (within the hub's filters), preferring ones not practised yet."""
    candidates = list(
        question_filter(QuestionFilters.from_params(request.GET)).values_list("pk", flat=True)
    )
    if not candidates:
        return redirect(reverse("practice:hub") + "?" + request.GET.urlencode())
    done = set(selectors.attempts_of(request.user).values_list("question_id", flat=True))
    fresh = [pk for pk in candidates if pk not in done]
    return redirect("practice:question", pk=random.choice(fresh or candidates))


def _modes(question: Question, asked: str | None) -> dict:
    """How the question is answered on its page: `kind` (design, narrative, story) and, for a
    writing question, the modes to switch between ("writing mode" or telling it)."""
    kinds = answering.answer_kinds(question)
    kind = asked if asked in kinds else kinds[0]
    modes = [(k, MODE_NAMES[k]) for k in kinds] if len(kinds) > 1 else []
    return {"kind": kind if kinds != answering.STORY_KINDS else "", "modes": modes}


def _practice_context(request: AuthenticatedRequest, question: Question, **extra: Any) -> dict:
    modes = _modes(question, extra.pop("mode", None) or request.GET.get("mode"))
    draft = Draft.objects.filter(
        user=request.user, question=question, slot=Draft.ANSWER_SLOT
    ).first()
    card = ReviewCard.objects.filter(user=request.user, question=question).first()
    return {
        "question": question,
        "related": question_related(question),
        "history": selectors.question_history(user=request.user, question=question),
        "text": draft.text if draft else "",
        "draft_updated": draft.updated_at.isoformat() if draft else "",
        "card": card,
        "timer_seconds": TIMER_SECONDS,
        **answer_boxes(),
        "answer_slot": Draft.ANSWER_SLOT,
        **modes,
        **extra,
    }


@login_required
@require_GET
def question(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return render(request, "practice/question.html", _practice_context(request, _question(pk)))


def _form_error(request: HtmxRequest, template: str, context: dict, message: str) -> HttpResponse:
    """Show the form again with its error: as a fragment in place for htmx, as a page without it."""
    response = render(
        request, template, {**context, "error": message}, status=422 if request.htmx else 400
    )
    if request.htmx:
        response["HX-Retarget"] = f"#{context['form_id']}"
        response["HX-Reswap"] = "outerHTML"
    return response


def _thread_response(request: AuthenticatedRequest, attempt: Attempt) -> HttpResponse:
    if not request.htmx:
        return redirect(attempt.get_absolute_url())
    response = render(request, "practice/_thread.html", _thread_context(request, attempt))
    response["HX-Push-Url"] = attempt.get_absolute_url()
    return response


@login_required
@require_POST
def attempt_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    question = question_to_answer(pk)  # from the cache, like the API's
    if question is None:
        raise Http404("No such question.")
    revision_of = None
    if request.POST.get("revision_of"):
        revision_of = get_object_or_404(
            selectors.attempts_of(request.user).filter(question=question),
            pk=request.POST["revision_of"] if request.POST["revision_of"].isdigit() else 0,
        )
    answer, kind = request.POST.get("answer", ""), request.POST.get("kind") or None
    try:
        attempt = services.attempt_create(
            user=request.user,
            question=question,
            answer=answer,
            duration_seconds=_duration(request.POST.get("duration_seconds")),
            revision_of=revision_of,
            kind=kind,
        )
    except AnswerInputError as exc:
        if request.htmx:
            form = _echo(request, question, answer, revision_of=revision_of)
            return _form_error(request, "practice/_answer_form.html", form, str(exc))
        context = _practice_context(request, question, error=str(exc), text=answer, mode=kind)
        return render(request, "practice/question.html", context, status=400)
    voice.recording_attach_posted(attempt=attempt, value=request.POST.get("recording", ""))
    if revision_of is not None and revision_of.parent is not None:
        return _follow_up_response(request, revision_of.parent, attempt)
    return _thread_response(request, attempt)


@login_required
@require_POST
def follow_up_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    parent = selectors.attempt_get(user=request.user, pk=pk)
    answer, follow_up = request.POST.get("answer", ""), request.POST.get("follow_up", "")
    try:
        attempt = services.attempt_follow_up_create(
            user=request.user, parent=parent, follow_up=follow_up, answer=answer
        )
    except AnswerInputError as exc:
        form = _echo(request, parent.question, answer, parent=parent, follow_up=follow_up)
        if request.htmx:
            return _form_error(request, "practice/_answer_form.html", form, str(exc))
        context = {**_thread_context(request, parent), "error": str(exc)}
        return render(request, "practice/attempt.html", context, status=400)
    return _follow_up_response(request, parent, attempt)


def _follow_up_response(
    request: AuthenticatedRequest, parent: Attempt, attempt: Attempt
) -> HttpResponse:
    if not request.htmx:
        return redirect(f"{parent.get_absolute_url()}#a{attempt.pk}")
    node = selectors.thread(parent)
    box = next((b for b in node.boxes if any(n.attempt.pk == attempt.pk for n in b.nodes)), None)
    return render(
        request,
        "practice/_box.html",
        {
            "box": box,
            "parent": parent,
            "question": parent.question,
            "drafts": {},
            **answer_boxes(),
        },
    )


def _thread_context(request: AuthenticatedRequest, attempt: Attempt) -> dict:
    root = attempt
    while root.parent is not None:
        root = root.parent
    drafts = Draft.objects.filter(user=request.user, question=root.question).values_list(
        "slot", "text"
    )
    return {
        "question": root.question,
        "node": selectors.thread(root),
        "versions": selectors.versions_of(root),
        "card": ReviewCard.objects.filter(user=request.user, question=root.question).first(),
        "ratings": RATINGS,
        "root": root,
        "drafts": dict(drafts),
        "coach": coach_panel(root),
        **answer_boxes(),
    }


@login_required
@require_GET
@vary_on_headers("HX-Request")
def attempt_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    attempt = selectors.attempt_get(user=request.user, pk=pk)
    context = _thread_context(request, attempt)
    if request.htmx:
        return render(request, "practice/_thread.html", context)
    return render(
        request,
        "practice/attempt.html",
        {**context, "related": question_related(context["question"])},
    )


@login_required
@require_POST
def attempt_retry(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    attempt = selectors.attempt_get(user=request.user, pk=pk)
    if attempt.analysis is None:
        answering.attempt_analyse(attempt=attempt)
    return _thread_response(request, attempt)


@login_required
@require_POST
def card_rate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    card = selectors.card_get(user=request.user, pk=pk)
    raw = request.POST.get("rating", "")
    try:
        card = services.review_card_rate(card=card, rating=int(raw) if raw.isdigit() else 0)
    except AnswerInputError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain")
    if request.htmx:
        return render(request, "practice/_card.html", {"card": card, "ratings": RATINGS})
    return redirect(request.POST["next"] if _safe_next(request) else "practice:due")


def _safe_next(request: HttpRequest) -> bool:
    from django.utils.http import url_has_allowed_host_and_scheme

    return url_has_allowed_host_and_scheme(
        request.POST.get("next"), allowed_hosts={request.get_host()}
    )


@login_required
@require_POST
def draft_save(request: AuthenticatedRequest) -> JsonResponse:
    raw_pk = request.POST.get("question", "")
    question = get_object_or_404(Question, pk=int(raw_pk) if raw_pk.isdigit() else 0)
    try:
        draft = services.draft_save(
            user=request.user,
            question=question,
            slot=request.POST.get("slot", ""),
            text=request.POST.get("text", ""),
        )
    except AnswerInputError as exc:
        return JsonResponse({"error": "bad_request", "message": str(exc)}, status=400)
    return JsonResponse(
        {"saved": draft is not None, "updated_at": draft.updated_at.isoformat() if draft else None}
    )


def _writing_questions() -> Any:
    return (
        Question.objects.active()
        .filter(category=Question.Category.WRITING)
        .select_related("guide__company")
        .order_by("guide", "id")
    )


@login_required
@require_GET
def writing(request: AuthenticatedRequest) -> HttpResponse:
    """Writing mode: the bank's writing questions, and a box to review a writing sample or a
    narrative draft without keeping it."""
    return render(
        request,
        "practice/writing.html",
        {"questions": _writing_questions(), **answer_boxes(), "words": WORDINGS.narrative},
    )


@login_required
@require_POST
def writing_review(request: AuthenticatedRequest) -> HttpResponse:
    """Review a pasted writing sample; nothing is saved, and the text stays in its box (the
    review, or the reason there is none, replaces only the panel below it)."""
    text = request.POST.get("text", "")
    try:
        text = answering.answer_clean(text, kind=Attempt.Kind.NARRATIVE)
    except AnswerInputError as exc:
        return _writing_result(request, {"error": str(exc)}, status=422 if request.htmx else 400)
    analysis = answering.narrative_analyse(text=text, what="a writing sample")
    if analysis.report is None:
        return _writing_result(request, {"error": analysis.error}, status=422)
    fb = build_narrative(analysis.report, text, anchor="sample")
    return _writing_result(request, {"fb": fb, "text": text})


def _writing_result(
    request: AuthenticatedRequest, context: dict, status: int = 200
) -> HttpResponse:
    if request.htmx:
        return render(request, "practice/_writing_result.html", context, status=status)
    page = {
        "questions": _writing_questions(),
        **answer_boxes(),
        "words": WORDINGS.narrative,
        "text": request.POST.get("text", ""),
        **context,
    }
    return render(request, "practice/writing.html", page, status=status)


@login_required
@require_GET
def history(request: AuthenticatedRequest) -> HttpResponse:
    rows = selectors.practised_questions(request.user)
    return render(request, "practice/history.html", {"rows": rows})


@login_required
@require_GET
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    progress = selectors.progress(request.user)
    return render(
        request,
        "practice/dashboard.html",
        {"progress": progress, "chart": grades_chart(progress.points)},
    )


@login_required
@require_GET
def due(request: AuthenticatedRequest) -> HttpResponse:
    cards = selectors.cards_due(request.user)
    upcoming = (
        ReviewCard.objects.filter(user=request.user)
        .exclude(pk__in=[c.pk for c in cards])
        .select_related("question")
        .order_by("due")[:10]
    )
    return render(
        request, "practice/due.html", {"cards": cards, "upcoming": upcoming, "ratings": RATINGS}
    )
