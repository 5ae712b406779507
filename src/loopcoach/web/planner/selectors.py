"""Reads that turn a stored plan into its days, from the guide's content."""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Count

from loopcoach.planner import Plan as PlanDays
from loopcoach.planner import Topic, build_plan
from loopcoach.web.guides.models import Guide, GuideItem, Principle
from loopcoach.web.planner.models import Plan
from loopcoach.web.practice.selectors import cards_due
from loopcoach.web.questions.models import Question

PRACTICE_CATEGORIES = [
    Question.Category.BEHAVIORAL,
    Question.Category.MANAGEMENT,
    Question.Category.EXECUTION,
]


def guide_topics(guide: Guide | None) -> dict:
    """Principles, system-design topics, practice questions
    and loop rounds of a guide, as planner Topics."""
    if guide is None:
        return {"principles": [], "design_topics": [], "questions": [], "rounds": []}
    principles = [
        Topic(p.slug, p.name, p.summary, p.get_absolute_url())
        for p in guide.company.principles.all()
    ]
    design_dives = {
        item.slug
        for item in guide.items.filter(kind=GuideItem.Kind.DEEP_DIVE, group="system-design")
    }
    design_topics = [
        Topic(item.slug, item.title, item.body)
        for item in guide.items.filter(
            kind=GuideItem.Kind.BE_READY, group__in=design_dives
        ).order_by("order")
    ]
    questions = (
        guide.questions.active()
        .filter(category__in=PRACTICE_CATEGORIES)
        .prefetch_related("principles")
        .order_by("-times_reported", "id")
    )
    return {
        "principles": principles,
        "design_topics": design_topics,
        "questions": [
            Topic(
                str(q.pk),
                q.text,
                url=q.get_absolute_url(),
                tags=tuple(p.slug for p in q.principles.all()),
            )
            for q in questions
        ],
        "rounds": [
            r.name + (" (Bar Raiser)" if r.is_bar_raiser and "Bar Raiser" not in r.name else "")
            for r in guide.rounds.all()
        ],
    }


STORIES_PER_PRINCIPLE = 2  # the story bank's own gap rule: fewer than two stories is a gap


def owner_covered_principles(plan: Plan) -> set[str]:
    """Principles the plan owner's story bank already
    covers, so the plan asks for stories elsewhere."""
    counts = (
        Principle.objects.filter(stories__user=plan.owner_id)
        .annotate(story_count=Count("stories"))
        .values_list("slug", "story_count")
    )
    return {slug for slug, count in counts if count >= STORIES_PER_PRINCIPLE}


def owner_due_reviews(plan: Plan) -> int:
    return cards_due(plan.owner).count()


def plan_build(
    plan: Plan, *, covered: Collection[str] | None = None, due_reviews: int | None = None
) -> PlanDays:
    """The plan's days, from the guide and, unless given, the owner's story bank and due reviews."""
    covered = owner_covered_principles(plan) if covered is None else covered
    due_reviews = owner_due_reviews(plan) if due_reviews is None else due_reviews
    return build_plan(
        start=plan.starts_on,
        loop_date=plan.loop_date,
        phone_screen=plan.phone_screen,
        covered=covered,
        due_reviews=due_reviews,
        skip=plan.skip,
        **guide_topics(plan.guide),
    )
