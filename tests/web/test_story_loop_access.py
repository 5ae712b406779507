"""Stories and loops are private: anonymous users are sent to log in (pages) or get 401 (API);
bob gets 404 for alice's rows, exactly as for rows that do not exist."""

from __future__ import annotations

import json

import pytest

from loopcoach.web.loops import services as loops
from loopcoach.web.stories import services as stories

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned(alice, amazon_guide):
    story = stories.story_create(user=alice, data={"title": "Mine", "action": "I did it."})
    loop = loops.loop_start(user=alice, guide=amazon_guide, minutes=15, seed=3)
    answer = loop.rounds.get(order=1).questions.first()
    return {"s": story.pk, "l": loop.pk, "a": answer.pk}


PAGES = [
    "/stories/{s}/",
    "/stories/{s}/edit/",
    "/stories/{s}/delete/",
    "/loops/{l}/",
    "/loops/{l}/debrief/",
    "/loops/{l}/rounds/1/",
    "/loops/{l}/delete/",
]
POSTS = [
    "/stories/{s}/principles/",
    "/stories/{s}/delete/",
    "/stories/{s}/edit/",
    "/loops/{l}/end/",
    "/loops/{l}/rounds/1/start/",
    "/loops/{l}/rounds/1/leave/",
    "/loops/{l}/rounds/1/end/",
    "/loops/{l}/rounds/1/answers/{a}/",
    "/loops/{l}/delete/",
]
LISTS = [
    "/stories/",
    "/stories/new/",
    "/stories/coverage/",
    "/stories/export.md",
    "/stories/import/",
    "/loops/",
]
API = [
    ("get", "/api/v1/stories/{s}"),
    ("patch", "/api/v1/stories/{s}"),
    ("put", "/api/v1/stories/{s}"),
    ("delete", "/api/v1/stories/{s}"),
    ("get", "/api/v1/loops/{l}"),
    ("post", "/api/v1/loops/{l}/answers"),
    ("post", "/api/v1/loops/{l}/end"),
    ("get", "/api/v1/loops/{l}/debrief"),
]
API_LISTS = [
    ("get", "/api/v1/stories"),
    ("post", "/api/v1/stories"),
    ("get", "/api/v1/stories/coverage"),
    ("get", "/api/v1/loops"),
    ("post", "/api/v1/loops"),
]


@pytest.mark.parametrize("url", PAGES + LISTS)
def test_anonymous_pages_redirect_to_login(client, owned, url):
    response = client.get(url.format(**owned))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("url", PAGES)
def test_bob_gets_404_for_alices_pages(client, bob, owned, url):
    client.force_login(bob)
    assert client.get(url.format(**owned)).status_code == 404


@pytest.mark.parametrize("url", POSTS)
def test_bob_cannot_change_alices_rows(client, bob, owned, url):
    client.force_login(bob)
    assert (
        client.post(
            url.format(**owned), {"answer": "mine now", "title": "x", "action": "y"}
        ).status_code
        == 404
    )


@pytest.mark.parametrize("url", PAGES)
def test_alice_sees_her_pages(client, alice, owned, url):
    client.force_login(alice)
    assert client.get(url.format(**owned), follow=True).status_code == 200


@pytest.mark.parametrize(("method", "url"), API + API_LISTS)
def test_anonymous_api_calls_are_401(client, owned, method, url):
    response = client.generic(
        method.upper(), url.format(**owned), "{}", content_type="application/json"
    )
    assert response.status_code == 401 and response.json()["error"] == "unauthorized"


@pytest.mark.parametrize(("method", "url"), API)
def test_bob_gets_404_from_the_api_for_alices_rows(client, bob, owned, method, url):
    client.force_login(bob)
    body = json.dumps({"title": "x", "question_id": 1, "answer": "x"})
    response = client.generic(
        method.upper(), url.format(**owned), body, content_type="application/json"
    )
    assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_lists_show_only_ones_own_rows(client, bob, owned):
    client.force_login(bob)
    assert client.get("/api/v1/stories").json()["results"] == []
    assert client.get("/api/v1/loops").json()["results"] == []
    assert "Mine" not in client.get("/stories/").content.decode()
    assert "Mine" not in client.get("/stories/export.md").content.decode()
