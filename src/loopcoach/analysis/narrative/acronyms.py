"""Acronyms used before they are defined (or never defined).

Defined means spelled out once with the acronym in brackets, either way
round: "Correction of Error (COE)" or "COE (Correction of Error)". A short
list that any business reader knows needs no definition.
"""

from __future__ import annotations

import re

from loopcoach.analysis.narrative.issues import Issue

KNOWN = frozenset(
    "I US USA UK EU OK TV AM PM CEO CFO CTO COO VP SVP HR IT FAQ FAQS PR Q&A AWS".split()
)
_ACRONYM = re.compile(r"(?<![\w/-])(?P<a>[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*)s?(?![\w-])")
_QUARTER = re.compile(r"^(?:Q[1-4]|H[12]|FY\d{2,4}|[A-Z]\d+)$")
_DEFINED_AFTER = re.compile(r"\s*\((?P<a>[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*)s?\)")
_SPELLED_AFTER = re.compile(r"\s*\([a-zA-Z][a-zA-Z ,'-]{3,}\)")
MAX_LETTERS = 6


def find_undefined_acronyms(text: str) -> list[Issue]:
    defined_at = _definitions(text)
    seen: set[str] = set()
    out = []
    for m in _ACRONYM.finditer(text):
        a = m.group("a")
        if a in seen or a in KNOWN or _QUARTER.match(a) or len(a) > MAX_LETTERS:
            continue
        if _is_shouting(text, m):
            continue
        seen.add(a)
        where = defined_at.get(a)
        if where is not None and where <= m.end() + 1:
            continue
        message = (
            f"\u201c{a}\u201d is used before it is spelled out."
            if where is not None
            else f"\u201c{a}\u201d is never spelled out."
        )
        out.append(Issue("undefined_acronym", m.start(), m.start() + len(a), a, message))
    return out


def _definitions(text: str) -> dict[str, int]:
    """Where each acronym is defined: the position of "(COE)" or of "COE (…)"."""
    out: dict[str, int] = {}
    for m in _DEFINED_AFTER.finditer(text):
        out.setdefault(m.group("a"), m.start("a"))
    for m in _ACRONYM.finditer(text):
        if _SPELLED_AFTER.match(text, m.end()):
            out.setdefault(m.group("a"), m.start())
    return out


def _is_shouting(text: str, m: re.Match[str]) -> bool:
    """A heading or a run of capitals ("DO NOT SHIP") is emphasis, not an acronym."""
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 12]
    return bool(re.search(r"[A-Z]{3,}\s+$", before) and re.match(r"\s+[A-Z]{3,}", after))
