"""Filler words and hedges: what makes a spoken answer sound unsure or padded."""

from __future__ import annotations

import re

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
