"""Template helpers of the voice answers: is the voice extra here, a transcript's sentences."""

from __future__ import annotations

from django import template

from loopcoach.web.voice import audio
from loopcoach.web.voice.models import Recording
from loopcoach.web.voice.selectors import transcript_sentences

register = template.Library()


@register.simple_tag
def voice_available() -> bool:
    return audio.voice_available()


@register.simple_tag
def sentences_of(recording: Recording) -> list[dict]:
    return transcript_sentences(recording)


@register.filter
def clock(seconds: float | int | None) -> str:
    """Seconds as m:ss."""
    whole = round(seconds or 0)
    return f"{whole // 60}:{whole % 60:02d}"
