"""STAR role of every sentence: a linear model over words and cues, smoothed over the sequence.

The model gives each sentence a probability per role; a Viterbi pass then
adds what it learned about order (situation tends to come first, result
last, task rarely follows result) to pick the best sequence of roles.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from loopcoach.analysis import cues
from loopcoach.analysis.linear import LinearModel, normalised, shipped_models

ROLES = ("situation", "task", "action", "result", "other")

_TASK = re.compile(
    r"\b(?:my (?:goal|job|task|role|responsibility|mandate|challenge|mission|"
    r"priority)|i was (?:asked|tasked|responsible|charged|brought in|hired|"
    r"given|put in charge|expected)|i (?:needed|had) to|i owned|i wanted to|"
    r"the (?:goal|challenge|task|ask) was|i had to (?:decide|figure|find|get|"
    r"make|convince)|it was (?:on me|my call|my job)|needed (?:someone|me) to)\b",
)
_RESULT = re.compile(
    r"\b(?:as a result|in the end|ended up|the result|the outcome|since then|"
    r"afterwards|after that|learned|learnt|lesson|taught me|went (?:from|up|down)|"
    r"dropped|fell|rose|increased|decreased|reduced|improved|grew|saved|cut|stopped|"
    r"launched|shipped|delivered|recovered|renewed|promoted|back to normal|"
    r"no longer|never again|still (?:use|in use|running)|today|now|adopted|became)\b",
)
_SITUATION = re.compile(
    r"\b(?:at my (?:last|previous|current|old|first)|at (?:a|an|my) \w+ (?:company|startup|firm|"
    r"bank)|i was (?:a|an|the) |when i (?:joined|was)|we had|there was|there were|our team|"
    r"the team was|years? ago|back in|at the time|was responsible for|had been|used to)\b",
)
_OTHER = re.compile(
    r"\b(?:great question|good question|good one|let me think|that's a|i think (?:that )?\w+ is|"
    r"in general|generally|i believe|i really believe|i'm a big believer|for me|to me|honestly|"
    r"so yeah|that's (?:it|my|the)|hope that|does that answer|i'd say|i always say)\b|\?$",
)


# Written-up answers (blog posts, prep documents) label their parts: "Situation: …", "**Action** -".
_HEADING = re.compile(
    r"^\W{0,3}(situation|context|background|task|challenge|actions?|approach|results?|outcome|"
    r"impact)\W{0,3}\s*[:\-–—]",
    re.I,
)
_HEADING_ROLE = {
    "situation": "situation",
    "context": "situation",
    "background": "situation",
    "task": "task",
    "challenge": "task",
    "action": "action",
    "actions": "action",
    "approach": "action",
    "result": "result",
    "results": "result",
    "outcome": "result",
    "impact": "result",
}


def sections(sentences: Sequence[str]) -> list[str | None]:
    """The STAR heading each sentence falls under ("Action: I rebuilt…" and the sentences after
    it, up to the next heading), or None in an answer without headings."""
    current: str | None = None
    out = []
    for sentence in sentences:
        heading = _HEADING.match(sentence)
        if heading:
            current = _HEADING_ROLE[heading.group(1).lower()]
        out.append(current)
    return out


def sentence_features(
    sentence: str, index: int, count: int, has_metric: bool, section: str | None = None
) -> dict[str, float]:
    """Features of one sentence in its answer; used identically for training and scoring.
    `section` is the heading it falls under (`sections`), when the answer has headings."""
    toks = cues.tokens(sentence)
    bag: dict[str, float] = {}
    for t in toks:
        bag["w:" + t] = 1.0
    for a, b in zip(toks, toks[1:], strict=False):
        bag["b:" + a + "_" + b] = 1.0
    feats = normalised(bag)
    feats.update(_cue_features(sentence, toks, has_metric))
    feats.update(_position_features(index, count))
    if section:
        feats["h:" + section] = 1.0
    return feats


def _cue_features(sentence: str, toks: list[str], has_metric: bool) -> dict[str, float]:
    lower = sentence.lower().replace("’", "'")
    i_verbs = cues.subject_verbs(toks, cues.I_FORMS)
    we_verbs = cues.subject_verbs(toks, cues.WE_FORMS)
    f: dict[str, float] = {}
    flags = {
        "c:i_past": any(cues.is_past_verb(v) for v in i_verbs),
        "c:we_past": any(cues.is_past_verb(v) for v in we_verbs),
        "c:i_would": cues.would_cue(sentence),
        "c:habit": cues.habit_cue(sentence),
        "c:metric": has_metric,
        "c:task": bool(_TASK.search(lower)),
        "c:result": bool(_RESULT.search(lower)),
        "c:situation": bool(_SITUATION.search(lower)),
        "c:other": bool(_OTHER.search(lower)),
        "c:no_first_person": not (i_verbs or we_verbs or "my" in toks or "our" in toks),
        "c:short": len(toks) < 7,
        "c:long": len(toks) > 30,
    }
    for name, on in flags.items():
        if on:
            f[name] = 1.0
    if toks:
        f["f1:" + toks[0]] = 1.0
        if len(toks) > 1:
            f["f2:" + toks[0] + "_" + toks[1]] = 1.0
    for v in i_verbs[:2]:
        f["iv:" + v] = 1.0
    return f


def _position_features(index: int, count: int) -> dict[str, float]:
    rel = index / max(1, count - 1)
    f = {f"p:q{min(4, int(rel * 5))}": 1.0}
    if index == 0:
        f["p:first"] = 1.0
    if index == 1:
        f["p:second"] = 1.0
    if index == count - 1:
        f["p:last"] = 1.0
    if index == count - 2:
        f["p:penultimate"] = 1.0
    return f


def role_probabilities(
    sentences: Sequence[str], metric_flags: Sequence[bool], model: LinearModel
) -> list[list[float]]:
    n = len(sentences)
    under = sections(sentences)
    return [
        model.probabilities(sentence_features(s, i, n, metric_flags[i], under[i]))
        for i, s in enumerate(sentences)
    ]


def assign_roles(
    sentences: Sequence[str], metric_flags: Sequence[bool], model: LinearModel | None = None
) -> list[str]:
    """One role per sentence (ROLES), best sequence under the model and the learned transitions."""
    if not sentences:
        return []
    model = model or shipped_models().roles
    if model is None:
        return [_fallback_role(s, i, len(sentences)) for i, s in enumerate(sentences)]
    probs = role_probabilities(sentences, metric_flags, model)
    return viterbi(probs, model)


def viterbi(probs: list[list[float]], model: LinearModel) -> list[str]:
    classes = model.classes
    k = len(classes)
    alpha = float(model.extra.get("transition_weight", 0.0))
    trans = model.extra.get("transitions") or [[0.0] * k for _ in range(k)]
    start = model.extra.get("start") or [0.0] * k
    score = [math.log(max(p, 1e-9)) + alpha * start[j] for j, p in enumerate(probs[0])]
    back: list[list[int]] = []
    for row in probs[1:]:
        new, ptr = [], []
        for j in range(k):
            best = max(range(k), key=lambda i: score[i] + alpha * trans[i][j])
            new.append(score[best] + alpha * trans[best][j] + math.log(max(row[j], 1e-9)))
            ptr.append(best)
        score, back = new, [*back, ptr]
    j = max(range(k), key=lambda i: score[i])
    path = [j]
    for ptr in reversed(back):
        j = ptr[j]
        path.append(j)
    return [classes[j] for j in reversed(path)]


def _fallback_role(sentence: str, index: int, count: int) -> str:
    """Rules used only when no trained model ships (a fresh checkout before `analysis train`)."""
    lower = sentence.lower()
    if _OTHER.search(lower):
        return "other"
    if _TASK.search(lower):
        return "task"
    if index >= count - 2 and _RESULT.search(lower):
        return "result"
    if cues.past_i_cue(sentence) or cues.would_cue(sentence):
        return "action"
    return "situation" if index < count / 3 else "result" if index == count - 1 else "action"
