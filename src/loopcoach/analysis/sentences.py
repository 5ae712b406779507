"""Splits an answer into sentences with character offsets into the text as given.

A small rule-based splitter rather than pysbd: pysbd took 10-17 ms for a
300-word answer here, more than the whole analysis budget. The rules cover
what spoken-style answers contain: abbreviations, decimals, initials, bullet
lists and line breaks, and long runs with no punctuation at all (split at
discourse markers such as "so", "then", "and then").
"""

from __future__ import annotations

import bisect
import re

from loopcoach.analysis.spans import Span

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st vs etc e.g i.e eg ie inc ltd co corp approx appx no fig dept est "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun a.m p.m u.s u.k "
    "vp svp evp cf al".split()
)
LONG_SENTENCE_WORDS = 40
TARGET_PIECE_WORDS = 18
MIN_PIECE_WORDS = 5

_BULLET = re.compile(r"[ \t]*(?:[-*•‣◦▪·–—>]+|\(?\d{1,2}[.)]|\(?[a-z]\))[ \t]+")
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|[.!?…]+[\"'”’)\]]*$")
_LINE = re.compile(r"[^\r\n]+")
_MARKER = re.compile(
    r"\b(?:and then|and so|so then|and after that|after that|and eventually|and finally|"
    r"and in the end|in the end|as a result|eventually|finally|because of that|but then|then|"
    r"so|but|which meant|at that point|afterwards|since then|the result was|once|when)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")


def split_sentences(text: str) -> list[Span]:
    """Every sentence of `text` as a Span, in order, never overlapping, never empty."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        start, end = _strip_bullet(text, line.start(), line.end())
        for s, e in _split_line(text, start, end):
            for ps, pe in _split_long(text, s, e):
                spans.append(_trimmed(text, ps, pe))
    return [s for s in spans if s.text]


def _strip_bullet(text: str, start: int, end: int) -> tuple[int, int]:
    m = _BULLET.match(text, start, end)
    return (m.end(), end) if m and m.end() < end else (start, end)


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, s = [], start
    for m in _END.finditer(text, start, end):
        if _is_real_end(text, m, start, end):
            pieces.append((s, m.end()))
            s = m.end()
    if text[s:end].strip():
        pieces.append((s, end))
    return pieces


def _is_real_end(text: str, m: re.Match[str], line_start: int, line_end: int) -> bool:
    punct = m.group(0)
    if punct.startswith(".") and len(punct.rstrip("\"'”’)]")) == 1:
        word = _word_before(text, m.start(), line_start)
        if word.lower().rstrip(".") in ABBREVIATIONS or word.lower() in ABBREVIATIONS:
            return False
        if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
            return False
    following = text[m.end() : line_end].lstrip()
    if not following:
        return True
    # Spoken answers are often typed without capitals, so a lowercase word may start a
    # sentence too; only a trailing ellipsis ("so... we") is taken as a pause.
    return not (following[0].islower() and (punct.startswith("..") or punct.startswith("…")))


def _word_before(text: str, pos: int, floor: int) -> str:
    i = pos
    while i > floor and not text[i - 1].isspace() and text[i - 1] not in "(\"'“":
        i -= 1
    return text[i:pos]


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    words = list(_WORD.finditer(text, start, end))
    if len(words) <= LONG_SENTENCE_WORDS:
        return [(start, end)]
    cuts = _marker_cuts(text, start, end, words)
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def _marker_cuts(text: str, start: int, end: int, words: list[re.Match[str]]) -> list[int]:
    """Cut before discourse markers, then cut what is still too long every few words."""
    starts = [w.start() for w in words]
    cuts: list[int] = []
    last_index = 0
    for m in _MARKER.finditer(text, start, end):
        index = _index_of(starts, m.start())
        if index is None:
            continue
        if index - last_index >= MIN_PIECE_WORDS + 3 and len(words) - index >= MIN_PIECE_WORDS:
            cuts.append(index)
            last_index = index
    bounds = [0, *cuts, len(words)]
    result: list[int] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a:
            result.append(a)
        if b - a > LONG_SENTENCE_WORDS:
            result.extend(range(a + TARGET_PIECE_WORDS, b - MIN_PIECE_WORDS, TARGET_PIECE_WORDS))
    return [starts[i] for i in sorted(set(result))]


def _index_of(starts: list[int], pos: int) -> int | None:
    i = bisect.bisect_left(starts, pos)
    return i if i < len(starts) and starts[i] == pos else None


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(text[start:end], start, end)
