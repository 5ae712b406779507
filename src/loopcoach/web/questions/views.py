"""The question bank and the page of one question."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.vary import vary_on_headers

from loopcoach.web.core.pagecache import public_page
from loopcoach.web.core.requests import HtmxRequest
from loopcoach.web.guides.models import LoopRound, Principle
from loopcoach.web.questions.examples import example_feedback, example_unlocked
from loopcoach.web.questions.models import Question
from loopcoach.web.questions.selectors import (
    QuestionFilters,
    question_filter,
    question_related,
    question_suggestions,
)
from loopcoach.web.reports.selectors import question_quarters

PAGE_SIZE = 25


@public_page
@vary_on_headers("HX-Request")
def question_list(request: HtmxRequest) -> HttpResponse:
    filters = QuestionFilters.from_params(request.GET)
    page = Paginator(question_filter(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {
        "filters": filters,
        "page": page,
        "base_query": query_without_page.urlencode(),
        # A search that matched nothing shows the nearest questions instead of an empty page.
        "suggestions": [] if page.object_list else question_suggestions(filters),
        "categories": Question.Category.choices,
        "principles": Principle.objects.select_related("company").order_by(
            "company__name", "order"
        ),
        "rounds": LoopRound.objects.order_by("order").values_list("slug", "name").distinct(),
    }
    template = "questions/_results.html" if request.htmx else "questions/question_list.html"
    return render(request, template, context)


@public_page
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(
        Question.objects.select_related("guide__company", "round").prefetch_related("principles"),
        pk=pk,
    )
    unlocked = example_unlocked(request.user, question)
    context = {
        "question": question,
        # Lazy: the template's fragment cache asks for it only when the fragment is stale.
        "related": SimpleLazyObject(lambda: list(question_related(question))),
        "quarters": question_quarters(question),
        "has_example": bool(question.example_answer),
        "example": example_feedback(question) if unlocked else None,
    }
    return render(request, "questions/question_detail.html", context)
