"""Idempotency keys: the first answer to a POST, kept so that a retry gets it again."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class IdempotencyKey(models.Model):
    """One client-chosen key of one user: the request it came with and the answer it got.

    `status` is 0 while the first request is still running, so a concurrent retry
    with the same key is told to wait instead of creating a second row.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idempotency_keys"
    )
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64, help_text="sha256 of method, path and body")
    status = models.PositiveSmallIntegerField(default=0)
    content_type = models.CharField(max_length=100, blank=True)
    body = models.BinaryField(blank=True, default=b"")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="idempotency_key_per_owner")
        ]
        indexes = [models.Index(fields=["created"], name="idempotency_key_age")]

    def __str__(self) -> str:
        return f"{self.key} ({self.status or 'running'})"
