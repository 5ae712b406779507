"""Spaced repetition of practised questions with FSRS (the `fsrs` package).

Pure Python, no Django: a card is kept as fsrs's own JSON-able dict, and a
review turns (card, rating, when) into the next card. The web layer stores
the dicts and decides which rating a review gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from fsrs import Card, Rating, Scheduler
from fsrs.card import CardDict

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
# The analyzer's 1-4 grade maps straight onto FSRS's four ratings.
GRADE_TO_RATING = {1: 1, 2: 2, 3: 3, 4: 4}


@dataclass(frozen=True)
class Review:
    card: CardDict
    due: datetime


@lru_cache(maxsize=1)
def _scheduler() -> Scheduler:
    # Whole days, not minutes: an interview answer is practised again tomorrow at the
    # soonest, so the minute-long learning steps meant for flashcards are off. Fuzz
    # (spreading due dates) is off too, so that a schedule is reproducible.
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating_for_grade(grade: int | None) -> int:
    if grade not in GRADE_TO_RATING:
        raise ValueError(f"A grade is 1 to 4, not {grade!r}.")
    return GRADE_TO_RATING[grade]


def new_card(now: datetime) -> CardDict:
    # The id fsrs would give it (epoch milliseconds), passed in: left to fsrs, it sleeps a
    # millisecond after each new card so that the next one gets another id, and a web request
    # that answers a question for the first time waited for it.
    card = Card(card_id=int(now.timestamp() * 1000), due=now)
    return card.to_dict()


def review(card: CardDict, *, rating: int, now: datetime) -> Review:
    """The card after a review with `rating` (1 Again … 4 Easy) at `now`."""
    if rating not in RATINGS:
        raise ValueError(f"A rating is 1 to 4, not {rating!r}.")
    reviewed, _ = _scheduler().review_card(
        Card.from_dict(card), Rating(rating), review_datetime=now
    )
    return Review(card=reviewed.to_dict(), due=reviewed.due)
