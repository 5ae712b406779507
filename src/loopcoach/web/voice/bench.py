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


def measure_latency(*, runs: int = 3, print_line: object = print) -> dict:
    """Submit → 202 and submit → "Transcribing" on this database, with a real worker process.

    A throwaway user answers a question through the API (the Django test client, so no
    server is needed); the user, its recordings and their files are deleted afterwards.
    """
    import os
    import sys

    from django.contrib.auth.models import User
    from django.test import Client
    from django.utils.crypto import get_random_string

    from loopcoach.web.questions.models import Question
    from loopcoach.web.tasks.models import Job

    say = print_line if callable(print_line) else print
    question = Question.objects.filter(retired=False).first()
    if question is None:
        raise SystemExit("No questions in this database: run `loopcoach content load` first.")
    user = User.objects.create_user(f"bench-voice-{get_random_string(8)}")
    worker = subprocess.Popen(
        [sys.executable, "-m", "loopcoach.cli", "worker", "--interval", "0.05"],
        env=dict(os.environ),
    )
    figures: dict = {"accepted_ms": [], "transcribing_ms": [], "done_seconds": []}
    try:
        client = Client()
        client.force_login(user)
        with tempfile.TemporaryDirectory() as folder:
            clip = speak(CLIPS[0], Path(folder) / "clip.wav").read_bytes()
            for run_number in range(runs + 1):  # the first run waits for the model to load
                started = time.perf_counter()
                response = client.post(
                    "/api/v1/attempts/voice",
                    {"question_id": str(question.pk), "audio": _upload(clip)},
                )
                accepted = time.perf_counter()
                job = Job.objects.get(pk=response.json()["task"]["id"])
                while job.message != "Transcribing" and job.status not in Job.FINISHED:
                    time.sleep(0.005)
                    job.refresh_from_db()
                transcribing = time.perf_counter()
                while job.status not in Job.FINISHED:
                    time.sleep(0.02)
                    job.refresh_from_db()
                if run_number == 0:
                    continue
                figures["accepted_ms"].append(round((accepted - started) * 1000))
                figures["transcribing_ms"].append(round((transcribing - started) * 1000))
                figures["done_seconds"].append(round(time.perf_counter() - started, 2))
        figures["worker_peak_rss_mb"] = _peak_rss_mb(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        user.delete()
    say(f"submit → 202 accepted: {figures['accepted_ms']} ms")
    say(f'submit → job shows "Transcribing": {figures["transcribing_ms"]} ms')
    if figures.get("worker_peak_rss_mb"):
        say(f"worker process peak memory (model loaded): {figures['worker_peak_rss_mb']} MB")
    say(
        f"submit → transcribed and analysed ({len(CLIPS[0].split())} words): "
        f"{figures['done_seconds']} s"
    )
    return figures


def _peak_rss_mb(pid: int) -> int | None:
    """A process's peak resident memory, where /proc tells it (Linux)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return round(int(found.group(1)) / 1024) if found else None


def _upload(data: bytes) -> object:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("clip.wav", data, content_type="audio/wav")
