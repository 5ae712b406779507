"""Word-level cues shared by the role, hypothetical and principle models.

The same functions build features at training time and at run time, so a
model never sees features computed differently from the ones it learned.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d[\d,.]*%?|[$€£]\d[\d,.]*|%|\?")
_IRREGULAR_PAST = frozenset(
    """was were had did made took gave got went came saw found told wrote ran built sent set put
    brought bought thought knew began became left kept met led spent paid sold understood chose
    drove held heard felt stood sat said taught caught fought rebuilt rewrote undertook overcame
    shut cut split spoke broke drew grew fell rose lost won hit let read dug stuck swore sought
    flew forgave froze hid hung laid meant proved quit rang shook shot sang sank slept slid sprang
    stole struck swam swung threw understood upheld withdrew woke wore wound""".split()
)
_NOT_PAST_ED = frozenset(
    "need speed feed seed bed red shed reed indeed proceed exceed succeed embed".split()
)
ADVERBS = frozenset(
    """also then first finally quickly immediately personally eventually actually really just
    still soon later again directly ultimately initially instead specifically carefully
    together never always usually already""".split()
)

NUMBER_TOKEN = "<num>"


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; numbers become one placeholder so '40%' and '12%' look alike."""
    out = []
    for t in _TOKEN.findall(text.lower().replace("’", "'")):
        if t[0].isdigit() or t[0] in "$€£":
            out.append(
                "<pct>" if t.endswith("%") else ("<money>" if t[0] in "$€£" else NUMBER_TOKEN)
            )
        else:
            out.append(t)
    return out


def is_past_verb(word: str) -> bool:
    return word in _IRREGULAR_PAST or (
        word.endswith("ed") and len(word) > 3 and word not in _NOT_PAST_ED
    )


def subject_verbs(toks: list[str], subjects: frozenset[str]) -> list[str]:
    """The verb right after each subject pronoun,
    skipping adverbs ('I then rewrote' → 'rewrote')."""
    verbs = []
    for i, t in enumerate(toks):
        if t in subjects:
            j = i + 1
            while j < len(toks) and toks[j] in ADVERBS:
                j += 1
            if j < len(toks):
                verbs.append(toks[j])
    return verbs


I_FORMS = frozenset({"i"})
WE_FORMS = frozenset({"we"})
_HABIT = re.compile(
    r"\b(?:i|we)\s+(?:always|usually|generally|typically|normally|often|tend to|try to|like to|"
    r"make sure|make a point|prefer to)\b|\bmy (?:approach|philosophy|rule|habit|process|style|"
    r"default)\b|\bwhat i (?:do|would do|try to do)\b|\bwhenever\b|\bin general\b|"
    r"\bgenerally\b|\bif i (?:were|was|had|have|see|get|need|am)\b|\bi would\b|\bi'd (?!been|"
    r"had|never|already|just|only|spent|built|worked|done|seen)\w+|\bi will\b|\bi'll\b",
    re.I,
)
_WOULD = re.compile(r"\b(?:i|we)\s+(?:would|'d|’d)\b|\bi'd\b|\bi’d\b", re.I)
_PAST_I = re.compile(
    r"\bi\s+(?:(?:also|then|first|finally|quickly|immediately|personally|eventually|actually|just|still|later|again|ultimately|initially|instead)\s+)?(\w+)",
    re.I,
)


@lru_cache(maxsize=4096)
def habit_cue(sentence: str) -> bool:
    return bool(_HABIT.search(sentence.replace("’", "'")))


@lru_cache(maxsize=4096)
def would_cue(sentence: str) -> bool:
    m = _WOULD.search(sentence.replace("’", "'"))
    if not m:
        return False
    after = sentence.replace("’", "'")[m.end() : m.end() + 12].lower()
    # "I'd been", "I'd already" are past perfect, not hypothetical.
    return not re.match(
        r"\s*(?:been|had|never|already|just|only|spent|built|worked|done|seen|gone|left|made)\b",
        after,
    )


@lru_cache(maxsize=4096)
def past_i_cue(sentence: str) -> bool:
    for m in _PAST_I.finditer(sentence):
        if is_past_verb(m.group(1).lower()):
            return True
    return False
