"""The practice API: /analyze (public, rate-limited),
attempts and reviews with a token or a session."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loopcoach.web.accounts.services import api_token_create
from loopcoach.web.practice.models import Attempt, ReviewCard
from tests.web.practice.conftest import ANSWER

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(alice):
    return api_token_create(user=alice, name="script")[1]


def post(client, url, data, token=None, **extra):
    if token:
        extra["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(url, body, content_type="application/json", **extra)


def get(client, url, token, **params):
    return client.get(url, params, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_analyze_needs_no_login(client):
    data = post(client, "/api/v1/analyze", {"answer": ANSWER, "question": "Dive deep?"}).json()
    assert data["schema_version"] == 1 and data["grade"] in (1, 2, 3, 4) and data["sentences"]


@pytest.mark.parametrize(
    "body, message",
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ({}, "'answer'"),
        ({"answer": 42}, "'answer'"),
        ({"answer": ""}, "empty"),
        ({"answer": "   "}, "empty"),
    ],
)
def test_analyze_refuses_bad_input(client, body, message):
    response = post(client, "/api/v1/analyze", body)
    assert response.status_code == 400 and message in response.json()["message"]


def test_analyze_refuses_a_megabyte(client):
    response = post(client, "/api/v1/analyze", {"answer": "word " * 210_000})
    assert response.status_code == 413 and "larger than" in response.json()["message"]


def test_analyze_is_rate_limited_per_client(client, settings):
    settings.ANALYZE_RATE_PER_MINUTE = 3
    codes = [post(client, "/api/v1/analyze", {"answer": ANSWER}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = post(client, "/api/v1/analyze", {"answer": ANSWER})
    assert limited.json()["error"] == "rate_limited" and limited["Retry-After"] == "60"
    other = post(client, "/api/v1/analyze", {"answer": ANSWER}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_a_proxy_forwarded_address_counts_when_trusted(client, settings):
    settings.ANALYZE_RATE_PER_MINUTE, settings.PROXY_COUNT = 1, 1
    assert (
        post(
            client, "/api/v1/analyze", {"answer": ANSWER}, HTTP_X_FORWARDED_FOR="1.1.1.1"
        ).status_code
        == 200
    )
    assert (
        post(
            client, "/api/v1/analyze", {"answer": ANSWER}, HTTP_X_FORWARDED_FOR="2.2.2.2"
        ).status_code
        == 200
    )
    assert (
        post(
            client, "/api/v1/analyze", {"answer": ANSWER}, HTTP_X_FORWARDED_FOR="2.2.2.2"
        ).status_code
        == 429
    )


def test_a_token_creates_an_attempt_with_its_analysis(client, token, question, alice):
    response = post(
        client, "/api/v1/attempts", {"question_id": question.pk, "answer": ANSWER}, token
    )
    assert response.status_code == 201
    data = response.json()
    assert data["question"]["id"] == question.pk and data["answer"] == ANSWER
    assert data["grade"] == data["analysis"]["grade"] and data["follow_ups"] == []
    assert Attempt.objects.get(pk=data["id"]).user == alice
    assert ReviewCard.objects.filter(user=alice, question=question).exists()


TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT")


def statements_of(queries) -> list[str]:
    """Each statement's verb and first table, transaction control left out."""
    found = []
    for query in queries:
        sql = query["sql"]
        if not sql.upper().startswith(TRANSACTION_CONTROL):
            table = re.search(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)', sql, re.IGNORECASE)
            found.append(f"{sql.split()[0].upper()} {table.group(1) if table else '?'}")
    return found


def answer_with_queries(client, token, question):
    with CaptureQueriesContext(connection) as queries:
        response = post(
            client, "/api/v1/attempts", {"question_id": question.pk, "answer": ANSWER}, token
        )
    assert response.status_code == 201
    return response, queries


def test_an_answer_costs_its_writes_and_one_read_each_of_the_token_and_the_card(
    client, token, question, alice
):
    answer_with_queries(client, token, question)  # the question is kept, the card made
    response, queries = answer_with_queries(client, token, question)
    statements = statements_of(queries)
    version = ["SELECT core_contentversion"]  # without Redis: the version row (locmem cache)
    assert statements == [
        "SELECT accounts_apitoken",
        *version,
        "INSERT practice_attempt",
        "DELETE practice_draft",
        "SELECT practice_reviewcard",
        "UPDATE practice_reviewcard",
    ]
    # One transaction for the answer, its draft and its card (a savepoint here, inside the
    # test's own transaction), and none of the card's own.
    savepoints = [q for q in queries.captured_queries if q["sql"].startswith("SAVEPOINT")]
    assert len(savepoints) == 1
    assert Attempt.objects.filter(pk=response.json()["id"]).exists()
    assert ReviewCard.objects.get(user=alice, question=question).reviews == 2


def test_a_first_answer_inserts_its_card_already_reviewed(client, token, question, alice):
    answer_with_queries(client, token, question)
    ReviewCard.objects.all().delete()
    _, queries = answer_with_queries(client, token, question)
    statements = statements_of(queries)
    assert statements.count("INSERT practice_reviewcard") == 1
    assert "UPDATE practice_reviewcard" not in statements
    card = ReviewCard.objects.get(user=alice, question=question)
    assert card.reviews == 1 and card.last_rating is not None


def test_an_answer_shows_the_question_as_edited_at_once(client, token, question):
    answer_with_queries(client, token, question)
    question.text = "Tell me about a time you changed your mind, edited."
    question.save()  # an admin save bumps the content version
    response, _ = answer_with_queries(client, token, question)
    assert response.json()["question"]["text"] == question.text


def test_a_token_lists_and_reads_attempts(client, token, attempt):
    listed = get(client, "/api/v1/attempts", token).json()
    assert listed["count"] == 1 and listed["results"][0]["id"] == attempt.pk
    assert (
        get(client, "/api/v1/attempts", token, question_id=attempt.question_id).json()["count"] == 1
    )
    assert get(client, "/api/v1/attempts", token, question_id=1).json()["count"] in (0, 1)
    one = get(client, f"/api/v1/attempts/{attempt.pk}", token).json()
    assert one["analysis"]["sentences"] and one["follow_ups"] == []


def test_a_token_answers_a_follow_up(client, token, attempt):
    follow_up = (attempt.analysis["follow_ups"] or ["Why?"])[0]
    response = post(
        client,
        f"/api/v1/attempts/{attempt.pk}/follow-ups",
        {"follow_up": follow_up, "answer": "I chose a cache because reads were 95% of traffic."},
        token,
    )
    assert response.status_code == 201
    child = response.json()
    assert child["parent"] == attempt.pk and child["follow_up"] == follow_up and child["analysis"]
    thread = get(client, f"/api/v1/attempts/{attempt.pk}", token).json()
    assert [c["id"] for c in thread["follow_ups"]] == [child["id"]]


def test_due_reviews(client, token, attempt, alice):
    from django.utils import timezone

    assert get(client, "/api/v1/reviews/due", token).json()["count"] == 0
    ReviewCard.objects.filter(user=alice).update(due=timezone.now())
    due = get(client, "/api/v1/reviews/due", token).json()
    assert due["count"] == 1 and due["results"][0]["question"]["id"] == attempt.question_id


Q = object()  # stands for the id of a real question


@pytest.mark.parametrize(
    "body, status, message",
    [
        ("{oops", 400, "not valid JSON"),
        ({"answer": ANSWER}, 400, "'question_id'"),
        ({"question_id": "7", "answer": ANSWER}, 400, "'question_id'"),
        ({"question_id": True, "answer": ANSWER}, 400, "'question_id'"),
        ({"question_id": 999999, "answer": ANSWER}, 404, "No question"),
        ({"question_id": Q}, 400, "'answer'"),
        ({"question_id": Q, "answer": ""}, 400, "empty"),
        ({"question_id": Q, "answer": "<script>alert(1)</script>" * 50_000}, 413, "larger than"),
    ],
)
def test_bad_attempts_are_refused_and_nothing_is_saved(
    client, token, question, body, status, message
):
    if isinstance(body, dict) and body.get("question_id") is Q:
        body = {**body, "question_id": question.pk}
    response = post(client, "/api/v1/attempts", body, token)
    assert response.status_code == status and message in response.json()["message"]
    assert not Attempt.objects.exists()


def test_a_bad_token_is_401(client, question):
    response = post(
        client, "/api/v1/attempts", {"question_id": question.pk, "answer": ANSWER}, "lc_nope"
    )
    assert response.status_code == 401
    assert get(client, "/api/v1/attempts", "not-even-a-token").status_code == 401


def test_a_session_post_needs_the_csrf_token(alice, question):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = post(browser, "/api/v1/attempts", {"question_id": question.pk, "answer": ANSWER})
    assert response.status_code == 403 and not Attempt.objects.exists()
    browser.get(f"/practice/questions/{question.pk}/")
    csrf = browser.cookies["csrftoken"].value
    response = post(
        browser,
        "/api/v1/attempts",
        {"question_id": question.pk, "answer": ANSWER},
        HTTP_X_CSRFTOKEN=csrf,
    )
    assert response.status_code == 201


def test_a_token_needs_no_csrf(alice, question, token):
    from django.test import Client

    response = post(
        Client(enforce_csrf_checks=True),
        "/api/v1/attempts",
        {"question_id": question.pk, "answer": ANSWER},
        token,
    )
    assert response.status_code == 201


def test_bad_paging_is_400(client, token, attempt):
    assert get(client, "/api/v1/attempts", token, page="0").status_code == 400
    assert get(client, "/api/v1/attempts", token, question_id="x").status_code == 400
    assert get(client, "/api/v1/attempts", token, page="9").status_code == 404
