"""Filtering and searching the question bank: shared by the pages and the API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import timezone

from loopcoach.web.core.pagecache import versioned
from loopcoach.web.questions.matching import bank_matcher
from loopcoach.web.questions.models import Question
from loopcoach.web.questions.search import search_questions

MAX_QUERY_LENGTH = 200
SORTS = {
    "reported": (F("times_reported").desc(), F("last_reported").desc(nulls_last=True), "id"),
    "recent": (F("last_reported").desc(nulls_last=True), F("times_reported").desc(), "id"),
}
SUGGESTIONS = 5
MIN_SUGGESTION_SIMILARITY = 0.05  # below this a "nearest" question shares only a common word


@dataclass(frozen=True)
class QuestionFilters:
    q: str = ""
    category: str = ""
    principle: str = ""
    round: str = ""
    guide: str = ""  # "company/role"
    source: str = ""
    sort: str = ""  # "" (relevance, then the guide's order), "reported" or "recent"
    reported: str = ""  # "year": reported by candidates in the last twelve months

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> QuestionFilters:
        def clean(name: str, limit: int = 80) -> str:
            return (params.get(name) or "").strip()[:limit]

        return cls(
            q=clean("q", MAX_QUERY_LENGTH),
            category=clean("category"),
            principle=clean("principle"),
            round=clean("round"),
            guide=clean("guide"),
            source=clean("source"),
            sort=clean("sort") if clean("sort") in SORTS else "",
            reported=clean("reported") if clean("reported") == "year" else "",
        )

    @property
    def active(self) -> bool:
        return any(
            (self.q, self.category, self.principle, self.round, self.guide, self.source)
            + (self.reported,)
        )


def question_filter(filters: QuestionFilters) -> QuerySet[Question]:
    questions: QuerySet[Question] = Question.objects.active().select_related(
        "guide__company", "round"
    )
    if filters.guide and "/" in filters.guide:
        company, role = filters.guide.split("/", 1)
        questions = questions.filter(guide__company__slug=company, guide__role_slug=role)
    if filters.category:
        questions = questions.filter(category=filters.category)
    if filters.principle:
        questions = questions.filter(principles__slug=filters.principle)
    if filters.round:
        questions = questions.filter(round__slug=filters.round)
    if filters.source:
        questions = questions.filter(source=filters.source)
    if filters.reported:
        questions = questions.filter(last_reported__gte=year_ago())
    if filters.q:
        questions = search_questions(questions, filters.q)
    else:
        questions = questions.order_by("guide_id", "category", "id")
    if filters.sort:
        questions = questions.order_by(*SORTS[filters.sort])
    return questions.prefetch_related("principles")


def year_ago() -> date:
    """The first day of the month a year back: "the last twelve months" of reports."""
    today = timezone.localdate()
    return today.replace(year=today.year - 1, day=1)


def question_suggestions(filters: QuestionFilters) -> list[Question]:
    """The bank's questions nearest to a search that matched none, best first.

    The whole bank, not only the filtered part: when "outage" finds no writing
    question, the outage questions of other categories are the useful answer.
    """
    if not filters.q:
        return []
    ranked = bank_matcher().rank(filters.q, k=SUGGESTIONS)
    ids = [pk for pk, similarity in ranked if similarity >= MIN_SUGGESTION_SIMILARITY]
    found = Question.objects.active().prefetch_related("principles").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def question_related(question: Question) -> QuerySet[Question]:
    """Up to five other questions on the same principles
    (or, without principles, the same category)."""
    others = Question.objects.active().filter(guide=question.guide).exclude(pk=question.pk)
    principle_ids = [principle.pk for principle in question.principles.all()]
    if principle_ids:
        # EXISTS, not a join with DISTINCT: the database walks the questions in id order
        # and stops at the fifth, instead of sorting every question sharing a principle.
        through = Question.principles.through
        shares = through.objects.filter(question_id=OuterRef("pk"), principle_id__in=principle_ids)
        return others.filter(Exists(shares)).order_by("id")[:5]
    return others.filter(category=question.category).order_by("id")[:5]


def question_to_answer(pk: int) -> Question | None:
    """The question an answer is given to, with what answering it reads (its principles, the
    one it asks about, and what the answer's page shows of it: its guide and round), kept in
    the cache until the content changes: submitting an answer costs no query for it."""

    def build() -> Question | None:
        question = (
            Question.objects.select_related("guide__company", "round")
            .prefetch_related("principles")
            .filter(pk=pk)
            .first()
        )
        if question is not None:
            question.asked_principle  # noqa: B018 -- read now, so that it is kept with it
        return question

    return versioned(f"question-to-answer:{int(pk)}", build)
