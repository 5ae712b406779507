"""Answers to one question submitted at once each review its card once (PostgreSQL's row lock)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from loopcoach.web.practice import services
from loopcoach.web.practice.models import Attempt, ReviewCard
from tests.web.practice.conftest import ANSWER

pytestmark = pytest.mark.django_db(transaction=True)

AT_ONCE = 6


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks under concurrent writers (SQLite takes one write lock per database)")


def answer_at_once(user, question, count: int) -> list[BaseException]:
    start, errors = threading.Barrier(count), []

    def answer() -> None:
        try:
            start.wait()
            services.attempt_create(user=user, question=question, answer=ANSWER)
        except BaseException as exc:  # reported to the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=answer) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.fixture
def question():
    """Concurrent writers commit their rows: the packs are loaded in this test, not rolled back."""
    from loopcoach.web.questions.models import Question
    from tests.conftest import load_builtin_content

    load_builtin_content()
    return Question.objects.filter(retired=False, category="behavioral").order_by("id").first()


def test_answers_submitted_at_once_are_one_review_each(alice, question):
    # The first round races the card's insert; the second, its update under the row lock.
    for answered in (AT_ONCE, 2 * AT_ONCE):
        assert answer_at_once(alice, question, AT_ONCE) == []
        card = ReviewCard.objects.get(user=alice, question=question)
        attempts = Attempt.objects.filter(user=alice, question=question)
        assert card.reviews == attempts.count() == answered
        assert card.last_attempt_id in set(attempts.values_list("id", flat=True))
        assert card.card_before is not None and card.card_before != card.card
