"""The JSON API under /api/v1/ (read side of guides and questions)."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from loopcoach.web.api.auth import api_error
from loopcoach.web.api.openapi import openapi_document
from loopcoach.web.api.serializers import guide_dict, guide_summary_dict, question_dict
from loopcoach.web.guides.models import Guide
from loopcoach.web.guides.selectors import guide_get
from loopcoach.web.questions.models import Question
from loopcoach.web.questions.selectors import QuestionFilters, question_filter

error = api_error  # the read endpoints' name for it


@require_GET
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_document(), json_dumps_params={"indent": 2})


@require_GET
def guide_list(request: HttpRequest) -> JsonResponse:
    guides = Guide.objects.select_related("company").order_by("company__name", "role_name")
    return JsonResponse({"results": [guide_summary_dict(guide) for guide in guides]})


@require_GET
def guide_detail(request: HttpRequest, company: str, role: str) -> JsonResponse:
    try:
        guide = guide_get(company=company, role=role)
    except Http404:
        return error(404, "not_found", f"No guide '{company}/{role}'.")
    return JsonResponse(guide_dict(guide))


def _page_number(raw: str | None) -> int | None:
    if not raw:
        return 1
    return int(raw) if raw.isdigit() and int(raw) >= 1 else None


@require_GET
def question_list(request: HttpRequest) -> JsonResponse:
    number = _page_number(request.GET.get("page"))
    if number is None:
        return error(400, "bad_request", "page must be a positive integer.")
    filters = QuestionFilters.from_params(request.GET)
    if filters.category and filters.category not in Question.Category.values:
        return error(
            400,
            "bad_request",
            f"Unknown category '{filters.category}'; one "
            f"of: {', '.join(Question.Category.values)}.",
        )
    paginator = Paginator(question_filter(filters), settings.API_PAGE_SIZE)
    try:
        page = paginator.page(number)
    except EmptyPage:
        return error(
            404, "not_found", f"Page {number} is past the last page ({paginator.num_pages})."
        )
    return JsonResponse(
        {
            "count": paginator.count,
            "page": number,
            "pages": paginator.num_pages,
            "next": number + 1 if page.has_next() else None,
            "previous": number - 1 if page.has_previous() else None,
            "results": [question_dict(question) for question in page.object_list],
        }
    )


@require_GET
def question_detail(request: HttpRequest, pk: int) -> JsonResponse:
    question = (
        Question.objects.select_related("guide__company", "round")
        .prefetch_related("principles")
        .filter(pk=pk)
        .first()
    )
    if question is None:
        return error(404, "not_found", f"No question {pk}.")
    return JsonResponse(question_dict(question))
