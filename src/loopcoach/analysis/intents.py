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
from loopcoach.analysis.linear import normalised, shipped_model

INTENTS = (
    "decision",
    "conflict",
    "measurement",
    "scope",
    "specific_example",
    "learning",
    "detail",
)


def _cues(alternatives: str) -> re.Pattern[str]:
    """Alternatives separated by " | " (pipes inside groups have no spaces), at word starts."""
    parts = [p.strip() for p in re.split(r"\s\|\s", alternatives) if p.strip()]
    return re.compile(r"\b(?:" + "|".join(parts) + r")", re.I)


INTENT_CUES: dict[str, re.Pattern[str]] = {
    "decision": _cues(
        r"""why (?:did you|that|this|not|choose|pick|go|was|were|do) | which (?:other )?options? |
        alternatives? | other options | only option | rather than | instead of | trade-?offs? |
        what made you (?:decide|choose|pick|go) | weigh | rule[sd]? out |
        how did you (?:decide|choose|pick|settle on) |
        what else (?:did you consider|could you have) |
        right (?:moment|time|call) | choose between | why\b"""
    ),
    "conflict": _cues(
        r"""what did (?:he|she|they|the \w+|your \w+|\w+) (?:say|answer|reply|think|object|tell) |
        how did (?:he|she|they|the \w+|your \w+) (?:react|respond|take it) | disagree |
        push(?:ed)? back | pushback | convinc | resolv | settle | object | argu | resistance |
        tense | tension | refused | skeptic | sceptic | concerns | wasn't happy | unhappy |
        say to you | split on | get (?:the|them|both) .{0,20}to agree | escalat | dispute |
        mind your own | win (?:them|him|her) over | common ground |
        what was (?:their|his|her) (?:argument|concern|objection|reaction|position)"""
    ),
    "measurement": _cues(
        r"""measur | baseline | before and after |
        how did you (?:know|calculate|count|verify|check|confirm|arrive) |
        how did you get (?:that|those|the) (?:number|figure)s? |
        what else could (?:explain|account|have caused) |
        other changes | could have caused | separate the effect | over what period | attribut |
        how (?:was|were) (?:that|those|the) (?:figure|number|estimate)s? | counted |
        how do you know |
        data (?:source|behind) | what data | compared to what | control group |
        where did (?:that|the|those) (?:number|figure|data|\w+ volumes?) | what would the number |
        tracking | metric | verify | really (?:stopped|worked|improved) | actually worked"""
    ),
    "scope": _cues(
        r"""what did you personally | you personally |
        your (?:own )?(?:part|role|contribution|piece|share) |
        your specific role | you yourself | as opposed to (?:the|your) team | who did what |
        what did you do yourself | what was yours | what did others do |
        which parts? (?:was|were) yours |
        your personal | who on the team | anyone else involved | whose idea | delegat |
        which decisions were yours | versus you | hadn't been there | what exactly did you do |
        who (?:actually )?(?:wrote|built|did|ran|led)"""
    ),
    "specific_example": _cues(
        r"""specific (?:time|example|instance|case|situation) |
        real (?:example|instance|case|situation|story) |
        actually did | actually happened | one (?:specific |particular )?time | one particular |
        can you think of a time | give me (?:an|another) example | another time |
        an example of when |
        a time when you (?:actually|really) | has that (?:ever )?happened | when did you last |
        last time you | share a real | walk me through a real | that ever happen"""
    ),
    "learning": _cues(
        r"""differently | lessons? | learn | looking back | in hindsight | what changed |
        since then |
        would you change | do (?:it|that) again | next time | what did it teach |
        change(?:d)? (?:how|the way) you |
        still do | what stuck | take away | take from | did (?:it|the fix|that) stick | go back |
        same decision | regret | stopped doing | mistake | changed about | as a result |
        because of (?:it|this|that) |
        postmortem | afterwards | feedback did you get | six months later | a year later"""
    ),
    "detail": _cues(
        r"""who exactly | what exactly | how exactly |
        which (?:tool|team|person|system|service|step|part|one) |
        which (?:customers?|engineers?|metrics?|items?) | walk me through (?:the|how|what) |
        what did (?:that|it|the \w+|your \w+) (?:involve|look like|show|say) | look like |
        tell me more |
        in more detail | what did you say (?:to|in) | what was in |
        who (?:was|were) (?:it|they|involved) |
        step by step | what did you (?:write|build|change|put|show) | concretely |
        what specifically"""
    ),
}


def intent_features(follow_up: str) -> dict[str, float]:
    toks = cues.tokens(follow_up)
    bag = {"w:" + t: 1.0 for t in toks}
    bag.update({"b:" + a + "_" + b: 1.0 for a, b in zip(toks, toks[1:], strict=False)})
    bag.update({"s:" + t[:5]: 1.0 for t in toks if len(t) > 5})
    feats = normalised(bag) if bag else {}
    for intent, pattern in INTENT_CUES.items():
        hits = len(pattern.findall(follow_up))
        if hits:
            feats["cue:" + intent] = min(hits, 2)
    return feats


def intent_probabilities(follow_up: str) -> dict[str, float]:
    """How likely the follow-up probes each intent."""
    model = shipped_model("follow_up_intent")
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
