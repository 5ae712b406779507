from __future__ import annotations

import pytest

from loopcoach.analysis.narrative.claims import find_unsupported_claims
from loopcoach.analysis.sentences import split_sentences


def claims(text: str, skip=()) -> list[str]:
    return [i.text for i in find_unsupported_claims(text, split_sentences(text), skip)]


@pytest.mark.parametrize(
    "text",
    [
        "The new design will improve the customer experience.",
        "This will make the team more productive.",
        "Customers want a faster checkout.",
        "The old system is very difficult to upgrade.",
        "Leading companies have already made this move.",
    ],
)
def test_a_claim_without_data_fires(text):
    assert claims(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The new design cut p99 latency from 900 ms to 150 ms.",
        "It saved three teams a week of work each.",
        "According to the March survey, sellers want automatic approvals.",
        "Will this improve the experience?",
        "We will improve the alarms next sprint.",
        "The batch job runs every night.",
        'A bullet that says "improve latency" hides the number.',
    ],
)
def test_a_claim_with_data_a_source_a_question_or_a_plan_does_not_fire(text):
    assert claims(text) == []


def test_the_tenets_are_choices_not_claims():
    text = "Tenets\nA simple design is better for customers."
    start = text.index("A simple")
    assert claims(text, skip=[(0, len(text))]) == []
    assert claims(text) == [text[start:]]
