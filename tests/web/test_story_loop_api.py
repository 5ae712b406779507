"""/api/v1/stories and /api/v1/loops: the round trip of a client, and errors as JSON."""

from __future__ import annotations

import json

import pytest

from tests.scripted_answers import STRONG, STRONG_FOLLOW_UP, WEAK, WEAK_FOLLOW_UP

pytestmark = pytest.mark.django_db


def _send(client, method: str, url: str, data: dict | None = None, **headers):
    return getattr(client, method)(
        url, data=json.dumps(data or {}), content_type="application/json", **headers
    )


@pytest.fixture
def api(client, alice, amazon_guide):
    client.force_login(alice)
    return client


def test_story_crud(api):
    created = _send(
        api,
        "post",
        "/api/v1/stories",
        {"title": "Latency", "action": STRONG, "principles": ["dive-deep"]},
    )
    assert created.status_code == 201
    story = created.json()
    assert story["principles"] == ["dive-deep"] and story["grade"] and story["suggested_principles"]
    assert api.get("/api/v1/stories").json()["results"][0]["id"] == story["id"]
    patched = _send(
        api, "patch", f"/api/v1/stories/{story['id']}", {"result": "p99 fell to 210 ms."}
    ).json()
    assert patched["result"] == "p99 fell to 210 ms." and patched["action"] == STRONG
    put = _send(api, "put", f"/api/v1/stories/{story['id']}", {"title": "Only a title"}).json()
    assert put["action"] == "" and put["principles"] == []
    assert api.delete(f"/api/v1/stories/{story['id']}").json() == {"deleted": story["id"]}
    assert api.get(f"/api/v1/stories/{story['id']}").status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"title": ""},
        {"title": 3},
        {"title": "x", "principles": ["telepathy"]},
        {"title": "x", "principles": "dive-deep"},
        {"title": "x" * 201},
    ],
)
def test_bad_stories_are_400(api, body):
    response = _send(api, "post", "/api/v1/stories", body)
    assert response.status_code == 400 and response.json()["message"]


def test_malformed_json_is_400(api):
    response = api.post("/api/v1/stories", data="{nope", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"] == "bad_request"


def test_coverage(api):
    _send(
        api,
        "post",
        "/api/v1/stories",
        {"title": "A", "action": "I did it.", "principles": ["ownership"]},
    )
    data = api.get("/api/v1/stories/coverage").json()
    assert len(data["principles"]) == 16 and "ownership" in data["gaps"] and data["covered"] == 0


def test_a_whole_loop_over_the_api(api):
    response = _send(
        api, "post", "/api/v1/loops", {"guide": "amazon/engineering-manager", "seed": 5}
    )
    assert response.status_code == 201
    loop = response.json()
    assert (
        len(loop["rounds"]) == 5
        and {p for r in loop["rounds"] for p in r["principles"]}.__len__() == 16
    )
    for loop_round in loop["rounds"]:
        weak = loop_round["bar_raiser"]
        for question in loop_round["questions"]:
            url = f"/api/v1/loops/{loop['id']}/answers"
            first = _send(
                api,
                "post",
                url,
                {"question_id": question["question_id"], "answer": WEAK if weak else STRONG},
            )
            assert first.status_code == 201 and first.json()["follow_up"]
            second = _send(
                api,
                "post",
                url,
                {
                    "question_id": question["question_id"],
                    "answer": WEAK_FOLLOW_UP if weak else STRONG_FOLLOW_UP,
                },
            )
            assert second.json()["state"] == "done"
    again = _send(
        api,
        "post",
        f"/api/v1/loops/{loop['id']}/answers",
        {"question_id": loop["rounds"][0]["questions"][0]["question_id"], "answer": "more"},
    )
    assert again.status_code == 409
    debrief = api.get(f"/api/v1/loops/{loop['id']}/debrief").json()
    assert debrief["decision"]["outcome"] == "no-offer" and debrief["decision"]["vetoed"]
    bar_raiser = next(r for r in debrief["rounds"] if r["bar_raiser"])
    assert bar_raiser["vote"] == "strong-no-hire" and len(debrief["gaps"]) == 3


def test_the_debrief_waits_for_the_end_of_the_loop(api):
    loop = _send(api, "post", "/api/v1/loops", {"guide": "amazon/engineering-manager"}).json()
    assert api.get(f"/api/v1/loops/{loop['id']}/debrief").status_code == 409
    ended = _send(api, "post", f"/api/v1/loops/{loop['id']}/end")
    assert ended.json()["decision"]["outcome"] == "no-offer"
    assert api.get(f"/api/v1/loops/{loop['id']}").json()["status"] == "finished"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"guide": "amazon/astronaut"}, 400),
        ({"guide": 1}, 400),
        ({}, 400),
        ({"guide": "amazon/engineering-manager", "length": "forever"}, 400),
        ({"guide": "amazon/engineering-manager", "seed": -1}, 400),
    ],
)
def test_bad_loop_starts(api, body, status):
    assert _send(api, "post", "/api/v1/loops", body).status_code == status


def test_bad_answers(api):
    loop = _send(api, "post", "/api/v1/loops", {"guide": "amazon/engineering-manager"}).json()
    qid = loop["rounds"][0]["questions"][0]["question_id"]
    url = f"/api/v1/loops/{loop['id']}/answers"
    assert _send(api, "post", url, {"question_id": qid, "answer": ""}).status_code == 400
    assert _send(api, "post", url, {"question_id": "1", "answer": "x"}).status_code == 400
    assert _send(api, "post", url, {"question_id": 999999, "answer": "x"}).status_code == 404


def test_an_api_token_works_without_a_session(client, alice, amazon_guide):
    services = pytest.importorskip("loopcoach.web.accounts.services")
    _, raw = services.api_token_create(user=alice, name="test")
    response = client.get("/api/v1/stories", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert client.get("/api/v1/stories", HTTP_AUTHORIZATION="Bearer lc_wrong").status_code == 401


def test_session_writes_need_the_csrf_token(alice, amazon_guide):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert (
        _send(client, "post", "/api/v1/stories", {"title": "x", "action": "y"}).status_code == 403
    )
    assert client.get("/api/v1/stories").status_code == 200
