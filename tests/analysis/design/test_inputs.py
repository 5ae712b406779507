from __future__ import annotations

import pytest

from loopcoach.analysis.design import analyze_design
from loopcoach.analysis.design.inputs import MAX_DOCUMENT_CHARS, looks_like_code
from loopcoach.analysis.errors import AnalysisInputError

Q = "Design a rate limiter for a high-traffic API."
CODE = """import redis
def allow(key):
    count = redis.incr(key)
    if count == 1:
        redis.expire(key, 60)
    return count <= LIMIT
"""
STORY = (
    "At my last company we had a customer who sent far too many requests. I noticed it in the "
    "logs and I called their engineering lead. We agreed on a limit and I wrote a throttle. "
    "After that the incidents stopped and I learned to talk to customers early."
)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        (42, "must be text"),
        ("x " * (MAX_DOCUMENT_CHARS // 2 + 1), "too long"),
        (CODE, "looks like code"),
    ],
)
def test_bad_input_is_refused_with_one_clear_line(answer, message):
    with pytest.raises(AnalysisInputError, match=message) as exc:
        analyze_design(answer, question=Q)
    assert "\n" not in str(exc.value)


def test_the_limit_is_said_in_pages():
    with pytest.raises(AnalysisInputError, match="about nine pages"):
        analyze_design("word " * MAX_DOCUMENT_CHARS, question=Q)


def test_prose_with_an_api_sketch_is_not_code():
    text = (
        "Requirements: 100 requests per second per key.\nQPS = 1B / 86400 = 11,600\n"
        "redis.incr(key) is atomic.\nReturn a 429 with Retry-After."
    )
    assert not looks_like_code(text)


def test_a_story_pasted_into_a_design_question_is_said_kindly():
    report = analyze_design(STORY, question=Q)
    assert report.story_like and report.grade == 1
    improvements = [r for r in report.feedback if r.kind == "improvement"]
    assert improvements[0].code == "story-not-design"
    assert "behavioral question" in improvements[0].text


def test_a_story_is_the_right_form_where_the_question_asks_for_one():
    q = "Tell me about a system you owned where you chose availability over consistency."
    report = analyze_design(STORY + " We chose availability over consistency.", question=q)
    assert not report.story_like
