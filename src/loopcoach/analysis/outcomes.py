"""Which numbers in a result sentence are outcomes: what the work came to.

A result sentence also carries numbers that are not: the threshold a new check
uses ("holds any price change over 300%"), the target the outcome is measured
against ("1.2% vs 3% target"), a cost or a delay that was accepted ("we agreed
to move the date by ten days", "it added about a week to the project", "we
launched ten days late"), the staffing of a plan ("a dedicated team of six"), a
scope cut ("cut two features"), the share a launch was exposed to ("launched
to ten percent of traffic"), a team someone funded ("the CTO funded a team of
seven") and a cost estimate argued past ("Finance estimated it would cost us
about $200,000 a year"). Nor is a label ("lane 2", "week 3"), the people the
work was given ("two of my analysts"), the period an outcome was watched over
("by 23 percent in one quarter", "six weeks later"), a budget overrun ("3
percent over budget"), someone else's figure ("competitors cancelled 60
percent"), a market's movement ("prices rose another 35 percent") or a rule's
bound written as a sign ("rejects samples > 30 min unspun"). Praising one of
those as a quantified outcome, or asking how it was measured, misreads the story:
an outcome is a change the speaker's work caused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loopcoach.analysis.report import Sentence
from loopcoach.analysis.spans import Span

_APPROX = r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+|an extra\s+|another\s+)?"
# A rule's threshold: "any price change over 300%", "alerts when … above 2%", "if we passed 20,000".
_THRESHOLD_BEFORE = re.compile(
    r"(?:\b(?:any|every|each|whenever|if|once|unless)\s+(?:[\w'-]+\s+){0,3}?|"
    r"\b(?:holds?|blocks?|flags?|alerts?|rejects?|caps?|limits?|triggers?|fires?|pages?)\b"
    r"[^,.;:]{0,30}?)"
    r"\b(?:over|above|below|under|exceeds?|exceeding|more than|less than|at least|at most|beyond|"
    r"pass(?:es|ed)?|hits?|reach(?:es|ed)?)\s+" + _APPROX + r"$"
    # …or the same bound as a sign: "rejects samples > 30 min unspun" (not an arrow "->").
    r"|\b(?:holds?|blocks?|flags?|alerts?|rejects?|caps?|limits?|triggers?|fires?|pages?)\b"
    r"[^,.;:]{0,30}?(?<![-=])(?:>=?|<=?|≥|≤)\s*$"
    r"|\b(?:threshold|limit|cap|trigger)\s+(?:of|at|to|is|was)?\s*" + _APPROX + r"$"
    r"|\b(?:set|hard-?coded|configured|capped|pinned)\s+(?:\w+\s+){0,3}?(?:to|at)\s+"
    + _APPROX
    + r"$",
    re.I,
)
# What the outcome is measured against: "a 3% target", "against a target of 3%".
_TARGET_BEFORE = re.compile(
    r"\b(?:target|goal|aim|budget|SLA|SLO|objective)\s+(?:of|was|is|at|:)?\s*"
    r"(?:under\s+|below\s+|above\s+|over\s+)?" + _APPROX + r"$",
    re.I,
)
_TARGET_AFTER = re.compile(r"^\s*(?:target|goal|budget|SLA|SLO|objective)\b", re.I)
# An accepted cost or delay: "move the date by ten days", "added about a week to the project".
_DELAY_BEFORE = re.compile(
    r"\b(?:move[ds]?|moving|push(?:ed|es)?|slip(?:ped|s)?|delay(?:ed|s)?|postpone[ds]?|"
    r"extend(?:ed|s)?)\b[^,.;:]{0,30}?\bby\s+" + _APPROX + r"$",
    re.I,
)
_ADDED_BEFORE = re.compile(r"\b(?:added|adds|cost (?:us|me|the team))\s+" + _APPROX + r"$", re.I)
_ADDED_AFTER = re.compile(
    r"^\s+(?:to|of)\s+(?:the\s+|our\s+)?(?:project|timeline|schedule|plan|work|launch|release|"
    r"delivery|roadmap|effort)\b",
    re.I,
)
_LATE_AFTER = re.compile(r"^\s+(?:late|later than|behind|of delay|delay)\b", re.I)
# A scope cut: "cut two features", "dropped three reports".
_CUT_BEFORE = re.compile(
    r"\b(?:cut|cuts|dropped|drop|removed|descoped|de-scoped|deferred|parked|shelved)\s+"
    r"(?:the\s+|another\s+)?$",
    re.I,
)
_SCOPE_NOUN = re.compile(
    r"\b(?:features?|stories|story|tickets?|items?|requirements?|screens?|pages?|reports?|"
    r"endpoints?|use cases?|milestones?)\b",
    re.I,
)
# The staffing of a plan: "a dedicated team of six", "plus one designer" in "if it worked…".
_HEADCOUNT = re.compile(
    r"\b(?:designers?|engineers?|developers?|people|persons?|analysts?|scientists?|hires?|"
    r"contractors?|staff|FTEs?|PMs?|managers?|testers?|headcount)\b",
    re.I,
)
_TEAM_OF = re.compile(r"\b(?:team|squad|group|crew) of\s+" + _APPROX + r"$", re.I)
_PLAN = re.compile(
    r"\b(?:if|would|will|plan(?:ned)?|phases?|proposed|proposal|asked for|requested)\b|"
    r"\b(?:first|second|third),",
    re.I,
)
# A team someone funded or staffed ("the CTO funded a team of seven") is what the work was given,
# not what it came to.
_FUNDED = re.compile(
    r"\b(?:funded|funds|staffed|approved|allocated|assigned|gave (?:me|us|it)|re-?allocat\w*|"
    r"redeploy\w*|borrow\w*|seconded|lent|loaned|dedicated|required|needed)\b",
    re.I,
)
# The speaker's own people are what the work was given: "two of my analysts".
_OWN_PEOPLE = re.compile(r"\bof (?:my|our|his|her|their)\b", re.I)
# A label names a thing, it does not count it: "lane 2", "gate 14", "week 3".
_LABEL_BEFORE = re.compile(
    r"\b(?:lane|gate|line|room|floor|level|ward|bay|dock|route|platform|aisle|row|table|station|"
    r"terminal|building|site|phase|version|step|stage|tier|grade|shift|page|item|ticket|batch|"
    r"chute|belt|bin|door|track|channel|counter|desk|checkout|till|bed|lab|area|region|district|"
    r"week|day|year|sprint|release|wave|zone|unit|section|figure|number|no\.?)\s+#?$",
    re.I,
)
_BARE_NUMBER = re.compile(r"\d+[a-z]?", re.I)
# The period an outcome was watched over, after another number of the sentence: "reduced waste
# by 23 percent in one quarter", "71% -> 96% in a month". Alone ("shipped in six weeks") the
# period may be the outcome.
_PERIOD_BEFORE = re.compile(
    r"\b(?:in|within|over|across|during|after|for|inside)\s+"
    r"(?:the\s+(?:first|next|following|last|same)\s+|a\s+single\s+)?" + _APPROX + r"$",
    re.I,
)
_PERIOD_UNIT = re.compile(
    r"\b(?:days?|weeks?|months?|quarters?|years?|terms?|semesters?|seasons?|sprints?)$", re.I
)
_EARLIER_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
    r"hundred|thousand|half|double[ds]?|tripled|halved)\b",
    re.I,
)
# When something happened, not what it came to: "six weeks later", "a year ago".
_WHEN_AFTER = re.compile(r"^\s+(?:later|afterwards|after that|ago|in)\b", re.I)
# A cost that was accepted: "3 percent over budget".
_OVERRUN_AFTER = re.compile(
    r"^\s+(?:over|above|beyond)\s+(?:the\s+|our\s+|its\s+|their\s+)?"
    r"(?:budget|plan|estimate|forecast|schedule)\b",
    re.I,
)
# Someone else's figure, a comparison and not the speaker's outcome: "Competitors who waited
# cancelled 60 percent", "other stores stayed flat", "the industry average of 12%".
_OTHERS_SUBJECT = re.compile(
    r"^\s*(?:(?:our|the|their|most|many|all)\s+)*(?:competitors?|rivals?|other\s+\w+|"
    r"the\s+(?:industry|market|rest)|industry|everyone else|everybody else|peers)\b",
    re.I,
)
_OTHERS_BEFORE = re.compile(
    r"\b(?:than|compared (?:to|with)|versus|vs\.?|like|unlike)\s+(?:our\s+|the\s+)?"
    r"(?:competitors?|rivals?|other\s+\w+|the\s+industry)\b[^.;]*$"
    r"|\b(?:industry|market|sector|national)\s+(?:average|benchmark|norm|median)\b[^.;]{0,20}$",
    re.I,
)
# A market's movement is not the speaker's doing: "prices rose another 35 percent by March",
# "inflation hit 9%". Whole words: "error rates fell" and "our prices" are the speaker's.
_MARKET_SUBJECT = re.compile(
    r"^\s*(?:(?:in the end|by \w+|then|eventually|meanwhile|over the \w+)\s*,?\s+)?"
    r"(?:the\s+)?(?:(?!(?:our|my|their|his|her)\b)[\w-]+\s+)?"
    r"(?:prices?|inflation|interest rates?|exchange rates?|the market|markets)\s+"
    r"(?:\w+\s+){0,2}?(?:rose|risen|fell|fallen|went|climbed|jumped|spiked|surged|soared|dropped|"
    r"doubled|tripled|increased|decreased|hit|reached|peaked|stayed|kept|grew|grown)\b",
    re.I,
)
_CLAUSE_START = re.compile(r"[;:]\s*|,\s+(?:while|whereas|but)\s+|\s(?:while|whereas)\s", re.I)
# A cost or loss the speaker was told to expect and argued past: "Finance estimated it would cost
# us about $200,000 a year".
_ESTIMATE_BEFORE = re.compile(
    r"\b(?:estimated|projected|forecast|predicted|expected|warned|reckoned)\b[^.;]{0,40}?"
    r"\b(?:would|will|could|might)\b[^.;]{0,40}$"
    r"|\b(?:would|could|might) (?:cost|lose)\b[^.;]{0,30}$",
    re.I,
)
# The share a launch was exposed to: "launched the assistant to ten percent of traffic".
_EXPOSED_BEFORE = re.compile(
    r"\b(?:launched|rolled out|released|shipped|opened|exposed|enabled)\b[^,.;:]{0,50}?\bto\s+"
    + _APPROX
    + r"$",
    re.I,
)
_EXPOSED_AFTER = re.compile(
    r"^\s+of\s+(?:the\s+|our\s+|all\s+)?(?:traffic|users|customers|sessions|visitors|requests|"
    r"stores|accounts)\b",
    re.I,
)


def is_outcome(sentence: str, start: int, end: int) -> bool:
    """Whether the number at sentence[start:end] says what the work came to."""
    before, after, number = (
        sentence[max(0, start - 80) : start],
        sentence[end:],
        sentence[start:end],
    )
    if _THRESHOLD_BEFORE.search(before) or _TARGET_BEFORE.search(before):
        return False
    if _TARGET_AFTER.match(after) or _LATE_AFTER.match(after):
        return False
    if _DELAY_BEFORE.search(before):
        return False
    if _ADDED_BEFORE.search(before) and _ADDED_AFTER.match(after):
        return False
    if _CUT_BEFORE.search(before) and _SCOPE_NOUN.search(number + after[:20]):
        return False
    if _EXPOSED_BEFORE.search(before) and _EXPOSED_AFTER.match(after):
        return False
    if _ESTIMATE_BEFORE.search(before):
        return False
    if _not_a_change(sentence[:start], before, after, number):
        return False
    headcount = _HEADCOUNT.search(number) or _TEAM_OF.search(before)
    given = _PLAN.search(sentence) or _FUNDED.search(before) or _OWN_PEOPLE.search(number)
    return not (headcount and given)


def _last_clause(text: str) -> str:
    """The clause `text` ends in: "We went live on 1 April, closed the month in" → "closed the
    month in" (the date belongs to another clause)."""
    return re.split(r"[,;:]|\s(?:and|but|so|then)\s", text)[-1]


def _not_a_change(head: str, before: str, after: str, number: str) -> bool:
    """A label, a period, a time reference, an overrun or another party's figure: numbers of
    the sentence that do not say what the speaker's work changed. `head` is the sentence up
    to the number."""
    if _BARE_NUMBER.fullmatch(number) and _LABEL_BEFORE.search(before):
        return True
    if _PERIOD_UNIT.search(number) and (
        _WHEN_AFTER.match(after)
        or (_PERIOD_BEFORE.search(before) and _EARLIER_NUMBER.search(_last_clause(before)))
    ):
        return True
    if _OVERRUN_AFTER.match(after) or _OTHERS_BEFORE.search(before):
        return True
    clause = _CLAUSE_START.split(head)[-1]
    return bool(_OTHERS_SUBJECT.match(clause) or _MARKET_SUBJECT.match(clause))


def outcome_spans(sentence: Sentence, spans: Sequence[Span]) -> list[Span]:
    """The numbers of `spans` (offsets in the whole answer) that are outcomes of `sentence`."""
    return [
        m
        for m in spans
        if is_outcome(sentence.text, m.start - sentence.start, m.end - sentence.start)
    ]


# A result already measured in its own terms: a before→after pair ("from 3 or 4% to under
# 0.05%", "closing to under 0.05%"), a count ("paged twice", "reopens 3 times"), or a yes/no
# event that needs no number (shipped four days early, passed the pen test, renewed).
_NUM = r"(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple)"
_MEASURED_OUTCOME = re.compile(
    rf"\bfrom\s+(?:about\s+|around\s+)?{_NUM}\b[^.;]{{0,60}}?\bto\b"
    rf"|\b(?:to|down to|up to)\s+(?:under|below|less than|over|above|about|around|just)\s+{_NUM}"
    r"|\b(?:once|twice|thrice)\b"
    rf"|\b{_NUM}\s+times\b"
    r"|\b(?:days?|weeks?|hours?)\s+(?:before|ahead of)\s+(?:the\s+)?(?:deadline|schedule)"
    r"|\b(?:days?|weeks?) early\b|\b(?:on time|on schedule|ahead of schedule)\b"
    r"|\bpass(?:ed|es)\s+(?:the\s+|our\s+|its\s+|an?\s+)?(?:\w+\s+){0,2}"
    r"(?:test|audit|review|inspection|certification)"
    r"|\b(?:renewed|re-signed|signed the contract)\b|\bstayed\b(?!\s+(?:late|up|on|in|at)\b)"
    # none of what went wrong since: "no outage in the next six months", "has not failed since"
    r"|\b(?:no|zero|not a single)\s+(?:\w+\s+)?(?:outages?|incidents?|errors?|failures?|defects?|"
    r"escalations?|findings?|bugs?|pages?|breaches?|injuries|accidents?)\b"
    r"|\b(?:has|have)(?:n't|n’t| not| never)\s+(?:\w+\s+){1,3}since\b"
    r"|\b(?:test|audit|review|inspection|certification)s?\s+(?:pass(?:ed|es)?|went through)\b"
    r"|\bpass(?:ed|es)\s+(?:without|with no)\b"
    # A checkable verdict on the work: "the study was later accepted by the FDA".
    r"|\b(?:was|were|got|been)\s+(?:\w+\s+)?(?:accepted|approved|certified|cleared|signed off)\b"
    r"|\b(?:accepted|approved|certified|cleared) by\b"
    # …or in the active, by someone else: "the regulator accepted our filing".
    r"|(?<!\bI )(?<!\bwe )\b(?:accepted|approved|certified|cleared|signed off on)\s+"
    r"(?:our|my|the)\s+(?:\w+\s+)?(?:filing|submission|application|design|proposal|plan|study|analysis|change|"
    r"report|release|bid|case|claim|product|device|drug|dossier)\b",
    re.I,
)


def measured_in_words(sentences: Sequence[Sentence], first_result: int) -> bool:
    """Whether the result, what follows it, or the sentence just before it (a spoken run often
    puts the outcome there: "…and Dr. Halvorsen actually renewed for two years" + "after
    that…") already says how it came out, in a pair, a count or a yes/no event."""
    text = " ".join(s.text for s in sentences[max(first_result - 1, 0) :])
    return _MEASURED_OUTCOME.search(text) is not None
