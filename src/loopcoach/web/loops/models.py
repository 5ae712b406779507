"""A mock loop: one run of a guide's rounds, each with its interviewer, timer and questions.

A round's timer only runs while the candidate is in the round: leaving pauses
it (`elapsed_seconds` keeps what was used, `resumed_at` marks a running clock).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from loopcoach.loops import question_grade
from loopcoach.web.guides.models import Guide, LoopRound
from loopcoach.web.questions.models import Question

DESIGN_NOT_ANSWERED = "a story was told where the system was to be designed"

if TYPE_CHECKING:  # practice's Attempt points here; importing it at run time would be a cycle
    from loopcoach.web.practice.models import Attempt

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
        """Ended, or every round is over (time ran out): the debrief can be read."""
        return self.status == self.Status.FINISHED or all(
            session.state == LoopRoundSession.State.FINISHED for session in self.rounds.all()
        )

    @property
    def current_status(self) -> Status:
        """The status as the candidate sees it, a loop whose time ran out being finished."""
        return self.Status.FINISHED if self.is_finished else self.Status(self.status)


class LoopRoundSession(models.Model):
    """One interviewer's round in a loop. Name, interviewer and principles are copied from the
    guide's round when the loop starts, so an edited guide never rewrites a past loop."""

    class State(models.TextChoices):
        NOT_STARTED = "not-started", "Not started"
        RUNNING = "running", "In progress"
        PAUSED = "paused", "Paused"
        FINISHED = "finished", "Done"

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
    def state(self) -> State:
        """Where the round is. A round whose time ran out reads as finished at once; it is
        closed in the database by the next write to it (no page view writes)."""
        if self.finished_at or (self.started_at and self.seconds_left() == 0):
            return self.State.FINISHED
        if self.resumed_at:
            return self.State.RUNNING
        return self.State.PAUSED if self.started_at else self.State.NOT_STARTED

    @property
    def is_open(self) -> bool:
        return self.state in (self.State.RUNNING, self.State.PAUSED)


class LoopQuestion(models.Model):
    """A question drawn for a round, in the order the interviewer asks it, and the follow-up
    they ask once it is answered. The candidate's answers are `practice.Attempt`s pointing
    here: the first answer, then the follow-up answer (its parent is the first)."""

    class State(models.TextChoices):
        UNANSWERED = "unanswered", "Not answered"
        FOLLOW_UP = "follow-up", "Follow-up to answer"
        DONE = "done", "Answered"

    session = models.ForeignKey(
        LoopRoundSession, on_delete=models.CASCADE, related_name="questions"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveIntegerField()
    principle_slugs = models.JSONField(
        default=list, help_text="The round's principles this question probes"
    )
    follow_up = models.TextField(
        blank=True, help_text="The interviewer's follow-up, chosen once the question is answered"
    )

    class Meta:
        ordering = ["session", "order"]
        constraints = [
            models.UniqueConstraint(fields=["session", "question"], name="unique_round_question")
        ]

    def __str__(self) -> str:
        return f"{self.session}: {self.question}"

    @property
    def answer(self) -> Attempt | None:
        """The first answer to the question (read from prefetched `attempts` when there)."""
        return next((a for a in self.attempts.all() if a.parent_id is None), None)

    @property
    def follow_up_answer(self) -> Attempt | None:
        """The answer to the interviewer's follow-up: its parent is the first answer."""
        return next((a for a in self.attempts.all() if a.parent_id is not None), None)

    @property
    def relevance(self) -> dict:
        """The analyzer's relevance verdict on the first answer ({} when there is none). A
        design answer that tells a story instead (`story_like`) does not answer the question."""
        analysis = (self.answer.analysis if self.answer else None) or {}
        if analysis.get("kind") == "design":
            if analysis.get("story_like") is True:
                return {"answers_question": False, "reason": DESIGN_NOT_ANSWERED}
            return {"answers_question": True}
        return analysis.get("relevance") or {}

    @property
    def off_topic(self) -> bool:
        """The answer did not answer the question: it counts against a hire (`round_vote`)."""
        return self.relevance.get("answers_question") is False

    @property
    def state(self) -> State:
        if self.answer is None:
            return self.State.UNANSWERED
        if self.follow_up and self.follow_up_answer is None:
            return self.State.FOLLOW_UP
        return self.State.DONE

    @property
    def final_grade(self) -> int | None:
        """The grade of the whole exchange, which the debrief counts (`loops.question_grade`)."""
        answer, follow_up = self.answer, self.follow_up_answer
        if answer is None:
            return None
        return question_grade(answer.grade, follow_up.grade if follow_up else None)
