"""Is the answer one specific past event, or what the speaker would do / generally does?

A small logistic model over answer-level cues: the share of sentences that
are conditional ("I would", "I'd") or habitual ("I always", "I usually";
LABELS.md counts what the speaker generally does as hypothetical too),
against the share that narrate first-person past events and anchor a time
or place ("at my last company", "in 2021", "last year").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loopcoach.analysis import cues
from loopcoach.analysis.linear import LinearModel, shipped_models, sigmoid

_ANCHOR = re.compile(
    r"\b(?:at my (?:last|previous|current|old|first)|at (?:a|an) [\w-]+ (?:company|"
    r"startup|firm|bank|retailer|provider)|in (?:19|20)\d\d|last (?:year|month|"
    r"quarter|spring|summer|fall|winter)|years? ago|months? ago|one time|once,|"
    r"there was a time|i remember|when i was|when i joined|back when|back in)\b",
    re.I,
)
# Notes drop the "I": "- wrote a reusable workflow", "- moved the 5 noisiest services myself".
# A line that opens with a past-tense verb narrates an event just as "I wrote…" does.
_NOTE_PAST = re.compile(
    r"^\W*(?!(?:based|related|interested|used to|supposed|called|named|needed)\b)"
    r"(?:\w+ly\s+)?(?:\w+ed|wrote|built|ran|made|took|led|set up|got|found|went|drove|gave|"
    r"told|kept|began|chose|cut|sent|brought|spent|won|put|shipped|rewrote|split|sold|paid)\b",
    re.I,
)
# A bare year in notes ("fintech, 2022") dates one event as "in 2022" does.
_YEAR = re.compile(r"(?<![\d.,$£€])\b(?:19[89]\d|20[0-4]\d)\b(?![\d%])")
_WE_PAST = re.compile(
    r"\bwe\s+(?:\w+ly\s+)?(\w+ed|had|did|made|took|went|built|found|got|ran|shipped)\b", re.I
)


def hypothetical_features(sentences: Sequence[str]) -> dict[str, float]:
    n = max(1, len(sentences))
    would = sum(cues.would_cue(s) for s in sentences)
    habit = sum(cues.habit_cue(s) for s in sentences)
    past_i = sum(cues.past_i_cue(s) for s in sentences)
    we_past = sum(bool(_WE_PAST.search(s)) for s in sentences)
    note_past = sum(bool(_NOTE_PAST.search(s)) for s in sentences)
    anchor = sum(bool(_ANCHOR.search(s) or _YEAR.search(s)) for s in sentences)
    # "I always…", "what I usually do…": habits describe no one event either (LABELS.md).
    habit_only = sum(cues.habit_cue(s) and not cues.would_cue(s) for s in sentences)
    return {
        "habit_only_share": habit_only / n,
        "no_past_narration": float(past_i + we_past + note_past == 0),
        "note_past_share": note_past / n,
        "would_share": would / n,
        "habit_share": habit / n,
        "past_i_share": past_i / n,
        "we_past_share": we_past / n,
        "anchor": min(anchor, 2) / 2,
        "any_would": float(would > 0),
        "conditional_dominates": float(would + habit > past_i + we_past + note_past),
    }


def hypothetical_probability(sentences: Sequence[str], model: LinearModel | None = None) -> float:
    feats = hypothetical_features(sentences)
    model = model or shipped_models().hypothetical
    if model is None:
        return (
            1.0
            if feats["conditional_dominates"] and feats["would_share"] + feats["habit_share"] >= 0.3
            else 0.0
        )
    score = model.bias[0] + sum(model.weights.get(k, [0.0])[0] * v for k, v in feats.items())
    return sigmoid(score)


def is_hypothetical(sentences: Sequence[str]) -> bool:
    return hypothetical_probability(sentences) >= 0.5
