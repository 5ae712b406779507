"""A deleted recording (or its attempt, or its owner) takes its audio file with it."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from loopcoach.web.voice.models import Recording


@receiver(post_delete, sender=Recording)
def _delete_audio(sender: type[Recording], instance: Recording, **kwargs: Any) -> None:
    path = instance.audio_path
    if path is not None:
        # Only once the row is surely gone: a rolled-back delete keeps its file.
        transaction.on_commit(lambda: path.unlink(missing_ok=True))
