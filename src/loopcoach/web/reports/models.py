"""Interview reports: what a candidate was asked, moderated into the question bank.

A report belongs to its author (deleted with the account). Each reported
question is decided on its own: merged into a bank question (its wording kept
as a variant), made a new question, or rejected with a reason the author sees.
Every moderator's action is logged.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from loopcoach.web.guides.models import Guide
from loopcoach.web.questions.models import Question

MODERATE_PERMISSION = "reports.moderate_report"
MODERATOR_GROUP = "moderator"


class Report(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a moderator"
        IN_REVIEW = "in-review", "Being moderated"
        PUBLISHED = "published", "Moderated"
        REJECTED = "rejected", "Rejected"

    class Outcome(models.TextChoices):
        OFFER = "offer", "Got an offer"
        NO_OFFER = "no-offer", "No offer"
        WAITING = "waiting", "Still waiting"
        WITHDREW = "withdrew", "Withdrew"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interview_reports"
    )
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="reports")
    level = models.CharField(max_length=60, blank=True, help_text="As the candidate wrote it")
    level_key = models.CharField(
        max_length=20, blank=True, help_text="The guide's level it was read as (L6), if any"
    )
    month = models.DateField(help_text="The first day of the month of the interview")
    location = models.CharField(max_length=120, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    notes = models.TextField(blank=True, help_text="Private: never shown to anyone else")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("moderate_report", "Can moderate interview reports")]
        indexes = [models.Index(fields=["status", "created_at"], name="report_status_created")]

    def __str__(self) -> str:
        return f"Report {self.pk}: {self.guide} ({self.month:%b %Y})"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    @property
    def editable(self) -> bool:
        """The author may change or withdraw it until a moderator starts on it."""
        return self.status == self.Status.PENDING

    @property
    def month_label(self) -> str:
        return f"{self.month:%Y-%m}"


class ReportedQuestion(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a moderator"
        MERGED = "merged", "Matched to a bank question"
        CREATED = "created", "Added to the bank"
        REJECTED = "rejected", "Not added"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(help_text="Counting every round's questions from 0")
    round_name = models.CharField(max_length=120)
    text = models.TextField(help_text="In the candidate's own words")
    wording = models.TextField(blank=True, help_text="The moderator's typo-fixed wording")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    question = models.ForeignKey(
        Question, on_delete=models.SET_NULL, null=True, blank=True, related_name="reported_as"
    )
    reason = models.TextField(blank=True, help_text="Why it was rejected, shown to the author")

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="unique_report_position")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def counted(self) -> bool:
        return self.status in (self.Status.MERGED, self.Status.CREATED)


class ModerationAction(models.Model):
    """Who did what to which report, and when: the moderation log."""

    class Kind(models.TextChoices):
        MERGE = "merge", "Merged into a bank question"
        NEW = "new", "Made a new question"
        REJECT = "reject", "Rejected a question"
        REJECT_REPORT = "reject-report", "Rejected the report"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="actions")
    # The log outlives a moderator's account: who it was stays readable by name.
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    moderator_name = models.CharField(max_length=150)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    position = models.PositiveIntegerField(null=True, blank=True)
    detail = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.moderator_name}: {self.get_kind_display()}"
