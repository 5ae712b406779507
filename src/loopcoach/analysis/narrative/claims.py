"""Claims without data: a sentence that asserts an effect, a judgement or a problem, and shows
nothing.

A claim is a declarative sentence with an effect word ("improves", "reduces",
"will help", "slows us down"), an evaluative word ("better", "cheapest",
"difficult", "out of date", "critical") or a statement of what customers
want, and with no number, comparison figure or source. Numbers are found by
the story analyzer's metric finder, so "40%", "$1.2M", "three teams" and
"from 900 ms to 150 ms" all count as data. Not claims: questions, headings,
quoted words, the tenets (they are choices, not facts) and the author's own
plans ("we will improve the alarms" says what we will do, not what it did).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from loopcoach.analysis.metrics import find_metrics
from loopcoach.analysis.narrative.issues import Issue
from loopcoach.analysis.spans import Span

_EFFECT = (
    r"improv(?:e|es|ed|ing|ement|ements)|increas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing|tion)|"
    r"decreas(?:e|es|ed|ing)|boost(?:s|ed)?|accelerat(?:e|es|ed)|grow(?:s|n|th)|"
    r"sav(?:e|es|ed|ing)\s+(?:\$|money|time|costs?|hours|us|engineers)|savings|"
    r"cut(?:s)?\s+(?:costs?|time|latency|the)|(?:will|would|should|can|could)\s+(?:also\s+|really\s+)?"
    r"(?:help|enable|allow|"
    r"unlock|drive|transform|make|let|cause|solve|fix)|helps?\s+us|hurt(?:s|ing)?|slow(?:s|ing)?\s+"
    r"(?:us|everything|down|the)|wast(?:e|es|ed|ing)\s+(?:time|money|effort)|leads?\s+to|"
    r"(?:this|it|which|that)\s+results?\s+in|outweigh|pays?\s+(?:off|for\s+itself)|"
    r"makes?\s+(?:a|the|us|it|everything|them)\s+(?:\w+\s+)?(?:better|faster|happier|stronger|"
    r"easier|simpler|difference|easy|simple)|(?:big|huge|real|significant)\s+difference|will\s+follow|"
    r"gives?\s+us|(?:would|will)\s+give|costs?\s+more|more\s+than\s+offset|does\s+not\s+solve|"
    r"expect\s+(?:[\w-]+\s+){0,6}to\s+(?:stop|fall|rise|drop|improve|make|end)|will\s+be\s+able\s+to"
)
_JUDGEMENT = (
    r"better|worse|faster|slower|cheaper|cheapest|easier|easiest|simpler|harder|best|worst|"
    r"sooner|(?:very|too|quite|extremely|increasingly)\s+(?:difficult|hard|slow|painful|expensive|"
    r"complex|complicated)|difficult\s+to|hard\s+to|out\s+of\s+date|outdated|straightforward|"
    r"(?:most\s+)?important\s+(?:thing|part|factor|for|to\s+(?:customers|the))|critical|essential|crucial|vital|pain\s+point|problems?\s+(?:with|under)|"
    r"game[- ]changer|good\s+results|works?\s+(?:well|better)|does\s+not\s+work|doesn't\s+work|"
    r"takes?\s+(?:too\s+long|longer)|too\s+(?:slow|long|expensive)|comfortable\s+with|"
    r"(?:is|are)\s+(?:slow|unreliable|fragile|expensive|broken|outdated)|breaks|compared\s+(?:to|with)|"
    r"the\s+right\s+(?:direction|choice|approach|thing|call)|(?:are|is|were)\s+happy\s+with|"
    r"significant\s+(?:impact|improvement|gains?|benefits?)|huge\s+benefits?"
)
_PREFERENCE = (
    r"customers?\s+(?:love|want|prefer|hate|expect|disliked?|care|are\s+asking|have\s+been\s+asking|"
    r"keep\s+asking)|(?:leading|other|most|successful)\s+(?:companies|organi[sz]ations|teams)\s+"
    r"(?:in\s+\w+\s+\w+\s+)?(?:have|are)|(?:is|are)\s+going\s+to\s+(?:change|transform)|"
    r"change\s+everything|going\s+well|on\s+track|(?:is|are)\s+(?:inconsistent|unclear|confusing|"
    r"painful|messy|broken)"
)
_CLAIM = re.compile(
    r"(?<![\w-])(?<!how )(?:" + "|".join((_EFFECT, _JUDGEMENT, _PREFERENCE)) + r")(?![\w-])",
    re.I,
)
_CLAIM_LOWER = re.compile(_CLAIM.pattern)
_SOURCE = re.compile(
    r"\b(?:according\s+to|source|survey(?:ed)?|study|report(?:ed)?\s+(?:by|in)|see\s+(?:appendix|table|"
    r"figure)|appendix|per\s+the|measured|data\s+from|in\s+my\s+experience)\b|\[\d+\]",
    re.IGNORECASE,
)
_OWN_PLAN = re.compile(
    r"\b(?:we|i)(?:'ll|\s+will|\s+plan\s+to|\s+are\s+going\s+to|\s+want\s+to|\s+would\s+like\s+to)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# A short quoted phrase ("improve latency") is talked about, not claimed; a quoted sentence is.
_QUOTED = re.compile(r"\"(?:\S+\s){0,4}\S+\"|“(?:\S+\s){0,4}\S+”")
_ORDINAL = re.compile(r"^(?:one|two|three|four|five|six|seven|eight|nine|ten)$", re.I)


def find_unsupported_claims(
    text: str, sentences: list[Span], skip: Sequence[tuple[int, int]] = ()
) -> list[Issue]:
    """Claims without data; `skip` holds character ranges (the tenets) not to look in."""
    out = []
    for s in _candidates(text, sentences):
        if s.text.rstrip().endswith("?") or any(a <= s.start < b for a, b in skip):
            continue
        if re.search(r"\d", s.text) or _SOURCE.search(s.text) or not _asserts(s.text):
            continue
        if _has_data(s.text):
            continue
        out.append(
            Issue(
                "unsupported_claim",
                s.start,
                s.end,
                s.text,
                "This claim has no number or source behind it.",
            )
        )
    return out


def _candidates(text: str, sentences: list[Span]) -> list[Span]:
    """The sentences with a claim word in them, found in one pass over the whole text."""
    starts = [s.start for s in sentences]
    picked: dict[int, Span] = {}
    lower = text.lower()  # faster than IGNORECASE; only when lowercasing keeps the offsets
    pattern, haystack = (_CLAIM_LOWER, lower) if len(lower) == len(text) else (_CLAIM, text)
    for m in pattern.finditer(haystack):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= sentences[i].end:
            picked.setdefault(i, sentences[i])
    return [picked[i] for i in sorted(picked)]


def _has_data(sentence: str) -> bool:
    """A number the metric finder accepts; a bare "two" ("option two") is a name, not data."""
    return any(not _ORDINAL.match(m.text) for m in find_metrics(sentence))


def _asserts(sentence: str) -> bool:
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group(0)), sentence)
    for m in _CLAIM.finditer(unquoted):
        if not _OWN_PLAN.search(unquoted[: m.start()]):
            return True
    return False
