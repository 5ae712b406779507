"""Quoting a sentence of the answer inside a remark, whole or cut where a reader sees no gap.

A quote cut short must still say something: it ends where a clause ends ("…rose from 1.2 to
1.7 tonnes…"), never before the object a word needs ("…and we saved…", "…which was worth…"),
never on a number or half of a from–to pair ("…two…", "…fell from 1.8 seconds…"). A sentence
not much longer than the limit is quoted whole: a few more characters cost less than a cut.
"""

from __future__ import annotations

import re

from loopcoach.analysis import numberwords

WHOLE_SHARE = 1.5  # a sentence up to this multiple of the limit is quoted whole
MIN_SHARE = 0.5  # a clause cut keeps at least this share of the limit
MIN_CLAUSE_WORDS = 4  # the clause a cut leaves at the end has at least this many words

# Words that need what follows them: a quote never ends on one. Number words ("two…"),
# determiners ("the…"), prepositions ("after…"), relative pronouns ("which…"), auxiliaries
# ("was…"), subject pronouns ("we…"), conjunctions and a few degree words.
# "…fell to zero." ends a phrase; the other number words need what they count.
_NUMBER_WORDS = (numberwords.WORDS - {"zero"}) | {"dozen", "half"}
_DETERMINERS = frozenset(
    """a an the this that these those my our your their his her its every each any some no
    another both either neither all several many few""".split()
)
_PREPOSITIONS = frozenset(
    """of to for with from on in at by into onto about over under through across after before
    during until since between without within against via per than as like around toward
    towards""".split()
)
_RELATIVES = frozenset("which who whom whose that where when whether what".split())
_AUXILIARIES = frozenset(
    """was were is are be been being am has have had did does do could would should will can
    might may must got isn't aren't wasn't weren't doesn't don't didn't can't couldn't won't
    wouldn't hasn't haven't hadn't""".split()
)
_SUBJECTS = frozenset("i we you he she they it".split())
_LINKS = frozenset(
    """and or but so because while although though if then not only just even also very more
    most less least really honestly actually basically""".split()
)
DANGLING = (
    _NUMBER_WORDS | _DETERMINERS | _PREPOSITIONS | _RELATIVES | _AUXILIARIES | _SUBJECTS | _LINKS
)

# Where a new clause may start: after a comma, semicolon, colon or dash, or before a word that
# opens one. The quote is cut just before the break.
_CLAUSE_OPENERS = frozenset(
    "and but so then because which while whereas although though where who".split()
)
# These open a clause only with a subject after them ("after we moved…"); before a noun they
# are prepositions ("the three months after the rule change").
_TIME_OPENERS = frozenset("when after before until since once".split())
_NUMBER = re.compile(r"^[$€£]?\d[\d.,]*(?:%|k|m|bn|ms|s|x)?$", re.I)
_FROM_NUMBER = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|over\s+|under\s+)?[$€£]?(?:\d|(?:"
    + "|".join(sorted(_NUMBER_WORDS))
    + r")\b)",
    re.I,
)
# A word before which a cut leaves the previous word without its amount or its complement:
# "…worth about $2.3m", "…60 percent of claims".
_NEEDED_NEXT = frozenset("of about around roughly almost nearly over under".split())
_TO_AFTER = re.compile(r"\b(?:to|down to|up to)\b", re.I)


def _bare(word: str) -> str:
    return word.lower().strip("\"'“”‘’()[],;:.!?…")


def _is_number(word: str) -> bool:
    bare = _bare(word)
    return bool(_NUMBER.match(bare)) or bare in _NUMBER_WORDS


def ends_on_dangling(kept: str) -> bool:
    """Whether `kept` stops on a word that needs what follows it ("…and we saved" ends on a
    verb that needs its object only when the next word says so, see `_cut_is_clean`)."""
    words = kept.split()
    return not words or _bare(words[-1]) in DANGLING


def _half_pair(kept: str) -> bool:
    """A "from <number>" in the last clause with no "to" after it: half of a before/after."""
    found = list(_FROM_NUMBER.finditer(kept))
    return bool(found) and not _TO_AFTER.search(kept, found[-1].end())


def _cut_is_clean(words: list[str], k: int) -> bool:
    """Whether cutting after `words[:k]` leaves a clause that is whole and needs nothing from
    `words[k:]`: not on a dangling word, not after a number (its unit or its "of…" follows),
    not before a number the last word introduces ("saved about $15,000"), not halfway through
    a from–to pair, and with a clause of a few words at the end."""
    kept = " ".join(words[:k]).rstrip(",;:—–-")
    if ends_on_dangling(kept):
        return False
    # After a comma or colon the number's phrase is over ("…the rule change: 14, 12…").
    punctuated = words[k - 1][-1] in ",;:"
    after = words[k] if k < len(words) else ""
    if not punctuated and (_is_number(words[k - 1]) or _is_number(after)):
        return False  # "…and two" + "of my restaurants", "…saved" + "$15,000"
    if not punctuated and _bare(after) in _NEEDED_NEXT:
        return False  # the word before needs what follows: "…worth about $2.3m"
    if _half_pair(kept):
        return False
    last_clause = re.split(r"[,;:]\s", kept)[-1].split()
    return len(last_clause) >= MIN_CLAUSE_WORDS or len(kept.split()) >= 2 * MIN_CLAUSE_WORDS


def _clause_cuts(words: list[str]) -> list[int]:
    """Word counts after which a clause ends: a word with a comma, semicolon or colon, or one
    followed by a word that opens a clause."""
    cuts = []
    for k in range(1, len(words)):
        ends = words[k - 1][-1] in ",;:" or words[k] in {"—", "–", "-"}
        opens = _bare(words[k]) in _CLAUSE_OPENERS or (
            _bare(words[k]) in _TIME_OPENERS
            and k + 1 < len(words)
            and _bare(words[k + 1]) in _SUBJECTS
        )
        if ends or opens:
            cuts.append(k)
    return cuts


def _length(words: list[str], k: int) -> int:
    return len(" ".join(words[:k]))


def quote(s: str, limit: int) -> str:
    """`s` whole when it is at most `WHOLE_SHARE` × `limit`, else cut with "…" at the clause
    boundary nearest `limit` that leaves a complete clause; failing that, at the last clean
    word boundary within `limit`."""
    s = " ".join(s.split())
    if len(s) <= limit * WHOLE_SHARE:
        return s
    words = s.split(" ")
    clean = [k for k in _clause_cuts(words) if _cut_is_clean(words, k)]
    within = [k for k in clean if limit * MIN_SHARE <= _length(words, k) <= limit]
    beyond = [k for k in clean if limit < _length(words, k) <= limit * WHOLE_SHARE]
    if within:
        k = within[-1]
    elif beyond:
        k = beyond[0]
    else:
        fits = [k for k in range(1, len(words)) if _length(words, k) <= limit]
        tidy = [k for k in fits if _cut_is_clean(words, k)]
        k = (tidy or fits or [1])[-1]
    return " ".join(words[:k]).rstrip(",;:—–- ") + "…"
