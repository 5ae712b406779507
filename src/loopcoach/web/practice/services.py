"""Practice workflows: save an answer, analyse it, schedule its next review, keep drafts.

An answer is committed before it is analysed, so nothing a candidate wrote
is lost if the analyzer fails; the analysis is stored in a second step.
Input the analyzer refuses (empty, too long, not text) is refused before
anything is written.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from loopcoach import repetition
from loopcoach.analysis import AnalysisInputError, analyze
from loopcoach.web.practice.models import Attempt, Draft, ReviewCard
from loopcoach.web.questions.models import Question

logger = logging.getLogger(__name__)

MAX_ANSWER_CHARS = (
    30_000  # about 5,000 words: far past any spoken answer, well inside the analyzer's limit
)
MAX_FOLLOW_UP_CHARS = 1_000
SLOT = re.compile(r"^(answer|revise-\d{1,12}|follow-\d{1,12}-\d{1,3})$")


class PracticeInputError(ValueError):
    """Input refused before anything was saved; the message is fit to show the candidate."""


def answer_clean(answer: object) -> str:
    if not isinstance(answer, str):
        raise PracticeInputError("The answer must be text.")
    if not answer.strip():
        raise PracticeInputError("The answer is empty: write your answer first.")
    if len(answer) > MAX_ANSWER_CHARS:
        raise PracticeInputError(
            f"The answer is too long: {len(answer):,} characters (limit {MAX_ANSWER_CHARS:,})."
        )
    if "\x00" in answer:
        raise PracticeInputError("The answer is not text (it contains binary data).")
    return answer


def asked_principle(question: Question) -> str | None:
    """The principle a question asks about: the first one its pack lists."""
    through = Question.principles.through
    first = (
        through.objects.filter(question=question).order_by("id").select_related("principle").first()
    )
    return first.principle.slug if first else None


def _analysis_of(attempt: Attempt) -> dict:
    question_text = attempt.follow_up or attempt.question.text
    report = analyze(
        attempt.answer, question=question_text, principle=asked_principle(attempt.question)
    )
    return report.to_dict()


def attempt_create(
    *,
    user: User,
    question: Question,
    answer: str,
    duration_seconds: int | None = None,
    revision_of: Attempt | None = None,
) -> Attempt:
    """Save a new answer (or a new version of one), analyse it, and review the question's card."""
    answer = answer_clean(answer)
    if revision_of is not None and (
        revision_of.user_id != user.pk or revision_of.question_id != question.pk
    ):
        raise PracticeInputError("That attempt is not yours to revise.")
    with transaction.atomic():
        attempt = Attempt.objects.create(
            user=user,
            question=question,
            answer=answer,
            duration_seconds=duration_seconds,
            revision_of=revision_of,
            version=revision_of.version + 1 if revision_of else 1,
            parent=revision_of.parent if revision_of else None,
            follow_up=revision_of.follow_up if revision_of else "",
        )
        Draft.objects.filter(
            user=user,
            question=question,
            slot=f"revise-{revision_of.pk}" if revision_of else "answer",
        ).delete()
    attempt_analyze(attempt=attempt)
    if attempt.grade and revision_of is None:
        # A question is reviewed by answering it cold; revising after seeing feedback is not recall.
        review_card_record(user=user, question=question, attempt=attempt)
    return attempt


def attempt_follow_up_create(
    *, user: User, parent: Attempt, follow_up: str, answer: str
) -> Attempt:
    """Answer an interviewer's follow-up to `parent` in the same thread ("peeling the onion")."""
    answer = answer_clean(answer)
    follow_up = (follow_up or "").strip()
    if not follow_up:
        raise PracticeInputError("Say which follow-up question you are answering.")
    if len(follow_up) > MAX_FOLLOW_UP_CHARS:
        raise PracticeInputError(
            f"The follow-up question is too long (limit {MAX_FOLLOW_UP_CHARS:,} characters)."
        )
    if parent.user_id != user.pk:
        raise PracticeInputError("That attempt is not yours.")
    with transaction.atomic():
        attempt = Attempt.objects.create(
            user=user, question=parent.question, answer=answer, parent=parent, follow_up=follow_up
        )
        Draft.objects.filter(
            user=user, question=parent.question, slot__startswith=f"follow-{parent.pk}-"
        ).delete()
    attempt_analyze(attempt=attempt)
    return attempt


def attempt_analyze(*, attempt: Attempt) -> Attempt:
    """Analyse a saved answer and store the report.
    Input errors undo the attempt; crashes keep it."""
    try:
        analysis = _analysis_of(attempt)
    except AnalysisInputError as exc:
        attempt.delete()
        raise PracticeInputError(str(exc)) from None
    except Exception:  # the answer is safe; say so and let the candidate retry
        logger.exception("analysis of attempt %s failed", attempt.pk)
        attempt.analysis_error = (
            "The analyzer failed on this answer. Your answer is saved; try again."
        )
        attempt.save(update_fields=["analysis_error"])
        return attempt
    attempt.analysis = analysis
    attempt.grade = analysis.get("grade")
    attempt.analysis_error = ""
    attempt.save(update_fields=["analysis", "grade", "analysis_error"])
    return attempt


@transaction.atomic
def review_card_record(
    *, user: User, question: Question, attempt: Attempt, now: datetime | None = None
) -> ReviewCard:
    """Review the question's card with the rating the attempt's grade maps to."""
    now = now or timezone.now()
    card, _ = ReviewCard.objects.select_for_update().get_or_create(
        user=user, question=question, defaults={"card": repetition.new_card(now), "due": now}
    )
    card.card_before = card.card
    card.last_attempt = attempt
    card.reviews += 1
    return _apply(
        card, rating=repetition.rating_for_grade(attempt.grade), now=now, overridden=False
    )


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
    return _apply(card, rating=rating, now=when, overridden=True)


def _apply(card: ReviewCard, *, rating: int, now: datetime, overridden: bool) -> ReviewCard:
    assert card.card_before is not None  # both callers set it first
    reviewed = repetition.review(card.card_before, rating=rating, now=now)
    card.card, card.due = reviewed.card, reviewed.due
    card.last_rating, card.last_reviewed_at, card.rating_overridden = rating, now, overridden
    card.save()
    return card


def draft_save(*, user: User, question: Question, slot: str, text: str) -> Draft | None:
    """Keep the text of a box in progress; an emptied box drops its draft."""
    if not SLOT.match(slot):
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
