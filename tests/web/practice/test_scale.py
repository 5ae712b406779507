"""The practice pages of a candidate with many attempts: queries that do not grow with them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loopcoach.web.practice.models import Attempt, ReviewCard
from tests.web.practice.conftest import ANSWER

pytestmark = pytest.mark.django_db

REPORT = {"schema_version": 1, "grade": 3, "principles": [], "sentences": [{"text": "x" * 400}]}


@pytest.fixture
def client_alice(client, alice):
    client.force_login(alice)
    return client


def give_attempts(user, questions, count: int) -> None:
    Attempt.objects.bulk_create(
        Attempt(
            user=user,
            question=questions[n % len(questions)],
            answer=ANSWER,
            analysis=REPORT,
            grade=1 + n % 4,
        )
        for n in range(count)
    )


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/practice/dashboard/", "/practice/history/", "/practice/due/"])
def test_practice_pages_cost_the_same_queries_for_ten_or_a_thousand_attempts(
    client_alice, alice, amazon_guide, url
):
    questions = list(amazon_guide.questions.active().order_by("id")[:60])
    give_attempts(alice, questions, 10)
    few = queries_of(client_alice, url)
    give_attempts(alice, questions, 990)
    assert Attempt.objects.filter(user=alice).count() == 1000
    assert queries_of(client_alice, url) <= few
    assert few <= 20


def test_the_dashboard_of_a_thousand_attempts_counts_them_all_and_only_its_own(
    client_alice, alice, bob, amazon_guide
):
    questions = list(amazon_guide.questions.active().order_by("id")[:60])
    give_attempts(alice, questions, 1000)
    give_attempts(bob, questions[:5], 7)
    html = client_alice.get("/practice/dashboard/").content.decode()
    assert '<span class="stat-number">1000</span>' in html
    assert '<span class="stat-number">60</span>' in html  # questions practised
    assert ReviewCard.objects.filter(user=bob).count() == 0
    assert html.count('<circle class="dot ') == 200  # the chart plots the latest 200
