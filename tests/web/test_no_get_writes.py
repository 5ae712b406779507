"""No GET request writes to the database: every page and API path of the URLconf, fetched
by a signed-in candidate who owns something at each of them, runs no INSERT, UPDATE or
DELETE. (Django's own session row is the one write allowed: it is not the view's.)"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from loopcoach.web.accounts.services import api_token_create
from loopcoach.web.loops import services as loops
from loopcoach.web.planner.services import plan_create
from loopcoach.web.practice import services as practice
from loopcoach.web.practice.models import ReviewCard
from loopcoach.web.reports.services import moderator_group, report_create
from loopcoach.web.reports.validation import report_clean
from loopcoach.web.stories import services as stories
from tests.scripted_answers import STRONG

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
ALLOWED = ("django_session",)
ARGUMENT = re.compile(r"<(?:\w+:)?(\w+)>")


def _routes(patterns=None, prefix: str = ""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and not route.startswith(("admin/", "^")):
            yield route


ROUTES = sorted(set(_routes()))


@pytest.fixture
def owned(alice, amazon_guide):
    """Something of alice's behind every path, including a round whose time ran out unseen."""
    question = amazon_guide.questions.order_by("id").first()
    attempt = practice.attempt_create(user=alice, question=question, answer=STRONG)
    loop = loops.loop_start(user=alice, guide=amazon_guide, minutes=15, seed=2)
    drawn = loop.rounds.get(order=1).questions.first()
    loops.loop_question_answer(loop_question=drawn, text=STRONG)
    loop.rounds.filter(order=1).update(resumed_at=timezone.now() - timedelta(minutes=30))
    plan = plan_create(
        owner=alice,
        guide=amazon_guide,
        loop_date=timezone.localdate() + timedelta(days=30),
        phone_screen=None,
        weekly=True,
        today=timezone.localdate(),
    )
    token, _ = api_token_create(user=alice, name="test")
    alice.groups.add(moderator_group())  # the moderation pages' GETs must not write either
    report = report_create(
        owner=alice,
        clean=report_clean(
            {
                "company": "amazon",
                "role": "engineering-manager",
                "month": "2026-10",
                "rounds": [{"name": "Bar Raiser", "questions": ["Why Amazon?"]}],
            }
        ),
    )
    return {
        "reports/": report.pk,
        "moderation/reports/": report.pk,
        "api/v1/reports/": report.pk,
        "api/v1/moderation/reports/": report.pk,
        "questions/": question.pk,
        "practice/questions/": question.pk,
        "practice/attempts/": attempt.pk,
        "practice/cards/": ReviewCard.objects.get(user=alice).pk,
        "stories/": stories.story_create(user=alice, data={"title": "Mine", "action": STRONG}).pk,
        "loops/": loop.pk,
        "plan/": plan.pk,
        "accounts/tokens/": token.pk,
        "api/v1/questions/": question.pk,
        "api/v1/attempts/": attempt.pk,
        "api/v1/stories/": "stories/",
        "api/v1/loops/": loop.pk,
        "api/v1/plans/": plan.pk,
        "answer_pk": drawn.pk,
    }


def _path(route: str, owned: dict) -> str:
    prefix = max((p for p in owned if route.startswith(p)), key=len, default="")
    pk = owned.get(prefix, 1)
    pk = owned[pk] if isinstance(pk, str) else pk
    values = {
        "pk": pk,
        "order": 1,
        "n": 0,
        "answer_pk": owned["answer_pk"],
        "company": "amazon",
        "role": "engineering-manager",
        "slug": "dive-deep",
        "uidb64": "MQ",
        "token": "nothing-here",
    }
    return "/" + ARGUMENT.sub(lambda m: str(values[m.group(1)]), route)


def test_every_route_is_listed():
    assert "loops/<int:pk>/" in ROUTES and "api/v1/loops/<int:pk>/debrief" in ROUTES


@pytest.mark.parametrize("route", ROUTES)
def test_a_get_writes_nothing(client, alice, owned, route):
    client.force_login(alice)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_path(route, owned))
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if WRITE.match(q["sql"]) and not any(table in q["sql"] for table in ALLOWED)
    ]
    assert response.status_code < 500
    assert writes == []


def test_a_round_whose_time_ran_out_reads_as_finished_without_a_write(client, alice, owned):
    client.force_login(alice)
    page = client.get(f"/loops/{owned['loops/']}/rounds/1/").content.decode()
    assert "Round over" in page
    data = client.get(f"/api/v1/loops/{owned['loops/']}").json()
    assert data["rounds"][0]["state"] == "finished" and data["status"] == "in-progress"
