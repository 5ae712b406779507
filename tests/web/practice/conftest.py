"""Practice fixtures: a question, an answer with every part, alice's attempt."""

from __future__ import annotations

import pytest

ANSWER = (
    "In 2022 our checkout service had a p99 latency of 900 ms and customers abandoned carts. "
    "I was the engineering manager and I owned fixing it before peak season. "
    "I profiled the service, um, and found that we sort of made three database calls per request. "
    "I led the team to add a read-through cache and I wrote the design doc myself. "
    "As a result, latency dropped to 200 ms and conversion rose 3%."
)


@pytest.fixture
def question(amazon_guide):
    return amazon_guide.questions.filter(principles__slug="dive-deep").order_by("id").first()


@pytest.fixture
def attempt(alice, question):
    from loopcoach.web.practice.services import attempt_create

    return attempt_create(user=alice, question=question, answer=ANSWER)
