"""`Idempotency-Key`: a retried POST returns the first answer and creates nothing more."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta

import pytest

from loopcoach.web.accounts.services import api_token_create
from loopcoach.web.api.models import IdempotencyKey
from loopcoach.web.planner.models import Plan
from loopcoach.web.practice.models import Attempt
from loopcoach.web.stories.models import Story
from tests.web.practice.conftest import ANSWER

pytestmark = pytest.mark.django_db


def _fingerprint_of(path: str, body: dict) -> str:
    """What the middleware hashes: method, path and the body as the test client sends it."""
    digest = hashlib.sha256(f"POST {path}\n".encode())
    digest.update(json.dumps(body).encode())
    return digest.hexdigest()


@pytest.fixture
def alice_token(alice):
    return api_token_create(user=alice, name="t")[1]


@pytest.fixture
def bob_token(bob):
    return api_token_create(user=bob, name="t")[1]


def _post(client, token, path, body, key="k-1"):
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post(path, body, content_type="application/json", headers=headers)


def test_a_retried_attempt_is_not_a_duplicate(client, alice_token, question):
    body = {"question_id": question.pk, "answer": ANSWER}
    first = _post(client, alice_token, "/api/v1/attempts", body)
    again = _post(client, alice_token, "/api/v1/attempts", body)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Attempt.objects.count() == 1


@pytest.mark.parametrize(
    "path, body, model",
    [
        ("/api/v1/stories", {"title": "Latency"}, Story),
        ("/api/v1/plans", {"loop_date": (date.today() + timedelta(days=30)).isoformat()}, Plan),
    ],
)
def test_every_creating_post_takes_a_key(client, alice_token, path, body, model):
    for _ in range(3):
        assert _post(client, alice_token, path, body).status_code == 201
    assert model.objects.count() == 1


def test_without_a_key_each_post_creates(client, alice_token):
    for _ in range(2):
        _post(client, alice_token, "/api/v1/stories", {"title": "Latency"}, key=None)
    assert Story.objects.count() == 2


def test_a_new_key_creates_again(client, alice_token):
    _post(client, alice_token, "/api/v1/stories", {"title": "A"}, key="one")
    _post(client, alice_token, "/api/v1/stories", {"title": "A"}, key="two")
    assert Story.objects.count() == 2


def test_keys_are_per_user(client, alice_token, bob_token):
    first = _post(client, alice_token, "/api/v1/stories", {"title": "Alice's"})
    theirs = _post(client, bob_token, "/api/v1/stories", {"title": "Alice's"})
    assert theirs.status_code == 201 and "Idempotent-Replayed" not in theirs
    assert theirs.json()["id"] != first.json()["id"]
    assert Story.objects.filter(user__username="bob").count() == 1


def test_the_same_key_with_another_body_is_refused(client, alice_token):
    _post(client, alice_token, "/api/v1/stories", {"title": "A"})
    other = _post(client, alice_token, "/api/v1/stories", {"title": "B"})
    assert other.status_code == 422 and other.json()["error"] == "idempotency_key_reused"
    assert Story.objects.count() == 1


def test_a_retry_while_the_first_runs_is_a_conflict(client, alice, alice_token):
    IdempotencyKey.objects.create(
        owner=alice, key="k-1", fingerprint=_fingerprint_of("/api/v1/stories", {"title": "A"})
    )
    response = _post(client, alice_token, "/api/v1/stories", {"title": "A"})
    assert response.status_code == 409
    assert not Story.objects.exists()


def test_keys_expire(client, alice_token, settings):
    _post(client, alice_token, "/api/v1/stories", {"title": "A"})
    old = IdempotencyKey.objects.get()
    old.created -= timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS + 1)
    IdempotencyKey.objects.filter(pk=old.pk).update(created=old.created)
    assert _post(client, alice_token, "/api/v1/stories", {"title": "A"}).status_code == 201
    assert Story.objects.count() == 2


def test_a_refusal_is_replayed_too_but_a_bad_key_is_a_400(client, alice_token):
    refused = _post(client, alice_token, "/api/v1/stories", {"title": 3})
    assert refused.status_code == 400
    assert _post(client, alice_token, "/api/v1/stories", {"title": 3}).json() == refused.json()
    bad = _post(client, alice_token, "/api/v1/stories", {"title": "A"}, key="a b\u00e9")
    assert bad.status_code == 400 and not Story.objects.exists()


def test_a_key_without_sign_in_changes_nothing(client):
    response = client.post(
        "/api/v1/stories", {"title": "A"}, content_type="application/json",
        headers={"Idempotency-Key": "x"},
    )  # fmt: skip
    assert response.status_code == 401 and not IdempotencyKey.objects.exists()


def test_keys_go_with_the_account(client, alice, alice_token):
    _post(client, alice_token, "/api/v1/stories", {"title": "A"})
    alice.delete()
    assert not IdempotencyKey.objects.exists()


def test_a_browser_session_gets_the_same(client, alice):
    client.force_login(alice)
    headers = {"Idempotency-Key": "s-1"}
    for _ in range(2):
        response = client.post(
            "/api/v1/stories", {"title": "A"}, content_type="application/json", headers=headers
        )
        assert response.status_code == 201
    assert Story.objects.count() == 1
