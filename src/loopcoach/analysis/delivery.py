"""Delivery of a spoken answer, from its words and their timings (speech recognition's output).

Pure: words in, figures out. Words per minute come from the real time between the
first and the last word, pauses are the silences between words longer than
`PAUSE_SECONDS` (with the words around them, to find them in the answer),
fillers are the analyzer's own (`find_fillers`) found in the words as heard, and
the speaking time is set against the target (two minutes for a behavioral story).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from loopcoach.analysis.fillers import find_fillers

PAUSE_SECONDS = 2.0
TARGET_SECONDS = 120
# Inside these shares of the target the length is "on target": a story told in under a
# minute leaves out the detail, one past two and a half minutes loses the listener.
SHORT_SHARE, LONG_SHARE = 0.5, 1.25
CONTEXT_WORDS = 4
_SENTENCE_END = re.compile(r"[.?!][\"')\]]*$")


@dataclass(frozen=True)
class TimedWord:
    text: str
    start: float
    end: float


def timed_words(rows: Iterable[dict]) -> list[TimedWord]:
    """Words from stored JSON rows, `{"word", "start", "end"}`, without the empty ones."""
    words = [
        TimedWord(str(row["word"]).strip(), float(row["start"]), float(row["end"])) for row in rows
    ]
    return [word for word in words if word.text]


def transcript_of(words: Sequence[TimedWord]) -> str:
    return " ".join(word.text for word in words)


def sentences(words: Sequence[TimedWord]) -> list[dict]:
    """The transcript cut into sentences, each with the time it starts and ends."""
    found: list[dict] = []
    current: list[TimedWord] = []
    for word in words:
        current.append(word)
        if _SENTENCE_END.search(word.text):
            found.append(_sentence(current))
            current = []
    if current:
        found.append(_sentence(current))
    return found


def _sentence(words: list[TimedWord]) -> dict:
    return {
        "text": transcript_of(words),
        "start": round(words[0].start, 2),
        "end": round(words[-1].end, 2),
    }


def _pauses(words: Sequence[TimedWord]) -> list[dict]:
    pauses = []
    for index in range(1, len(words)):
        gap = words[index].start - words[index - 1].end
        if gap > PAUSE_SECONDS:
            pauses.append(
                {
                    "start": round(words[index - 1].end, 2),
                    "seconds": round(gap, 1),
                    "after": transcript_of(words[max(0, index - CONTEXT_WORDS) : index]),
                    "before": transcript_of(words[index : index + CONTEXT_WORDS]),
                }
            )
    return pauses


def _fillers(words: Sequence[TimedWord]) -> list[dict]:
    # Where each word starts in the joined transcript, to give a filler the time it was said.
    starts, offset = [], 0
    for word in words:
        starts.append(offset)
        offset += len(word.text) + 1
    text = transcript_of(words)
    heard = []
    for span in find_fillers(text):
        index = max(i for i, start in enumerate(starts) if start <= span.start)
        heard.append({"word": span.text, "start": round(words[index].start, 2)})
    return heard


def _length(speaking: float, target: int) -> str:
    if speaking < target * SHORT_SHARE:
        return "short"
    if speaking > target * LONG_SHARE:
        return "long"
    return "on target"


def delivery(words: Sequence[TimedWord], *, target_seconds: int = TARGET_SECONDS) -> dict:
    """Pace, pauses, fillers and length of a spoken answer (`words` in the order spoken)."""
    if not words:
        raise ValueError("No words were heard, so there is no delivery to measure.")
    speaking = max(words[-1].end - words[0].start, 0.01)
    fillers = _fillers(words)
    minutes = speaking / 60
    return {
        "words": len(words),
        "speaking_seconds": round(speaking, 1),
        "words_per_minute": round(len(words) / minutes),
        "pauses": _pauses(words),
        "fillers": {
            "count": len(fillers),
            "per_minute": round(len(fillers) / minutes, 1),
            "heard": fillers,
        },
        "target_seconds": target_seconds,
        "length": _length(speaking, target_seconds),
    }
