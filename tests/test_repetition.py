"""FSRS scheduling of practised questions: grades map to ratings, better answers wait longer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from loopcoach import repetition

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def test_grades_map_to_ratings():
    assert [repetition.rating_for_grade(g) for g in (1, 2, 3, 4)] == [1, 2, 3, 4]
    with pytest.raises(ValueError):
        repetition.rating_for_grade(0)


def test_a_better_rating_waits_longer():
    card = repetition.new_card(NOW)
    dues = [repetition.review(card, rating=r, now=NOW).due for r in (1, 2, 3, 4)]
    assert dues == sorted(dues) and dues[0] - NOW >= timedelta(days=1)  # whole days, never minutes
    assert dues[3] > dues[2]


def test_reviews_are_reproducible_and_grow():
    first = repetition.review(repetition.new_card(NOW), rating=3, now=NOW)
    again = repetition.review(repetition.new_card(NOW), rating=3, now=NOW)
    assert first.due == again.due and first.card["stability"] == again.card["stability"]
    second = repetition.review(first.card, rating=3, now=first.due)
    assert second.due - first.due > first.due - NOW


def test_a_rating_is_one_to_four():
    with pytest.raises(ValueError):
        repetition.review(repetition.new_card(NOW), rating=5, now=NOW)


def test_a_new_card_takes_its_id_from_the_time_and_never_sleeps(monkeypatch):
    # fsrs sleeps a millisecond after making a card id of its own; a web request answering a
    # question for the first time made one.
    monkeypatch.setattr("fsrs.card.time.sleep", lambda seconds: pytest.fail("slept"))
    card = repetition.new_card(NOW)
    assert card["card_id"] == int(NOW.timestamp() * 1000)
