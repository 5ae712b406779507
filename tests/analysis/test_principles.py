from __future__ import annotations

import pytest

from loopcoach.analysis.principles import NAMES, asked_principle, rank_principles

FRUGAL_STORY = (
    "Our cloud bill had doubled in a year and we had no budget for more servers. "
    "I went through every service's spend and found idle test environments costing $20,000 a month. "
    "I wrote a job that shut them down at night and moved logs to cheaper storage. "
    "We cut the bill by 30% without buying anything new."
)


@pytest.mark.parametrize(("question", "slug"), [
    ("Tell me about a time you disagreed with your manager.", "have-backbone-disagree-and-commit"),
    ("Tell me about a time you went out of your way for a customer.", "customer-obsession"),
    ("Describe a time you had to find the root cause of a hard problem.", "dive-deep"),
    ("Tell me about a time you mentored someone on your team.", "hire-and-develop-the-best"),
    ("Tell me about a time you did more with less.", "frugality"),
])
def test_it_reads_the_principle_a_question_asks_about(question, slug):
    assert asked_principle(question)[0] == slug


def test_without_a_question_nothing_is_asked():
    assert asked_principle(None) == (None, 0.0)
    assert asked_principle("   ") == (None, 0.0)


def test_it_ranks_all_sixteen_principles_best_first():
    ranked = rank_principles(FRUGAL_STORY, {})
    assert sorted(p.slug for p in ranked) == sorted(NAMES)
    assert [p.score for p in ranked] == sorted((p.score for p in ranked), reverse=True)
    assert abs(sum(p.score for p in ranked) - 1) < 1e-6
    assert "frugality" in [p.slug for p in ranked[:3]]


def test_the_asked_principle_lifts_but_does_not_decide_alone():
    plain = [p.slug for p in rank_principles(FRUGAL_STORY, {})]
    asked = [p.slug for p in rank_principles(FRUGAL_STORY, {"earn-trust": 1.0})]
    assert asked.index("earn-trust") < plain.index("earn-trust")
