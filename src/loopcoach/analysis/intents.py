"""What a follow-up question probes (LABELS.md `follow_up_intent`).

Seven intents: `decision` (why that option, which others), `conflict` (what the
other person said, how it was settled), `measurement` (how a number was
measured, its baseline), `scope` (what the speaker personally did),
`specific_example` (a real instance after a hypothetical answer), `learning`
(what they would do differently, what changed) and `detail` (what exactly, who
exactly). A logistic model over the question's words and bigrams and the cue
phrases below (`follow_up_intent.json`); the cues alone decide before it is
trained. The same reading tells the follow-up picker which intents a thread has
already covered.
"""

from __future__ import annotations

import re

from loopcoach.analysis import cues
from loopcoach.analysis.linear import load_model, normalised

INTENTS = (
    "decision",
    "conflict",
    "measurement",
    "scope",
    "specific_example",
    "learning",
    "detail",
)

INTENT_CUES: dict[str, re.Pattern[str]] = {
    "decision": re.compile(
        r"\bwhy (?:did you|that|this|not|choose|pick|go|was|were|do)\b|\bwhich (?:other )?options?\b|"
        r"\balternatives?\b|\bother options\b|\brather than\b|\binstead of\b|\btrade-?offs?\b|"
        r"\bwhat made you (?:decide|choose|pick|go)\b|\bweigh\w*\b|\brule[sd]? out\b|"
        r"\bhow did you (?:decide|choose|pick)\b|\bwhat else did you consider\b|\bwhy\b",
        re.I,
    ),
    "conflict": re.compile(
        r"\bwhat did (?:he|she|they|the \w+|your \w+|\w+) (?:say|answer|reply|think|object)\b|"
        r"\bhow did (?:he|she|they|the \w+|your \w+) (?:react|respond|take it)\b|"
        r"\bdisagree\w*\b|\bpush(?:ed)? back\b|\bpushback\b|\bconvinc\w+\b|\bresolv\w+\b|"
        r"\bsettled?\b|\bobject\w*\b|\bargu\w+\b|\bwhat was (?:their|his|her) (?:argument|concern|"
        r"objection|reaction|position)\b|\bwin (?:them|him|her) over\b|\bcommon ground\b",
        re.I,
    ),
    "measurement": re.compile(
        r"\bmeasur\w+\b|\bbaseline\b|\bbefore and after\b|\bhow did you (?:know|calculate|count|get "
        r"(?:that|those|the) (?:number|figure)s?|arrive)\b|\bwhat else could (?:explain|account)\b|"
        r"\bover what period\b|\battribut\w+\b|\bhow (?:was|were) (?:that|those|the) (?:figure|"
        r"number|estimate)s?\b|\bcounted\b|\bhow do you know\b|\bdata (?:source|behind)\b|"
        r"\bcompared to what\b|\bcontrol group\b|\bwhere did (?:that|the) (?:number|figure)\b",
        re.I,
    ),
    "scope": re.compile(
        r"\bwhat did you personally\b|\byou personally\b|\byour (?:own )?(?:part|role|contribution|"
        r"piece|share)\b|\byou yourself\b|\bas opposed to (?:the|your) team\b|\bwho did what\b|"
        r"\bwhat did you do yourself\b|\bwhat was yours\b|\bwhat did others do\b|"
        r"\bwhich parts? (?:was|were) yours\b|\byour personal\b",
        re.I,
    ),
    "specific_example": re.compile(
        r"\bspecific (?:time|example|instance|case|situation)\b|\breal (?:example|instance|case|"
        r"situation)\b|\bactually did\b|\bactually happened\b|\bone (?:specific |particular )?time\b|"
        r"\bcan you think of a time\b|\bgive me an example\b|\ban example of when\b|"
        r"\ba time when you (?:actually|really)\b|\bhas that (?:ever )?happened\b",
        re.I,
    ),
    "learning": re.compile(
        r"\bdifferently\b|\blessons?\b|\blearn\w*\b|\blooking back\b|\bin hindsight\b|"
        r"\bwhat changed (?:afterwards|after|since)\b|\bsince then\b|\bwould you change\b|"
        r"\bdo (?:it|that) again\b|\bnext time\b|\bwhat did it teach\b|\bchange(?:d)? (?:how|the way) "
        r"you\b|\bstill do\b|\bwhat stuck\b",
        re.I,
    ),
    "detail": re.compile(
        r"\bwho exactly\b|\bwhat exactly\b|\bhow exactly\b|\bwhich (?:tool|team|person|system|"
        r"service|step|part|one|customers?|engineers?)\b|\bwalk me through\b|\bwhat did (?:that|it|"
        r"the \w+) (?:involve|look like)\b|\btell me more\b|\bwhat did you say (?:to|in)\b|"
        r"\bwhat was in\b|\bwho (?:was|were) (?:it|they|involved)\b|\bstep by step\b|"
        r"\bwhat did you (?:write|build|change|put|show)\b|\bconcretely\b|\bwhat specifically\b",
        re.I,
    ),
}


def intent_features(follow_up: str) -> dict[str, float]:
    toks = cues.tokens(follow_up)
    bag = {"w:" + t: 1.0 for t in toks}
    bag.update({"b:" + a + "_" + b: 1.0 for a, b in zip(toks, toks[1:], strict=False)})
    feats = normalised(bag) if bag else {}
    for intent, pattern in INTENT_CUES.items():
        hits = len(pattern.findall(follow_up))
        if hits:
            feats["cue:" + intent] = min(hits, 2)
    return feats


def intent_probabilities(follow_up: str) -> dict[str, float]:
    """How likely the follow-up probes each intent."""
    model = load_model("follow_up_intent")
    if model is None:
        return _by_cues(follow_up)
    probs = model.probabilities(intent_features(follow_up))
    return dict(zip(model.classes, probs, strict=True))


def classify_intent(follow_up: str) -> str:
    probs = intent_probabilities(follow_up)
    return max(INTENTS, key=lambda i: probs.get(i, 0.0))


# Ties and a bare "why" go to the more specific intent: "why" appears in many follow-ups.
_CUE_ORDER = (
    "specific_example",
    "scope",
    "measurement",
    "conflict",
    "learning",
    "detail",
    "decision",
)


def _by_cues(follow_up: str) -> dict[str, float]:
    hits = {i: len(INTENT_CUES[i].findall(follow_up)) for i in INTENTS}
    best = next((i for i in _CUE_ORDER if hits[i]), "detail")
    return {i: (0.7 if i == best else 0.3 / (len(INTENTS) - 1)) for i in INTENTS}
