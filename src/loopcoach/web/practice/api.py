"""/api/v1/analyze (public, rate-limited) and the private attempts and reviews API.

Callers authenticate with a personal API token (`Authorization: Bearer …`,
no CSRF needed) or a browser session (writes then need the CSRF token);
see `loopcoach.web.api.auth`, shared by every private endpoint. Another user's
attempt answers 404, like a missing one.
"""

from __future__ import annotations

from typing import overload

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from loopcoach.analysis import AnalysisInputError, analyze
from loopcoach.web.answering.services import AnswerInputError
from loopcoach.web.api.auth import BadRequest, api_login_required, json_body
from loopcoach.web.api.serializers import question_summary_dict
from loopcoach.web.api.views import error as api_error
from loopcoach.web.core import ratelimit
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.practice import selectors, services
from loopcoach.web.practice.models import Attempt, ReviewCard
from loopcoach.web.questions.models import Question


def attempt_dict(attempt: Attempt, *, follow_ups: list[Attempt] | None = None) -> dict:
    data = {
        "id": attempt.pk,
        "question": question_summary_dict(attempt.question),
        "answer": attempt.answer,
        "version": attempt.version,
        "revision_of": attempt.revision_of_id,
        "parent": attempt.parent_id,
        "follow_up": attempt.follow_up or None,
        "grade": attempt.grade,
        "analysis": attempt.analysis,
        "analysis_error": attempt.analysis_error or None,
        "duration_seconds": attempt.duration_seconds,
        "created_at": attempt.created_at.isoformat(),
        "url": attempt.get_absolute_url(),
    }
    if follow_ups is not None:
        data["follow_ups"] = [attempt_dict(child) for child in follow_ups]
    return data


def card_dict(card: ReviewCard) -> dict:
    return {
        "id": card.pk,
        "question": question_summary_dict(card.question),
        "due": card.due.isoformat(),
        "last_rating": card.last_rating,
        "last_rating_name": card.rating_name or None,
        "rating_overridden": card.rating_overridden,
        "reviews": card.reviews,
        "last_attempt": card.last_attempt_id,
    }


@overload
def _text(data: dict, name: str) -> str: ...
@overload
def _text(data: dict, name: str, *, required: bool) -> str | None: ...
def _text(data: dict, name: str, *, required: bool = True) -> str | None:
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise BadRequest(
            f"'{name}' is required and must be a string."
            if required
            else f"'{name}' must be a string."
        )
    return value


@csrf_exempt  # no session, no state: nothing a forged request could abuse
@require_POST
def analyze_answer(request: HttpRequest) -> JsonResponse:
    used = ratelimit.hit(f"analyze:{ratelimit.client_ip(request)}", window_seconds=60)
    if used > settings.ANALYZE_RATE_PER_MINUTE:
        response = api_error(
            429,
            "rate_limited",
            f"More than {settings.ANALYZE_RATE_PER_MINUTE} analyses a minute; wait a minute.",
        )
        response["Retry-After"] = "60"
        return response
    try:
        data = json_body(request)
        answer = _text(data, "answer")
        question, principle = (
            _text(data, "question", required=False),
            _text(data, "principle", required=False),
        )
        return JsonResponse(analyze(answer, question=question, principle=principle).to_dict())
    except (BadRequest, AnalysisInputError) as exc:
        return api_error(400, "bad_request", str(exc))


@api_login_required
@require_http_methods(["GET", "POST"])
def attempt_collection(request: AuthenticatedRequest) -> JsonResponse:
    if request.method == "POST":
        return _attempt_post(request)
    attempts = selectors.attempts_of(request.user).prefetch_related("question__principles")
    raw_question = request.GET.get("question_id")
    if raw_question:
        if not raw_question.isdigit():
            return api_error(400, "bad_request", "question_id must be a positive integer.")
        attempts = attempts.filter(question_id=int(raw_question))
    raw_page = request.GET.get("page") or "1"
    if not raw_page.isdigit() or int(raw_page) < 1:
        return api_error(400, "bad_request", "page must be a positive integer.")
    paginator = Paginator(attempts, settings.API_PAGE_SIZE)
    try:
        page = paginator.page(int(raw_page))
    except EmptyPage:
        return api_error(
            404, "not_found", f"Page {raw_page} is past the last page ({paginator.num_pages})."
        )
    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": page.number + 1 if page.has_next() else None,
            "previous": page.number - 1 if page.has_previous() else None,
            "results": [attempt_dict(a) for a in page.object_list],
        }
    )


def _attempt_post(request: AuthenticatedRequest) -> JsonResponse:
    try:
        data = json_body(request)
        question_id = data.get("question_id")
        if not isinstance(question_id, int) or isinstance(question_id, bool):
            raise BadRequest("'question_id' is required and must be an integer.")
        answer = _text(data, "answer")
        question = Question.objects.filter(pk=question_id).first()
        if question is None:
            return api_error(404, "not_found", f"No question {question_id}.")
        attempt = services.attempt_create(user=request.user, question=question, answer=answer)
    except (BadRequest, AnswerInputError) as exc:
        return api_error(400, "bad_request", str(exc))
    return JsonResponse(attempt_dict(attempt, follow_ups=[]), status=201)


@api_login_required
@require_GET
def attempt_item(request: AuthenticatedRequest, pk: int) -> JsonResponse:
    attempt = selectors.attempts_of(request.user).filter(pk=pk).first()
    if attempt is None:
        return api_error(404, "not_found", f"No attempt {pk}.")
    return JsonResponse(
        attempt_dict(
            attempt,
            follow_ups=list(
                attempt.follow_ups.select_related("question").order_by("created_at", "id")
            ),
        )
    )


@api_login_required
@require_POST
def follow_up_collection(request: AuthenticatedRequest, pk: int) -> JsonResponse:
    parent = selectors.attempts_of(request.user).filter(pk=pk).first()
    if parent is None:
        return api_error(404, "not_found", f"No attempt {pk}.")
    try:
        data = json_body(request)
        attempt = services.attempt_follow_up_create(
            user=request.user,
            parent=parent,
            follow_up=_text(data, "follow_up"),
            answer=_text(data, "answer"),
        )
    except (BadRequest, AnswerInputError) as exc:
        return api_error(400, "bad_request", str(exc))
    return JsonResponse(attempt_dict(attempt, follow_ups=[]), status=201)


@api_login_required
@require_GET
def reviews_due(request: AuthenticatedRequest) -> JsonResponse:
    cards = selectors.cards_due(request.user)
    return JsonResponse({"count": len(cards), "results": [card_dict(card) for card in cards]})
