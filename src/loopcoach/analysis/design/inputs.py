"""Input checks for design answers and written narratives, on top of the story analyzer's.

`check_document` adds two refusals to analysis/validation.py's (empty, not
text, too long in bytes or words): a document over MAX_DOCUMENT_CHARS, and
code pasted instead of prose. `reads_like_story` recognises a STAR story
pasted into a design question, which is not refused but said, kindly, in the
report.
"""

from __future__ import annotations

import re

from loopcoach.analysis.errors import AnalysisInputError
from loopcoach.analysis.spans import Span
from loopcoach.analysis.validation import MAX_ANSWER_CHARS, check_answer

# The one answer limit (30,000 characters, about 5,000 words or nine pages of prose at
# ~3,300 characters a page): room for a six-page narrative with its appendix, and a clear
# stop, with the reason, for a pasted 50-page document. Not a second limit: every form and
# API that takes an answer already stops there.
MAX_DOCUMENT_CHARS = MAX_ANSWER_CHARS
CODE_LINE_SHARE = 0.5  # more than half the non-empty lines look like code
MIN_CODE_LINES = 5
STORY_SENTENCE_SHARE = 0.4

_CODE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:def|class|func|fn|function)\s+\w+\s*[(:<{]"
    r"|import\s+[\w.]+|from\s+[\w.]+\s+import\b|#include\b|package\s+[\w.]+;?\s*$"
    r"|(?:const|let|var|val)\s+\w+\s*="
    r"|(?:public|private|protected|static)\s+\w+"
    r"|(?:if|elif|while|for)\s+.*(?:==|!=|<=|>=|\bin\b|\().*:\s*$"
    r"|(?:if|for|while|switch)\s*\(.*\)\s*\{?\s*$"
    r"|(?:else|try|finally)\s*[:{]\s*$"
    r"|(?://|/\*|\*/)"
    r"|[}\])]+[;,)]*\s*$"
    r"|[\w.]+\([^)]*\)\s*;?\s*$"
    r"|[\w.\[\]'\"]+\s*(?:=|\+=|-=)\s*.+[;)\]]\s*$"
    r"|.*[;{]\s*$"
    r")"
)
_NARRATIVE = re.compile(
    r"\b(?:I|we|my team|my manager|our team)\b[^.!?]{0,60}?\b(?:\w{3,}ed|was|were|had|did|made|"
    r"took|found|built|led|told|asked|wrote|ran|got|went|saw|became|began|brought|chose|felt|knew|"
    r"left|lost|met|paid|put|said|sent|spent|thought|won|sat|gave|kept|hired|fired)\b",
    re.IGNORECASE,
)
_ANCHOR = re.compile(
    r"\b(?:at my (?:last|previous|current) (?:company|job|team|role)|last (?:year|quarter|month)|"
    r"(?:a few|two|three) (?:years|months) ago|when i (?:was|joined)|in 20\d\d|my manager|"
    r"the result was|i learned)\b",
    re.IGNORECASE,
)


def check_document(text: object, *, what: str = "answer") -> str:
    """Return `text` if it can be reviewed; raise AnalysisInputError with one line if not."""
    if isinstance(text, str) and len(text) > MAX_DOCUMENT_CHARS:
        raise AnalysisInputError(
            f"The {what} is too long: {len(text):,} characters (limit {MAX_DOCUMENT_CHARS:,}, "
            "about nine pages). Paste one document of up to six pages, or a section of it."
        )
    checked = check_answer(text)
    if looks_like_code(checked):
        raise AnalysisInputError(
            f"The {what} looks like code, not prose. Describe the design in sentences; "
            "a short API sketch inside the prose is fine."
        )
    return checked


def looks_like_code(text: str) -> bool:
    """More than half of at least five non-empty lines read like source code."""
    lines = [line for line in text.splitlines() if line.strip()]
    code = sum(1 for line in lines if _CODE_LINE.match(line))
    return code >= MIN_CODE_LINES and code > CODE_LINE_SHARE * len(lines)


def reads_like_story(sentences: list[Span]) -> bool:
    """Most sentences narrate what the speaker or their team did, anchored in the past."""
    if len(sentences) < 3:
        return False
    narrated = sum(1 for s in sentences if _NARRATIVE.search(s.text))
    anchored = any(_ANCHOR.search(s.text) for s in sentences)
    return narrated >= 3 and narrated >= STORY_SENTENCE_SHARE * len(sentences) and anchored
