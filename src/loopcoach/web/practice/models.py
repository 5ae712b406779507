"""A candidate's answers to questions, their review cards and drafts. All private to their user.

`Attempt` is the one model of an answer to a question wherever it is given: in
practice, in a practice thread (a follow-up answer), in a mock-loop round (it
then points at the drawn question, `loop_question`). `loopcoach.web.answering`
writes them.
"""

from __future__ import annotations

import re
from datetime import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from loopcoach.repetition import RATINGS
from loopcoach.web.questions.models import Question

GRADE_NAMES = {1: "Not yet", 2: "Getting there", 3: "Solid", 4: "Strong"}


def end_of_today(now: datetime | None = None) -> datetime:
    """A card is due today if it is due before midnight in the server's time zone."""
    now = timezone.localtime(now or timezone.now())
    return now.replace(hour=23, minute=59, second=59, microsecond=999999)


class AttemptQuerySet(models.QuerySet):
    def practice(self) -> AttemptQuerySet:
        """Answers given in practice. A mock loop's answers belong to its rehearsal and debrief:
        they neither fill the practice history and dashboard nor review a card."""
        return self.filter(loop_question__isnull=True)


class Attempt(models.Model):
    """One written answer. A follow-up answer has a parent; a revision points at the version it
    revises; a mock-loop answer points at the question drawn for its round. `kind` says how it
    is analysed, and so which analysis JSON `analysis` holds."""

    class Kind(models.TextChoices):
        STORY = "story", "Story"
        FOLLOW_UP = "follow_up", "Follow-up answer"
        DESIGN = "design", "System design"
        NARRATIVE = "narrative", "Written narrative"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="attempts")
    answer = models.TextField()
    kind = models.CharField(
        max_length=16,
        choices=Kind.choices,
        default=Kind.STORY,
        help_text="How the answer is analysed: a story, a follow-up, a design, a narrative",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_ups",
        help_text="For a follow-up answer: the answer whose follow-up it answers",
    )
    follow_up = models.TextField(
        blank=True, help_text="For a follow-up answer: the follow-up question"
    )
    revision_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        help_text="The version this one revises",
    )
    version = models.PositiveIntegerField(default=1)
    duration_seconds = models.PositiveIntegerField(
        null=True, blank=True, help_text="Time on the timer, if used"
    )
    analysis = models.JSONField(
        null=True, blank=True, help_text="The analyzer's report (analysis JSON)"
    )
    analysis_error = models.CharField(
        max_length=300, blank=True, help_text="Why there is no analysis (the analyzer's reason)"
    )
    grade = models.PositiveSmallIntegerField(null=True, blank=True)
    loop_question = models.ForeignKey(
        "loops.LoopQuestion",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attempts",
        help_text="For a mock-loop answer: the question drawn for the round",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "question", "-created_at"]),
            models.Index(fields=["user", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"Attempt {self.pk} at question {self.question_id}"

    def get_absolute_url(self) -> str:
        return reverse("practice:attempt", args=[self.pk])


class ReviewCard(models.Model):
    """The spaced-repetition card of one question for one candidate (FSRS state as JSON)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_cards"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="review_cards")
    card = models.JSONField(help_text="fsrs Card.to_dict() after the last review")
    card_before = models.JSONField(
        null=True,
        blank=True,
        help_text="The card before the last review, so its rating can be changed",
    )
    due = models.DateTimeField(db_index=True)
    last_reviewed_at = models.DateTimeField(null=True, blank=True)
    last_rating = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=list(RATINGS.items())
    )
    rating_overridden = models.BooleanField(
        default=False, help_text="The candidate chose the last rating"
    )
    last_attempt = models.ForeignKey(
        Attempt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviews = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["due"]
        # The due queue: one user's cards due by a time (dashboard, due page, API).
        indexes = [models.Index(fields=["user", "due"], name="review_card_user_due")]
        constraints = [
            models.UniqueConstraint(fields=["user", "question"], name="one_card_per_question")
        ]

    def __str__(self) -> str:
        return f"Card of question {self.question_id}, due {self.due:%Y-%m-%d}"

    @property
    def is_due(self) -> bool:
        return self.due <= end_of_today()

    @property
    def rating_name(self) -> str:
        return RATINGS.get(self.last_rating or 0, "")


class Draft(models.Model):
    """Text being written, kept on the server so it survives a reload or another device.

    Each answer box has a slot name; the names are built only by the methods below.
    """

    ANSWER_SLOT = "answer"
    SLOT = re.compile(r"^(answer|revise-\d{1,12}|follow-\d{1,12}-\d{1,3})$")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    slot = models.CharField(
        max_length=40,
        default="answer",
        help_text="Which box: 'answer', 'revise-<id>' or 'follow-<id>-<n>'",
    )
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "question", "slot"], name="one_draft_per_box")
        ]

    def __str__(self) -> str:
        return f"Draft {self.slot} of question {self.question_id}"

    @staticmethod
    def revise_slot(attempt_pk: int) -> str:
        """The box that revises an attempt."""
        return f"revise-{attempt_pk}"

    @staticmethod
    def follow_up_slot(parent_pk: int, index: int) -> str:
        """The box answering the `index`-th follow-up of an attempt."""
        return f"{Draft.follow_up_prefix(parent_pk)}{index}"

    @staticmethod
    def follow_up_prefix(parent_pk: int) -> str:
        """What the slot of every follow-up box of an attempt starts with."""
        return f"follow-{parent_pk}-"

    @staticmethod
    def slot_of(attempt: Attempt) -> str:
        """The box a new attempt was written in: the first answer's, or the revised version's."""
        return (
            Draft.revise_slot(attempt.revision_of_id)
            if attempt.revision_of_id
            else Draft.ANSWER_SLOT
        )
