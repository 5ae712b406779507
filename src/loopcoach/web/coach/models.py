"""What the optional LLM coach said about an attempt: one row per attempt and model, private."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from loopcoach.web.practice.models import Attempt


class CoachReview(models.Model):
    """The coach's critique, rewrite and follow-ups of one attempt by one model.

    A row is the cache: asking the same model about the same attempt again shows it
    instead of calling the model. `job` is the background job that fills `result`.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_reviews"
    )
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="coach_reviews")
    model = models.CharField(max_length=200, help_text="The model's name, as configured")
    job = models.ForeignKey(
        "tasks.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    result = models.JSONField(
        null=True, blank=True, help_text="CoachReview.to_dict(): critique, rewrite, follow-ups"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "model"], name="one_review_per_model")
        ]

    def __str__(self) -> str:
        return f"Coach review of attempt {self.attempt_id} by {self.model}"

    @property
    def status(self) -> str:
        """done when there is a result, else the job's status (none before any job)."""
        if self.result is not None:
            return "done"
        return self.job.status if self.job is not None else "none"

    @property
    def error(self) -> str:
        return self.job.error if self.job is not None and self.status == "failed" else ""
