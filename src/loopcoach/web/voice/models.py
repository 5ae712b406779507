"""A recorded answer: its audio file (private, in the data folder), transcript and delivery."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models


class Recording(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recordings"
    )
    question = models.ForeignKey("questions.Question", on_delete=models.CASCADE, related_name="+")
    # Set once the answer is saved: at upload through the API, at submit on the pages.
    attempt = models.OneToOneField(
        "practice.Attempt",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="recording",
    )
    audio_name = models.CharField(
        max_length=200, blank=True, help_text="File under VOICE_DIR; empty once deleted"
    )
    content_type = models.CharField(max_length=100)
    size_bytes = models.PositiveIntegerField()
    duration_seconds = models.FloatField()
    words = models.JSONField(
        null=True, blank=True, help_text='[{"word", "start", "end"}] as Whisper heard them'
    )
    transcript = models.TextField(blank=True, help_text="What Whisper heard")
    delivery = models.JSONField(null=True, blank=True, help_text="analysis.delivery's figures")
    job = models.ForeignKey(
        "tasks.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Recording {self.pk} of question {self.question_id}"

    @property
    def audio_path(self) -> Path | None:
        return Path(settings.VOICE_DIR) / self.audio_name if self.audio_name else None

    @property
    def transcribed(self) -> bool:
        return self.words is not None
