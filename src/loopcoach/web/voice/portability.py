"""Voice recordings in an export: the row (transcript, timed words, delivery) and the audio
itself under files/; an import stores the audio privately under VOICE_DIR again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import models

from loopcoach.web.portability.registry import PathFile, Row, portable
from loopcoach.web.voice.models import Recording


def _checked(row: Row, pk_of: Callable[[type[models.Model], str], int]) -> Row:
    """The pages read these as the worker wrote them: refuse shapes they cannot show."""
    if row.get("words") is not None and not isinstance(row["words"], list):
        raise ValueError("'words' must be a list of timed words or null")
    if row.get("delivery") is not None and not isinstance(row["delivery"], dict):
        raise ValueError("'delivery' must be the delivery figures (an object) or null")
    return row


portable(
    Recording,
    owner="owner",
    name="recordings",
    fields=(
        "question",
        "attempt",
        "audio_name",
        "content_type",
        "size_bytes",
        "duration_seconds",
        "words",
        "transcript",
        "delivery",
        "created_at",
    ),
    path_files=(PathFile("audio_name", lambda: Path(settings.VOICE_DIR)),),
    from_export=_checked,
)
