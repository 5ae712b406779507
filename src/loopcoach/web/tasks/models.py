"""A background job as its owner sees it; the queue's own rows belong to django-tasks."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    FINISHED = (Status.DONE, Status.FAILED)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    kind = models.CharField(max_length=40, help_text="What the job does, e.g. transcribe")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.FloatField(default=0.0, help_text="0 to 1")
    message = models.CharField(max_length=200, blank=True, help_text="What it is doing now")
    error = models.TextField(blank=True, help_text="Why it failed, for a person")
    result = models.JSONField(null=True, blank=True)
    # What to run again on a retry: the task's dotted path and its keyword arguments (JSON).
    task_path = models.CharField(max_length=200)
    arguments = models.JSONField(default=dict)
    task_id = models.CharField(max_length=64, blank=True, help_text="The queue's id of the run")
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Runs started")
    # A running job's worker touches this every few seconds; a stale one means the worker died.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="tasks_job_stale")]

    def __str__(self) -> str:
        return f"{self.kind} job {self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED
