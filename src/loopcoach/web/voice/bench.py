"""`loopcoach bench voice`: how fast and how well the worker transcribes, on generated speech.

Speech comes from espeak-ng (a Debian package), so the figures need no recording
and no network: the real-time factor of a two-minute answer on one core, the
word error rate of a few clips, how many of the fillers said were heard, the
worker's memory with the model loaded, and (with a database) the time from a
submitted recording to its job showing "Transcribing".
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from django.conf import settings

CLIPS = [
    "In twenty twenty three I led the migration of our billing system to a new provider.",
    "The deadline was tight, so I split the work into three phases and measured each one.",
    "I disagreed with my manager about the launch date, and I brought data to the meeting.",
    "As a result, failed payments dropped by forty percent within two months.",
    "I learned to ask for help earlier, and I now share a weekly risk report with my team.",
]
# What a candidate says with fillers: tiny.en drops them unless prompted (see audio.py).
FILLED = (
    "Um, so the problem was, uh, that our deploys took two hours. I, um, wrote a plan, and, "
    "uh, we cut it to ten minutes."
)
FILLERS_SAID = 4
_WORD = re.compile(r"[a-z0-9']+")
NUMBER_WORDS = {
    "2023": "twenty twenty three",
    "40%": "forty percent",
    "40": "forty",
    "3": "three",
    "2": "two",
    "10": "ten",
}


def normalise(text: str) -> list[str]:
    """Lower-case words, numbers spelled out (Whisper writes "40%" for "forty percent")."""
    spelled = " ".join(NUMBER_WORDS.get(token, token) for token in text.lower().split())
    return _WORD.findall(spelled.replace("%", " percent"))


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / reference words, by edit distance."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, 1):
        current = [i]
        for j, heard in enumerate(hyp, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != heard))
            )
        previous = current
    return previous[-1] / max(len(ref), 1)


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def speak(text: str, path: Path, *, words_per_minute: int = 150) -> Path:
    """Speech of `text` as a WAV file, by espeak-ng."""
    subprocess.run(
        ["espeak-ng", "-s", str(words_per_minute), "-w", str(path), text],
        check=True,
        capture_output=True,
    )
    return path


def _transcript(path: Path) -> tuple[str, float, float]:
    """What Whisper heard in `path`, the seconds it took and the clip's length."""
    from loopcoach.web.voice import audio

    samples = audio.decode(path)
    started = time.perf_counter()
    words = audio.transcribe(samples)
    took = time.perf_counter() - started
    return " ".join(w["word"] for w in words), took, len(samples) / audio.SAMPLE_RATE


def run(*, print_line: object = print) -> dict:
    """Measure, print each figure as it comes, and return them all."""
    from loopcoach.analysis.fillers import find_fillers
    from loopcoach.web.voice import audio

    say = print_line if callable(print_line) else print
    if not audio.voice_available():
        raise SystemExit(audio.INSTALL_HINT)
    if not espeak_available():
        raise SystemExit("The voice bench speaks with espeak-ng: sudo apt-get install espeak-ng")
    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="loopcoach-voice-bench-") as folder:
        work = Path(folder)
        started = time.perf_counter()
        audio.load_model()
        figures["model_load_seconds"] = round(time.perf_counter() - started, 2)
        say(f"model load: {figures['model_load_seconds']} s")
        rates = []
        for index, text in enumerate(CLIPS):
            heard, _, _ = _transcript(speak(text, work / f"clip{index}.wav"))
            rates.append(word_error_rate(text, heard))
        figures["wer"] = round(sum(rates) / len(rates), 3)
        say(f"word error rate on {len(CLIPS)} espeak-ng clips: {figures['wer']:.1%}")
        heard, _, _ = _transcript(speak(FILLED, work / "fillers.wav"))
        figures["fillers_kept"] = f"{len(find_fillers(heard))}/{FILLERS_SAID}"
        say(f"fillers kept: {figures['fillers_kept']} ({heard!r})")
        long_text = " ".join(CLIPS * 5)  # about two minutes at 150 words a minute
        _, took, length = _transcript(speak(long_text, work / "long.wav"))
        figures["clip_seconds"], figures["transcribe_seconds"] = round(length, 1), round(took, 1)
        figures["real_time_factor"] = round(took / length, 3)
        say(
            f"transcribing a {length:.0f} s answer with {settings.VOICE_THREADS} thread(s): "
            f"{took:.1f} s (real-time factor {figures['real_time_factor']})"
        )
    figures["worker_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    say(f"peak memory with the model loaded: {figures['worker_rss_mb']} MB")
    return figures
