"""Reads of the story bank: the principles it maps
to, coverage, and the best stories for a question."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import QuerySet

from loopcoach.storybank import (
    Candidate,
    Coverage,
    StoryUse,
    count_uses,
    rank_stories,
    story_coverage,
)
from loopcoach.web.guides.models import Company, Principle
from loopcoach.web.loops.history import answer_texts
from loopcoach.web.questions.models import Question
from loopcoach.web.stories.models import Story

# The analyzer knows Amazon's Leadership Principles (analysis/LABELS.md): stories map to them.
STORY_COMPANY = "amazon"


def story_principles() -> QuerySet[Principle]:
    company = (
        Company.objects.filter(slug=STORY_COMPANY).first() or Company.objects.order_by("id").first()
    )
    return Principle.objects.filter(company=company).order_by("order")


def user_stories(user: User) -> QuerySet[Story]:
    return Story.objects.filter(user=user).prefetch_related("principles")


def story_get(*, user: User, pk: int) -> Story | None:
    """The user's story, or None — another user's story is as missing as one that never was."""
    return user_stories(user).filter(pk=pk).first()


def _candidates(stories: list[Story]) -> list[Candidate]:
    return [
        Candidate(s.pk, f"{s.title}\n{s.text}", frozenset(p.slug for p in s.principles.all()))
        for s in stories
    ]


@dataclass
class CoverageView:
    coverage: Coverage
    stories: list[Story]
    principles: list[Principle]
    uses: dict[int, int]

    def rows(self) -> list[dict]:
        """For the matrix template: one row a principle, one cell a story."""
        names = {p.slug: p for p in self.principles}
        return [
            {
                "principle": names[row.slug],
                "row": row,
                "cells": [story.pk in row.stories for story in self.stories],
            }
            for row in self.coverage.rows
        ]


def user_coverage(user: User) -> CoverageView:
    stories = list(user_stories(user))
    principles = list(story_principles())
    uses = count_uses(answer_texts(user), _candidates(stories)) if stories else {}
    coverage = story_coverage(
        [(p.slug, p.name) for p in principles],
        [
            StoryUse(s.pk, frozenset(p.slug for p in s.principles.all()), uses.get(s.pk, 0))
            for s in stories
        ],
    )
    return CoverageView(coverage, stories, principles, uses)


@dataclass
class StoryMatch:
    story: Story
    score: float
    shared_principles: list[Principle]
    shared_words: tuple[str, ...]


def best_stories(*, user: User, question: Question, limit: int = 3) -> list[StoryMatch]:
    stories = {s.pk: s for s in user_stories(user)}
    if not stories:
        return []
    asked = list(question.principles.all())
    matches = rank_stories(
        question.text, [p.slug for p in asked], _candidates(list(stories.values())), limit=limit
    )
    by_slug = {p.slug: p for p in asked}
    return [
        StoryMatch(
            stories[m.id], m.score, [by_slug[s] for s in m.shared_principles], m.shared_words
        )
        for m in matches
    ]
