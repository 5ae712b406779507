"""Parses the numbers with units in a design answer: "100 M daily users", "5 TB", "12k QPS".

Each quantity is kept in base units (items, bytes, seconds) with two exponents,
one for time and one for bytes, so that a back-of-the-envelope chain can be
multiplied out and compared with the figure the candidate wrote:
"10 requests a day" is 10/86,400 per second (time -1), "5 years" is seconds
(time +1), "2 KB per photo" is 2,000 bytes (bytes +1). Decimal units (1 KB =
1,000 bytes): the factor-of-two tolerance of the checks absorbs 1,024.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loopcoach.analysis.spans import Span

SECONDS = {
    "second": 1,
    "minute": 60,
    "hour": 3_600,
    "day": 86_400,
    "week": 604_800,
    "month": 2_592_000,  # 30 days
    "year": 31_536_000,  # 365 days
}
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "trillion": 1e12,
}
_BYTE_UNITS = {
    "b": 1,
    "byte": 1,
    "bytes": 1,
    "kb": 1e3,
    "kib": 1024,
    "kilobyte": 1e3,
    "kilobytes": 1e3,
    "mb": 1e6,
    "mib": 1024**2,
    "megabyte": 1e6,
    "megabytes": 1e6,
    "gb": 1e9,
    "gib": 1024**3,
    "gigabyte": 1e9,
    "gigabytes": 1e9,
    "tb": 1e12,
    "tib": 1024**4,
    "terabyte": 1e12,
    "terabytes": 1e12,
    "pb": 1e15,
    "pib": 1024**5,
    "petabyte": 1e15,
    "petabytes": 1e15,
    "eb": 1e18,
    "exabyte": 1e18,
    "exabytes": 1e18,
}
_BIT_RATES = {"kbps": 1e3 / 8, "mbps": 1e6 / 8, "gbps": 1e9 / 8, "tbps": 1e12 / 8}
_PER_SECOND_UNITS = frozenset("qps rps tps wps ops iops".split())
_WORD_VALUES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "a thousand": 1e3,
    "a million": 1e6,
    "a billion": 1e9,
    "a trillion": 1e12,
}
# The people a system serves: "100 M daily users" is a population, not a rate.
POPULATION_NOUNS = frozenset(
    """user users customer customers people person shopper shoppers buyer buyers seller sellers
    player players subscriber subscribers member members account accounts dau mau visitor visitors
    viewer viewers driver drivers rider riders agent agents follower followers device devices
    merchant merchants tenant tenants client clients employee employees""".split()
)
_NUMBER = re.compile(
    r"(?<![\w.,/#:-])(?P<num>(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,.]\d)"
    r"|(?:(?:hundreds|thousands|tens)\s+of\s+(?:thousands|millions|billions)|(?:thousands|millions|billions)(?=\s+of\b)"
    r"|(?:a\s+)?(?:hundred|thousand|million|billion|trillion)"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty)(?![\w]))",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(
    r"\s?(?P<scale>k|K|M|MM|mn|B|bn|T)(?![A-Za-z])|\s(?P<wscale>thousand|million|billion|trillion)\b",
)
_UNIT_AFTER = re.compile(
    r"\s?(?P<unit>[KMGTPE]i?B|[kKMGT]bps|bytes?|(?:kilo|mega|giga|tera|peta|exa)bytes?|"
    r"qps|QPS|RPS|rps|TPS|tps|WPS|IOPS|ops)(?![A-Za-z])"
    r"(?:\s?(?:/|per\s)\s?(?P<slash>s|sec|second|day|month|year|hour|minute))?",
)
_NOUN_AFTER = re.compile(
    r"(?P<adj>(?:\s+(?:new|daily|monthly|weekly|active|unique|concurrent|total|more|read|write|"
    r"peak|average|distinct|simultaneous|registered|paying|short|long|api|http|database|db|"
    r"cache|outgoing|incoming|push|email|sms|live|online|hot))*)"
    r"\s+(?P<noun>[A-Za-z][A-Za-z-]*)"
)
_DURATION_NOUN = re.compile(
    r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)$", re.I
)
_PERIOD_AFTER = re.compile(
    r"[^,;:.!?()\n=≈~→]{0,40}?(?:\b(?:per|a|an|each|every)\s+(?P<p1>second|sec|minute|hour|day|"
    r"week|month|year)\b|/(?P<p2>s|sec|second|min|minute|h|hr|hour|day|d|week|month|mo|year|yr)\b|"
    r"\b(?P<p3>daily|monthly|yearly|hourly|weekly)\b|"
    # "30,000 runs start in the first minute": so many in one period is a rate per that period
    r"\b(?:in|within)\s+(?:the\s+first\s+|the\s+busiest\s+|a\s+|one\s+|an\s+)"
    r"(?P<p4>second|minute|hour|day|week|month|year)\b)",
    re.IGNORECASE,
)
_PERIOD_BEFORE = re.compile(
    r"\b(?P<p>daily|monthly|yearly|hourly|weekly|per[- ](?:second|day|month|year))\s+$", re.I
)
_PERIOD_NAMES = {
    "s": "second",
    "sec": "second",
    "min": "minute",
    "h": "hour",
    "hr": "hour",
    "d": "day",
    "mo": "month",
    "yr": "year",
    "daily": "day",
    "monthly": "month",
    "yearly": "year",
    "hourly": "hour",
    "weekly": "week",
}
_NOT_NOUNS = frozenset("a an per each every the of to and or in on at for".split())
_SHORT_DURATIONS = {
    "ms": 1e-3,
    "millisecond": 1e-3,
    "milliseconds": 1e-3,
    "µs": 1e-6,
    "us": 1e-6,
    "microseconds": 1e-6,
    "ns": 1e-9,
}
_SAY = re.compile(r"\s*,?\s*(?:say|let's\s+say|so\s+say|call\s+it)\s*", re.IGNORECASE)
_RATIO = re.compile(r"\s?:\s?1(?!\d)")
_PERCENT = re.compile(r"\s?(?:%|\s?percent\b)", re.I)
_MULTIPLIER = re.compile(r"\s?[x×](?![A-Za-z0-9])(?!\s*\d)|\s(?:times)\b", re.I)
_NOT_A_QUANTITY_BEFORE = re.compile(
    r"(?:\b(?:http|status|code|error|port|version|v|p|step|phase|ipv|sha|md|top|rfc|tier|level|"
    r"region|us-east|base|utf|int|uint|float)\s*-?|[A-Za-z]-?)\Z",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts. `value` is in base units (items, bytes, seconds)."""

    span: Span
    value: float
    time: int  # exponent of seconds: -1 for a rate, +1 for a duration
    bytes: int  # exponent of bytes: 1 for a size or bandwidth
    kind: str  # population | count | bytes | duration | factor | percent | number
    noun: str = ""
    period: str = ""  # the period word as written ("day"), for phrasing a corrected figure

    @property
    def dims(self) -> tuple[int, int]:
        return (self.time, self.bytes)

    @property
    def has_unit(self) -> bool:
        return self.kind not in {"number"}


def find_quantities(text: str) -> list[Quantity]:
    """Every number with a unit or a scale in `text`, in order."""
    found: list[Quantity] = []
    last_end = -1
    for m in _NUMBER.finditer(text):
        if m.start() < last_end or _excluded(text, m):
            continue
        q = _parse(text, m)
        if q is not None:
            if found and _restates(text, found[-1], q):
                q = _restated(found.pop(), q)  # the vague figure gives way to the pinned one
            found.append(q)
            last_end = q.span.end
    return found


def _restates(text: str, before: Quantity, q: Quantity) -> bool:
    """ "millions of tasks a day, say 5 million": the second figure pins down the first."""
    gap = text[before.span.end : q.span.start]
    return (
        before.span.text.split()[0].lower() in {"thousands", "millions", "billions"}
        and q.kind in {"count", "number"}
        and q.dims == (0, 0)
        and bool(_SAY.fullmatch(gap))
    )


def _restated(before: Quantity, q: Quantity) -> Quantity:
    raw = before.span.text.split()[0].lower()
    base = 3 * _SCALES[raw[:-1]]
    return Quantity(
        q.span,
        before.value * q.value / base,
        before.time,
        before.bytes,
        before.kind,
        before.noun,
        before.period,
    )


def _excluded(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 12) : m.start()]
    if _NOT_A_QUANTITY_BEFORE.search(before):
        return True
    num = m.group("num")
    if not num[0].isdigit() and re.search(r"\d\s*\Z", before):
        return True  # the "million" of "150 million", after the number was refused
    after = text[m.end() : m.end() + 3]
    # Years, clock times and version numbers are not estimates.
    if re.fullmatch(r"(?:19|20)\d\d", num) and not re.match(r"\s?(?:[kKMB]\b|[KMGT]B)", after):
        return True
    return bool(re.match(r"[:.]\d", after)) and not _RATIO.match(after)


def _parse(text: str, m: re.Match[str]) -> Quantity | None:
    raw = m.group("num").lower()
    if m.start() and text[m.start() - 1] in "$€£":
        return _money(text, m)
    value = _number_value(raw)
    end = m.end()
    scaled = False
    if raw in {"thousands", "millions", "billions"}:
        # "millions of tasks a day": the noun and the period follow "of".
        of = re.match(r"\s+of", text[m.end() :])
        if of:
            return _with_unit(text, m.start(), m.end() + of.end(), value, True)
    if raw.split()[-1] in {
        "thousand",
        "million",
        "billion",
        "trillion",
        "thousands",
        "millions",
        "billions",
    }:
        scaled = True
    s = _SCALE_AFTER.match(text, end)
    if s and not _UNIT_AFTER.match(text, end):
        value *= _SCALES[(s.group("scale") or s.group("wscale")).lower()]
        end = s.end()
        scaled = True
    return _with_unit(text, m.start(), end, value, scaled)


def _money(text: str, m: re.Match[str]) -> Quantity:
    """ "$400,000 a month": kept as a scale figure, never a result of the arithmetic checks."""
    value = _number_value(m.group("num").lower())
    end = m.end()
    s = _SCALE_AFTER.match(text, end)
    if s:
        value *= _SCALES[(s.group("scale") or s.group("wscale")).lower()]
        end = s.end()
    return Quantity(_span(text, m.start() - 1, end), value, 0, 0, "money")


def _number_value(raw: str) -> float:
    if raw[0].isdigit():
        return float(raw.replace(",", ""))
    alone = re.fullmatch(r"(thousands|millions|billions)", raw)
    if alone:  # "millions of tasks": a few million
        return 3 * _SCALES[alone.group(1)[:-1]]
    vague = re.fullmatch(r"(hundreds|thousands|tens)\s+of\s+(thousands|millions|billions)", raw)
    if vague:
        # "hundreds of millions": 100 M to 1 B; 300 M is within the checks' tolerance of both.
        return (
            3
            * {"tens": 10, "hundreds": 100, "thousands": 1000}[vague.group(1)]
            * _SCALES[vague.group(2)[:-1]]
        )
    return float(_WORD_VALUES.get(re.sub(r"\s+", " ", raw), 1))


def _with_unit(text: str, start: int, end: int, value: float, scaled: bool) -> Quantity | None:
    ratio = _RATIO.match(text, end)
    if ratio:  # "100:1 reads to writes" is a factor of 100
        return Quantity(_span(text, start, ratio.end()), value, 0, 0, "factor")
    u = _UNIT_AFTER.match(text, end)
    if u:
        return _unit_quantity(text, start, u, value)
    p = _PERCENT.match(text, end)
    if p:
        return Quantity(_span(text, start, p.end()), value / 100, 0, 0, "percent")
    x = _MULTIPLIER.match(text, end)
    if x and x.group(0).strip().lower() == "times":
        period, period_end = _period_after(text, x.end())
        if period and period_end - x.end() <= len(" a month"):  # "5 times a day" is a rate
            return Quantity(
                _span(text, start, period_end),
                value / SECONDS[period],
                -1,
                0,
                "count",
                "times",
                period,
            )
    if x:
        return Quantity(_span(text, start, x.end()), value, 0, 0, "factor")
    n = _NOUN_AFTER.match(text, end)
    if n and n.group("noun").lower() in _NOT_NOUNS and not n.group("adj"):
        n = None  # "2 billion a day", "500 per second": no noun, maybe a period
        period, period_end = _period_after(text, end)
        if period:
            return Quantity(
                _span(text, start, period_end), value / SECONDS[period], -1, 0, "count", "", period
            )
    if n:
        noun = n.group("noun").lower()
        d = _DURATION_NOUN.fullmatch(noun)
        if d and not n.group("adj"):
            unit = _singular_period(d.group("unit"))
            return Quantity(
                _span(text, start, n.end()), value * SECONDS[unit], 1, 0, "duration", period=unit
            )
        if noun in _SHORT_DURATIONS and not n.group("adj"):
            seconds = value * _SHORT_DURATIONS[noun]
            return Quantity(_span(text, start, n.end()), seconds, 1, 0, "duration")
        return _count_quantity(text, start, n, value, noun)
    if scaled:
        return Quantity(_span(text, start, end), value, 0, 0, "count")
    return Quantity(_span(text, start, end), value, 0, 0, "number")


def _unit_quantity(text: str, start: int, u: re.Match[str], value: float) -> Quantity:
    unit = u.group("unit")
    low = unit.lower()
    slash = u.group("slash")
    if low in _BIT_RATES:
        return Quantity(_span(text, start, u.end()), value * _BIT_RATES[low], -1, 1, "bytes")
    if low in _PER_SECOND_UNITS:
        return Quantity(_span(text, start, u.end()), value, -1, 0, "count", noun="requests")
    factor = _BYTE_UNITS.get(low) or _BYTE_UNITS.get(low.rstrip("s"), 1)
    period = _PERIOD_NAMES.get(slash, slash) if slash else ""
    end = u.end()
    if not period:
        period, end = _period_after(text, end)
    if period:
        return Quantity(
            _span(text, start, end),
            value * factor / SECONDS[period],
            -1,
            1,
            "bytes",
            period=period,
        )
    return Quantity(_span(text, start, end), value * factor, 0, 1, "bytes")


def _count_quantity(
    text: str, start: int, n: re.Match[str], value: float, noun: str
) -> Quantity | None:
    adjectives = n.group("adj").lower().split()
    end = n.end()
    before = _PERIOD_BEFORE.search(text, max(0, start - 12), start)
    if noun in POPULATION_NOUNS or noun.rstrip("s") in POPULATION_NOUNS:
        if "new" in adjectives:
            period, end = _period_after(text, end)
            if period:
                return Quantity(
                    _span(text, start, end), value / SECONDS[period], -1, 0, "count", noun, period
                )
        return Quantity(_span(text, start, end), value, 0, 0, "population", noun)
    period, period_end = _period_after(text, end)
    if not period and before:
        period = _PERIOD_NAMES.get(before.group("p").lower(), "")
        period = period or before.group("p").lower().split()[-1].split("-")[-1]
    if period:
        return Quantity(
            _span(text, start, max(end, period_end)),
            value / SECONDS[period],
            -1,
            0,
            "count",
            noun,
            period,
        )
    daily = next((a for a in adjectives if a in _PERIOD_NAMES), None)
    if daily:
        p = _PERIOD_NAMES[daily]
        return Quantity(_span(text, start, end), value / SECONDS[p], -1, 0, "count", noun, p)
    return Quantity(_span(text, start, end), value, 0, 0, "count", noun)


def _period_after(text: str, end: int) -> tuple[str, int]:
    p = _PERIOD_AFTER.match(text, end)
    if not p:
        return "", end
    if _NUMBER.search(text, end, p.start(0) + len(p.group(0)) - 1):
        return "", end  # another number comes first: the period belongs to it
    word = (p.group("p1") or p.group("p2") or p.group("p3") or p.group("p4")).lower()
    return _singular_period(_PERIOD_NAMES.get(word, word)), p.end()


def _singular_period(word: str) -> str:
    word = word.lower()
    word = _PERIOD_NAMES.get(word, word)
    for name in SECONDS:
        if word.startswith(name[:3]):
            return name
    return "second"


def _span(text: str, start: int, end: int) -> Span:
    return Span(text[start:end], start, end)
