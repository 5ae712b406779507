"""The content version: one row whose number every cached public page's key includes."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class ContentVersion(models.Model):
    """Bumped whenever public content changes (a pack load, an admin save), so that every
    web process, sharing the database but maybe not a cache, stops serving the old pages at once."""

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"content version {self.number}"
