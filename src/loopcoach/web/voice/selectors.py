"""Reading recordings: only the owner's."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.urls import reverse

from loopcoach.analysis.delivery import sentences, timed_words
from loopcoach.web.practice.models import Attempt
from loopcoach.web.voice.models import Recording


def recordings_of(user: User) -> QuerySet[Recording]:
    return Recording.objects.filter(owner=user).select_related("job", "question")


def recording_of(attempt: Attempt) -> Recording | None:
    # A missing reverse one-to-one raises an AttributeError (Recording.DoesNotExist too).
    return getattr(attempt, "recording", None)


def audio_url(recording: Recording) -> str | None:
    return reverse("voice:audio", args=[recording.pk]) if recording.audio_name else None


def transcript_sentences(recording: Recording) -> list[dict]:
    """The transcript in sentences with their times, for the player's clickable transcript."""
    return sentences(timed_words(recording.words or []))
