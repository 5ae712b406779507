"""Access control: alice owns, bob is another candidate, charlie is anonymous.

Every private page and endpoint answers alice; bob gets a 404 exactly like a
missing id (pages) or an empty list; charlie is sent to log in (pages) or
gets a JSON 401 (API). Nothing bob or charlie does changes alice's rows.
"""

from __future__ import annotations

import json
import re

import pytest

from loopcoach.web.practice.models import Attempt, ReviewCard

pytestmark = pytest.mark.django_db

# (method, url template, data); {a} alice's attempt, {c} her card, {q} the question.
PAGES_BY_ID = [
    ("get", "/practice/attempts/{a}/", None),
    (
        "post",
        "/practice/attempts/{a}/follow-ups/",
        {"follow_up": "Why?", "answer": "Because I measured it."},
    ),
    ("post", "/practice/attempts/{a}/retry/", {}),
    ("post", "/practice/cards/{c}/rating/", {"rating": "1"}),
]
PAGES = [
    ("get", "/practice/", None),
    ("get", "/practice/random/", None),
    ("get", "/practice/history/", None),
    ("get", "/practice/dashboard/", None),
    ("get", "/practice/due/", None),
    ("get", "/practice/questions/{q}/", None),
    ("post", "/practice/questions/{q}/attempts/", {"answer": "I led it and cut costs 10%."}),
    ("post", "/practice/drafts/", {"question": "{q}", "slot": "answer", "text": "draft"}),
    ("get", "/accounts/", None),
    *PAGES_BY_ID,
]
API_BY_ID = [
    ("get", "/api/v1/attempts/{a}", None),
    (
        "post",
        "/api/v1/attempts/{a}/follow-ups",
        {"follow_up": "Why?", "answer": "Because I measured it."},
    ),
]
API = [
    ("get", "/api/v1/attempts", None),
    ("post", "/api/v1/attempts", {"question_id": "{q}", "answer": "I led it and cut costs 10%."}),
    ("get", "/api/v1/reviews/due", None),
    *API_BY_ID,
]


def fill(value, ids):
    if isinstance(value, str):
        return value.format(**ids)
    if isinstance(value, dict):
        return {
            k: int(fill(v, ids)) if v == "{q}" and k == "question_id" else fill(v, ids)
            for k, v in value.items()
        }
    return value


@pytest.fixture
def ids(attempt):
    card = ReviewCard.objects.get(user=attempt.user)
    return {"a": attempt.pk, "c": card.pk, "q": attempt.question_id}


def call(client, method, url, data, *, api=False):
    if api and method == "post":
        return client.post(url, json.dumps(data), content_type="application/json")
    return getattr(client, method)(url, data or {})


def without_csrf(response) -> str:
    """The page without its CSRF token, which is masked differently on every response."""
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", response.content.decode())


def snapshot():
    return (
        list(Attempt.objects.order_by("id").values_list("id", "answer", "grade")),
        list(ReviewCard.objects.order_by("id").values_list("id", "due", "last_rating")),
    )


@pytest.mark.parametrize("method, url, data", PAGES)
def test_alice_reaches_her_pages(client, alice, ids, method, url, data):
    client.force_login(alice)
    response = call(client, method, fill(url, ids), fill(data, ids))
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        assert "/accounts/login" not in response["Location"]


@pytest.mark.parametrize("method, url, data", PAGES)
def test_charlie_is_asked_to_log_in(client, ids, method, url, data):
    before = snapshot()
    response = call(client, method, fill(url, ids), fill(data, ids))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert snapshot() == before


@pytest.mark.parametrize("method, url, data", PAGES_BY_ID)
def test_bob_gets_the_same_404_as_a_missing_id(client, bob, ids, method, url, data):
    client.force_login(bob)
    before = snapshot()
    theirs = call(client, method, fill(url, ids), fill(data, ids))
    missing = call(
        client, method, fill(url, {"a": 999999, "c": 999999, "q": ids["q"]}), fill(data, ids)
    )
    assert theirs.status_code == missing.status_code == 404
    assert without_csrf(theirs) == without_csrf(missing)
    assert snapshot() == before


def test_bob_sees_none_of_alices_practice(client, bob, attempt):
    client.force_login(bob)
    for url in [
        "/practice/history/",
        "/practice/dashboard/",
        "/practice/due/",
        f"/practice/questions/{attempt.question_id}/",
    ]:
        html = client.get(url).content.decode()
        assert attempt.get_absolute_url() not in html, url
        assert "p99 latency of 900 ms" not in html, url


def test_bob_cannot_revise_alices_attempt(client, bob, attempt):
    client.force_login(bob)
    response = client.post(
        f"/practice/questions/{attempt.question_id}/attempts/",
        {"answer": "mine now", "revision_of": attempt.pk},
    )
    assert response.status_code == 404
    assert not Attempt.objects.filter(user=bob).exists()


@pytest.mark.parametrize("method, url, data", API)
def test_charlie_gets_a_json_401(client, ids, method, url, data):
    before = snapshot()
    response = call(client, method, fill(url, ids), fill(data, ids), api=True)
    assert response.status_code == 401 and response.json()["error"] == "unauthorized"
    assert snapshot() == before


@pytest.mark.parametrize("method, url, data", API_BY_ID)
def test_bob_gets_the_api_404_of_a_missing_id(client, bob, ids, method, url, data):
    from loopcoach.web.accounts.services import api_token_create

    _, token = api_token_create(user=bob, name="test")
    before = snapshot()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    kwargs = {"content_type": "application/json"} if method == "post" else {}
    body = json.dumps(fill(data, ids)) if method == "post" else None
    theirs = getattr(client, method)(fill(url, ids), body, **kwargs, **headers)
    missing = getattr(client, method)(fill(url, {"a": 999999}), body, **kwargs, **headers)
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json()["error"] == missing.json()["error"] == "not_found"
    assert snapshot() == before


def test_bobs_api_lists_are_empty(client, bob, attempt):
    client.force_login(bob)
    assert client.get("/api/v1/attempts").json()["count"] == 0
    assert client.get("/api/v1/reviews/due").json()["count"] == 0
