from __future__ import annotations

import pytest

from loopcoach.analysis.principles import NAMES, asked_principle, rank_principles

FRUGAL_STORY = (
    "Our cloud bill had doubled in a year and we had no budget for more servers. I "
    "went through every service's spend and found idle test environments costing "
    "$20,000 a month. I wrote a job that shut them down at night and moved logs to "
    "cheaper storage. We cut the bill by 30% without buying anything new."
)


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        (
            "Tell me about a time you disagreed with your manager.",
            "have-backbone-disagree-and-commit",
        ),
        ("Tell me about a time you went out of your way for a customer.", "customer-obsession"),
        ("Describe a time you had to find the root cause of a hard problem.", "dive-deep"),
        ("Tell me about a time you mentored someone on your team.", "hire-and-develop-the-best"),
        ("Tell me about a time you did more with less.", "frugality"),
    ],
)
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


DATA_STORY = (
    "A customer asked why her monthly invoice looked wrong, so I pulled the "
    "billing logs for her account. I traced every line item through our queries "
    "and found that a currency conversion ran twice. I dug into the data for the "
    "whole quarter and found 300 other accounts with the same discrepancy. I "
    "wrote the root cause analysis and the fix, and the error has not come back."
)


def test_story_cues_count_what_the_speaker_did():
    from loopcoach.analysis.principles import story_cue_counts

    counts = story_cue_counts(
        "I dug into the logs and traced the root cause. I cut the cloud bill by $3k."
    )
    assert counts["dive-deep"] >= 3
    assert counts["frugality"] >= 2


def test_the_bonus_shrinks_when_the_story_clearly_shows_another_principle():
    from loopcoach.analysis.principles import asked_bonus

    unsure = {"customer-obsession": 0.3, "dive-deep": 0.3, "frugality": 0.4}
    sure = {"customer-obsession": 0.05, "dive-deep": 0.9, "frugality": 0.05}
    assert asked_bonus(3.0, 0.0, 1.0, sure, "customer-obsession") == 3.0
    assert asked_bonus(3.0, 1.0, 1.0, sure, "customer-obsession") < asked_bonus(
        3.0, 1.0, 1.0, unsure, "customer-obsession"
    )
    assert asked_bonus(3.0, 1.0, 0.5, unsure, "customer-obsession") == pytest.approx(
        0.5 * 3.0 * 0.6
    )


def test_deeds_are_the_action_and_result_sentences():
    from loopcoach.analysis.principles import deeds_text

    assert (
        deeds_text(["A.", "B.", "C.", "D."], ["situation", "action", "result", "other"]) == "B. C."
    )


def test_a_story_about_data_can_outrank_the_asked_principle_in_the_deeds():
    ranked = [
        p.slug for p in rank_principles(DATA_STORY, {"customer-obsession": 1.0}, deeds=DATA_STORY)
    ]
    assert "dive-deep" in ranked[:2]
