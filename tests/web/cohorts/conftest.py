"""A coach, a cohort with alice and bob in it, and charlie outside; alice owns one item of
each kind, with a phrase that must never reach anyone she did not share it with."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from loopcoach.web.cohorts import services
from loopcoach.web.loops import services as loops
from loopcoach.web.practice import services as practice
from loopcoach.web.stories import services as stories
from tests.conftest import make_user
from tests.scripted_answers import STRONG

SECRET = "zebra-orchid-4471"


@pytest.fixture
def coach(db):
    user = make_user("coach")
    user.groups.add(Group.objects.get(name="coach"))
    return user


@pytest.fixture
def charlie(db):
    """Signed in, in no cohort: sees nothing of anyone."""
    return make_user("charlie")


@pytest.fixture
def cohort(coach, alice, bob):
    cohort = services.cohort_create(coach=coach, name="Spring cohort")
    services.cohort_join(candidate=alice, token=cohort.invite_token)
    services.cohort_join(candidate=bob, token=cohort.invite_token)
    return cohort


def finished_loop(user, guide):
    loop = loops.loop_start(user=user, guide=guide, minutes=15, seed=3)
    loops.loop_finish(loop=loop)
    return loop


@pytest.fixture
def alices(alice, amazon_guide):
    question = amazon_guide.questions.order_by("id").first()
    return {
        "attempt": practice.attempt_create(
            user=alice, question=question, answer=f"{STRONG} {SECRET}"
        ),
        "story": stories.story_create(
            user=alice, data={"title": f"Story {SECRET}", "action": STRONG}
        ),
        "loop": finished_loop(alice, amazon_guide),
    }
