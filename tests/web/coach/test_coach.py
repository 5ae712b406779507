"""The coach on an attempt, end to end: the API and the page, a real worker process, a real
OpenAI-compatible server (llama-cpp-python + SmolLM2-135M), and servers that are down, slow or
answer garbage. Only the attempt's owner sees or asks anything."""

from __future__ import annotations

import json
import time

import pytest
from django.test import Client

from loopcoach.coach import invented_numbers
from loopcoach.web.coach.models import CoachReview
from loopcoach.web.tasks.models import Job
from tests.coach.servers import closed_port_url, completion, serving
from tests.web.coach.conftest import ANSWER, MODEL_NAME

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def coach_url(attempt) -> str:
    return f"/api/v1/attempts/{attempt.pk}/coach"


def wait_until_finished(client: Client, attempt, timeout: float = 300) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(coach_url(attempt)).json()
        if body["status"] in ("done", "failed"):
            return body
        time.sleep(0.1)
    raise AssertionError(f"the coach stayed {body['status']}")


def ask_and_wait(client: Client, attempt, start_worker, env: dict) -> dict:
    asked = client.post(coach_url(attempt))
    assert asked.status_code == 202, asked.content
    assert asked.json()["status"] == "queued" and asked.json()["task"]["status"] == "queued"
    start_worker(**env)
    return wait_until_finished(client, attempt)


def test_a_real_model_coaches_an_attempt_through_a_worker(
    bank, attempt, alice, coach_on, llama_server, start_worker
):
    client = client_of(alice)
    started = time.monotonic()
    body = ask_and_wait(client, attempt, start_worker, coach_on(llama_server, timeout=300))
    took = time.monotonic() - started
    assert body["status"] == "done", body["error"]
    print(f"\nask → review by {MODEL_NAME} through a new worker: {took:.1f} s, {body['review']}")
    review = body["review"]
    assert body["model"] == review["model"] == MODEL_NAME and body["error"] is None
    assert review["critique"] and review["rewrite"] and 1 <= len(review["follow_ups"]) <= 3
    # The marked pieces are the rewrite, and exactly its invented numbers are marked.
    assert "".join(s["text"] for s in review["rewrite_segments"]) == review["rewrite"]
    expected = [span.text for span in invented_numbers(review["rewrite"], answer=ANSWER)]
    assert review["invented"] == expected
    task = client.get(f"/api/v1/tasks/{body['task']['id']}").json()
    assert task["status"] == "done" and task["progress"] == 1.0

    page = client.get(attempt.get_absolute_url()).content.decode()
    assert f"LLM · {MODEL_NAME}" in page and "A stronger version" in page
    assert "Ask the coach" not in page
    assert 'id="feedback-h"' in page and "answer-node" in page  # the analyzer's feedback stays


def test_asking_again_shows_the_cached_review_without_calling_the_model(
    bank, attempt, alice, coach_on
):
    with serving(lambda body, headers: (500, b"must not be called")) as (url, seen):
        coach_on(url)
        CoachReview.objects.create(
            user=alice, attempt=attempt, model=MODEL_NAME, result=_review("Cached.")
        )
        jobs = Job.objects.count()
        again = client_of(alice).post(coach_url(attempt))
    assert again.status_code == 200 and again.json()["review"]["critique"] == "Cached."
    assert Job.objects.count() == jobs and seen == []


def test_another_model_gets_its_own_review(bank, attempt, alice, coach_on):
    CoachReview.objects.create(user=alice, attempt=attempt, model="other", result=_review("Old."))
    with serving(lambda body, headers: (200, completion("{}"))) as (url, _):
        coach_on(url)
        asked = client_of(alice).post(coach_url(attempt))
    assert asked.status_code == 202 and asked.json()["model"] == MODEL_NAME
    assert CoachReview.objects.filter(attempt=attempt).count() == 2


@pytest.mark.parametrize(
    ("server", "says"),
    [
        ("down", "Could not connect to the coach's server"),
        ("slow", "did not answer within 1 seconds"),
        ("garbage", "not the JSON asked for"),
        ("html", "did not answer with a chat completion"),
    ],
)
def test_a_broken_server_fails_the_task_with_its_reason_and_can_be_retried(
    bank, attempt, alice, coach_on, start_worker, server, says
):
    replies = {
        "slow": (200, completion(json.dumps(_review("Late.")))),
        "garbage": (200, completion("Sure! Here is some feedback: be more specific.")),
        "html": (200, b"<html><body>502 Bad Gateway</body></html>"),
    }
    client = client_of(alice)
    if server == "down":
        body = ask_and_wait(client, attempt, start_worker, coach_on(closed_port_url()))
        return _check_failed(client, attempt, body, says)
    delay = 5 if server == "slow" else 0
    with serving(lambda b, h: replies[server], delay=delay) as (url, _):
        body = ask_and_wait(client, attempt, start_worker, coach_on(url, timeout=1))
        _check_failed(client, attempt, body, says)


def _check_failed(client: Client, attempt, body: dict, says: str) -> None:
    assert body["status"] == "failed" and says in body["error"] and body["review"] is None
    task = client.get(f"/api/v1/tasks/{body['task']['id']}").json()
    assert task["status"] == "failed" and says in task["error"]
    page = client.get(attempt.get_absolute_url()).content.decode()
    assert "The coach could not answer" in page and says in page.replace("&#x27;", "'")
    assert "Try again" in page
    retried = client.post(coach_url(attempt))  # the same job, queued again from its input
    assert retried.status_code == 202 and retried.json()["task"]["id"] == body["task"]["id"]
    # Queued again; the live worker may already have taken it by the time the answer is built.
    assert retried.json()["status"] in ("queued", "running")


def test_the_page_marks_the_numbers_the_rewrite_invented(attempt, alice, coach_on):
    coach_on("http://127.0.0.1:9/v1")
    review = _review("Fine.", rewrite="Latency dropped to 200 ms for 12 million users.")
    CoachReview.objects.create(user=alice, attempt=attempt, model=MODEL_NAME, result=review)
    page = client_of(alice).get(attempt.get_absolute_url()).content.decode()
    assert '<mark class="invented" title="Not in your answer">12 million users<span' in page
    assert "1 number in this version that is not in your answer" in page


def test_with_the_coach_off_there_is_no_button_and_nothing_is_sent(attempt, alice, settings):
    settings.LLM_BASE_URL, settings.LLM_MODEL = "", ""
    client = client_of(alice)
    page = client.get(attempt.get_absolute_url()).content.decode()
    assert "The LLM coach is off" in page and "Ask the coach" not in page
    refused = client.post(coach_url(attempt))
    assert refused.status_code == 409 and refused.json()["error"] == "coach_off"
    assert client.get(coach_url(attempt)).json() == {
        "attempt": attempt.pk, "enabled": False, "model": None, "status": "none",
        "error": None, "task": None, "review": None,
    }  # fmt: skip
    client.post(f"/coach/attempts/{attempt.pk}/ask/")
    assert not CoachReview.objects.exists() and not Job.objects.exists()


def test_the_page_asks_through_htmx_and_shows_the_job_waiting(attempt, alice, coach_on):
    coach_on(closed_port_url())
    client = client_of(alice)
    page = client.get(attempt.get_absolute_url()).content.decode()
    assert "Ask the coach" in page and f"LLM · {MODEL_NAME}" in page
    panel = client.post(f"/coach/attempts/{attempt.pk}/ask/", headers={"HX-Request": "true"})
    html = panel.content.decode()
    job = CoachReview.objects.get().job
    assert panel.status_code == 200 and job.kind == "coach" and job.owner == alice
    assert "Waiting for the worker" in html and "Ask the coach" not in html
    assert f'hx-get="/tasks/{job.pk}/"' in html  # the job's own status polls itself
    page = client.get(attempt.get_absolute_url()).content.decode()
    assert "Waiting for the worker" in page


def test_another_user_sees_and_asks_nothing(attempt, alice, bob, coach_on):
    coach_on(closed_port_url())
    CoachReview.objects.create(user=alice, attempt=attempt, model=MODEL_NAME, result=_review("x"))
    intruder = client_of(bob)
    for response in (
        intruder.get(coach_url(attempt)),
        intruder.post(coach_url(attempt)),
        intruder.post(f"/coach/attempts/{attempt.pk}/ask/"),
        intruder.get("/api/v1/attempts/999999999/coach"),
    ):
        assert response.status_code == 404
    assert CoachReview.objects.count() == 1 and not Job.objects.exists()
    assert Client().post(coach_url(attempt)).status_code == 401


def _review(critique: str, *, rewrite: str = "I cut latency to 200 ms.") -> dict:
    from loopcoach.coach.facts import invented_numbers, marked_segments

    invented = invented_numbers(rewrite, answer=ANSWER)
    return {
        "model": MODEL_NAME,
        "critique": critique,
        "rewrite": rewrite,
        "rewrite_segments": [s.to_dict() for s in marked_segments(rewrite, invented)],
        "invented": [span.text for span in invented],
        "follow_ups": ["How did you measure it?", "What would you do differently?"],
    }
