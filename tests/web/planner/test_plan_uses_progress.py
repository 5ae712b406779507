"""The plan reads the owner's story bank and review queue, and nobody else's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from loopcoach.web.planner.models import Plan
from loopcoach.web.planner.selectors import plan_build
from loopcoach.web.practice.models import ReviewCard
from loopcoach.web.practice.services import attempt_create
from loopcoach.web.stories.models import Story

pytestmark = pytest.mark.django_db


@pytest.fixture
def alices_plan(alice, amazon_guide):
    today = timezone.localdate()
    return Plan.objects.create(
        owner=alice,
        guide=amazon_guide,
        loop_date=today + timedelta(days=35),
        phone_screen=today + timedelta(days=9),
        starts_on=today,
    )


def story_keys(plan: Plan) -> set[str]:
    return {item.key for item in plan_build(plan).tasks() if item.kind == "story"}


def tell_stories(user, amazon_guide, slug: str, count: int) -> None:
    principle = amazon_guide.company.principles.get(slug=slug)
    for number in range(count):
        story = Story.objects.create(
            user=user, title=f"Story {number}", situation="s", task="t", action="a", result="r"
        )
        story.principles.add(principle)


def test_two_stories_on_a_principle_take_it_out_of_the_plan(alices_plan, alice, amazon_guide):
    assert "story:dive-deep" in story_keys(alices_plan)
    tell_stories(alice, amazon_guide, "dive-deep", 2)
    assert "story:dive-deep" not in story_keys(alices_plan)


def test_one_story_is_still_a_gap(alices_plan, alice, amazon_guide):
    tell_stories(alice, amazon_guide, "frugality", 1)
    assert "story:frugality" in story_keys(alices_plan)


def test_another_users_stories_do_not_count(alices_plan, bob, amazon_guide):
    tell_stories(bob, amazon_guide, "dive-deep", 2)
    assert "story:dive-deep" in story_keys(alices_plan)


def test_due_reviews_appear_on_the_first_day(alices_plan, alice, amazon_guide):
    attempt_create(
        user=alice,
        question=amazon_guide.questions.first(),
        answer="I rewrote the deploy script and cut release time from two hours to ten minutes.",
    )
    ReviewCard.objects.filter(user=alice).update(due=timezone.now() - timedelta(hours=1))
    first_day = plan_build(alices_plan).days[0]
    assert any(item.kind == "reviews" for item in first_day.items)
