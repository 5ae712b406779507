"""Claims without data: a sentence that asserts an improvement or an effect and shows nothing.

A claim is a sentence with an effect word ("improves", "reduces", "faster",
"will help", "customers want") and no number, no comparison figure and no
source. Numbers are found by the story analyzer's metric finder, so "40%",
"$1.2M", "three teams" and "from 900 ms to 150 ms" all count as data.
"""

from __future__ import annotations

import re

from loopcoach.analysis.metrics import find_metrics
from loopcoach.analysis.narrative.issues import Issue
from loopcoach.analysis.spans import Span

_CLAIM = re.compile(
    r"\b(?:improv(?:e|es|ed|ing|ement|ements)|increas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing|tion)|"
    r"decreas(?:e|es|ed|ing)|boost(?:s|ed)?|accelerat(?:e|es|ed)|grow(?:s|th)?|sav(?:e|es|ed|ing)\s+(?:\$|money|time|costs?|hours|us|engineers)|savings|"
    r"cut(?:s)?\s+(?:costs?|time|latency|the)|faster|slower|better|cheaper|higher|lower|"
    r"more\s+(?:reliable|efficient|productive|scalable|secure|stable|engaged)|"
    r"(?:will|would|should|can)\s+(?:help|enable|allow|unlock|drive|transform|make|let)|"
    r"leads?\s+to|results?\s+in|drives?|pays?\s+for\s+itself|"
    r"customers?\s+(?:love|want|prefer|hate|expect|are\s+asking)|"
    r"(?:is|are)\s+(?:critical|essential|crucial|key|vital)|"
    r"(?:significant|dramatic|substantial|huge|massive|major)\s+(?:impact|improvement|gains?|benefits?|savings|reduction|increase)|"
    r"wast(?:e|es|ed|ing)\s+(?:time|money|effort)|takes?\s+(?:too\s+long|longer)|too\s+(?:slow|long|expensive|hard)|"
    r"slowing\s+(?:us|down|the)|(?:is|be|are|much|far|will\s+be)\s+(?:easier|simpler)|game[- ]changer|(?:big|huge|real)\s+difference|"
    r"makes?\s+it\s+(?:\w+\s+)?(?:easy|easier|simple)|customers?\s+(?:have\s+been|are|keep)\s+asking|"
    r"(?:leading|other|most|successful)\s+companies\s+(?:have|are)|outweigh)\b",
    re.IGNORECASE,
)
_SOURCE = re.compile(
    r"\b(?:according\s+to|source|survey(?:ed)?|study|report(?:ed)?\s+(?:by|in)|see\s+(?:appendix|table|figure)|"
    r"appendix|per\s+the|measured|data\s+from)\b|\[\d+\]",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"\?\s*$")


def find_unsupported_claims(text: str, sentences: list[Span]) -> list[Issue]:
    metric_starts = [m.start for m in find_metrics(text)]
    out = []
    for s in sentences:
        if _QUESTION.search(s.text) or not _CLAIM.search(s.text):
            continue
        if any(s.start <= start < s.end for start in metric_starts) or _SOURCE.search(s.text):
            continue
        if re.search(r"\d", s.text):
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
