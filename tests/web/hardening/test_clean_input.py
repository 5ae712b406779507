"""Text with NUL or a lone surrogate, absurd numbers and deep JSON: a clear 4xx, nothing saved.

Each write path that once answered a 500 on PostgreSQL is tried here; run the
file with TEST_DATABASE_URL/DATABASE_URL set to check PostgreSQL as well.
"""

from __future__ import annotations

import pytest

from loopcoach.web.accounts.services import api_token_create
from loopcoach.web.offers.models import CompensationDataPoint, SavedOffer
from loopcoach.web.practice.models import Attempt, Draft
from loopcoach.web.stories.models import Story
from loopcoach.web.stories.services import story_create

pytestmark = pytest.mark.django_db

NUL = "bad\x00text"


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def _refused(response) -> None:
    assert response.status_code == 400, response.content[:300]
    assert b"NUL" in response.content


def test_story_create_with_nul_is_refused(signed_in):
    _refused(signed_in.post("/stories/new/", {"title": NUL, "situation": "s"}))
    assert not Story.objects.exists()


def test_story_edit_with_nul_is_refused(signed_in, alice):
    story = story_create(user=alice, data={"title": "Latency"})
    _refused(signed_in.post(f"/stories/{story.pk}/edit/", {"title": "t", "result": NUL}))
    story.refresh_from_db()
    assert story.title == "Latency"


def test_follow_up_with_nul_is_refused(signed_in, attempt):
    url = f"/practice/attempts/{attempt.pk}/follow-ups/"
    _refused(signed_in.post(url, {"follow_up": NUL, "answer": "I led it."}))
    assert Attempt.objects.count() == 1


def test_draft_with_nul_is_refused(signed_in, question):
    url = "/practice/drafts/"
    _refused(signed_in.post(url, {"question": question.pk, "slot": "main", "text": NUL}))
    assert not Draft.objects.exists()


def test_offer_name_with_nul_is_refused(signed_in):
    data = {"count": "1", "o1-name": NUL, "o1-base_salary": "200000", "action": "save-0"}
    _refused(signed_in.post("/offers/", data))
    assert not SavedOffer.objects.exists()


@pytest.mark.parametrize("field", ["company", "level", "location"])
def test_market_point_with_nul_is_refused(signed_in, field):
    data = {"company": "Amazon", "level": "L6", "location": "Seattle", "year": "2025"}
    data |= {"base": "200000", "stock_per_year": "0", "bonus": "0", field: NUL}
    _refused(signed_in.post("/offers/market/add", data))
    assert not CompensationDataPoint.objects.filter(submitted_by__username="alice").exists()


def test_a_nul_in_a_query_string_is_a_page_400(client):
    _refused(client.get("/questions/", {"q": NUL}))


def test_a_nul_in_a_field_name_is_refused(signed_in):
    _refused(signed_in.post("/stories/new/", {"ti\x00tle": "x"}))


def test_a_nul_in_an_api_query_string_is_json(client):
    response = client.get("/api/v1/questions", {"q": NUL})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid"
    assert "q" in response.json()["fields"]


@pytest.fixture
def token(alice):
    return api_token_create(user=alice, name="t")[1]


def _api_post(client, token, path, body: bytes):
    return client.post(
        path, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )


@pytest.mark.parametrize(
    "body",
    [
        b'{"title": "\\ud800"}',
        b'{"title": "a\\u0000b"}',
        b"[" * 200_000,
        b'{"title": ' + b"[" * 150_000 + b"]" * 150_000 + b"}",
        b'{"title": 1e308}',
        b'{"title": NaN}',
    ],
    ids=["surrogate", "nul", "brackets", "deep", "huge-number", "nan"],
)
def test_bad_json_bodies_are_a_4xx_on_story_create(client, token, body):
    response = _api_post(client, token, "/api/v1/stories", body)
    assert 400 <= response.status_code < 500
    assert set(response.json()) >= {"error", "message"}
    assert not Story.objects.exists()


@pytest.mark.parametrize("value", ["1e308", "-1e308", "1e400", "NaN", "Infinity", "9" * 400])
def test_absurd_base_salary_is_a_field_error(client, value):
    response = client.post("/offers/", {"count": "1", "o1-base_salary": value})
    assert response.status_code == 400
    response = client.post(
        "/api/v1/offers/calculate", {"base_salary": value}, content_type="application/json"
    )
    assert response.status_code == 400


@pytest.mark.parametrize("value", ["1e308", "NaN", "9" * 400])
def test_absurd_market_base_is_refused(signed_in, value):
    data = {"company": "Amazon", "level": "L6", "location": "Seattle", "year": "2025"}
    data |= {"base": value, "stock_per_year": "0", "bonus": "0"}
    assert signed_in.post("/offers/market/add", data).status_code == 400
    assert not CompensationDataPoint.objects.filter(submitted_by__username="alice").exists()
