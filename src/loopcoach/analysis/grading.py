"""The 1-4 grade, from what the other parts found, with the reasons that drove it.

A linear score over answer-level features (STAR completeness, personal
actions and who did the work, quantified results, specific details, ownership,
hypothetical, length and conciseness, fit with the principle asked, whether
the story answers the question), cut into grades at learned thresholds. Four
rules from LABELS.md bound it: a hypothetical answer is a 1, a story that does
not answer the question is at most a 2, so is a story told mostly as "we",
and a 4 must be concise. The reasons are the features that pulled the score up
or down the most, led by the rule that capped the grade, if one did.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from loopcoach.analysis.linear import LinearModel, shipped_models


@dataclass(frozen=True, slots=True)
class GradeInputs:
    roles: tuple[str, ...]
    i_action_sentences: int
    metrics_total: int
    metrics_in_results: int
    ownership: str
    hypothetical_probability: float
    word_count: int
    principle_match: bool | None
    filler_count: int
    hedge_count: int
    # Calibrated probability that the story shows the asked principle (None: nothing asked).
    principle_fit: float | None = None
    # Share of "I" among the I/we subjects of the whole answer (None: neither occurs).
    i_share: float | None = None
    # Relevance (LABELS.md `answers_question`), from the relevance model; None when unknown.
    answers_question: bool | None = None
    relevance_score: float | None = None
    # Named people, tools, places, quotes: the concrete details of a story.
    specific_details: int = 0


# Features where more is worse; the grade model is fitted with every other weight >= 0 and these
# <= 0, so that no reason can say "has no numbers" because numbers happened to correlate with
# something else in training.
WORSE_WHEN_HIGHER = frozenset(
    "hypothetical too_long filler_rate hedge_rate other_share ownership_we off_topic".split()
)
CONCISE_WORDS = 450  # LABELS.md: a 4 is concise; no strong answer we have seen runs longer
OFF_TOPIC_MAX = 2  # LABELS.md: a story that does not answer the question is at most a 2
WE_MAX = 2  # LABELS.md: 2 = leaning no (… or mostly "we")


REASONS = {
    "has_situation": ("sets the scene", "does not set the scene"),
    "has_task": ("states your own goal", "does not say what you had to achieve"),
    "has_action": ("describes your actions", "does not describe actions you took"),
    "has_result": ("says what came of it", "has no result"),
    "action_share": (
        "spends most of the answer on actions",
        "spends little of the answer on your actions",
    ),
    "i_actions": ("says clearly what you did", "does not say clearly what you did yourself"),
    "metrics": ("quantifies scale or impact", "has no numbers"),
    "result_metrics": ("quantifies the result", "does not quantify the result"),
    "ownership_i": ("tells the story as yours", "is told mostly as the team's"),
    "ownership_we": ("", 'is told mostly as "we"'),
    "hypothetical": ("", "describes what you would do, not a real event"),
    "length": ("has enough detail", "is short on detail"),
    "too_long": ("", "is long; tighten it"),
    "specificity": ("gives concrete details", "stays general; name the people, tools and steps"),
    "i_share": ("makes clear who did the work", "leaves unclear who did the work"),
    "off_topic": ("", "does not answer the question asked"),
    "principle_match": (
        "fits the principle asked about",
        "shows a different principle than the question asks",
    ),
    "filler_rate": ("", "has many filler words"),
    "hedge_rate": ("", "hedges a lot"),
    "other_share": ("", "spends a lot of words outside the story"),
}


def grade_features(g: GradeInputs) -> dict[str, float]:
    n = max(1, len(g.roles))
    roles = set(g.roles)
    words = max(1, g.word_count)
    return {
        "has_situation": float("situation" in roles),
        "has_task": float("task" in roles),
        "has_action": float("action" in roles),
        "has_result": float("result" in roles),
        "action_share": g.roles.count("action") / n,
        "i_actions": min(g.i_action_sentences, 6) / 6,
        "metrics": math.log1p(g.metrics_total) / math.log(11),
        "result_metrics": float(g.metrics_in_results > 0),
        "ownership_i": float(g.ownership == "i"),
        "ownership_we": float(g.ownership == "we"),
        "hypothetical": g.hypothetical_probability,
        "length": min(words, 250) / 250,
        "too_long": max(0.0, min(1.0, (words - 350) / 300)),
        "specificity": min(1.0, g.specific_details * 100 / words / 3),
        "i_share": 0.5 if g.i_share is None else g.i_share,
        "off_topic": float(off_topic(g)),
        "principle_match": _principle_match(g),
        "filler_rate": min(1.0, 20 * g.filler_count / words),
        "hedge_rate": min(1.0, 20 * g.hedge_count / words),
        "other_share": g.roles.count("other") / n,
    }


def grade(g: GradeInputs, model: LinearModel | None = None) -> tuple[int, float, list[str]]:
    """(grade 1-4, the continuous score behind it, reasons in plain words, most decisive first)."""
    feats = grade_features(g)
    model = model or shipped_models().grade
    if model is None:
        score = _fallback_score(feats)
        cuts = [1.5, 2.5, 3.5]
        contributions = {k: v - 0.5 for k, v in feats.items()}
    else:
        weights = {k: row[0] for k, row in model.weights.items()}
        score = model.bias[0] + sum(weights.get(k, 0.0) * v for k, v in feats.items())
        cuts = list(model.extra["thresholds"])
        means = model.extra.get("feature_means", {})
        contributions = {k: weights.get(k, 0.0) * (v - means.get(k, 0.0)) for k, v in feats.items()}
    value = 1 + sum(score >= c for c in cuts)
    if g.word_count > CONCISE_WORDS:
        value = min(value, 3)
    capped_by = []  # the features whose rule lowered the grade: they lead the reasons
    for feature, applies, cap in (
        ("off_topic", off_topic(g), OFF_TOPIC_MAX),
        ("ownership_we", g.ownership == "we", WE_MAX),
    ):
        if applies and value > cap:
            value = cap
            capped_by.append(feature)
    if g.hypothetical_probability >= 0.5:
        value = 1  # LABELS.md: a hypothetical answer is a clear no

    return value, score, _reasons(contributions, capped_by, _contradicted(g))


def _contradicted(g: GradeInputs) -> frozenset[str]:
    """The features whose bad reason the same report would refute: a weight below the mean is
    no licence to say "has no numbers" of an answer with numbers, "told mostly as the team's"
    of one that is not mostly "we", or "unclear who did the work" when the deeds are "I"."""
    out = set()
    if g.metrics_total > 0:
        out.add("metrics")
    if g.metrics_in_results > 0:
        out.add("result_metrics")
    if g.ownership != "we":
        out.add("ownership_i")
    if g.ownership == "i":
        out.add("i_share")
    return frozenset(out)


def off_topic(g: GradeInputs) -> bool:
    """The story does not answer the question: the relevance verdict, or its score when only
    that is known."""
    if g.answers_question is not None:
        return not g.answers_question
    return g.relevance_score is not None and g.relevance_score < 0.5


def _principle_match(g: GradeInputs) -> float:
    if g.principle_fit is not None:
        return g.principle_fit
    return 0.5 if g.principle_match is None else float(g.principle_match)


# A capitalised word inside a sentence (a name, a tool, a team), a quote, or a word with digits
# or inner capitals (S3, gRPC, PagerDuty).
_NAMED = re.compile(
    r"(?<=[a-z,;:] )[A-Z][\w'’-]+|[“\"][^”\"]{3,80}[”\"]|\b[A-Za-z]+\d\w*|\b[a-z]+[A-Z]\w*"
)


def count_specific_details(sentences: Sequence[str]) -> int:
    """Concrete details: names of people, tools, teams and places, quoted words."""
    return sum(len(_NAMED.findall(s)) for s in sentences)


def _reasons(
    contributions: dict[str, float],
    capped_by: Sequence[str] = (),
    contradicted: frozenset[str] = frozenset(),
) -> list[str]:
    out = ["- the answer " + REASONS[name][1] for name in capped_by]
    ranked = sorted(contributions.items(), key=lambda kv: -abs(kv[1]))
    for name, c in ranked:
        if abs(c) < 0.05 or name in capped_by or (c < 0 and name in contradicted):
            continue
        good, bad = REASONS[name]
        text = good if c > 0 else bad
        if text:
            out.append(("+ " if c > 0 else "- ") + "the answer " + text)
        if len(out) == 4:
            break
    return out


def _fallback_score(f: dict[str, float]) -> float:
    star = f["has_situation"] + f["has_task"] + f["has_action"] + f["has_result"]
    return (
        0.4 * star
        + 1.2 * f["i_actions"]
        + f["metrics"]
        + 0.5 * f["ownership_i"]
        - 2 * f["hypothetical"]
        - 0.5 * f["ownership_we"]
    )
