"""Weasel words and hedges, and the passive voice that hides who acts.

Both are word lists and patterns (docs/design-labels.md lists them): the
reader of a narrative wants the number instead of "significantly" and the
owner instead of "it was decided".
"""

from __future__ import annotations

import re

from loopcoach.analysis.narrative.issues import Issue

WEASEL_WORDS = (
    "significantly substantially dramatically drastically considerably greatly hugely vastly "
    "massively tremendously extremely incredibly very really quite fairly somewhat relatively "
    "numerous significant often usually huge "
    "various several many probably possibly perhaps maybe arguably clearly obviously basically "
    "essentially virtually generally typically hopefully world-class best-in-class "
    "state-of-the-art seamless seamlessly"
).split()
WEASEL_PHRASES = (
    "a lot",
    "lots of",
    "a number of",
    "nearly all",
    "almost all",
    "most likely",
    "we believe",
    "we think",
    "we feel",
    "i believe",
    "i think",
    "i feel",
    "it seems",
    "it appears",
    "should be able to",
    "could potentially",
    "may be able to",
    "in the near future",
    "as soon as possible",
)
_WEASEL = re.compile(
    r"(?<![\w-])(?<!how )(?:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in WEASEL_PHRASES)
    + "|"
    + "|".join(re.escape(w) for w in sorted(WEASEL_WORDS, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_BE = r"(?:am|is|are|was|were|be|been|being|gets?|got)"
_IRREGULAR = (
    "made done built sent kept left lost paid held told taken given shown known seen found chosen "
    "written run set put cut brought bought caught driven drawn forgotten hidden thrown understood "
    "begun broken spent sold woken hit shut led met sent held"
)
_PASSIVE = re.compile(
    r"\b" + _BE + r"\s+(?:(?:not|also|then|now|next|never|often|still|all|already|being|only)\s+)?"
    r"(?:\w+ly\s+)?(?P<verb>\w+ed|" + "|".join(_IRREGULAR.split()) + r")\b",
    re.IGNORECASE,
)
# Past participles that are adjectives after "be": "we are interested", "it is based on".
_STATE_ADJECTIVES = frozenset(
    """based interested concerned located supposed married tired excited pleased worried
    satisfied surprised disappointed committed dedicated aligned motivated engaged limited
    experienced skilled qualified prepared exposed related detailed advanced complicated
    sophisticated automated distributed centralized centralised varied mixed crowded entitled
    unprecedented need feed speed seed red bed shed indeed embed united outdated dated
    complicated""".split()
)
# "by the platform team" names who acts; "by 14:30", "by Friday", "by how much" do not.
_AGENT = re.compile(
    r"[ \t]+(?:\w+[ \t]+){0,2}?by\s+(?!\d|how\b|what\b|whether\b|which\b|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|the\s+end|end\s+of|next|then|now|tomorrow|today|noon|midnight)\b)",
    re.IGNORECASE,
)


_WEASEL_LOWER = re.compile(_WEASEL.pattern)


def find_weasels(text: str) -> list[Issue]:
    # Matching lowercased text without IGNORECASE is several times faster; it is only safe
    # when lowercasing keeps every offset (fillers.py does the same).
    lower = text.lower()
    pattern, haystack = (_WEASEL_LOWER, lower) if len(lower) == len(text) else (_WEASEL, text)
    out = []
    for m in pattern.finditer(haystack):
        word = text[m.start() : m.end()]
        out.append(
            Issue(
                "weasel", m.start(), m.end(), word, f"\u201c{word}\u201d: give the fact or number."
            )
        )
    return out


_PASSIVE_LOWER = re.compile(_PASSIVE.pattern)


def find_passives(text: str) -> list[Issue]:
    out = []
    lower = text.lower()
    pattern, haystack = (_PASSIVE_LOWER, lower) if len(lower) == len(text) else (_PASSIVE, text)
    for m in pattern.finditer(haystack):
        verb = m.group("verb").lower()
        if verb in _STATE_ADJECTIVES or verb.startswith("un") or _AGENT.match(text, m.end()):
            continue
        phrase = text[m.start() : m.end()]
        out.append(
            Issue(
                "passive_voice",
                m.start(),
                m.end(),
                phrase,
                f"\u201c{phrase}\u201d hides who acts: name the person or team.",
            )
        )
    return out
