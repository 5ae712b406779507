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


def find_fillers(text: str) -> list[Span]:
    return [Span(m.group(0), m.start(), m.end()) for m in _FILLER.finditer(text)]


def find_hedges(text: str) -> list[Span]:
    return [Span(m.group(0), m.start(), m.end()) for m in _HEDGE.finditer(text)]
