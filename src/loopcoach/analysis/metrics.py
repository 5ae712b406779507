"""Finds the spans that quantify scale or impact, as analysis/LABELS.md defines them.

Rules, not a model: the definition is precise ("money stops at the amount",
"a range gives two spans", "not years, clock times, versions, deadlines…")
and rules follow it exactly and explain themselves.

A candidate is a number (digits or words) and what follows it: a currency,
a percent, a multiplier, a unit, a duration, or a plural noun with up to
three adjectives. Durations are kept only when they measure delivery, a
delay or an outcome; scene-setting durations, deadlines, meeting lengths,
rates and configuration values are dropped.
"""

from __future__ import annotations

import re

from loopcoach.analysis.spans import Span

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(_SMALL[:9])
    + r"))?|"
    + "|".join(sorted(_SMALL, key=len, reverse=True))
    + r"|a\s+(?:hundred|thousand|million|billion|dozen)|a\s+couple\s+hundred|hundred)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s?(?:[kKMB]|MM|bn)\b|\s(?:hundred|thousand|million|billion)\b)"
_NUMBER = re.compile(
    r"(?<![\w.,:/-])(?:(?P<digits>" + _DIGITS + r")|(?P<words>" + _WORD_NUMBER + r")\b)"
    r"(?P<scale>" + _SCALE + r")?",
    re.IGNORECASE,
)
_GLUED_UNIT = re.compile(
    r"(?:x|k|K|M|MM|B|bn|ms|s|h|hrs?|mins?|secs?|[KMGTP]i?B|[KMG]bps|pp|pts)\b"
)
_CURRENCY_BEFORE = re.compile(r"[$€£¥]\s?$")
_PERCENT = re.compile(
    r"\s?(?:%|\s(?:percent|per\s+cent|percentage\s+points?|basis\s+points|bps)\b)", re.I
)
_MULTIPLIER = re.compile(r"(?:\s?[x×](?![\w])|\s(?:times)\b)", re.I)
_MONEY_WORD = re.compile(r"\s(?:dollars|euros|pounds|usd|eur|gbp)\b", re.I)
_TIME_UNITS = (
    r"ms|milliseconds?|millis|µs|microseconds?|s|secs?|seconds?|minutes?|mins?|hours?|hrs?|h|"
    r"days?|weeks?|months?|quarters?|years?|sprints?|business\s+days|working\s+days|nights?|weekends?|"
    r"mornings?|afternoons?|evenings?"
)
_TIME_UNIT = re.compile(r"(?:\s|-|\s?(?=(?:ms|s|h)\b))(?P<unit>" + _TIME_UNITS + r")\b", re.I)
_OTHER_UNITS = (
    r"[KMGTP]i?B|[KMG]bps|kb|mb|gb|tb|rps|qps|tps|req/s|requests?\s+(?:per|a)\s+second|"
    r"points|pts|nines|stars|engineer-(?:hours|days|weeks|months|years)|person-(?:hours|days|weeks|months)|"
    r"man-(?:hours|days)|FTEs?|headcount|lines\s+of\s+code|LOC|k?loc|cores|vCPUs?|nodes|pods|servers"
)
_OTHER_UNIT = re.compile(r"\s?(?:" + _OTHER_UNITS + r")\b", re.I)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_ARTICLE_DURATION = re.compile(
    r"\b(?:a|an|one|half\s+an?|a\s+half)\s+(?P<unit>hour|day|week|month|quarter|year|minute|sprint)\b",
    re.I,
)
_FRACTION = re.compile(
    r"\b(?:(?:a|one|two)\s+(?:thirds?|quarter(?=\s+of\b)|fifths?|tenths?)|a\s+quarter|"
    r"(?:three|two)\s+quarters(?=\s+of\b)|half|"
    # A share as a proportion: "one in five calls", "one in every ten orders".
    r"one\s+in\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|twenty|\d+))\b(?!-)",
    re.I,
)
_CHANGE_WORD = re.compile(
    r"\b(?:doubled|doubling|tripled|tripling|quadrupled|halved|halving|tenfold|twofold|threefold|twice)\b",
    re.I,
)

_NOT_NOUN_WORDS = frozenset(
    """as is was has his its this thus us yes plus across always sometimes unless perhaps besides
    towards afterwards whereas bus gas status bonus campus focus corpus virus chaos analysis basis
    axis canvas alias atlas lens means does goes less loss process business access success address
    express regardless nevertheless series news physics mathematics economics sales""".split()
)
_IRREGULAR_PLURALS = frozenset(
    "people staff children men women folks personnel sales data media feet teeth geese mice".split()
)
_STOP = frozenset(
    """of the to in and or for with on at by from that which who whom was were is are be been being
    we i you he she they it a an our my their his her its your this these those than then so but if
    as into onto over under about after before during while when where what why how did do does had
    have has would could should will can may might must not no nor also just only more most
    very""".split()
)
_ADJECTIVE_OK = frozenset("more most other new extra additional".split())
_RATE_ADJECTIVES = frozenset(
    "monthly weekly daily yearly hourly nightly quarterly early only".split()
)
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:version|v|release|step|phase|round|level|tier|stage|sprint|room|floor|line|page|"
    r"chapter|section|item|number|no|id|ticket|issue|pr|build|java|python|ios|android|windows|http|"
    r"ipv|node|php|ruby|rails|go|scala|c\+\+|net|angular|react|vue|postgres|postgresql|mysql|oracle|"
    r"kubernetes|k8s|ec2|s3|gen|series|model|route|gate|terminal|category|grade|level|severity|sev|p|"
    r"team|squad|pod|wave|batch|cohort|room|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\s*#?)$|#\s*$",
    re.I,
)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|of|by|from|until|till|to|during|early|late|mid|circa|year|fiscal|fy|around|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"spring|summer|fall|autumn|winter|back|before|after|through)\s+$",
    re.I,
)
_CLOCK_AFTER = re.compile(
    r"^(?:\s?(?:a\.?m\.?|p\.?m\.?|o'clock)(?!\w)|:\d|\s+in\s+the\s+(?:morning|afternoon|evening)|\s+at\s+night)",
    re.I,
)
_RANGE_AFTER = re.compile(r"^\s*(?:to|-|–|—|and)\s*(?=[$€£¥]?\d|" + _WORD_NUMBER + r"\b)", re.I)

_DURATION_STOP_AFTER = re.compile(
    r"^[\s,]*(?:ago|before|beforehand|earlier|later|prior|into|away|left|in\s+advance|notice|"
    r"off\s+(?:work|from)|out\b|old|(?:work)?weeks?\b|check-?ins?|huddles?|catch-?ups?|chats?|demos?|walk-?throughs?|presentations?|long\s+(?:meeting|call)|of\s+(?!work|effort|engineering|"
    r"(?:[\w-]+\s+){0,2}(?:work|effort|engineering|dev|development|downtime|delay|outage|toil|manual|rework))|with\s+(?:the|my|our|him|her|them|a|an|each|every)\b|"
    r"(?:a|an|per|each|every)\s+(?:day|week|month|"
    r"year|quarter|sprint|night|hour)\b|meeting|call|sync|standup|stand-up|review|session|"
    r"retention|timeout|ttl|window|sprint|deadline|notice|trial|course|program|workshop|offsite|"
    r"one-on-one|1:1|interval|cadence|rotation|shift|cycle|contract|lease|warranty|grace|cooldown|"
    r"schedule|break|vacation|leave|holiday|onboarding|tenure|boot\s?camp|pilot|spike|plan|experiment|"
    r"a/b|test\b|[,\s]+(?:i|we)\s+(?:found|reproduced|identified|traced|diagnosed|figured|compared|noticed))",
    re.I,
)
_DURATION_STOP_BEFORE = re.compile(
    r"(?:deadline|due|spent|spend|spending|investigat\w*|meeting|calls?|sync|standup|retention|"
    r"retain|timeout|ttl|interval|expir\w*|poll\w*|heartbeat|cooldown|window|every|each|per|once|"
    r"twice|allotted|budgeted|planned|scheduled|estimated|"
    r"tenure|worked|working|spent\s+the|next|upcoming|following|coming|previous|past|within\s+the\s+next|"
    r"set\s+\w+\s+to|ran|run|running|piloted|tested|lend|lent|loan\w*|sat|reproduced|"
    r"profiled|profiling|tracked|tracking|investigated|studied|debugged|monitored|observed|shadowed|"
    r"analy[sz]ed|researched|prototyped|spiked|measured|logged|paused|"
    r"configured|cron|cached?|older\s+than|newer\s+than|younger\s+than)\b[\w\s,'’-]{0,22}$|"
    r"\b(?:incidents|outages|pages|tickets|bugs|failures|complaints|escalations|releases|deploys)\s+"
    r"(?:in|over|within|during)\s+(?:the\s+(?:last|past|first)\s+)?$",
    re.I,
)
_ARTICLE_DURATION_OK_BEFORE = re.compile(
    r"\b(?:for|in|after|within|from|to|than|took|take|takes|taking|about|under|over|nearly|almost|"
    r"roughly|around|approximately|only|just|by|slipped|slip|slips|saved|save|saving|lost|lose|losing|"
    r"cost|costing|delayed|delay|of|whole|full|entire|least|most|than|late|early|ahead|behind|"
    r"cutting|cut|reduced|shaved|down|up)\s+$",
    re.I,
)
_DEADLINE_BEFORE = re.compile(
    r"(?:\b(?:had|have|has|having|gave|given|give|get|got)\s+(?:(?:only|just|about|roughly|around|"
    r"less than|under)\s+)?|\b(?:first|(?:from|of|over|in)\s+the\s+(?:last|past|previous)|"
    r"asked\s+(?:\w+\s+){0,3}for|booked|scheduled|requested)\s+|"
    r"\b(?:to|will|would|'ll|must|should|going to|due|expected|supposed|promised|committed)\s+"
    r"(?:\w+\s+){0,6}(?:in|within)\s+)(?:about\s+|roughly\s+|around\s+)?$",
    re.I,
)
_DELIVERY_BEFORE = re.compile(
    r"\b(?:shipped|launched|released|delivered|went\s+(?:out|live)|landed|deployed|fixed|finished|"
    r"restored|cleared|closed|answered|returned|refunded|rebuilt|replaced|hired|onboarded|"
    r"completed|resolved|recovered|migrated|done|live)\b[\w\s,'’-]{0,20}$",
    re.I,
)
_SAVED_BEFORE = re.compile(
    r"\b(?:saved?|saving|freed(?:\s+up)?|reclaimed|gave\s+back|cut|reduced|shaved|shortened)\b(?:\s+\w+){0,2}\s+$",
    re.I,
)
_FAST_UNITS = frozenset(
    "ms milliseconds millisecond millis µs microseconds microsecond s sec secs second "
    "seconds".split()
)
_CONFIG_BEFORE = re.compile(
    r"\b(?:timeout|ttl|interval|expir\w*|poll\w*|heartbeat|cooldown|retention|retain|cron|backoff|"
    r"set\s+(?:it|\w+)\s+to|configured|every|each)\b[\w\s,'’-]{0,22}$",
    re.I,
)
_ARTICLE_DURATION_OK_AFTER = re.compile(
    r"^\s+(?:off(?!\s+(?:work|from))|late|early|behind|ahead|faster|slower|sooner|longer|shorter|quicker|"
    r"of\s+(?:work|effort|engineering|downtime|delay|rework))\b",
    re.I,
)
_YEAR_OK_BEFORE = re.compile(
    r"\b(?:saved|save|saving|cut|reduced|from|to|than|shaved|lost|took|takes|slipped|delayed|ahead|behind)\b[\w\s]{0,12}$",
    re.I,
)


def find_metrics(text: str) -> list[Span]:
    """All metric spans in `text`, in order, never overlapping."""
    found: list[tuple[int, int]] = []
    found += _number_metrics(text)
    found += _article_durations(text)
    found += _fractions(text)
    found += [(m.start(), m.end()) for m in _CHANGE_WORD.finditer(text) if _change_word_ok(text, m)]
    spans = _joined_durations(text, _without_overlaps(found))
    return [Span(text[s:e], s, e) for s, e in spans]


# "no missing uploads", "zero duplicates", "not one failure": a count brought to nothing.
_NONE_OF = re.compile(
    r"\b(?:no|zero|not (?:a single|one))\s+(?:more\s+|further\s+|new\s+)?(?P<what>[a-z][\w-]+)",
    re.I,
)


def counted_to_none(before: str, result: str) -> bool:
    """A result quantified in words: the story counted something ("37 were missing") that the
    result brings to nothing ("no missing uploads after that")."""
    for m in _NONE_OF.finditer(result):
        stem = re.escape(m.group("what")[:5].lower())
        if re.search(r"\d[\d,.]*\s+(?:\w+\s+){0,2}?" + stem, before, re.I):
            return True
    return False


def _number_metrics(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pending_range: int | None = None  # start of a bare number that opens a range
    for m in _NUMBER.finditer(text):
        span = _classify(text, m)
        if span is None:
            if _opens_range(text, m):
                pending_range = m.start()
            continue
        if pending_range is not None and 0 < m.start() - pending_range < 40:
            out.append((pending_range, _range_end(text, pending_range)))
        pending_range = None
        out.append(span)
    return out


def _opens_range(text: str, m: re.Match[str]) -> bool:
    return bool(_RANGE_AFTER.match(text[m.end() : m.end() + 20])) and not _is_excluded_number(
        text, m
    )


def _range_end(text: str, start: int) -> int:
    m = _NUMBER.match(text, start)
    return m.end() if m else start


def _classify(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    if _is_excluded_number(text, m):
        return None
    start, end = m.start(), m.end()
    before = text[max(0, start - 2) : start]
    rest = text[end : end + 60]
    currency = _CURRENCY_BEFORE.search(before)
    if m.group("digits") and currency:
        return (start - len(currency.group(0)), end)
    for pattern in (_PERCENT, _MULTIPLIER, _MONEY_WORD):
        unit = pattern.match(rest)
        if unit:
            return (
                None
                if _is_frequency(text, start, end + unit.end(), pattern)
                else (start, end + unit.end())
            )
    unit = _TIME_UNIT.match(rest)
    if unit:
        if _is_time_anchor(text, m, unit) or _is_adjectival_duration(
            text, start, end + unit.end(), unit
        ):
            return None
        return _duration(text, start, end + unit.end(), unit.group("unit"))
    unit = _OTHER_UNIT.match(rest)
    if unit and (
        m.group("digits")
        or unit.group(0).strip().lower() in {"points", "nines", "stars", "servers", "nodes"}
    ):
        return (start, end + unit.end())
    if m.group("words") and _META_AFTER.match(rest):
        return None  # in digits it is a count of them: "a form with 34 questions"
    part = _PART_OF.match(rest)
    if part and (m.group("words") or "").lower() not in {"one", ""} | {"a couple"}:
        if part.group("pronoun"):
            return (start, end + part.end())  # "four of them", "two of us"
        noun_end = _count_noun_end(text, end + part.end(), m)
        return (start, noun_end) if noun_end else None  # "two of our best analysts"
    noun_end = _count_noun_end(text, end, m)
    if noun_end:
        return (start, noun_end)
    return (start, end) if _is_bare_quantity(text, m) else None


def _is_time_anchor(text: str, m: re.Match[str], unit: re.Match[str]) -> bool:
    """'One night I noticed…', 'one weekend': when it happened, not how long anything took."""
    if (m.group("words") or "").lower() != "one" or unit.group("unit").lower().endswith("s"):
        return False
    return not _ARTICLE_DURATION_OK_BEFORE.search(text[max(0, m.start() - 40) : m.start()])


_OUTCOME_NOUN = re.compile(
    r"[\w-]*\s+(?:outages?|delays?|slips?|downtime|backlogs?|waits?|turnaround|lead\s+time|"
    r"builds?|releases?|cycles?|queues?|payback)\b",
    re.I,
)


def _is_adjectival_duration(text: str, start: int, end: int, unit: re.Match[str]) -> bool:
    """'a ten-second refresher', 'a one-week agreement': the length of a thing that is neither
    a delivery nor an outcome (an outage, a delay or a build still counts)."""
    if not unit.group(0).startswith("-"):
        return False
    after = text[end : end + 40]
    if not re.match(r"\s+[a-z]", after) or _OUTCOME_NOUN.match(after):
        return False
    before = text[max(0, start - 30) : start]
    return not re.search(r"\b(?:to|into|from|than|instead\s+of)\s+(?:an?\s+)?$", before)


def _is_bare_quantity(text: str, m: re.Match[str]) -> bool:
    """A number standing for a count or a value ("from 60 hosts to 24", "rated 4.6")."""
    words = (m.group("words") or "").lower()
    if words in {"one", "hundred"} or words.startswith("a "):
        return False
    after = text[m.end() : m.end() + 12]
    before = text[max(0, m.start() - 30) : m.start()]
    if re.search(
        r"\b(?:week|day|month|quarter|year|sprint|phase|step|or|an?|other|aged?|ages)\s+$",
        before,
        re.I,
    ):
        return False  # "week 3", "a rotation or two", "the other two", "aged 65"
    if _AGE_BEFORE.search(before):
        return False  # an age: "patients over 65", "most of them were over 65"
    if _SELECTION_BEFORE.search(before):
        return False  # "all three", "the first two", "five of the six"
    small = words or (m.group("digits") if len(m.group("digits") or "") <= 2 else "")
    if small and _CLOCK_BEFORE.search(before) and not re.match(r"\s*(?:to|-|–)\s*\S", after):
        return False  # a clock time: "the committee only met at ten"
    if words and re.match(r"\s+or\b", after):
        return False  # "three or four years ago"
    if re.match(r"-[a-z]", after, re.I) or re.search(r"\bout of\s+$", before, re.I):
        return False  # "two-way door", "4.2 out of 5"
    if (
        words
        and re.match(r"\s+(?:of|or)\b", after)
        and not re.search(r"\b(?:instead|from|to)\b[^.]{0,12}$", before)
    ):
        return False  # "two of us", "one or two": too vague to count
    prev = re.search(r"([A-Za-z][\w'’-]*)\s+$", before)
    if (
        m.group("digits")
        and prev
        and prev.group(1)[0].isupper()
        and prev.group(1) != "I"
        and not re.search(r"[.!?]\s+\S+\s+$", before)
        and before.strip() != prev.group(1)
    ):
        return False  # "iPhone 12", "Route 53" when not at the start of a sentence
    return True


_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)
_DATE_AFTER = re.compile(r"\s+" + _MONTHS)
_AGE_AFTER = re.compile(r"(?:\s+|-)years?(?:\s+|-)olds?\b", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:(?:were|was|are|is|be|been|people|patients|users|customers|adults|children|kids|"
    r"anyone|everyone)\s+(?:over|under|above|below)|aged?|age\s+of|ages)\s+$",
    re.I,
)
# Bare numbers that are a clock time ("at ten", "between six and ten at night"), a selection
# ("all three", "the first two", "five of the six") rather than a quantity.
_CLOCK_BEFORE = re.compile(r"\b(?:at|until|till|around|between|after|before|from)\s+$", re.I)
_SELECTION_BEFORE = re.compile(
    r"\b(?:all|both|the\s+(?:first|last|next|previous|past|leading|top|other|remaining)|"
    r"of\s+the|of\s+those|of\s+these)\s+$",
    re.I,
)
# A count out of a group: "two of our best analysts", "four of them".
_PART_OF = re.compile(
    r"\s+of\s+(?:(?P<pronoun>them|us)\b|(?:the|our|my|their|his|her|those|these)(?=\s))", re.I
)
# "Two examples come to mind", "two quick ones", "asked two precise questions": talk about the
# answer or the conversation, not the scale of anything.
_META_AFTER = re.compile(
    # The words between are adjectives ("two quick ones"), never a counted noun of their own
    # ("three managers which ones" counts managers).
    r"(?:\s+[a-z-]*[a-rt-z-]){0,2}?\s+"
    r"(?:examples|ones|things|stories|lessons|reasons|questions|sentences)\b"
)
_STATUS_AFTER = re.compile(r"\s*(?:errors?|status|responses?|codes?|rates?|s\b|pages?)", re.I)


def _is_excluded_number(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 30) : m.start()]
    after = text[m.end() : m.end() + 24]
    if _CLOCK_AFTER.match(after) or after.startswith(("/", "th", "st", "nd", "rd")):
        return True
    if _DATE_AFTER.match(after) or _AGE_AFTER.match(after):
        return True  # "on 31 March", "a 65-year-old"
    if re.fullmatch(r"[45]\d\d", m.group("digits") or "") and (
        _STATUS_AFTER.match(after) or re.search(r"\bHTTP\s*$", before)
    ):
        return True  # an HTTP status code ("502 errors") names a kind of error
    after = after[:8]
    if m.group("digits") and re.match(r"[A-Za-z]", after) and not _GLUED_UNIT.match(after):
        return True  # "720p", "4K" is kept by _GLUED_UNIT, "2FA" is not a quantity
    if m.group("digits") and _IDENTIFIER_BEFORE.search(before):
        return True
    digits = m.group("digits") or ""
    if re.fullmatch(r"(?:19|20)\d\d", digits) and not m.group("scale"):
        return (
            bool(_YEAR_CONTEXT.search(before))
            or after[:1] in {",", ".", ")", ""}
            or after.startswith(" and")
        )
    return False


def _is_frequency(text: str, start: int, end: int, pattern: re.Pattern[str]) -> bool:
    """'3x a day' and 'passed over two times' count how often, not how much."""
    if pattern is not _MULTIPLIER:
        return False
    after = text[end : end + 20]
    if re.match(
        r"\s+(?:a|per|each|every)\s+(?:day|week|month|year|quarter|sprint|night)\b", after, re.I
    ):
        return True
    if not text[start:end].lower().endswith("times"):
        return False  # "3x" is always a multiplier
    # "three times faster", "grew three times over", "by three times": a multiplier.
    return not (
        _COMPARATIVE_AFTER.match(after) or _CHANGE_BEFORE.search(text[max(0, start - 30) : start])
    )


_COMPARATIVE_AFTER = re.compile(
    r"\s+(?:as|more|less|fewer|over|the|that|what|larger|bigger|higher|lower|faster|slower|cheaper|"
    r"quicker|smaller|longer|shorter|better|worse|greater|wider|heavier|safer|as\s+many|as\s+much)\b",
    re.I,
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:by|grew|increased|rose|multiplied|improved|jumped|went up|scaled|up)\s+(?:about\s+|"
    r"roughly\s+|nearly\s+|almost\s+|over\s+)?$",
    re.I,
)


def _duration(text: str, start: int, end: int, unit: str) -> tuple[int, int] | None:
    unit = unit.lower()
    before = text[max(0, start - 40) : start]
    if unit in _FAST_UNITS:  # latencies and timings: only configuration values are not metrics
        return None if _CONFIG_BEFORE.search(before) else (start, end)
    if _SAVED_BEFORE.search(before):  # "saved 10 hours a week" is impact, whatever follows
        return (start, end)
    if _sets_scene(text, start, end, before):
        return None
    if unit.startswith("year") and not _YEAR_OK_BEFORE.search(before):
        return None
    return (start, end)


def _sets_scene(text: str, start: int, end: int, before: str) -> bool:
    after = text[end : end + 40]
    if re.match(r"\s+later\b", after, re.I) and _DELIVERY_BEFORE.search(before):
        return False  # "the fix went out 9 days later" measures delivery
    if _DURATION_STOP_AFTER.match(after):
        return True
    if _DURATION_STOP_BEFORE.search(before) or _DEADLINE_BEFORE.search(before):
        return True
    sentence_before = text[max(0, start - 80) : start]
    clause = re.split(r"[.;!?]", text[max(0, start - 160) : start])[-1]
    if _SPENT_WINDOW.search(before):
        # "I worked with her team for two weeks": time spent; "we were down for two days": impact.
        return bool(_ACTIVITY_SUBJECT.search(clause)) and not _OUTCOME_CONTEXT.search(clause)
    if _WINDOW_BEFORE.search(before) and not (
        _DELIVERY_BEFORE.search(clause) or _OUTCOME_CONTEXT.search(clause)
    ):
        # "Within six weeks the rate rose to 99%", "pass rates over two weeks": the period an
        # outcome was measured over; "restored within 36 hours" measures delivery.
        return True
    return bool(re.search(r"\bdeadline\b[^.!?]*$", sentence_before, re.I))


_SPENT_WINDOW = re.compile(
    r"\b(?:for|during)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|another\s+|"
    r"over\s+|the\s+(?:next|first|last|following)\s+)?$",
    re.I,
)
_WINDOW_BEFORE = re.compile(
    r"\b(?:within|over|after)\s+(?:about\s+|around\s+|roughly\s+|the\s+(?:first|next|last)\s+)?$",
    re.I,
)
_ACTIVITY_SUBJECT = re.compile(r"\b(?:I|we|We|let\s+them|my\s+team)\b")
_OUTCOME_CONTEXT = re.compile(
    r"\b(?:down|outages?|offline|unavailable|blocked|stuck|delayed|late|waited|waiting|slipped|"
    r"lasted|broken|stalled|idle|saved|lost|freed|frozen|missing|failing|failed|stopped|"
    r"lag\w*|behind|queued|backlogged|dark|jump\w*|doubl\w*|spik\w*|bounc\w*|stale|had\s+been|"
    r"kept\s+(?:failing|crashing|breaking))\b",
    re.I,
)


def _article_durations(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _ARTICLE_DURATION.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        allowed = _ARTICLE_DURATION_OK_BEFORE.search(before) or _ARTICLE_DURATION_OK_AFTER.match(
            text[m.end() : m.end() + 30]
        )
        if not allowed or re.search(r"\d\s*(?:%|\w+)?\s*$", before):
            continue
        if m.group("unit").lower() == "year" and not _YEAR_OK_BEFORE.search(before):
            continue
        if _sets_scene(text, m.start(), m.end(), before) and not _ARTICLE_DURATION_OK_AFTER.match(
            text[m.end() : m.end() + 30]
        ):
            continue
        out.append((m.start(), m.end()))
    return out


def _fractions(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _FRACTION.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()].lower()
        after = text[m.end() : m.end() + 12].lower()
        word = m.group(0).lower()
        if word == "half" and (
            re.search(
                r"(?:first|second|other|back|latter|former|the|this|next|last|coming|upcoming|"
                r"following|whole|entire)\s+$",
                before,
            )
            or re.match(r"\s+(?:a|an)\s+(?:year|day|hour)|\s*-|\s+(?:year|day|time|hour)", after)
        ):
            continue
        if "quarter" in word and (
            re.match(
                r"\s+(?:of\s+(?:the\s+)?year|earnings|results|planning|goals?|roadmap|review)",
                after,
            )
            or word.startswith("one")
        ):
            continue
        if word in {"a quarter", "one quarter"} and not re.match(r"\s+of\b", after):
            before40 = text[max(0, m.start() - 40) : m.start()]
            if not _ARTICLE_DURATION_OK_BEFORE.search(before40) or _sets_scene(
                text, m.start(), m.end(), before40
            ):
                continue  # a quarter of time that only frames the story
        out.append((m.start(), m.end()))
    return out


def _change_word_ok(text: str, m: re.Match[str]) -> bool:
    if m.group(0).lower() != "twice":
        return True
    return bool(re.match(r"\s+(?:as|the)\b", text[m.end() : m.end() + 6], re.I))


def _count_noun_end(text: str, end: int, m: re.Match[str]) -> int | None:
    """End of 'NUMBER [adjective…] plural-noun', or None when no counted noun follows."""
    if (m.group("words") or "").lower() == "one" or (
        m.group("digits") == "1" and not m.group("scale")
    ):
        single = _ONE_THING.match(text, end)
        return single.end() if single else None
    hyphen = _HYPHEN_COUNT.match(text, end)
    if hyphen and m.group("digits"):
        return hyphen.end()
    pos = end
    for _ in range(4):
        w = _WORD_AFTER.match(text, pos)
        if not w:
            return None
        word = w.group(1).rstrip("'’")
        lower = word.lower()
        if _is_plural_noun(lower):
            return w.start(1) + len(word)
        if (
            lower in _STOP
            and lower not in _ADJECTIVE_OK
            or (lower.endswith("ly") and lower not in _RATE_ADJECTIVES)
            or not _adjective_like(word)
        ):
            return None
        pos = w.end()
    return None


_ONE_THING = re.compile(
    r"\s+(?:(?:additional|extra|more|other|senior|junior|new|full-time|dedicated|backend|frontend|mobile)\s+)?"
    r"(?:engineer|developer|tester|designer|analyst|contractor|intern|hire|SRE|PM|"
    r"product manager|data scientist)\b",
)
# "a 20-node cluster", "a 3-person team": a count written as an adjective, with its noun.
_HYPHEN_COUNT = re.compile(
    r"-(?!(?:ms|s|h|day|week|month|year|minute|hour|second|quarter|sprint|way|step|tier|factor|point)\b)"
    r"(?:node|person|people|engineer|server|host|machine|region|team|service|core|gpu|cpu|shard|replica|"
    r"member|seat|line|page|step)s?\s+[a-z]+\b"
)


def _is_plural_noun(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    if word in _NOT_NOUN_WORDS or word in _STOP or len(word) < 3:
        return False
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def _adjective_like(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z-]*", word))


_ENDS_IN_TIME_UNIT = re.compile(r"(?:\b|(?<=\d))(?P<unit>" + _TIME_UNITS + r")$", re.I)
_COMPOUND_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?", re.I)
# Time units from the smallest: a unit is of a rank when it is one of its names or, for a name
# of two letters or more, starts with it ("minutes", "hrs"; "s" alone is seconds, never "sprints").
_UNIT_RANK = (
    "ms milli micro µs",
    "s sec",
    "min",
    "h hour hr",
    "day",
    "week",
    "month",
    "quarter",
    "year",
)


def _joined_durations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One span for one length of time, "two hours and ten minutes", "1 day, 4 hours" (a
    smaller unit after a larger one; "2 hours and 5 hours" stays a range of two spans)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and _COMPOUND_GAP.fullmatch(text[out[-1][1] : s]) and out[-1][1] < s:
            first = _unit_rank(text[out[-1][0] : out[-1][1]])
            second = _unit_rank(text[s:e])
            if first is not None and second is not None and second < first:
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out


def _unit_rank(span: str) -> int | None:
    m = _ENDS_IN_TIME_UNIT.search(span)
    unit = m.group("unit").lower() if m else ""
    for rank, names in enumerate(_UNIT_RANK):
        if any(unit == n or (len(n) > 1 and unit.startswith(n)) for n in names.split()):
            return rank
    return None


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda p: (p[0], -p[1])):
        if s < e and (not out or s >= out[-1][1]):
            out.append((s, e))
    return out
