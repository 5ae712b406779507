"""Practice workflows: answer a question (the answering workflow, then the review card and
the drafts), rate a review, keep drafts.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from loopcoach import repetition
from loopcoach.analysis.validation import MAX_ANSWER_CHARS
from loopcoach.web.answering import services as answering
from loopcoach.web.answering.services import AnswerInputError
from loopcoach.web.practice.models import Attempt, Draft, ReviewCard
from loopcoach.web.questions.models import Question


class PracticeInputError(AnswerInputError):
    """A practice action refused before anything was saved (a rating, a draft box). Catch
    `AnswerInputError` to handle these and the answering workflow's refusals alike."""


def attempt_create(
    *,
    user: User,
    question: Question,
    answer: str,
    duration_seconds: int | None = None,
    revision_of: Attempt | None = None,
    kind: str | None = None,
) -> Attempt:
    """Answer a question (or revise an answer), then review the question's card. `kind` asks
    for writing mode on a writing question (see `answering.attempt_kind`)."""
    attempt = answering.attempt_prepare(
        user=user,
        question=question,
        answer=answer,
        duration_seconds=duration_seconds,
        revision_of=revision_of,
        kind=kind,
    )
    with transaction.atomic():  # one transaction per answer: the answer, its draft, its card
        attempt.save(force_insert=True)
        Draft.objects.filter(user=user, question=question, slot=Draft.slot_of(attempt)).delete()
        if attempt.grade and revision_of is None:
            # Reviewed by answering it cold; revising after seeing feedback is not recall.
            review_card_record(user=user, question=question, attempt=attempt)
    return attempt


def attempt_follow_up_create(
    *, user: User, parent: Attempt, follow_up: str, answer: str
) -> Attempt:
    """Answer an interviewer's follow-up to `parent` in the same thread ("peeling the onion")."""
    attempt = answering.attempt_prepare(
        user=user, question=parent.question, answer=answer, parent=parent, follow_up=follow_up
    )
    with transaction.atomic():
        attempt.save(force_insert=True)
        Draft.objects.filter(
            user=user, question=parent.question, slot__startswith=Draft.follow_up_prefix(parent.pk)
        ).delete()
    return attempt


@transaction.atomic(savepoint=False)  # inside the answer's transaction: no savepoint of its own
def review_card_record(
    *, user: User, question: Question, attempt: Attempt, now: datetime | None = None
) -> ReviewCard:
    """Review the question's card with the rating the attempt's grade maps to: a first review
    inserts the card already reviewed, a later one updates it under its row lock."""
    now = now or timezone.now()
    card = ReviewCard.objects.select_for_update().filter(user=user, question=question).first()
    if card is None:
        card = ReviewCard(user=user, question=question, card=repetition.new_card(now), due=now)
        _record(card, attempt=attempt, now=now)
        try:
            with transaction.atomic():  # the same question may be answered at once elsewhere
                card.save(force_insert=True)
            return card
        except IntegrityError:
            card = ReviewCard.objects.select_for_update().get(user=user, question=question)
    _record(card, attempt=attempt, now=now)
    card.save(update_fields=REVIEWED_FIELDS)
    return card


# What a review changes: the UPDATE leaves the card's user and question alone. The new FSRS
# state is computed from the old one in Python, so the row is read under its lock first; one
# UPSERT or UPDATE … RETURNING could not compute it.
REVIEWED_FIELDS = [
    "card",
    "card_before",
    "due",
    "last_reviewed_at",
    "last_rating",
    "rating_overridden",
    "last_attempt",
    "reviews",
]


def _record(card: ReviewCard, *, attempt: Attempt, now: datetime) -> None:
    card.card_before = card.card
    card.last_attempt = attempt
    card.reviews += 1
    _apply(card, rating=repetition.rating_for_grade(attempt.grade), now=now, overridden=False)


@transaction.atomic
def review_card_rate(*, card: ReviewCard, rating: int) -> ReviewCard:
    """The candidate overrides the last review's rating: redo that review with their rating."""
    if rating not in repetition.RATINGS:
        raise PracticeInputError("A rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
    card = ReviewCard.objects.select_for_update().get(pk=card.pk)
    when = card.last_reviewed_at or timezone.now()
    if card.card_before is None:  # never reviewed: this rating is its first review
        card.card_before = card.card
        card.reviews += 1
    _apply(card, rating=rating, now=when, overridden=True)
    card.save()
    return card


def _apply(card: ReviewCard, *, rating: int, now: datetime, overridden: bool) -> None:
    assert card.card_before is not None  # both callers set it first
    reviewed = repetition.review(card.card_before, rating=rating, now=now)
    card.card, card.due = reviewed.card, reviewed.due
    card.last_rating, card.last_reviewed_at, card.rating_overridden = rating, now, overridden


def draft_save(*, user: User, question: Question, slot: str, text: str) -> Draft | None:
    """Keep the text of a box in progress; an emptied box drops its draft."""
    if not Draft.SLOT.match(slot):
        raise PracticeInputError("Unknown draft box.")
    if len(text) > MAX_ANSWER_CHARS:
        raise PracticeInputError(f"The draft is too long (limit {MAX_ANSWER_CHARS:,} characters).")
    if not text.strip():
        Draft.objects.filter(user=user, question=question, slot=slot).delete()
        return None
    draft, _ = Draft.objects.update_or_create(
        user=user, question=question, slot=slot, defaults={"text": text}
    )
    return draft
