"""Reads of a candidate's practice: every query is filtered by the user it is for."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from loopcoach.web.core.pagecache import content_version
from loopcoach.web.guides.models import Principle
from loopcoach.web.practice.design_feedback import DesignFeedback, NarrativeFeedback
from loopcoach.web.practice.feedback import Feedback, FollowUpFeedback
from loopcoach.web.practice.feedback import build as build_feedback
from loopcoach.web.practice.models import Attempt, Draft, ReviewCard, end_of_today
from loopcoach.web.questions.models import Question


def attempts_of(user: User) -> QuerySet[Attempt]:
    """The user's practice answers (a mock loop's answers stay with the loop)."""
    return Attempt.objects.practice().filter(user=user).select_related("question")


def attempt_get(*, user: User, pk: int) -> Attempt:
    """The user's attempt, or 404: another candidate's
    id is indistinguishable from a missing one."""
    return get_object_or_404(attempts_of(user), pk=pk)


@dataclass
class Node:
    """An answer in a thread, its feedback, and the boxes of the follow-ups it raised."""

    attempt: Attempt
    feedback: Feedback | FollowUpFeedback | DesignFeedback | NarrativeFeedback | None
    boxes: list[Box]

    @property
    def revise_slot(self) -> str:
        return Draft.revise_slot(self.attempt.pk)

    @property
    def revise_form_id(self) -> str:
        return f"revise-form-{self.attempt.pk}"


@dataclass
class Box:
    """One follow-up question and every answer given to it (oldest first, revisions included)."""

    slot: str
    question: str
    sentence: int | None
    nodes: list[Node]

    @property
    def dom_id(self) -> str:
        return f"box-{self.slot}"

    @property
    def form_id(self) -> str:
        return f"form-{self.slot}"

    @property
    def sentence_number(self) -> int | None:
        return None if self.sentence is None else self.sentence + 1


def thread(attempt: Attempt) -> Node:
    """The answer and, below it, every follow-up answered in its thread, as a tree."""
    children: dict[int | None, list[Attempt]] = defaultdict(list)
    frontier = [attempt.pk]
    while frontier:
        rows = list(
            Attempt.objects.filter(user_id=attempt.user_id, parent_id__in=frontier)
            .select_related("question")
            .order_by("created_at", "id")
        )
        for row in rows:
            children[row.parent_id].append(row)
        frontier = [row.pk for row in rows]
    return _node(attempt, children)


def _node(attempt: Attempt, children: dict[int | None, list[Attempt]]) -> Node:
    view = feedback_of(attempt)
    answered = children.get(attempt.pk, [])
    boxes = []
    suggestions = view.follow_ups if view else []
    for index, remark in enumerate(suggestions):
        nodes = [_node(a, children) for a in answered if a.follow_up.strip() == remark.text.strip()]
        slot = Draft.follow_up_slot(attempt.pk, index)
        boxes.append(Box(slot, remark.text, remark.sentence, nodes))
    asked = {remark.text.strip() for remark in suggestions}
    for offset, text in enumerate(
        dict.fromkeys(a.follow_up for a in answered if a.follow_up.strip() not in asked)
    ):
        nodes = [_node(a, children) for a in answered if a.follow_up == text]
        boxes.append(
            Box(Draft.follow_up_slot(attempt.pk, len(suggestions) + offset), text, None, nodes)
        )
    return Node(attempt, view, boxes)


def feedback_of(
    attempt: Attempt,
) -> Feedback | FollowUpFeedback | DesignFeedback | NarrativeFeedback | None:
    if not attempt.analysis:
        return None
    return build_feedback(attempt.analysis, attempt.answer, anchor=f"a{attempt.pk}")


def versions_of(attempt: Attempt) -> list[Attempt]:
    """Every version of the answer `attempt` belongs to, first version first."""
    first = attempt
    while first.revision_of is not None and first.revision_of.user_id == attempt.user_id:
        first = first.revision_of
    chain, frontier = [first], [first.pk]
    while frontier:
        children = list(
            Attempt.objects.filter(user_id=attempt.user_id, revision_of_id__in=frontier)
        )
        chain += children
        frontier = [child.pk for child in children]
    return sorted(chain, key=lambda a: (a.version, a.created_at))


def question_history(*, user: User, question: Question) -> list[Attempt]:
    """The user's answers to a question, newest first, with their follow-up answers prefetched."""
    return list(
        attempts_of(user)
        .filter(question=question, parent__isnull=True)
        .prefetch_related("follow_ups")
    )


def practised_questions(user: User) -> list[dict]:
    """One row per question the user answered: how often, the latest and best grades."""
    rows: dict[int, dict] = {}
    shown = ("id", "question_id", "grade", "created_at", "question__id", "question__text")
    first_answers = attempts_of(user).filter(parent__isnull=True).only(*shown)
    for attempt in first_answers.order_by("-created_at"):
        row = rows.setdefault(
            attempt.question_id,
            {"question": attempt.question, "count": 0, "latest": attempt, "best": None},
        )
        row["count"] += 1
        if attempt.grade and (row["best"] is None or attempt.grade > row["best"]):
            row["best"] = attempt.grade
    return list(rows.values())


def cards_due(user: User, *, now: datetime | None = None) -> QuerySet[ReviewCard]:
    """The user's review cards due by the end of today (in the server's time zone)."""
    return (
        ReviewCard.objects.filter(user=user, due__lte=end_of_today(now))
        .select_related("question", "last_attempt")
        .prefetch_related("question__principles")
        .order_by("due")
    )


def card_get(*, user: User, pk: int) -> ReviewCard:
    return get_object_or_404(ReviewCard.objects.filter(user=user), pk=pk)


@dataclass
class Coverage:
    slug: str
    name: str
    total: int
    practised: int = 0
    grades: list[int] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.practised / self.total) if self.total else 0

    @property
    def average(self) -> float | None:
        return round(sum(self.grades) / len(self.grades), 1) if self.grades else None


@dataclass
class Progress:
    points: list[tuple[datetime, int]]  # (when, grade) of every graded first answer, oldest first
    principles: list[Coverage]
    categories: list[Coverage]
    attempts: int
    questions: int
    average: float | None
    due_count: int
    next_up: list[tuple[str, str, str]]  # (why, label, url)


def progress(user: User, *, now: datetime | None = None) -> Progress:
    # Only the columns the dashboard reads: not the answers and analyses of 1,000 attempts.
    principle_ids = Prefetch("question__principles", queryset=Principle.objects.only("id"))
    graded = list(
        attempts_of(user)
        .filter(parent__isnull=True, grade__isnull=False)
        .only("id", "question_id", "grade", "created_at", "question__id", "question__category")
        .prefetch_related(principle_ids)
        .order_by("created_at")
    )
    principles = _principle_coverage(graded)
    categories = _category_coverage(graded)
    due = cards_due(user, now=now)
    return Progress(
        points=[(a.created_at, a.grade) for a in graded if a.grade is not None],
        principles=principles,
        categories=categories,
        attempts=attempts_of(user).count(),
        questions=len({a.question_id for a in graded}),
        average=round(sum(a.grade or 0 for a in graded) / len(graded), 1) if graded else None,
        due_count=due.count(),
        next_up=_next_up(due[:3], principles),
    )


def _bank_totals() -> dict[str, list]:
    """Questions per principle and per category: counts over the whole bank, so kept in the
    cache until the content changes rather than counted on every dashboard."""
    key = f"bank-totals:{content_version()}"
    totals = cache.get(key)
    if totals is None:
        principles = (
            Principle.objects.filter(questions__retired=False)
            .annotate(total=Count("questions"))
            .order_by("company__name", "order")
            .values_list("pk", "slug", "name", "total")
        )
        categories = Question.objects.active().values_list("category").annotate(total=Count("id"))
        totals = {"principles": list(principles), "categories": list(categories)}
        cache.set(key, totals, settings.PAGE_CACHE_SECONDS)
    return totals


def _principle_coverage(graded: list[Attempt]) -> list[Coverage]:
    rows = {
        pk: Coverage(slug=slug, name=name, total=total)
        for pk, slug, name, total in _bank_totals()["principles"]
    }
    _fill(graded, lambda a: [p.pk for p in a.question.principles.all()], rows)
    return list(rows.values())


def _category_coverage(graded: list[Attempt]) -> list[Coverage]:
    totals = dict(_bank_totals()["categories"])
    rows = {
        value: Coverage(slug=value, name=label, total=totals.get(value, 0))
        for value, label in Question.Category.choices
        if totals.get(value)
    }
    _fill(graded, lambda a: [a.question.category], rows)
    return list(rows.values())


def _fill(
    graded: list[Attempt], keys_of: Callable[[Attempt], Iterable[int | str]], rows: dict
) -> None:
    """Latest grade per question, counted under each of its keys."""
    latest = {a.question_id: a for a in graded}  # oldest first, so the last one wins
    seen: dict[object, set[int]] = defaultdict(set)
    for attempt in latest.values():
        for key in keys_of(attempt):
            if key in rows and attempt.question_id not in seen[key]:
                seen[key].add(attempt.question_id)
                rows[key].practised += 1
                rows[key].grades.append(attempt.grade)


def _next_up(due: Iterable[ReviewCard], principles: list[Coverage]) -> list[tuple[str, str, str]]:
    from django.urls import reverse

    items = [
        (
            "Due for review",
            card.question.text,
            reverse("practice:question", args=[card.question_id]),
        )
        for card in due
    ]
    weak = sorted(
        (c for c in principles if c.average is not None and c.average < 3),
        key=lambda c: c.average or 0.0,
    )
    items += [
        ("Lowest average grade", c.name, reverse("practice:hub") + f"?principle={c.slug}")
        for c in weak[:2]
    ]
    untouched = [c for c in principles if c.practised == 0 and c.total]
    items += [
        ("Not practised yet", c.name, reverse("practice:hub") + f"?principle={c.slug}")
        for c in untouched[:3]
    ]
    return items[:6]
