"""Checks back-of-the-envelope arithmetic: "100 M users × 10 requests a day ≈ 11,600 QPS".

An answer's estimates come as chains: a few inputs, then a word that
announces a result ("=", "≈", "so", "that's", "which is", "gives") and the
result. The inputs are multiplied out in base units and compared with the
result. A result is wrong when it is more than TOLERANCE times off (or, for a
peak or headroom figure, more than PEAK_TOLERANCE times above the average):
back-of-the-envelope figures are rounded, months are 30 days, a KB may be
1,024 bytes, and none of that should ever be flagged. When the inputs had to be
guessed (no operators), the tolerance is GUESSED_TOLERANCE: a factor the
candidate said in words ("calls payment, inventory and tax") is invisible here.

Inputs joined by explicit operators ("×", "*", "/") are the whole calculation.
Without operators, which of the numbers before the result are its inputs is
a guess, so a result is accepted when ANY subset of the chain gives it (a
percentage counts as p or 1 − p: "80% hit rate, so 20% reach the database");
only when none does is it flagged, with the figure the whole chain gives.

Durations are targets and timeouts far more often than results, so one is checked only as
the time to get through an amount at a rate, said as such in one sentence ("2 TB at 100 MB
per second takes about 6 hours"): the amount over the rate, within GUESSED_TOLERANCE.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from loopcoach.analysis.design.quantities import SECONDS, Quantity, find_quantities
from loopcoach.analysis.spans import Span

TOLERANCE = 2.0
GUESSED_TOLERANCE = 3.5  # when the inputs are guessed from a chain without operators
PEAK_TOLERANCE = 10.0
MAX_SUBSET_INPUTS = 7

_STRONG_MARKER = re.compile(
    r"(?:=|≈|→|->|=>|\b(?:which\s+is|that\s*'?s|that\s+is|this\s+is|so|gives?|giving|"
    r"comes?\s+to|works?\s+out|means?|totals?|total\s+of|in\s+total|we\s+get|i\s+get|adds?\s+up|"
    r"or\s+(?:about|roughly|around|~)|need|needs|is|are|becomes?|yields?|results?\s+in|"
    r"(?:would|will)\s+(?:be|have|need|mean|give)|(?:we|you)(?:'d|\s+would)?\s+(?:have|need|get)|"
    r"gets|sees|receives)\b)",
    re.IGNORECASE,
)
_MULTIPLY = re.compile(r"^\s*(?:[×x*·]|times|multiplied\s+by|by)\s*$", re.IGNORECASE)
_DIVIDE = re.compile(r"^\s*(?:/|÷|divided\s+by|over)\s*(?:\(\s*)?$", re.IGNORECASE)
_HIT = re.compile(
    r"\s*(?:are\s+|of\s+(?:them|reads|requests)\s+are\s+)?(?:cache\s+)?hits?\b|"
    r"\s*(?:cache\s+)?hit\s+(?:rate|ratio)",
    re.IGNORECASE,
)
_PAST_CACHE = re.compile(
    r"\b(?:database|db|origin|backend|misses|miss|reach|fall\s+through)\b", re.I
)
_HITS_SIDE = re.compile(r"\b(?:cache\s+serves|served\s+from\s+(?:the\s+)?cache|hits)\b", re.I)
_EVERY = re.compile(r"\b(?:every|each|per|once\s+every|once\s+per)\s*$", re.IGNORECASE)
_OPERATOR_AFTER = re.compile(r"\s*[×*/÷]\s*\d")
_PEAK = re.compile(
    r"\b(?:peak|peaks|burst|bursts|spike|spikes|headroom|round(?:ed|ing)?\s+up|safety|worst|"
    r"provision|busiest|max(?:imum)?)\b",
    re.IGNORECASE,
)
_TAKES = re.compile(
    r"\b(?:takes?|took|taking|(?:would|will|should)\s+take|finish(?:es)?\s+in|"
    r"complete[sd]?\s+in|(?:is\s+)?done\s+in|lasts?|runs?\s+for)\s+"
    r"(?:about|roughly|around|approximately|only|just|under|~)?\s*$",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n\s*#+ |\n\s*[A-Z][A-Za-z /&-]{2,30}:?\s*\n")


@dataclass(frozen=True, slots=True)
class EstimateError:
    """A result that its own inputs contradict, with the figure they give."""

    span: Span
    expected: str
    expected_value: float

    def to_dict(self) -> dict[str, object]:
        return {**self.span.to_dict(), "expected": self.expected}


@dataclass(frozen=True, slots=True)
class _Link:
    quantity: Quantity
    op: str  # "*" or "/"
    explicit: bool  # joined to the previous input by an operator sign


def check_estimates(text: str, quantities: list[Quantity] | None = None) -> list[EstimateError]:
    """Every estimate in `text` that the numbers before it contradict."""
    quantities = find_quantities(text) if quantities is None else quantities
    errors: list[EstimateError] = []
    chain: list[_Link] = []
    previous: Quantity | None = None
    for q in quantities:
        gap = text[previous.span.end : q.span.start] if previous else ""
        if q.kind == "number" and not _in_arithmetic(text, q, gap):
            continue
        if previous is None or _PARAGRAPH_BREAK.search(gap):
            chain = [_Link(q, "*", False)]
        elif q.kind == "duration" and _TAKES.search(gap) and _takes_check(text, chain, q):
            outcome = _takes_check(text, chain, q)
            if isinstance(outcome, EstimateError):
                errors.append(outcome)
            chain = [_Link(q, "*", False)]
        elif _is_result_gap(gap) and _checkable(q, chain):
            outcome = _evaluate(text, chain, q)
            if outcome is None:
                chain.append(_Link(q, "*", False))
            else:
                if isinstance(outcome, EstimateError):
                    errors.append(outcome)
                chain = [_Link(q, "*", False)]
        else:
            chain.append(_link(q, gap))
        previous = q
    return errors


def _link(q: Quantity, gap: str) -> _Link:
    if _DIVIDE.match(gap):
        return _Link(q, "/", True)
    if q.kind == "duration" and _EVERY.search(gap):  # "a message every 10 seconds"
        return _Link(q, "/", False)
    return _Link(q, "*", bool(_MULTIPLY.match(gap)))


def _in_arithmetic(text: str, q: Quantity, gap: str) -> bool:
    """A bare number counts when an operator sign joins it to its neighbours: "× 500 / 10"."""
    after = text[q.span.end : q.span.end + 4]
    return bool(_MULTIPLY.match(gap) or _DIVIDE.match(gap) or _OPERATOR_AFTER.match(after))


def _is_result_gap(gap: str) -> bool:
    """A word that announces a result, in the same sentence as the result."""
    if len(gap) > 160:
        return False
    gap = re.split(r"[.!?;]\s+|\n", gap)[-1]
    return bool(
        _STRONG_MARKER.search(gap)
        or re.search(r"(?:=|≈|~)\s*$", gap)
        or re.search(r",\s*(?:about|roughly|around|approximately|~)\s*$", gap, re.IGNORECASE)
    )


def _checkable(q: Quantity, chain: list[_Link]) -> bool:
    # Durations are targets and timeouts far more often than results of arithmetic.
    if q.kind in {"population", "factor", "percent", "number", "duration", "money"}:
        return False
    if not q.span.text[:1].isdigit():  # a computed figure is written in digits, not "one message"
        return False
    if q.dims != (0, 0):
        return True
    return any(link.quantity.time != 0 for link in chain) or any(link.op == "/" for link in chain)


def _evaluate(text: str, chain: list[_Link], result: Quantity) -> EstimateError | bool | None:
    """True if the result holds, an EstimateError if not, None if it is not a result of these."""
    tolerance = _tolerance(text, result, TOLERANCE, chain)
    group = _explicit_group(chain)
    if len(group) >= 2:
        value, dims = _product(group)
        if dims == result.dims:
            return True if _close(result.value, value, tolerance) else _error(result, value)
    if len(chain) > 1:
        tolerance = _tolerance(text, result, GUESSED_TOLERANCE, chain)
    inputs = chain[-MAX_SUBSET_INPUTS:]
    matched_any_dims = False
    for subset in _subsets(inputs, _about_misses(text, inputs, result)):
        value, dims = _product(subset)
        if dims != result.dims:
            continue
        matched_any_dims = True
        if _close(result.value, value, tolerance):
            return True
    if not matched_any_dims:
        return None
    # Flag only when the sentence itself holds the inputs: a guess across sentences is no
    # ground for telling a candidate their arithmetic is wrong.
    same = _same_sentence(text, inputs, result)
    if not same:
        return None
    value, dims = _product(same)
    if dims == result.dims and value > 0:
        return _error(result, value)
    return None


def _takes_check(text: str, chain: list[_Link], result: Quantity) -> EstimateError | bool | None:
    """The time to get through an amount at a rate, both in the result's sentence: True when
    some amount over some rate gives it, an EstimateError (from the nearest pair) when none
    does, None when the sentence holds no such pair."""
    same = [link.quantity for link in _same_sentence(text, chain, result)]
    amounts = [q for q in same if q.time == 0 and q.kind in {"bytes", "count"}]
    rates = [q for q in same if q.time == -1 and q.kind in {"bytes", "count"} and q.value > 0]
    pairs = [
        (amount, rate)
        for amount in amounts
        for rate in rates
        if amount.bytes == rate.bytes and (amount.bytes or amount.noun == rate.noun)
    ]
    if not pairs:
        return None
    tolerance = (1 / GUESSED_TOLERANCE, GUESSED_TOLERANCE)
    if any(_close(result.value, amount.value / rate.value, tolerance) for amount, rate in pairs):
        return True
    amount, rate = pairs[-1]
    return _error(result, amount.value / rate.value)


def _tolerance(
    text: str, result: Quantity, factor: float, chain: list[_Link]
) -> tuple[float, float]:
    """A peak with no stated factor can only be checked from below: it may be any multiple."""
    context = text[max(0, result.span.start - 40) : result.span.end + 15]
    stated = any(link.quantity.kind == "factor" for link in chain)
    if _PEAK.search(context) and not stated:
        return (1 / factor, math.inf)
    return (1 / factor, factor)


def _close(stated: float, expected: float, tolerance: tuple[float, float]) -> bool:
    if expected <= 0:
        return False
    low, high = tolerance
    return low <= stated / expected <= high


def _explicit_group(chain: list[_Link]) -> list[_Link]:
    group: list[_Link] = []
    for link in reversed(chain):
        group.append(link)
        if not link.explicit:
            break
    return list(reversed(group))


def _subsets(inputs: list[_Link], misses: bool | None) -> Iterator[list[_Link]]:
    """Every non-empty subset of the inputs; each percentage also as its complement."""
    for size in range(1, len(inputs) + 1):
        for combo in itertools.combinations(inputs, size):
            if misses is not None and not any(link.quantity.kind == "percent" for link in combo):
                continue  # the words tie the figure to the hit rate: it must be used
            yield from _with_complements(list(combo), misses)


def _about_misses(text: str, inputs: list[_Link], result: Quantity) -> bool | None:
    """True when a hit rate feeds a figure for what gets past the cache (so 1 - p), False when
    the figure is about the hits (p), None when the words do not say."""
    rate = next((link.quantity for link in inputs if link.quantity.kind == "percent"), None)
    if rate is None or not _HIT.match(text, rate.span.end):
        return None
    between = text[rate.span.end : result.span.start]
    if _PAST_CACHE.search(between):
        return True
    return False if _HITS_SIDE.search(between) else None


def _with_complements(links: list[_Link], misses: bool | None = None) -> Iterator[list[_Link]]:
    percents = [i for i, link in enumerate(links) if link.quantity.kind == "percent"]
    if not percents:
        yield links
        return
    choices = (False, True) if misses is None else (misses,)
    for flips in itertools.product(choices, repeat=len(percents)):
        out = list(links)
        for i, flip in zip(percents, flips, strict=True):
            if flip:
                q = out[i].quantity
                out[i] = _Link(_complement(q), out[i].op, out[i].explicit)
        yield out


def _complement(q: Quantity) -> Quantity:
    return Quantity(q.span, 1 - q.value, 0, 0, "percent")


def _product(links: list[_Link]) -> tuple[float, tuple[int, int]]:
    value, time, size = 1.0, 0, 0
    for i, link in enumerate(links):
        q = link.quantity
        sign = -1 if (link.op == "/" and i > 0) else 1
        value = value / q.value if sign < 0 and q.value else value * q.value
        time += sign * q.time
        size += sign * q.bytes
    return value, (time, size)


def _same_sentence(text: str, inputs: list[_Link], result: Quantity) -> list[_Link]:
    start = max(text.rfind(". ", 0, result.span.start), text.rfind("\n", 0, result.span.start))
    return [link for link in inputs if link.quantity.span.start > start]


def _error(result: Quantity, expected: float) -> EstimateError:
    return EstimateError(result.span, "about " + describe(expected, result), expected)


def describe(value: float, like: Quantity) -> str:
    """A figure in the unit the candidate used: "11,600 requests per second", "3 TB"."""
    if like.bytes and re.search(r"bps\b", like.span.text, re.IGNORECASE):
        return _bits(value * 8)
    if like.bytes:
        per = " per second" if like.time else ""
        if like.time and like.period:
            value *= SECONDS[like.period]
            per = f" per {like.period}"
        return _bytes(value) + per
    if like.time < 0:
        period = like.period or "second"
        noun = like.noun
        if noun in {"qps", "rps", "tps"}:
            noun = "requests"
        return f"{_number(value * SECONDS[period])} {noun} per {period}".replace("  ", " ")
    if like.time > 0:
        return _duration(value)
    return f"{_number(value)} {like.noun}".rstrip()


def _bytes(value: float) -> str:
    for unit, size in (("PB", 1e15), ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if value >= size:
            return f"{_number(value / size)} {unit}"
    return f"{_number(value)} bytes"


def _bits(value: float) -> str:
    for unit, size in (("Tbps", 1e12), ("Gbps", 1e9), ("Mbps", 1e6), ("Kbps", 1e3)):
        if value >= size:
            return f"{_number(value / size)} {unit}"
    return f"{_number(value)} bits per second"


def _duration(seconds: float) -> str:
    for unit in ("year", "month", "day", "hour", "minute"):
        if seconds >= SECONDS[unit]:
            return f"{_number(seconds / SECONDS[unit])} {unit}s"
    return f"{_number(seconds)} seconds"


def _number(value: float) -> str:
    """Three significant figures, words for millions and up: "11,600", "2.3 billion"."""
    for word, size in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if value >= size:
            return f"{_significant(value / size):g} {word}"
    rounded = _significant(value)
    return f"{rounded:,.0f}" if rounded >= 100 else f"{rounded:g}"


def _significant(value: float, digits: int = 3) -> float:
    if value <= 0:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(value)))
