"""Strengths, improvements and follow-up questions for a design answer, each pointing at text.

Each remark has a stable code. Improvements come in the order an interviewer
would raise them: a story instead of a design, wrong arithmetic, the
question's own deep dive, then the general rubric.
"""

from __future__ import annotations

import re

from loopcoach.analysis.design.estimates import EstimateError
from loopcoach.analysis.design.expectations import Expectation
from loopcoach.analysis.design.report import ExpectationCoverage
from loopcoach.analysis.design.rubric import RubricItem
from loopcoach.analysis.report import FollowUp, Remark
from loopcoach.analysis.spans import Span

MAX_STRENGTHS = 4
MAX_EXPECTATION_IMPROVEMENTS = 3
MAX_FOLLOW_UPS = 4
QUOTE_CHARS = 90

ADVICE = {
    "requirements": "Start by stating the requirements: what the system must do, and the "
    "non-functional targets (latency, availability, durability), or the questions you would ask.",
    "estimates": "Size the system before designing it: users, requests per second, storage and "
    "bandwidth, with the arithmetic shown.",
    "api": "Sketch the API: the main calls, their inputs and what they return.",
    "data_model": "Give the data model: the entities or tables, their keys, and how they are "
    "looked up.",
    "high_level": "Draw the high-level design in words: the components and how a request flows "
    "through them.",
    "deep_dive": "Go deep on the part this question is really about instead of staying at the "
    "surface of every part.",
    "scaling": "Say how the design scales: caching, sharding or partitioning, replication, load "
    "balancing, queues.",
    "trade_offs": "Name the trade-offs: what you give up (consistency, latency, cost) and why "
    "that is the right price here.",
    "operations": "Cover failure modes and operations: what fails, how you notice (monitoring, "
    "alarms, on-call), and how you recover.",
}
PRAISE = {
    "requirements": "You set out the requirements",
    "estimates": "You sized the system with numbers",
    "api": "You defined the API",
    "data_model": "You gave a data model",
    "high_level": "You laid out the components and how they connect",
    "deep_dive": "You went deep where this question needs it",
    "scaling": "You explained how it scales",
    "trade_offs": "You named a trade-off",
    "operations": "You thought about failure and operations",
}
# Follow-ups grounded in what the answer itself mentions.
_MENTION_FOLLOW_UPS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "cache-failure",
        re.compile(r"\bcach(?:e|es|ing)\b", re.I),
        "What happens when the cache node holding the hottest keys fails?",
    ),
    (
        "shard-key",
        re.compile(r"\bshard(?:s|ed|ing)?\b|\bpartition(?:s|ed|ing)?\b", re.I),
        "How do you choose the shard key, and what happens when one shard gets hot?",
    ),
    (
        "queue-backlog",
        re.compile(r"\bqueues?\b|\bkafka\b|\bsqs\b", re.I),
        "The consumers fall an hour behind the queue. What do customers notice, "
        "and what do you do?",
    ),
    (
        "replica-lag",
        re.compile(r"\breplica(?:s|tion)?\b", re.I),
        "A replica lags by thirty seconds. What does a user who just wrote see?",
    ),
)


def remarks(
    rubric: list[RubricItem],
    coverage: list[ExpectationCoverage],
    errors: list[EstimateError],
    story_like: bool,
) -> list[Remark]:
    out: list[Remark] = []
    if story_like:
        out.append(
            Remark(
                "improvement",
                "story-not-design",
                "This reads like a story about a past project, which is a fine answer to a "
                "behavioral question. Here the interviewer wants you to design the system: start "
                "with the requirements, size it, then walk through the components.",
            )
        )
    for e in errors:
        out.append(_estimate_remark(e))
    missing = [c for c in coverage if not c.covered]
    for c in missing[:MAX_EXPECTATION_IMPROVEMENTS]:
        out.append(Remark("improvement", f"expected-{c.key}", f"Cover {c.label}."))
    for item in rubric:
        if not item.covered:
            out.append(Remark("improvement", f"missing-{item.item}", ADVICE[item.item]))
    wrong = {(e.span.start, e.span.end) for e in errors}
    strengths = [
        _praise(item)
        for item in rubric
        if item.covered and item.evidence and not (item.item == "estimates" and wrong)
    ]
    return strengths[:MAX_STRENGTHS] + out


def follow_ups(
    text: str,
    expectation: Expectation | None,
    coverage: list[ExpectationCoverage],
    errors: list[EstimateError],
) -> list[FollowUp]:
    out: list[FollowUp] = []
    for e in errors[:1]:
        out.append(
            FollowUp(
                "estimate-check",
                f"Walk me through how you got {e.span.text}: I make it {e.expected}.",
                e.span.start,
                e.span.end,
            )
        )
    if expectation is not None:
        asks = {item.key: item.ask for item in expectation.items}
        for c in coverage:
            if not c.covered and len(out) < MAX_FOLLOW_UPS - 1:
                out.append(FollowUp(f"expected-{c.key}", asks[c.key]))
    for code, pattern, question in _MENTION_FOLLOW_UPS:
        m = pattern.search(text)
        if m and len(out) < MAX_FOLLOW_UPS:
            out.append(FollowUp(code, question, m.start(), m.end()))
    return out[:MAX_FOLLOW_UPS]


def _estimate_remark(e: EstimateError) -> Remark:
    return Remark(
        "improvement",
        "estimate-error",
        f"Check the arithmetic: \u201c{e.span.text}\u201d does not follow from the numbers "
        f"before it; they give {e.expected}.",
        e.span.start,
        e.span.end,
        quote=e.span.text,
    )


def _praise(item: RubricItem) -> Remark:
    span = item.evidence[0]
    return Remark(
        "strength",
        f"covered-{item.item}",
        f"{PRAISE[item.item]}: \u201c{_quote(span)}\u201d",
        span.start,
        span.end,
        quote=span.text,
    )


def _quote(span: Span) -> str:
    text = " ".join(span.text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "\u2026"
