"""A mock loop: one run of a guide's rounds, each with its interviewer, timer and answers.

A round's timer only runs while the candidate is in the round: leaving pauses
it (`elapsed_seconds` keeps what was used, `resumed_at` marks a running clock).
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from loopcoach.web.guides.models import Guide, LoopRound
from loopcoach.web.questions.models import Question

PRACTICE_MINUTES = 15


class MockLoop(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in-progress", "In progress"
        FINISHED = "finished", "Finished"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mock_loops"
    )
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="mock_loops")
    seed = models.PositiveIntegerField(help_text="Seed of the question draw")
    round_minutes = models.PositiveIntegerField(default=PRACTICE_MINUTES)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.IN_PROGRESS)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Mock loop {self.pk} · {self.guide}"

    def get_absolute_url(self) -> str:
        return reverse("loops:detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status == self.Status.FINISHED


class LoopRoundSession(models.Model):
    """One interviewer's round in a loop. Name, interviewer and principles are copied from the
    guide's round when the loop starts, so an edited guide never rewrites a past loop."""

    loop = models.ForeignKey(MockLoop, on_delete=models.CASCADE, related_name="rounds")
    round = models.ForeignKey(LoopRound, on_delete=models.SET_NULL, null=True, related_name="+")
    order = models.PositiveIntegerField()
    slug = models.SlugField()
    name = models.CharField(max_length=120)
    interviewer = models.CharField(max_length=200)
    is_bar_raiser = models.BooleanField(default=False)
    principle_slugs = models.JSONField(default=list)
    uncovered_slugs = models.JSONField(
        default=list, help_text="Assigned principles no question could probe"
    )
    minutes = models.PositiveIntegerField()
    elapsed_seconds = models.PositiveIntegerField(default=0)
    resumed_at = models.DateTimeField(null=True, blank=True, help_text="Set while the clock runs")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["loop", "order"]
        constraints = [
            models.UniqueConstraint(fields=["loop", "order"], name="unique_loop_round_order")
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("loops:round", args=[self.loop_id, self.order])

    def seconds_used(self, now: datetime | None = None) -> int:
        running = (now or timezone.now()) - self.resumed_at if self.resumed_at else None
        return self.elapsed_seconds + (int(running.total_seconds()) if running else 0)

    def seconds_left(self, now: datetime | None = None) -> int:
        return max(0, self.minutes * 60 - self.seconds_used(now))

    @property
    def state(self) -> str:
        if self.finished_at:
            return "finished"
        if self.resumed_at:
            return "running"
        return "paused" if self.started_at else "not-started"


class LoopAnswer(models.Model):
    """A drawn question, the candidate's answer, the interviewer's follow-up and its answer."""

    session = models.ForeignKey(LoopRoundSession, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveIntegerField()
    principle_slugs = models.JSONField(
        default=list, help_text="The round's principles this question probes"
    )
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    analysis = models.JSONField(null=True, blank=True)
    grade = models.PositiveSmallIntegerField(null=True, blank=True)
    follow_up = models.TextField(blank=True, help_text="The interviewer's follow-up question")
    follow_up_answer = models.TextField(blank=True)
    follow_up_answered_at = models.DateTimeField(null=True, blank=True)
    follow_up_analysis = models.JSONField(
        null=True, blank=True, help_text="Analysis of answer + follow-up"
    )
    final_grade = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Grade of the whole exchange, used by the debrief"
    )

    class Meta:
        ordering = ["session", "order"]
        constraints = [
            models.UniqueConstraint(fields=["session", "question"], name="unique_loop_question")
        ]

    def __str__(self) -> str:
        return f"{self.session}: {self.question}"

    @property
    def state(self) -> str:
        if not self.answered_at:
            return "unanswered"
        if self.follow_up and not self.follow_up_answered_at:
            return "follow-up"
        return "done"
