"""Reads of guides that take more than one query."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, F, Prefetch, QuerySet, When, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404

from loopcoach.web.guides.models import Guide, GuideItem, LoopRound, Principle
from loopcoach.web.questions.models import Question

EXAMPLES_PER_DEEP_DIVE = 6  # the source guide's examples first, then editorial ones


@dataclass
class DeepDive:
    item: GuideItem
    points: list[GuideItem] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)


def guide_get(*, company: str, role: str) -> Guide:
    """The guide with everything its page and API show, in a fixed number of queries."""
    queryset = Guide.objects.select_related("company").prefetch_related(
        "items",
        "stages",
        Prefetch(
            "rounds",
            queryset=LoopRound.objects.prefetch_related(
                Prefetch("principles", queryset=Principle.objects.select_related("company"))
            ),
        ),
        Prefetch("company__principles", queryset=Principle.objects.select_related("company")),
    )
    return get_object_or_404(queryset, company__slug=company, role_slug=role)


def guide_deep_dives(guide: Guide) -> list[DeepDive]:
    dives = {item.slug: DeepDive(item=item) for item in guide.items_of(GuideItem.Kind.DEEP_DIVE)}
    for point in guide.items_of(GuideItem.Kind.BE_READY):
        if point.group in dives:
            dives[point.group].points.append(point)
    for question in deep_dive_examples(guide, list(dives)):
        dives[question.deep_dive].questions.append(question)
    return list(dives.values())


def shown_questions(questions: QuerySet[Question]) -> QuerySet[Question]:
    """Only the columns and principles a question item (`questions/_question_item.html`) shows."""
    names = Principle.objects.only("id", "name").order_by("company_id", "order")
    shown = (
        "id",
        "guide_id",
        "text",
        "category",
        "source",
        "deep_dive",
        "retired",
        "times_reported",
        "last_reported",
    )
    return questions.only(*shown).prefetch_related(Prefetch("principles", queryset=names))


def deep_dive_examples(guide: Guide, dives: list[str]) -> list[Question]:
    """At most EXAMPLES_PER_DEEP_DIVE questions per deep dive, the source guide's first,
    picked by the database (a window per dive) rather than by fetching every question."""
    seed_first = Case(When(source=Question.Source.SEED, then=0), default=1)
    numbered = (
        guide.questions.active()
        .filter(deep_dive__in=dives)
        .annotate(
            place=Window(RowNumber(), partition_by=F("deep_dive"), order_by=[seed_first, F("id")])
        )
    )
    picked = numbered.filter(place__lte=EXAMPLES_PER_DEEP_DIVE)
    return list(shown_questions(picked).order_by("deep_dive", seed_first, "id"))


COMMON_PER_CATEGORY = 5


def guide_common_questions(guide: Guide) -> dict[str, list[Question]]:
    """The guide's "common questions", by category label: those of the original guide, or for
    a guide written without one, the most reported questions of each category (then the first)."""
    grouped: dict[str, list[Question]] = {}
    active = shown_questions(guide.questions.active())
    seed = active.filter(source=Question.Source.SEED)
    if seed.exists():
        for question in seed.order_by("category", "id"):
            grouped.setdefault(question.get_category_display(), []).append(question)
        return grouped
    for question in active.order_by("category", "-times_reported", "id"):
        group = grouped.setdefault(question.get_category_display(), [])
        if len(group) < COMMON_PER_CATEGORY:
            group.append(question)
    return grouped


def guide_related(guide: Guide) -> list[tuple[GuideItem, Guide]]:
    """The related-guide items whose guide exists here, each with that guide."""
    others = {str(other): other for other in Guide.objects.select_related("company")}
    return [
        (item, others[item.title])
        for item in guide.items_of(GuideItem.Kind.RELATED)
        if item.title in others and others[item.title].pk != guide.pk
    ]
