"""Reads of guides that take more than one query."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, Prefetch, When
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
    examples = (
        guide.questions.active()
        .filter(deep_dive__in=dives)
        .prefetch_related("principles")
        .order_by(Case(When(source=Question.Source.SEED, then=0), default=1), "id")
    )
    for question in examples:
        dive = dives[question.deep_dive]
        if len(dive.questions) < EXAMPLES_PER_DEEP_DIVE:
            dive.questions.append(question)
    return list(dives.values())


COMMON_PER_CATEGORY = 5


def guide_common_questions(guide: Guide) -> dict[str, list[Question]]:
    """The guide's "common questions", by category label: those of the original guide, or for
    a guide written without one, the most reported questions of each category (then the first)."""
    grouped: dict[str, list[Question]] = {}
    active = guide.questions.active().prefetch_related("principles")
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
