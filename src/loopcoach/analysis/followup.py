"""`analyze_follow_up`: an answer to a follow-up question, judged as one (LABELS.md).

A follow-up answer is short and is not a STAR story, so none of the story
remarks apply ("no task", "trim the background"). It is judged on two things
an interviewer listens for: does it answer what was asked (`direct` — what that
means depends on the follow-up's intent: a measurement question wants the
method and the baseline, a scope question the speaker's own deeds, a conflict
question what the other person said and how it was settled…) and is it
concrete (`specific`: a named person or role, a number, a step, a date, a
trade-off, a quote). Two logistic models and a graded score over the same
features, trained on labelled follow-up answers (`follow_up_answer.json`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from loopcoach.analysis import cues, intents, quotes
from loopcoach.analysis.contradiction import Contradiction, find_contradiction
from loopcoach.analysis.fillers import find_hedges
from loopcoach.analysis.hypothetical import hypothetical_probability
from loopcoach.analysis.linear import shipped_model, sigmoid
from loopcoach.analysis.metrics import find_metrics
from loopcoach.analysis.pronouns import subject_counts
from loopcoach.analysis.report import SCHEMA_VERSION, FollowUp, Remark, RemarksMixin
from loopcoach.analysis.sentences import split_sentences
from loopcoach.analysis.spans import Span
from loopcoach.analysis.validation import check_answer

# What a direct answer to each intent contains (whole words; counted per sentence).
ANSWER_CUES: dict[str, re.Pattern[str]] = {
    "measurement": re.compile(
        r"\b(?:measur\w+|compar\w+|baseline|before|after|logs?|logged|dashboards?|quer(?:y|ied)|"
        r"tracked|tracking|counted|sampl\w+|survey\w*|control group|a/b|cohorts?|excluding|"
        r"excluded|period|window|split (?:it )?by|joined|median|average|p\d\d|percentile|"
        r"per (?:day|week|month)|weeks? (?:before|after)|same (?:period|week|month)|seasonal\w*|"
        r"explain|attribut\w+|instrument\w*|events?|spreadsheet|invoices?|data)\b",
        re.I,
    ),
    "decision": re.compile(
        r"\b(?:options?|alternatives?|consider\w*|instead|rather than|because|trade-?offs?|"
        r"weigh\w*|ruled? out|cheaper|faster|slower|risk\w*|versus|vs|compared|cost|"
        r"the downside|the upside|reversible|chose|picked|decided)\b",
        re.I,
    ),
    "conflict": re.compile(
        r"\b(?:said|told|asked|argued|answered|replied|wanted|worried|concerns?|objected|"
        r"agreed|compromis\w+|settled|decided|in the end|we landed|meet (?:in the )?halfway|"
        r"his point|her point|their point|position|disagreed|pushed back|convinced)\b|[\"“”]",
        re.I,
    ),
    "learning": re.compile(
        r"\b(?:would|differently|next time|now i|i now|since then|learn\w*|changed|today i|"
        r"should have|earlier|sooner|lesson|these days|ever since|always|i still)\b",
        re.I,
    ),
    "specific_example": re.compile(
        r"\b(?:last (?:year|month|quarter|spring|summer|autumn|fall|winter)|in (?:19|20)\d\d|"
        r"at my (?:last|previous|current|old|first)|when i was|one time|there was a time|"
        r"i remember|years? ago|months? ago|in (?:january|february|march|april|may|june|july|"
        r"august|september|october|november|december))\b",
        re.I,
    ),
    "detail": re.compile(
        r"\b(?:named?|called|the (?:tool|script|query|service|doc|document|spreadsheet|"
        r"dashboard|meeting|email|message)|steps?|first|then|specifically|exactly)\b",
        re.I,
    ),
}
_ROLE_WORDS = re.compile(
    r"\b(?:manager|director|vp|cto|ceo|cfo|lead|product manager|pm|architect|engineer|designer|"
    r"analyst|customer|client|head of \w+|finance|legal|sales|support|recruiter|team lead|"
    r"tech lead|on-call|sre|qa)\b",
    re.I,
)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")
_NOT_NAMES = frozenset(
    "I So But And Then When After Before We The This That It At In On My Our Yes Yeah Well "
    "Honestly Actually Basically Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_DATE = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|q[1-4]|(?:19|20)\d\d)\b",
    re.I,
)
_QUOTE = re.compile(r"[\"“][^\"”]{3,}[\"”]")
_STEP = re.compile(r"\b(?:first|then|after that|next|finally|second|step)\b", re.I)
# Evasion: general statements, the team instead of the speaker, deferring to others.
_VAGUE = re.compile(
    r"\b(?:generally|in general|always|usually|basically|kind of|sort of|a lot of|lots of|"
    r"pretty much|team effort|we all|everyone|everybody|things|stuff|"
    r"it went (?:really )?(?:well|great)|"
    r"great (?:result|job)|obviously|i don't remember|not sure|hard to say|i guess|culture|"
    r"i'd have to check|owned by the|the (?:important|bigger|main) (?:thing|point)|same way|"
    r"wouldn't say|it happens|part of our|as a team|together|i don't think i'd change|"
    r"every (?:time|cycle|planning cycle)|healthy debate|came around|pretty involved)\b",
    re.I,
)
# Praise of the outcome in place of an answer (LABELS.md: a measurement question "answered with
# more praise of the result is not" direct): how it felt and who was pleased, not what was asked.
_PRAISE = re.compile(
    r"\b(?:(?:a |the )?(?:huge|big|massive|real) (?:win|success|difference|improvement)|"
    r"thrilled|delighted|(?:really|very|so|super) (?:happy|pleased|proud|impressed)|"
    r"(?:went|worked) (?:out )?(?:really |very )?(?:well|great)|worked out|"
    r"speaks? for (?:itself|themselves)|everyone (?:was|were) (?:happy|pleased|relieved)|"
    r"great (?:outcome|result|success|win)|made it (?:all )?worth it)\b",
    re.I,
)
_TECH_OR_THING = re.compile(
    r"\b(?:[A-Z][A-Za-z]+(?:DB|QL|SQL)|[A-Z]{2,}[a-z]*|Kafka|Redis|Postgres|Grafana|Datadog|Jira|"
    r"Excel|Looker|Tableau|Splunk|Sentry|Slack|Confluence|BigQuery|Snowflake)\b"
)


@dataclass(frozen=True)
class FollowUpReport(RemarksMixin):
    intent: str
    direct: bool
    specific: bool
    metrics: list[Span]
    grade: int
    feedback: list[Remark]
    follow_up_items: list[FollowUp]
    direct_score: float = 0.0
    specific_score: float = 0.0
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "follow_up",
            "intent": self.intent,
            "direct": self.direct,
            "specific": self.specific,
            "metrics": [m.to_dict() for m in self.metrics],
            "grade": self.grade,
            "strengths": self.strengths,
            "improvements": self.improvements,
            "follow_ups": self.follow_ups,
            "feedback": [r.to_dict() for r in self.feedback],
            "follow_up_details": [f.to_dict() for f in self.follow_up_items],
            "scores": {
                "direct": round(self.direct_score, 3),
                "specific": round(self.specific_score, 3),
            },
            **self.extras,
        }


@dataclass(frozen=True)
class Reading:
    """What the features and the remarks need from one follow-up answer."""

    text: str
    sentences: list[str]
    metrics: list[Span]
    intent: str
    intent_probs: dict[str, float]
    contradiction: Contradiction | None = None


def analyze_follow_up(
    answer: str, *, follow_up: str, story: str, question: str | None = None
) -> FollowUpReport:
    """Judge `answer` as an answer to `follow_up`, asked about `story` (the original answer)."""
    text = check_answer(answer)
    follow_up = (follow_up or "").strip()
    if not follow_up:
        from loopcoach.analysis.errors import AnalysisInputError

        raise AnalysisInputError("The follow-up question is empty.")
    probs = intents.intent_probabilities(follow_up)
    intent = max(intents.INTENTS, key=lambda i: probs.get(i, 0.0))
    reading = Reading(
        text=text,
        sentences=[s.text for s in split_sentences(text)],
        metrics=find_metrics(text),
        intent=intent,
        intent_probs=probs,
        contradiction=find_contradiction(story or "", text),
    )
    feats = answer_features(reading, follow_up=follow_up, story=story or "")
    direct_p, specific_p, score, grade = judge(feats)
    caps = reading.contradiction and reading.contradiction.kind in contradiction_caps()
    if caps:
        grade = 1
    direct, specific = direct_p >= 0.5, specific_p >= 0.5
    remarks = _remarks(reading, feats, direct, specific)
    if caps and reading.contradiction:
        remarks = [_contradiction_remark(reading, reading.contradiction)]
    return FollowUpReport(
        intent=intent,
        direct=direct,
        specific=specific,
        metrics=reading.metrics,
        grade=grade,
        feedback=remarks,
        follow_up_items=_next_follow_up(reading, direct, follow_up),
        direct_score=direct_p,
        specific_score=specific_p,
    )


# ---- features ------------------------------------------------------------------------------------


def answer_features(reading: Reading, *, follow_up: str, story: str) -> dict[str, float]:
    """Features of one follow-up answer; intent-specific cues are weighted by the intent's
    probability, so a model learns per intent what a direct answer holds."""
    text, sentences = reading.text, reading.sentences
    words = max(1, len(text.split()))
    n = max(1, len(sentences))
    i_subj = we_subj = 0
    for s in sentences:
        a, b = subject_counts(s)
        i_subj += a
        we_subj += b
    i_share = i_subj / (i_subj + we_subj) if i_subj + we_subj else 0.5
    hyp = hypothetical_probability(sentences)
    past_i = sum(cues.past_i_cue(s) for s in sentences) / n
    specifics = specific_counts(text, reading.metrics)
    vague = len(_VAGUE.findall(text))
    total = sum(specifics.values())
    # Densities, not counts: follow-up answers in the wild run two to three times longer than
    # the labelled ones, and a longer answer is not a more specific one.
    feats: dict[str, float] = {
        "metrics": min(1.0, len(reading.metrics) / n),
        "any_metric": float(bool(reading.metrics)),
        "specifics": min(1.0, total / (2 * n)),
        "any_specific": float(total > 0),
        "specific_count": min(total, 6) / 6,  # capped: past a handful, more is not more specific
        "specific_kinds": len([k for k, v in specifics.items() if v]) / len(specifics),
        "vague_rate": min(1.0, 15 * vague / words),
        "praise_rate": min(1.0, 15 * len(_PRAISE.findall(text)) / words),
        "hedge_rate": min(1.0, 15 * len(find_hedges(text)) / words),
        "i_share": i_share,
        "we_dominates": float(we_subj > i_subj),
        "hypothetical": hyp,
        "past_i": past_i,
        "question_overlap": _overlap(follow_up, text),
        "story_repeat": _overlap(text, story, min_len=5),
        "contradiction": float(reading.contradiction is not None),
        **_number_features(reading.metrics, story, n),
    }
    for intent, p in reading.intent_probs.items():
        if p < 0.05:
            continue
        cue = ANSWER_CUES.get(intent)
        hits = sum(bool(cue.search(s)) for s in sentences) / n if cue else 0.0
        feats[f"{intent}:cue_share"] = p * hits
        feats[f"{intent}:cue_any"] = p * float(hits > 0)
        feats[f"{intent}:specifics"] = p * feats["specifics"]
        feats[f"{intent}:i_share"] = p * i_share
        feats[f"{intent}:we_dominates"] = p * feats["we_dominates"]
        feats[f"{intent}:hypothetical"] = p * hyp
        feats[f"{intent}:past_i"] = p * past_i
        feats[f"{intent}:vague"] = p * feats["vague_rate"]
    return feats


def _number_features(metrics: Sequence[Span], story: str, n: int) -> dict[str, float]:
    """Numbers new to the story against numbers it already told: a follow-up that only says the
    story's own figures again ("the 0.2% came back") turns back to the result instead of
    answering, while a new number (a baseline, a count, a period) is the evidence LABELS.md's
    4 asks for."""
    told = {_number_key(m.text) for m in find_metrics(story)} if metrics else set()
    repeated = sum(_number_key(m.text) in told for m in metrics)
    return {
        "new_metrics": min(1.0, (len(metrics) - repeated) / n),
        "repeated_metrics": repeated / len(metrics) if metrics else 0.0,
    }


def _number_key(span: str) -> str:
    return "".join(span.lower().split())


def specific_counts(text: str, metrics: Sequence[Span]) -> dict[str, int]:
    """Concrete details by kind: numbers, roles, names, dates, quotes, steps, named things."""
    names = [m.group(0) for m in _NAME.finditer(text) if m.group(0) not in _NOT_NAMES]
    return {
        "numbers": len(metrics),
        "roles": len(_ROLE_WORDS.findall(text)),
        "names": len(names),
        "dates": len(_DATE.findall(text)),
        "quotes": len(_QUOTE.findall(text)),
        "steps": len(_STEP.findall(text)),
        "things": len(_TECH_OR_THING.findall(text)),
    }


_CONTENT = re.compile(r"[a-z]{4,}")
_COMMON = frozenset(
    """that this with what your have were from they them their there then than about would
    could should which when where while into just also very really been being because those
    these other some more most much many such only even still like made make what's""".split()
)


def _overlap(a: str, b: str, min_len: int = 4) -> float:
    """Share of the content words of `a` (by a 5-letter stem) that also occur in `b`."""
    wa = {w[:5] for w in _CONTENT.findall(a.lower()) if len(w) >= min_len and w not in _COMMON}
    if not wa:
        return 0.0
    wb = {w[:5] for w in _CONTENT.findall(b.lower())}
    return len(wa & wb) / len(wa)


# ---- the verdicts --------------------------------------------------------------------------------


def judge(feats: dict[str, float]) -> tuple[float, float, float, int]:
    """(P(direct), P(specific), the grade score, the grade 1-4).

    LABELS.md fixes the band: an answer that is not direct is a 1 or a 2, a direct but vague
    one a 2, a direct and specific one a 3 or a 4; see `banded_grade` for what decides within
    the band."""
    model = shipped_model("follow_up_answer")
    if model is None:
        direct_p, specific_p = _fallback(feats)
        score = direct_p + specific_p + feats["specifics"]
        low, high = FALLBACK_EVASION_CUT, 2.4
    else:
        extra = model.extra
        direct_p = sigmoid(_linear(extra["direct"], feats))
        specific_p = sigmoid(_linear(extra["specific"], feats))
        score = _linear(extra["grade"], {**feats, "p_direct": direct_p, "p_specific": specific_p})
        low, high = extra["grade"]["thresholds"]
    return (
        direct_p,
        specific_p,
        score,
        banded_grade(direct_p, specific_p, score, low, high),
    )


# The contradiction readings precise enough on the training answers to decide the grade;
# without a trained model, all of them (each was right on every labelled answer it fired on).
FALLBACK_CONTRADICTION_CAPS = ("ownership", "number", "outcome", "withdrawn")


def contradiction_caps() -> frozenset[str]:
    """The kinds of contradiction that cap a follow-up answer at 1 (LABELS.md: "contradicts the
    story"), as measured by `followup_training.contradiction_caps`."""
    model = shipped_model("follow_up_answer")
    kinds = model.extra.get("contradiction_caps") if model else None
    return frozenset(FALLBACK_CONTRADICTION_CAPS if kinds is None else kinds)


FALLBACK_EVASION_CUT = 0.25  # without a trained model: P(direct) below it is an evasion


def banded_grade(
    direct_p: float, specific_p: float, score: float, evasion_cut: float, high: float
) -> int:
    """The grade inside LABELS.md's bands. Direct and specific: the score decides 3 or 4. Not
    direct: 1 evades, 2 answers partly, so P(direct) decides, cut at `evasion_cut` — not the
    score, which counts details: an answer that turns to the story's numbers instead of what
    was asked carries details and still evades (the score ranked 1s below 2s in that band
    with AUC 0.68 out of fold, P(direct) with 0.78)."""
    if direct_p >= 0.5 and specific_p >= 0.5:
        return 4 if score >= high else 3
    if direct_p >= 0.5:
        return 2
    return 2 if direct_p >= evasion_cut else 1


def _linear(part: dict[str, Any], feats: dict[str, float]) -> float:
    weights = part["weights"]
    return part["bias"] + sum(weights.get(k, 0.0) * v for k, v in feats.items())


def _fallback(f: dict[str, float]) -> tuple[float, float]:
    cue = sum(v for k, v in f.items() if k.endswith(":cue_share"))
    we = sum(
        v for k, v in f.items() if k in ("scope:we_dominates", "specific_example:hypothetical")
    )
    direct = sigmoid(4 * cue - 3 * we - 3 * f["vague_rate"] - 0.6)
    specific = sigmoid(5 * f["specifics"] + f["any_specific"] - 2 * f["vague_rate"] - 2.2)
    return direct, specific


# ---- remarks: one or two, never the story remarks ------------------------------------------------

ADVICE = {
    "measurement": "say how the number was measured: the source (logs, a dashboard, a query), "
    "the baseline and the period, and what else could explain it",
    "decision": "name the options you weighed and why you ruled each one out",
    "conflict": "say what the other person actually said, what you answered, "
    "and how it was settled",
    "scope": "say what you did yourself — your decisions, what you built, whom you talked to — "
    "not what the team did",
    "specific_example": "tell one real time it happened: when, where, what you did "
    "and what came of it",
    "learning": "say what you would do differently, or what you changed afterwards",
    "detail": "name the concrete thing asked about: who exactly, which tool or step, what was said",
}
PRAISE = {
    "measurement": "You explain how the number was measured",
    "decision": "You explain why you chose it over the alternatives",
    "conflict": "You say what the other person said and how it was settled",
    "scope": "You say what you did yourself",
    "specific_example": "You give a real instance, not another hypothetical",
    "learning": "You say what you would change",
    "detail": "You give the concrete detail asked for",
}


def _remarks(
    reading: Reading, feats: dict[str, float], direct: bool, specific: bool
) -> list[Remark]:
    intent = reading.intent
    out: list[Remark] = []
    best = _best_sentence(reading)
    if direct:
        if delivers(reading):
            quote = _short(best[1]) if best else None
            text = PRAISE[intent] + (f": “{quote}”" if quote else ".")
            out.append(_remark("strength", "fu-direct", text, reading, best))
        if not specific:
            out.append(
                Remark(
                    "improvement",
                    "fu-vague",
                    "Add one concrete detail — a name or role, a number, a date, a step — so the "
                    "interviewer can check it.",
                )
            )
        elif reading.metrics:
            names = ", ".join(f"“{m.text}”" for m in reading.metrics[:3])
            m = reading.metrics[0]
            out.append(
                Remark(
                    "strength",
                    "fu-evidence",
                    f"The numbers ({names}) make the story more credible.",
                    m.start,
                    m.end,
                    None,
                    m.text,
                )
            )
        return out[:2]
    why = _why_not_direct(reading, feats)
    out.append(Remark("improvement", "fu-not-direct", f"{why} To answer it, {ADVICE[intent]}."))
    if specific and best:
        out.append(
            _remark(
                "strength",
                "fu-concrete",
                f"The detail is concrete: “{_short(best[1])}”",
                reading,
                best,
            )
        )
    return out[:2]


def _contradiction_remark(reading: Reading, found: Contradiction) -> Remark:
    """One remark quoting both sides: whatever else the answer does, the interviewer now has two
    versions of the story."""
    told, said = _short(found.story_quote), _short(found.answer_quote)
    text = f"The story said “{told}”; here you say “{said}”: an interviewer will ask which is true."
    start = reading.text.find(found.answer_quote)
    if start < 0:
        return Remark("improvement", "fu-contradicts", text)
    index = (
        reading.sentences.index(found.answer_quote)
        if found.answer_quote in reading.sentences
        else None
    )
    return Remark(
        "improvement",
        "fu-contradicts",
        text,
        start,
        start + len(found.answer_quote),
        index,
        found.answer_quote,
    )


# What a decision answer gives as its reason, and what ties that reason to the choice.
_REASON_CLAUSE = re.compile(
    r"\b(?:because|since|so that|as it|the reason|which meant|otherwise|that way|cheaper|faster|"
    r"safer|slower|riskier|risk\w*|cost\w*|trade-?offs?)\b",
    re.I,
)
_CHOICE = re.compile(
    r"\b(?:options?|alternatives?|chose|choose|picked|went with|decided|instead|rather than|"
    r"than|over)\b|\d",
    re.I,
)
_SOURCE = re.compile(
    r"\b(?:logs?|logged|dashboards?|quer(?:y|ies|ied)|survey\w*|spreadsheet|tracked|counted|"
    r"sampl\w+|a/b|control group|invoices?|tickets?|metrics?|report|export\w*|database)\b",
    re.I,
)
# A step of what was done, not a time ("the next day", "first thing in the morning").
_DETAIL_STEP = re.compile(
    r"\b(?:first(?! thing)|then|after that|next(?! (?:day|week|month|morning|year|time))|"
    r"finally|step)\b",
    re.I,
)
VAGUE_SENTENCE = 2  # evasions in one sentence above which it says nothing checkable
# "I don't think I'd do much differently, it worked out": asked what to change, nothing is.
_CHANGES_NOTHING = re.compile(
    r"\b(?:i don't think i(?:'d| would)|i wouldn't|i would not|not sure i(?:'d| would))\s+"
    r"(?:really\s+)?(?:do|change)\b|\bnothing (?:really |much )?(?:differently|i'd change)\b|"
    r"\bit (?:all )?worked out\b|\bhappy with how it went\b",
    re.I,
)


def delivers(reading: Reading) -> bool:
    """Whether the answer holds what its intent asks for, in a sentence that is not an evasion:
    a reason tied to the choice (decision), a step, a person or a thing (detail), a number or
    a source (measurement), the speaker's own deed (scope), or the intent's cue words (conflict,
    learning, a real instance). The praise `fu-direct` needs it, whatever `direct` says."""
    sentences = [s for s in reading.sentences if len(_VAGUE.findall(s)) < VAGUE_SENTENCE]
    intent = reading.intent
    if intent == "learning":
        sentences = [s for s in sentences if not _CHANGES_NOTHING.search(s)]
    if intent == "decision":
        return any(_REASON_CLAUSE.search(s) and _CHOICE.search(s) for s in sentences)
    if intent == "detail":
        return any(_names_a_particular(s) for s in sentences)
    if intent == "measurement":
        return any(find_metrics(s) or _SOURCE.search(s) for s in sentences)
    if intent == "scope":
        return any(cues.past_i_cue(s) and subject_counts(s)[0] for s in sentences)
    cue = ANSWER_CUES.get(intent)
    return cue is None or any(cue.search(s) for s in sentences)


def _names_a_particular(sentence: str) -> bool:
    """A step, a person, a thing or a number: what a detail question can check."""
    names = [n for n in _NAME.findall(sentence) if n not in _NOT_NAMES]
    return bool(
        _DETAIL_STEP.search(sentence)
        or names
        or _ROLE_WORDS.search(sentence)
        or _TECH_OR_THING.search(sentence)
        or _QUOTE.search(sentence)
        or find_metrics(sentence)
    )


def _why_not_direct(reading: Reading, feats: dict[str, float]) -> str:
    intent = reading.intent
    if intent == "scope" and feats["we_dominates"]:
        return "The question asks what you did yourself, and the answer is told as “we”."
    if intent == "specific_example" and feats["hypothetical"] >= 0.5:
        return "The question asks for a real instance, and the answer says what you would do."
    if feats["vague_rate"] >= 0.3:
        return "The answer stays general."
    return "The answer does not get to what the question asks."


def _best_sentence(reading: Reading) -> tuple[int, str] | None:
    cue = ANSWER_CUES.get(reading.intent)
    scored = [
        (len(cue.findall(s)) if cue else 0, -i, i, s) for i, s in enumerate(reading.sentences)
    ]
    # A generality ("there are always things you can learn") is never quoted as the answer.
    scored = [x for x in scored if x[0] > 0 and not _VAGUE.search(x[3])]
    if not scored:
        return None
    _, _, i, s = max(scored)
    return i, s


def _short(sentence: str, limit: int = 90) -> str:
    return quotes.quote(sentence, limit)


def _remark(
    kind: str, code: str, text: str, reading: Reading, best: tuple[int, str] | None
) -> Remark:
    if best is None:
        return Remark(kind, code, text)
    i, s = best
    start = reading.text.find(s)
    if start < 0:
        return Remark(kind, code, text, None, None, i, s)
    return Remark(kind, code, text, start, start + len(s), i, s)


def _next_follow_up(reading: Reading, direct: bool, follow_up: str = "") -> list[FollowUp]:
    """One sharper question when the answer missed the point; none when it answered it. A detail
    question that asked for a thing, not a person ("What exactly did you compare?"), is asked
    again about that thing, not turned into "who was involved"."""
    if direct:
        return []
    own = _own_question(follow_up) if reading.intent == "detail" else None
    if own:
        return [
            FollowUp("fu-reask", f"Let me ask it another way: {own} Name the first one or two.")
        ]
    return [FollowUp("fu-reask", f"Let me ask it another way: {ASK_AGAIN[reading.intent]}")]


_WH_QUESTION = re.compile(r"(?:^|(?<=[.?!]\s))((?:What|Which|How|Where|When)\b[^.?!]{3,80}\?)")


def _own_question(follow_up: str) -> str | None:
    """The follow-up's last question that asks for a thing, lowercased to go after a colon."""
    found = _WH_QUESTION.findall(follow_up.strip())
    if not found:
        return None
    q = found[-1]
    return q[0].lower() + q[1:]


ASK_AGAIN = {
    # Not "what was it before": the number may be a share ("70% came from one setting").
    "measurement": "where did the number come from: which data, over what period, and who "
    "checked it?",
    "decision": "what was the main alternative, and why did you not take it?",
    "conflict": "what did the other person say, in their words, and what did you answer?",
    "scope": "which one step in this was yours alone?",
    "specific_example": "when did this last actually happen, and what did you do?",
    "learning": "if you did it again tomorrow, what one thing would you change?",
    "detail": "who exactly was involved, and what did each of you do?",
}
