"""Search terms shared by both database backends.

Questions are searched with SQLite FTS5 on the embedded default and with
PostgreSQL full-text search on PostgreSQL. To make the two agree on
everyday words ("low performer" finds "low-performing", "disagree" finds
"disagreement"), documents and queries are both reduced to the same light
stems here, and each database only matches stems.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[a-z0-9]+")
# Longest first: the first suffix that leaves a long-enough stem wins.
SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ances",
    "ance",
    "ings",
    "ing",
    "ers",
    "er",
    "ies",
    "ied",
    "eed",
    "ed",
    "ly",
    "s",
)
REPLACEMENTS = {"ies": "y", "ied": "y", "eed": "ee"}
MIN_STEM = 3
QUERY_STOPWORDS = frozenset(
    "a an and are about as at be by do does for from how i in is it me my of on or the to tell "
    "time was what when where which who why with you your".split()
)
# Words of an interview question that say nothing about its subject ("they asked me to
# describe a situation where…"): left out when wordings are compared and concepts found.
FILLER_WORDS = QUERY_STOPWORDS | frozenset(
    "we our us they them their this that these those had has have were will would could should "
    "can there then than so but all any some into after also just very one "
    "give example describe situation asked ask question questions interview interviewer "
    "talk walk through like kind sort basically something someone somebody did done "
    "happened happen handle handled having".split()
)


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            if suffix == "s" and word.endswith("ss"):
                continue
            word = word[: -len(suffix)] + REPLACEMENTS.get(suffix, "")
            break
    if len(word) > MIN_STEM + 1 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # stopped -> stop, planning -> plan
    if len(word) > MIN_STEM and word.endswith("e"):
        word = word[:-1]  # cache/caching, hire/hiring meet at the same stem
    return word


def document_terms(text: str) -> str:
    """The stems of TEXT, space-separated, for the search index."""
    return " ".join(stem(word) for word in WORD_RE.findall(text.lower()))


def content_stems(text: str) -> list[str]:
    """The stems of TEXT's words that carry its subject, in order (filler words left out)."""
    return [stem(word) for word in WORD_RE.findall(text.lower()) if word not in FILLER_WORDS]


def query_terms(query: str) -> list[str]:
    """The stems a query must match, without filler words (unless nothing else is left)."""
    words = WORD_RE.findall(query.lower())[:20]
    meaningful = [word for word in words if word not in QUERY_STOPWORDS] or words
    return list(dict.fromkeys(stem(word) for word in meaningful))
