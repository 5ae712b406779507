"""Does a follow-up answer take back what the story said (LABELS.md: a follow-up answer that
"contradicts the story" is a 1)?

An interviewer who hears "honestly my lead did most of it" after "I rebuilt the pipeline" no
longer knows which version is true, however direct and concrete the answer is. Four readings,
each needing both sides — what the story claimed and what the answer now says:

- `ownership`: the answer gives the deed to someone else ("my manager built most of it", "it
  was really IT's project") after a story told as the speaker's own;
- `number`: a number for the same thing with another value ("about 15%" after "40%"), not a
  refinement of it ("40%, so from 10% down to 6%" restates it);
- `outcome`: the result reversed ("it never really got adopted" after a story that shipped);
- `withdrawn`: a claim taken back ("we never measured it" after a measured result, "I wasn't
  actually in the room" after a story told as the speaker's).

Pure functions over the two texts; the precision of each reading is measured on labelled
follow-up answers (`followup_training.contradiction_precision`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loopcoach.analysis import numberwords
from loopcoach.analysis.metrics import find_metrics
from loopcoach.analysis.pronouns import subject_counts
from loopcoach.analysis.sentences import split_sentences


@dataclass(frozen=True)
class Contradiction:
    kind: str  # ownership, number, outcome, withdrawn
    story_quote: str
    answer_quote: str


_OTHER = (
    r"(?:my|our|the|his|her|their) (?:\w+ )?(?:lead|manager|boss|director|colleague|teammate|"
    r"team|architect|engineer|analyst|intern|contractor|vendor|consultant|pm|cto|predecessor)|"
    r"(?-i:[A-Z][a-z]+)|someone else|another team|the (?:other|platform|data|it|ops) team|it"
)
# The deed handed to someone else: the subject who did it is not the speaker.
_GIVES_AWAY = re.compile(
    rf"\b(?:(?:{_OTHER}) (?:really |actually |mostly |basically )?(?:did|built|wrote|ran|drove|"
    r"led|designed|owned|found|made|handled) (?:(?:most|all|the bulk) of (?:it|the \w+)|"
    r"the (?:real|actual|heavy) (?:work|lifting|building|coding|analysis)|the hard part)\b|"
    rf"(?:mostly|really|actually|largely) (?:built|done|written|designed|led|driven|run) by "
    rf"(?:{_OTHER})\b|"
    r"(?:it|the whole thing|the project|that) was (?:really |actually |mostly |all )?"
    r"(?:[A-Z]\w*'s|his|her|their|my (?:lead|manager|boss)'s) (?:project|work|idea|call|baby|"
    r"doing)|"
    r"(?:he|she|they) (?:then |actually |really )?(?:wrote|built|coded|designed) the (?:fix|code|"
    r"model|script|pipeline|tool)|(?:he|she|they) (?:really|mostly|basically) drove (?:it|the \w+)|"
    r"(?:was|were) (?:mostly |really |all |largely )?down to (?:them|him|her|the \w+|my \w+)|"
    r"i (?:only|just|mostly|mainly) (?:helped|assisted|supported|watched|reviewed|tested)|"
    r"i was (?:only|just|mostly) (?:helping|supporting|in a support|a reviewer|shadowing)|"
    r"i (?:didn't|did not) (?:actually |really )?(?:build|write|lead|design|run|do) "
    r"(?:it|that|the \w+|much|most)|"
    r"i wasn't (?:really |actually )?the one (?:who|that))",
    re.I,
)
# A result taken back: it did not ship, did not last, nobody used it.
_REVERSED = re.compile(
    r"\b(?:never (?:really |actually |fully )?(?:got |went |was |were )?(?:adopted|shipped|"
    r"launched|used|live|worked|finished|rolled out|released|deployed|took off|caught on)|"
    r"(?:didn't|did not) (?:really |actually )?(?:work|stick|ship|launch|last|catch on|"
    r"take off|get (?:adopted|used|shipped|finished)|go live|make it)|"
    r"(?:was|were|got) (?:eventually |later |quietly )?(?:cancelled|canceled|shelved|scrapped|"
    r"rolled back|reverted|abandoned|dropped|killed)|"
    r"(?:turned|switched) (?:it|them) (?:off|back off)|"
    r"(?:nobody|no one) (?:really |actually )?(?:used|adopted|wanted) it|"
    r"went back to the old|stopped using (?:it|them)|(?:it|that) (?:came|crept) back)\b",
    re.I,
)
_SUCCESS = re.compile(
    r"\b(?:adopt\w*|ship\w*|launch\w*|rolled? out|release\w*|deploy\w*|live|fell|dropped|cut|"
    r"saved|reduced|improved|grew|rose|doubled|halved|fixed|solved|worked|used|uses|using|"
    r"since then|now|standard|renewed|approved|accepted|on time)\b",
    re.I,
)
# A claim taken back: the number was never measured, the speaker was not there.
_WITHDRAWN_NUMBER = re.compile(
    r"\b(?:(?:we|i) (?:never|didn't|did not|haven't|have not) (?:actually |really |properly )?"
    r"(?:measured?|tracked?|checked|counted|quantified|had (?:the )?data)"
    r"(?! (?:it )?(?:exactly|precisely|formally))|"
    r"(?:that|the|this) (?:number|figure|\d+%?) (?:was|is) (?:(?:just|more|really) )?"
    r"(?:a guess|an estimate|my estimate|a rough guess|made up|from memory|a ballpark)|"
    r"i (?:made (?:that|it) up|guessed (?:it|that|the number)))\b",
    re.I,
)
_WITHDRAWN_PRESENCE = re.compile(
    r"\b(?:i (?:wasn't|was not) (?:actually |really )?(?:there|in the (?:room|meetings?|calls?|"
    r"check-ins?|sessions?|workshops?)|on the calls?|involved|part of (?:it|that))|"
    r"i (?:didn't|did not|never) (?:actually |really )?(?:talk|speak|meet|go|call|see) "
    r"(?:to |with )?(?:them|him|her|anyone|the)|i (?:only|just) heard about it)\b",
    re.I,
)


def find_contradiction(story: str, answer: str) -> Contradiction | None:
    """The first reading that holds both sides, or None."""
    # The answer's side first: it is short, and most answers take nothing back, so the story
    # (ten times longer) is only read when the answer has something to set against it.
    if not story.strip() or not any(cue.search(answer) for cue in _ANSWER_CUES):
        return None
    answer_sents = [s.text for s in split_sentences(answer)]
    story_sents = [s.text for s in split_sentences(story)]
    for read in (_ownership, _withdrawn, _outcome, _number):
        found = read(story_sents, answer_sents)
        if found:
            return found
    return None


def _answer_cues() -> tuple[re.Pattern[str], ...]:
    return (_GIVES_AWAY, _WITHDRAWN_NUMBER, _WITHDRAWN_PRESENCE, _REVERSED, _CORRECTION, _CHANGE)


def _i_sentences(sentences: list[str]) -> list[str]:
    return [s for s in sentences if subject_counts(s)[0] > subject_counts(s)[1]]


def _ownership(story: list[str], answer: list[str]) -> Contradiction | None:
    if not any(_GIVES_AWAY.search(s) for s in answer):
        return None
    mine = _i_sentences(story)
    # A story told as the team's gives nothing away when the answer names who did it.
    if len(mine) < 2:
        return None
    for s in answer:
        if _GIVES_AWAY.search(s):
            return Contradiction("ownership", _closest(mine, s), s)
    return None


def _withdrawn(story: list[str], answer: list[str]) -> Contradiction | None:
    if not any(_WITHDRAWN_NUMBER.search(s) or _WITHDRAWN_PRESENCE.search(s) for s in answer):
        return None
    measured = [s for s in story if find_metrics(s)]
    mine = _i_sentences(story)
    for s in answer:
        if measured and _WITHDRAWN_NUMBER.search(s):
            return Contradiction("withdrawn", _closest(measured, s), s)
        if mine and _WITHDRAWN_PRESENCE.search(s):
            return Contradiction("withdrawn", _closest(mine, s), s)
    return None


def _outcome(story: list[str], answer: list[str]) -> Contradiction | None:
    if not any(_REVERSED.search(s) for s in answer):
        return None
    # A failure story already said so: repeating it is not taking anything back.
    if any(_REVERSED.search(s) for s in story):
        return None
    # A story ends on its result: that is what a reversal takes back when no outcome word names it.
    wins = [s for s in story if _SUCCESS.search(s)] or story[-2:]
    for s in answer:
        if _REVERSED.search(s):
            return Contradiction("outcome", wins[-1], s)
    return None


# A number said again as a correction, not as a detail of the same figure. The strong ones set
# the new figure against the story's even when the answer names the story's figure too ("more
# like 15%, the 40% was the best month").
_STRONG_CORRECTION = re.compile(
    r"\b(?:more like|closer to|not quite|realistically|in reality|the real (?:number|figure))\b",
    re.I,
)
_CORRECTION = re.compile(
    rf"{_STRONG_CORRECTION.pattern}|\b(?:actually|honestly|to be honest|in the end|at the end|"
    r"really (?:only|about|more))\b",
    re.I,
)
_NUM = re.compile(r"\d+(?:[.,]\d+)?")
_BOUND = re.compile(r"\b(?:under|below|less than|over|above|more than|at least|nearly|almost)\s*$")


@dataclass(frozen=True)
class _Figure:
    value: float
    unit: str
    sentence: str
    bounded: bool
    about: frozenset[str]  # the words around it: what the figure counts


def _figures(sentences: list[str]) -> list[_Figure]:
    out = []
    for s in sentences:
        for m in find_metrics(s):
            parsed = _value_unit(m.text)
            if parsed:
                bounded = bool(_BOUND.search(s[: m.start].lower()))
                near = s[max(0, m.start - NEAR_CHARS) : m.end + NEAR_CHARS].lower()
                about = frozenset(
                    w[:5]
                    for w in _STEM.findall(near)
                    if w not in _NOT_ABOUT and w[:5] not in m.text
                )
                out.append(_Figure(parsed[0], parsed[1], s, bounded, about))
    return out


def _value_unit(span: str) -> tuple[float, str] | None:
    low = span.lower().replace("per cent", "%").replace("percent", "%")
    m = _NUM.search(low)
    if m:
        value = float(m.group(0).replace(",", ""))
        rest = low[m.end() :]
    else:
        words = low.split()
        if not words or words[0] not in numberwords.VALUES:
            return None
        value, rest = float(numberwords.VALUES[words[0]]), " ".join(words[1:])
    if "$" in low or "€" in low or "£" in low:
        unit = "money" + rest.strip()[:1]  # $1.2M and $300k are different units
    elif "%" in rest:
        unit = "%"
    else:
        unit = rest.strip().split(" ")[-1] if rest.strip() else ""
    if unit in ("", "x"):
        unit = unit or "bare"
    return value, unit


def _number(story: list[str], answer: list[str]) -> Contradiction | None:
    said = _figures(answer)
    told = _figures(story) if said else []
    values = {(f.unit, f.value) for f in said}
    for f in said:
        if not _CORRECTION.search(f.sentence) and not _same_change(f, told):
            continue
        same = [t for t in told if t.unit == f.unit and t.unit != "bare"]
        if not same or any(
            t.value == f.value or (t.bounded and _near(t.value, f.value)) for t in same
        ):
            continue
        # The story's own figure said again, or made of two answer figures: a refinement.
        restated = any((t.unit, t.value) in values or _derived(t, said) for t in same)
        if restated and not _STRONG_CORRECTION.search(f.sentence):
            continue
        # A percent or an amount may measure anything ("traffic was 8% higher" after a 20% cost
        # target): it is the same figure only when the answer names the story's figure beside
        # it, or the words around the two share what they count ("the bill fell to").
        if f.unit == "%" or f.unit.startswith("money"):
            same = [t for t in same if restated or t.about & f.about]
            if not same:
                continue
        t = max(same, key=lambda t: _likeness(t, f))
        if abs(t.value - f.value) / max(t.value, f.value) >= MIN_NUMBER_GAP:
            return Contradiction("number", t.sentence, f.sentence)
    return None


NEAR_CHARS = 30
_NOT_ABOUT = frozenset(
    """that this with from about more like than they them their there then were have been
    only just really actually honestly closer first last week weeks month months quarter
    year years days time over under after before when what which into also still""".split()
)
MIN_NUMBER_GAP = 0.1  # closer than this, "about 2%" against "2.1%" is rounding, not a correction


_CHANGE = re.compile(
    r"\b(?:fell|dropped|drop|cut|rose|grew|went (?:up|down)|reduc\w*|increas\w*|decreas\w*|"
    r"improv\w*|saved|sav\w+|lower\w*|rais\w+)\b",
    re.I,
)


def _same_change(said: _Figure, told: list[_Figure]) -> bool:
    """The answer tells the same change of the same thing as a story figure ("churn dropped
    about 15%" after "churn fell 40%"): a correction even without a word that says so."""
    return bool(
        _CHANGE.search(said.sentence)
        and any(
            t.unit == said.unit and t.about & said.about and _CHANGE.search(t.sentence)
            for t in told
        )
    )


def _likeness(told: _Figure, said: _Figure) -> tuple[bool, int, float]:
    """Which story figure the answer's one takes up: the one it names beside it, then the one
    counting the same words, then the nearest in value."""
    named = any(float(n.replace(",", "")) == told.value for n in _NUM.findall(said.sentence))
    return named, len(told.about & said.about), -abs(told.value - said.value)


def _near(a: float, b: float) -> bool:
    return abs(a - b) / max(a, b, 1e-9) < 0.5


def _derived(story_fig: _Figure, said: list[_Figure]) -> bool:
    """The story's percent as the change between two answer figures ("from 10% to 6%" is 40%)."""
    nums = [f.value for f in said if f.unit == story_fig.unit or f.unit == "%"]
    for a in nums:
        for b in nums:
            if a > b > 0:
                if abs((a - b) / a * 100 - story_fig.value) <= 0.1 * story_fig.value + 1:
                    return True
                if abs((a - b) - story_fig.value) <= 0.05 * story_fig.value:
                    return True
    return False


_STEM = re.compile(r"[a-z]{4,}")


def _closest(candidates: list[str], sentence: str) -> str:
    """The story sentence that shares most words (by a 5-letter stem) with the answer's."""
    words = {w[:5] for w in _STEM.findall(sentence.lower())}
    # Ties go to the later sentence: a story's claims about its result come last.
    return max(
        reversed(candidates), key=lambda c: len(words & {w[:5] for w in _STEM.findall(c.lower())})
    )


_ANSWER_CUES = _answer_cues()
