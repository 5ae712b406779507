"""/api/v1/questions: the question bank, filtered, searched and paged."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from loopcoach.web.api.errors import ErrorOut, not_found
from loopcoach.web.api.pagination import Page, PageNumber, paginate
from loopcoach.web.core.pagecache import shared_response
from loopcoach.web.questions.models import Question
from loopcoach.web.questions.selectors import QuestionFilters, question_filter

router = Router(tags=["questions"])
# Columns a listed question does not show: the search document alone is most of a row's bytes.
NOT_LISTED = ("search_document", "example_answer", "example_strengths", "pack_fingerprint")


class QuestionSummaryOut(Schema):
    id: int
    text: str
    category: str
    principles: list[str] = Field(description="Principle slugs")
    url: str


class QuestionOut(QuestionSummaryOut):
    key: str
    guide: str = Field(description="The guide's id, company/role")
    category_name: str
    round: str | None
    deep_dive: str | None
    source: str
    source_name: str
    guidance: str
    times_reported: int
    last_reported: str | None = Field(
        description="The first day of the month it was last reported in (ISO date)"
    )


class QuestionQuery(Schema):
    page: PageNumber = 1
    q: str = ""
    category: Question.Category | None = None
    principle: str = ""
    round: str = ""
    guide: str = Field("", description="company/role")
    source: str = ""
    sort: Literal["", "reported", "recent"] = Field(
        "", description="reported: most reported first; recent: most recently reported first"
    )
    reported: Literal["", "year"] = Field(
        "", description="year: only questions reported in the last twelve months"
    )


def question_summary_out(question: Question) -> dict:
    return {
        "id": question.pk,
        "text": question.text,
        "category": question.category,
        "principles": [principle.slug for principle in question.principles.all()],
        "url": question.get_absolute_url(),
    }


def question_out(question: Question) -> dict:
    return {
        **question_summary_out(question),
        "key": question.key,
        "guide": question.guide.path,
        "category_name": question.get_category_display(),
        "round": question.round.slug if question.round else None,
        "deep_dive": question.deep_dive or None,
        "source": question.source,
        "source_name": question.get_source_display(),
        "guidance": question.guidance,
        "times_reported": question.times_reported,
        "last_reported": question.last_reported.isoformat() if question.last_reported else None,
    }


@router.get("/questions", response={200: Page[QuestionOut], 400: ErrorOut, 404: ErrorOut})
def question_list(request: HttpRequest, query: Query[QuestionQuery]) -> dict:
    """Active questions, filtered by category, principle, round, guide or source, or searched."""
    shared_response(request)  # the bank is public: the same list for every anonymous caller
    filters = QuestionFilters.from_params(query.dict())
    return paginate(question_filter(filters).defer(*NOT_LISTED), query.page, question_out)


@router.get("/questions/{int:pk}", response={200: QuestionOut, 404: ErrorOut})
def question_detail(request: HttpRequest, pk: int) -> dict:
    question = (
        Question.objects.select_related("guide__company", "round")
        .prefetch_related("principles")
        .filter(pk=pk)
        .first()
    )
    if question is None:
        raise not_found(f"No question {pk}.")
    return question_out(question)
