"""Filler words and hedges: what makes a spoken answer sound unsure or padded."""

from __future__ import annotations

import re
from collections.abc import Sequence

from loopcoach.analysis.spans import Span

# "like" and "you know" only count as fillers where they are set off by commas or start a
# clause; "I like Go" and "you know the answer" are not fillers.
_FILLER = re.compile(
    r"\b(?:u+m+|u+h+m*|e+r+m+|e+r+(?=[\s,.])|hmm+|mm+)\b"
    r"|(?:(?<=,\s)|(?<=^)|(?<=\.\s))like(?=,)|(?<=,\s)like(?=\s)"
    r"|\byou know(?=[,.?!])|(?<=,\s)you know\b|\bi mean(?=,)|\bbasically\b|\bliterally\b|\bkinda\b"
    r"|\b(?:so|yeah|well|okay|ok)(?=,\s+(?:so|um|uh|like|yeah|basically)\b)",
    re.IGNORECASE | re.MULTILINE,
)
_HEDGE = re.compile(
    r"\b(?:sort of|kind of|i guess|i think|i believe|i feel like|i'd say|i’d say|i suppose|maybe|"
    r"probably|perhaps|somewhat|more or less|pretty much|hopefully|i hope|might have|may have|"
    r"a little bit|a bit|fairly|i'm not sure|i’m not sure|not sure|to some extent|arguably|"
    r"it seems|seemed to|i would say)\b",
    re.IGNORECASE,
)


_FILLER_LOWER = re.compile(_FILLER.pattern, re.MULTILINE)
_HEDGE_LOWER = re.compile(_HEDGE.pattern)


def find_fillers(text: str) -> list[Span]:
    return _find(text, _FILLER, _FILLER_LOWER)


def find_hedges(text: str) -> list[Span]:
    return _find(text, _HEDGE, _HEDGE_LOWER)


def _find(text: str, any_case: re.Pattern[str], lower_case: re.Pattern[str]) -> list[Span]:
    # Matching lowercased text without IGNORECASE is several times faster; it is only
    # safe when lowercasing keeps every offset (it does not for a few letters such as "İ").
    lower = text.lower()
    pattern, haystack = (lower_case, lower) if len(lower) == len(text) else (any_case, text)
    return [Span(text[m.start() : m.end()], m.start(), m.end()) for m in pattern.finditer(haystack)]


# What follows a hedge that is not the speaker doubting their own story: an estimate ("maybe
# 5,000 writes a second", "probably about $2M") and the reflection a lesson opens with ("I
# think the lesson was…").
_ESTIMATE_AFTER = re.compile(
    r"^\s+(?:about\s+|around\s+|roughly\s+|some\s+)?(?:[$€£]?\d|(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twenty|thirty|fifty|a hundred|a few|a dozen|half)\b)",
    re.I,
)
_REFLECTION_AFTER = re.compile(
    r"^\s+(?:the|my|our) (?:lesson|takeaway|learning|big lesson)|"
    r"^\s+what (?:i|we) (?:took|learned)",
    re.I,
)
# A degree word describes whoever the sentence is about ("The team agreed, somewhat
# reluctantly", "She was a bit defensive"): the speaker's hedge only in a sentence about them.
_DEGREE = frozenset({"somewhat", "a bit", "a little bit", "fairly", "kind of", "sort of"})
_SPEAKER = re.compile(r"\b(?:I|me|my|we|our|us)\b", re.I)
_SENTENCE_START = re.compile(r"[.!?]\s+")


def own_hedges(text: str, hedges: Sequence[Span]) -> list[Span]:
    """The hedges by which the speakers doubt their own story: not an estimate before a number,
    not the opening of a lesson, not a degree word in a sentence about someone else."""
    out = []
    for h in hedges:
        after = text[h.end : h.end + 30]
        if _ESTIMATE_AFTER.match(after) or _REFLECTION_AFTER.match(after):
            continue
        starts = [m.end() for m in _SENTENCE_START.finditer(text, 0, h.start)]
        sentence_so_far = text[starts[-1] if starts else 0 : h.start]
        if h.text.lower() in _DEGREE and not _SPEAKER.search(sentence_so_far):
            continue
        out.append(h)
    return out
