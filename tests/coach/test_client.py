"""The OpenAI-compatible call and its failure modes, against real (tiny) local HTTP servers."""

from __future__ import annotations

import json
import time

import pytest

from loopcoach.coach import CoachReplyError, CoachServerError, Endpoint, chat_completion
from loopcoach.coach.client import REPLY_SCHEMA
from loopcoach.coach.review import coach_answer
from tests.coach.servers import closed_port_url, completion, serving

MESSAGES = [{"role": "user", "content": "Coach me."}]
GOOD = json.dumps(
    {"critique": "Quantify.", "rewrite": "I cut costs by 40% and hired 7.", "follow_ups": ["How?"]}
)


def test_it_posts_the_chat_completion_and_returns_the_message():
    with serving(lambda body, headers: (200, completion("hello"))) as (url, seen):
        text = chat_completion(Endpoint(url, "tiny", api_key="sk-test"), MESSAGES)
    assert text == "hello"
    request = seen[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "tiny" and request["body"]["messages"] == MESSAGES
    assert request["body"]["response_format"] == {"type": "json_object", "schema": REPLY_SCHEMA}
    assert request["headers"]["Authorization"] == "Bearer sk-test"


def test_no_key_sends_no_authorization_header():
    with serving(lambda body, headers: (200, completion("hi"))) as (url, seen):
        chat_completion(Endpoint(url, "tiny"), MESSAGES)
    assert "Authorization" not in seen[0]["headers"]


def test_a_server_refusing_the_schema_is_asked_again_in_plain_json_mode():
    def picky(body: dict, headers: dict) -> tuple[int, bytes]:
        if "schema" in body["response_format"]:
            return 400, b'{"error": {"message": "Unknown parameter: response_format.schema"}}'
        return 200, completion("plain")

    with serving(picky) as (url, seen):
        assert chat_completion(Endpoint(url, "tiny"), MESSAGES) == "plain"
    assert [r["body"]["response_format"] for r in seen][-1] == {"type": "json_object"}


def test_a_refused_connection_says_so():
    with pytest.raises(CoachServerError, match="Could not connect .* is it running"):
        chat_completion(Endpoint(closed_port_url(), "tiny"), MESSAGES)


def test_a_slow_server_times_out_with_the_limit_in_the_message():
    with serving(lambda body, headers: (200, completion("late")), delay=3) as (url, _):
        started = time.monotonic()
        with pytest.raises(CoachServerError, match="did not answer within 0.5 seconds"):
            chat_completion(Endpoint(url, "tiny", timeout_seconds=0.5), MESSAGES)
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    "payload",
    [b"<html>502 Bad Gateway</html>", b"", b'{"choices": []}', b'{"choices": [{"text": 1}]}'],
)
def test_a_body_that_is_not_a_completion_says_so(payload):
    with serving(lambda body, headers: (200, payload)) as (url, _):
        with pytest.raises(CoachServerError, match="did not answer with a chat completion"):
            chat_completion(Endpoint(url, "tiny"), MESSAGES)


def test_a_reply_cut_off_at_the_token_limit_says_so():
    body = json.dumps(
        {"choices": [{"message": {"content": '{"critique": "a'}, "finish_reason": "length"}]}
    )
    with serving(lambda b, h: (200, body.encode())) as (url, _):
        with pytest.raises(CoachServerError, match="cut off at 1,200 tokens"):
            chat_completion(Endpoint(url, "tiny"), MESSAGES)


def test_an_error_status_is_reported_with_its_code():
    with serving(lambda body, headers: (500, b"model crashed")) as (url, seen):
        with pytest.raises(CoachServerError, match="answered 500: 'model crashed'"):
            chat_completion(Endpoint(url, "tiny"), MESSAGES)
    assert len(seen) == 1  # only a refused option is worth asking again


def test_garbage_in_the_message_is_a_reply_error():
    with serving(lambda body, headers: (200, completion("lol no json"))) as (url, _):
        with pytest.raises(CoachReplyError, match="not the JSON asked for"):
            coach_answer(
                Endpoint(url, "tiny"), question="Q?", answer="A.", analysis=None, principles=[]
            )


def test_coach_answer_marks_the_numbers_the_answer_does_not_have():
    answer = "I cut costs by 40% with my team of 5."
    with serving(lambda body, headers: (200, completion(GOOD))) as (url, _):
        review = coach_answer(
            Endpoint(url, "tiny"), question="Q?", answer=answer, analysis=None, principles=[]
        )
    assert review.model == "tiny" and review.critique == "Quantify."
    assert review.invented == ["7"]
    assert review.to_dict()["rewrite_segments"][-2] == {"text": "7", "invented": True}
