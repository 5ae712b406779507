"""The check that a coach's rewrite invents no number: each one is the candidate's or a placeholder.

A rewrite may only restate the facts of the answer it rewrites. Its numbers are
found with the analyzer's own metric extraction (`find_metrics`, so "$1.2M",
"three engineers" and "40%" are read as the analyzer reads them), plus any bare
run of digits outside a metric (a year, a count the rules do not call a metric).
A number is kept when its value is one of the answer's; a visible placeholder in
square brackets ("[X%]", "[N users]") is the honest way to ask the candidate for
a figure and is never flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loopcoach.analysis import numberwords
from loopcoach.analysis.metrics import find_metrics
from loopcoach.analysis.spans import Span

PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,60}\]")
_DIGITS = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")
_UNITS, _TENS, _SCALES = numberwords.UNITS, numberwords.TENS, numberwords.SCALES
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the rewrite; `invented` when it holds a number the answer does not have."""

    text: str
    invented: bool = False

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "invented": self.invented}


def invented_numbers(rewrite: str, *, answer: str) -> list[Span]:
    """The spans of `rewrite` whose numbers are not in `answer`, in order; placeholders skipped."""
    known = _values_in(answer)
    return [span for span in _number_spans(rewrite) if not _values_of(span.text) <= known]


def marked_segments(rewrite: str, invented: list[Span]) -> list[Segment]:
    """The rewrite cut into plain and invented pieces, for a page to mark the invented ones."""
    segments: list[Segment] = []
    position = 0
    for span in invented:
        if span.start > position:
            segments.append(Segment(rewrite[position : span.start]))
        segments.append(Segment(span.text, invented=True))
        position = span.end
    if position < len(rewrite):
        segments.append(Segment(rewrite[position:]))
    return segments


def _number_spans(text: str) -> list[Span]:
    """Metric spans and bare digit runs outside them, with placeholders blanked out first."""
    masked = PLACEHOLDER.sub(lambda m: " " * len(m.group()), text)
    spans = [span for span in find_metrics(masked) if _values_of(span.text)]
    covered = [(span.start, span.end) for span in spans]
    for m in _DIGITS.finditer(masked):
        if not any(start <= m.start() < end for start, end in covered):
            spans.append(Span(text[m.start() : m.end()], m.start(), m.end()))
    return sorted(spans, key=lambda span: span.start)


def _values_in(text: str) -> set[float]:
    values: set[float] = set()
    for span in _number_spans(text):
        values |= _values_of(span.text)
    return values


def _values_of(text: str) -> set[float]:
    """The numbers a span states: each digit run, and a run of number words as one value."""
    values = {float(m.group().replace(",", "")) for m in _DIGITS.finditer(text)}
    values |= _word_values(text.lower())
    return values


def _word_values(text: str) -> set[float]:
    values: set[float] = set()
    total, current, in_number = 0, 0, False
    for word in _WORD.findall(text.replace("-", " ")):
        if word in _UNITS or word in _TENS:
            current += _UNITS.get(word, 0) + _TENS.get(word, 0)
            in_number = True
        elif word in _SCALES and in_number:
            total, current = _scaled(total, current, _SCALES[word])
        elif in_number:
            values.add(float(total + current))
            total, current, in_number = 0, 0, False
    if in_number:
        values.add(float(total + current))
    return values


def _scaled(total: int, current: int, scale: int) -> tuple[int, int]:
    """'two hundred' multiplies what came before; 'thousand' also closes that group."""
    if scale == 100:
        return total, max(current, 1) * 100
    return total + max(current, 1) * scale, 0
