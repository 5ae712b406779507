"""Every API endpoint that reads a body refuses bad input in the one error shape with a 4xx.

The endpoints are listed once (BODIES); a test checks the list against the
OpenAPI description, so a new endpoint with a body cannot skip these tests.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group

from loopcoach.web.accounts.services import api_token_create
from loopcoach.web.answering.services import voice_attempt_fill, voice_attempt_save
from loopcoach.web.cohorts import services as cohorts
from loopcoach.web.loops import services as loops
from loopcoach.web.practice.models import Attempt
from loopcoach.web.reports import services as reports
from loopcoach.web.reports.services import moderator_group
from loopcoach.web.reports.validation import report_clean
from loopcoach.web.stories import services as stories
from tests.conftest import make_user
from tests.web.portability.conftest import recording_of
from tests.web.practice.conftest import ANSWER

pytestmark = pytest.mark.django_db

LOOP_DATE = (date.today() + timedelta(days=30)).isoformat()
# method, path as in the OpenAPI description, a valid body, and wrong types for its fields.
BODIES = [
    ("post", "/api/v1/analyze", {"answer": ANSWER}, {"answer": 12, "question": True}),
    (
        "post",
        "/api/v1/analyze/design",
        {"answer": ANSWER, "question": "amzn-em-design-url-shortener"},
        {"answer": 12, "question": ["x"]},
    ),
    ("post", "/api/v1/analyze/narrative", {"text": ANSWER}, {"text": 7}),
    (
        "post",
        "/api/v1/attempts",
        {"question_id": "{q}", "answer": ANSWER},
        {"question_id": True, "answer": ["x"]},
    ),
    (
        "post",
        "/api/v1/attempts/{pk}/follow-ups",
        {"follow_up": "Why?", "answer": ANSWER},
        {"follow_up": 1, "answer": False},
    ),
    ("patch", "/api/v1/attempts/{pk}", {"answer": ANSWER}, {"answer": 12}),
    ("post", "/api/v1/stories", {"title": "Latency"}, {"title": 3, "principles": "dive-deep"}),
    ("patch", "/api/v1/stories/{pk}", {"title": "Latency"}, {"action": 5, "principles": [1]}),
    ("put", "/api/v1/stories/{pk}", {"title": "Latency"}, {"title": None, "when": 2023}),
    (
        "post",
        "/api/v1/loops",
        {"guide": "amazon/engineering-manager"},
        {"guide": 1, "seed": True, "length": 15},
    ),
    (
        "post",
        "/api/v1/loops/{pk}/answers",
        {"question_id": "{lq}", "answer": ANSWER},
        {"question_id": "{lq}s", "answer": 1.5},
    ),
    (
        "post",
        "/api/v1/offers/calculate",
        {"base_salary": 200000},
        {"base_salary": True, "custom_percents": "25"},
    ),
    ("post", "/api/v1/plans", {"loop_date": LOOP_DATE}, {"loop_date": 20990101, "weekly": 1}),
    (
        "post",
        "/api/v1/reports",
        {
            "company": "amazon",
            "role": "engineering-manager",
            "month": "2026-10",
            "rounds": [{"name": "Bar Raiser", "questions": ["Why Amazon?"]}],
        },
        {"month": 202610, "rounds": "Why Amazon?", "company": ["amazon"]},
    ),
    ("patch", "/api/v1/reports/{pk}", {"location": "Seattle"}, {"level": 6, "rounds": [1]}),
    (
        "post",
        "/api/v1/moderation/reports/{pk}/questions/{n}",
        {"action": "reject", "reason": "Not a question."},
        {"action": 1, "principles": "earn-trust"},
    ),
    ("post", "/api/v1/moderation/reports/{pk}/reject", {"reason": "Spam."}, {"reason": 5}),
    ("post", "/api/v1/cohorts", {"name": "Spring"}, {"name": 5}),
    ("post", "/api/v1/cohorts/join", {"token": "{token}"}, {"token": 5}),
    (
        "post",
        "/api/v1/cohorts/{pk}/shares",
        {"kind": "story", "id": "{story}"},
        {"kind": 1, "id": "{story}s"},
    ),
    ("post", "/api/v1/cohorts/shares/{pk}/comments", {"body": "Numbers?"}, {"body": ["x"]}),
    ("delete", "/api/v1/account", {"password": "alice-Passw0rd!"}, {"password": 5}),
]
PARAMS = [pytest.param(m, p, v, t, id=f"{m} {p}") for m, p, v, t in BODIES]
# Endpoints whose body is multipart (a file): their bad input is tested where they live
# (tests/web/voice), and a JSON body is refused below.
MULTIPART = {("post", "/api/v1/attempts/voice")}


@pytest.fixture(autouse=True)
def _voice_dir(settings, tmp_path):
    settings.VOICE_DIR = tmp_path / "recordings"


@pytest.fixture
def ids(alice, amazon_guide):
    from loopcoach.web.practice.services import attempt_create

    question = amazon_guide.questions.order_by("id").first()
    attempt = attempt_create(user=alice, question=question, answer=ANSWER)
    story = stories.story_create(user=alice, data={"title": "Mine", "action": "I did it."})
    loop = loops.loop_start(user=alice, guide=amazon_guide, minutes=15, seed=3)
    loop_question = loop.rounds.get(order=1).questions.first().question_id
    alice.groups.add(moderator_group())  # she moderates too: the moderation bodies are checked
    report = reports.report_create(
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
    zoe, coach = make_user("zoe"), Group.objects.get(name="coach")
    zoe.groups.add(coach)
    alice.groups.add(coach)
    cohort = cohorts.cohort_create(coach=zoe, name="Zoe's")
    cohorts.cohort_join(candidate=alice, token=cohort.invite_token)
    share, _ = cohorts.share_create(candidate=alice, cohort=cohort, kind="story", item_id=story.pk)
    spoken = voice_attempt_save(user=alice, question=question)
    recording_of(alice, spoken)  # transcribed, as a worker leaves it
    voice_attempt_fill(attempt=spoken, transcript=ANSWER)
    return {
        "spoken": spoken.pk,
        "report": report.pk,
        "cohort": cohort.pk,
        "share": share.pk,
        "token": cohort.invite_token,
        "q": question.pk,
        "lq": loop_question,
        "attempt": attempt.pk,
        "story": story.pk,
        "loop": loop.pk,
    }


@pytest.fixture
def token(alice):
    return api_token_create(user=alice, name="bad input")[1]


def _url(path: str, ids: dict) -> str:
    owner = {
        "attempts": "attempt",
        "stories": "story",
        "loops": "loop",
        "reports": "report",
        "moderation": "report",
        "cohorts": "cohort",
    }
    path = path.replace("{n}", "0")
    if path == "/api/v1/attempts/{pk}":  # only PATCH has a body: a transcript to correct
        return path.replace("{pk}", str(ids["spoken"]))
    if path.startswith("/api/v1/cohorts/shares/"):
        return path.replace("{pk}", str(ids["share"]))
    return path.replace("{pk}", str(ids[owner.get(path.split("/")[3], "attempt")]))


def _fill(body: dict, ids: dict) -> dict:
    def one(value):
        if value == "{q}":
            return ids["q"]
        if value == "{lq}":
            return ids["lq"]
        if value == "{lq}s":
            return str(ids["lq"])  # the id as text: a number in an odd spelling
        if value in ("{token}", "{story}"):
            return ids[value.strip("{}")]
        if value == "{story}s":
            return str(ids["story"])
        return value

    return {name: one(value) for name, value in body.items()}


def send(client, method, url, body: bytes | str, token, content_type="application/json"):
    return client.generic(
        method.upper(), url, body, content_type=content_type, HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def assert_refused(response, status: int | None = None) -> dict:
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    assert status is None or response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert set(data) <= {"error", "message", "fields"} and {"error", "message"} <= set(data)
    assert isinstance(data["error"], str) and data["error"] and data["message"]
    return data


def test_the_list_covers_every_endpoint_with_a_body(client):
    spec = client.get("/api/v1/openapi.json").json()

    def bodies(content_type: str) -> set[tuple[str, str]]:
        return {
            (method, path)
            for path, operations in spec["paths"].items()
            for method, operation in operations.items()
            if content_type in operation.get("requestBody", {}).get("content", {})
        }

    assert bodies("application/json") == {(m, p) for m, p, _, _ in BODIES}
    # Uploads (the account import too) have tests of their own; the voice one is below.
    assert MULTIPART <= bodies("multipart/form-data")


@pytest.mark.parametrize("method, path", sorted(MULTIPART))
def test_a_json_body_to_a_multipart_endpoint_is_refused(client, ids, token, method, path):
    body = json.dumps({"question_id": ids["q"], "audio": "not a file"})
    data = assert_refused(send(client, method, _url(path, ids), body, token), 400)
    assert data["error"] == "invalid" and "audio" in data["fields"]


BAD_BODIES = {
    "malformed": (b'{"answer": ', 400),
    "not an object": (b'["answer"]', 400),
    "a bare string": (b'"answer"', 400),
    "NaN": (b'{"answer": NaN}', 400),
    "not UTF-8": (b'{"answer": "\xff\xfe"}', 400),
    "200 kB of [": (b"[" * 200_000, 400),
    "nested too deep": (b"[" * 50_000, 400),
    "objects nested too deep": (b'{"a": ' * 40 + b"1" + b"}" * 40, 400),
    "huge": (json.dumps({"answer": "x" * 300_000}).encode(), 413),
}


@pytest.mark.parametrize("kind", BAD_BODIES)
@pytest.mark.parametrize("method, path, valid, wrong", PARAMS)
def test_bad_json_is_refused(client, ids, token, method, path, valid, wrong, kind):
    body, status = BAD_BODIES[kind]
    assert_refused(send(client, method, _url(path, ids), body, token), status)


@pytest.mark.parametrize("text", ["lone \ud800 surrogate", "a NUL \x00 here"])
@pytest.mark.parametrize("method, path, valid, wrong", PARAMS)
def test_invalid_text_is_refused(client, ids, token, method, path, valid, wrong, text):
    before = Attempt.objects.count()
    body = {**_fill(valid, ids), "name" if "offers" in path else "title": text}
    for name, value in body.items():
        if isinstance(value, str):
            body[name] = text  # json.dumps escapes both as \\uXXXX, as a client would send them
    assert_refused(send(client, method, _url(path, ids), json.dumps(body), token), 400)
    assert Attempt.objects.count() == before


@pytest.mark.parametrize("method, path, valid, wrong", PARAMS)
def test_wrong_types_are_refused_field_by_field(client, ids, token, method, path, valid, wrong):
    for name, value in _fill(wrong, ids).items():
        body = json.dumps({**_fill(valid, ids), name: value})
        data = assert_refused(send(client, method, _url(path, ids), body, token), 400)
        assert data["error"] == "invalid", data
        assert name in {field.split(".")[0] for field in data["fields"]}, data


@pytest.mark.parametrize("method, path, valid, wrong", PARAMS)
def test_a_body_that_is_not_json_is_415(client, ids, token, method, path, valid, wrong):
    response = send(
        client, method, _url(path, ids), "answer=x", token, "application/x-www-form-urlencoded"
    )
    assert_refused(response, 415)


@pytest.mark.parametrize("method, path, valid, wrong", PARAMS)
def test_a_body_without_content_type_is_read_as_json(
    client, ids, token, method, path, valid, wrong
):
    body = json.dumps(_fill(valid, ids))
    response = send(client, method, _url(path, ids), body, token, content_type="")
    assert response.status_code < 300, response.content[:300]


@pytest.mark.parametrize(
    "method, path, valid, wrong", [p for p in PARAMS if p.values[0] != "patch"]
)
def test_missing_fields_are_refused(client, ids, token, method, path, valid, wrong):
    data = assert_refused(send(client, method, _url(path, ids), "{}", token), 400)
    assert data["error"] == "invalid" and data["fields"]


LISTS = [
    "/api/v1/guides",
    "/api/v1/questions",
    "/api/v1/attempts",
    "/api/v1/reviews/due",
    "/api/v1/stories",
    "/api/v1/loops",
    "/api/v1/market-bands",
    "/api/v1/reports",
    "/api/v1/moderation/reports",
]


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.0", "+2", "true", "", "99999"])
@pytest.mark.parametrize("url", LISTS)
def test_bad_pages_are_refused(client, ids, token, url, page):
    response = client.get(url, {"page": page}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert_refused(response, 404 if page == "99999" else 400)


@pytest.mark.parametrize("url", LISTS)
def test_every_list_has_the_one_envelope(client, ids, token, url):
    data = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert {"count", "page", "pages", "next", "previous", "results"} <= set(data)


@pytest.mark.parametrize("url", LISTS)
def test_a_nul_in_the_query_string_is_refused(client, token, url):
    response = client.get(url + "?q=%00", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert_refused(response, 400)


def test_a_wrong_method_is_a_json_405(client):
    response = client.delete("/api/v1/guides")
    assert_refused(response, 405)
    assert "GET" in response["Allow"]


def test_an_unknown_path_is_a_json_404(client):
    assert_refused(client.get("/api/v1/nothing/here"), 404)


def test_a_body_past_djangos_upload_limit_is_a_json_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    body = json.dumps({"answer": ANSWER * 10})
    data = assert_refused(send(client, "post", "/api/v1/analyze", body, "none"), 413)
    assert "1,000 bytes" in data["message"]


def test_an_unexpected_error_is_a_json_500_not_a_page(monkeypatch, amazon_guide):
    from django.test import Client

    def broken(question):
        raise RuntimeError("a bug")

    monkeypatch.setattr("loopcoach.web.questions.api.question_out", broken)
    response = Client(raise_request_exception=False).get("/api/v1/questions")
    assert response.status_code == 500 and response.json()["error"] == "server_error"


TOO_BIG_ID = 10**20  # past a 64-bit key: the database driver raised OverflowError, a 500


WITH_IDS = [p for p in PARAMS if "question_id" in p.values[2]]


@pytest.mark.parametrize("method, path, valid, wrong", WITH_IDS)
def test_an_id_past_64_bits_in_a_body_is_refused(client, ids, token, method, path, valid, wrong):
    for spelling in (TOO_BIG_ID, -TOO_BIG_ID):
        body = json.dumps({**_fill(valid, ids), "question_id": spelling})
        data = assert_refused(send(client, method, _url(path, ids), body, token), 400)
        assert data["error"] == "invalid" and "question_id" in data["fields"], data


def test_an_id_past_64_bits_in_a_query_string_is_refused(client, ids, token):
    response = client.get(
        "/api/v1/attempts", {"question_id": str(TOO_BIG_ID)}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert assert_refused(response, 400)["fields"] == {
        "question_id": "input should be less than or equal to 9223372036854775807"
    }
