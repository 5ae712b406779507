"""Every vote band, veto and tie of the mock-loop decision rules."""

from __future__ import annotations

import pytest

from loopcoach.loops import (
    Outcome,
    Vote,
    biggest_gaps,
    loop_decision,
    question_grade,
    round_vote,
)


@pytest.mark.parametrize(
    ("grades", "vote"),
    [
        ([4, 4, 3], Vote.STRONG_HIRE),  # mean 3.67
        ([4, 3], Vote.STRONG_HIRE),  # mean 3.5 exactly: the boundary belongs to the upper band
        ([4, 4, 4, 1], Vote.HIRE),  # mean 3.25
        ([4, 4, 4, 4, 4, 4, 1], Vote.HIRE),  # mean 3.57 but a 1 caps it at hire
        ([3, 3, 2.25], Vote.HIRE),  # mean 2.75 exactly
        ([3, 3, 2], Vote.NO_HIRE),  # mean 2.67
        ([2, 2], Vote.NO_HIRE),  # mean 2.0 exactly
        ([2, 1, 2], Vote.STRONG_NO_HIRE),  # mean 1.67
        ([1, 1], Vote.STRONG_NO_HIRE),
        ([], Vote.STRONG_NO_HIRE),  # nothing to go on
    ],
)
def test_round_vote_bands(grades, vote):
    assert round_vote(grades).vote is vote


def test_an_unanswered_question_counts_as_a_one():
    verdict = round_vote([4, 4, None])
    assert verdict.missing == 1 and verdict.grades == (4, 4, 1)
    assert verdict.vote is Vote.HIRE  # mean 3.0, and the 1 rules out strong hire
    assert "unanswered" in verdict.reason


def test_all_unanswered_is_strong_no_hire():
    assert round_vote([None, None]).vote is Vote.STRONG_NO_HIRE


def test_the_reason_names_the_mean():
    assert "3.67" in round_vote([4, 4, 3]).reason


def _panel(*votes: Vote, bar_raiser: Vote = Vote.HIRE):
    grades = {
        Vote.STRONG_HIRE: [4, 4],
        Vote.HIRE: [3, 3],
        Vote.NO_HIRE: [2, 2],
        Vote.STRONG_NO_HIRE: [1, 1],
    }
    verdicts = [round_vote(grades[v], round_slug=f"round-{i}") for i, v in enumerate(votes)]
    verdicts.append(round_vote(grades[bar_raiser], round_slug="bar-raiser", bar_raiser=True))
    assert [v.vote for v in verdicts] == [*votes, bar_raiser]
    return verdicts


def test_all_hires_is_an_offer():
    decision = loop_decision(_panel(Vote.HIRE, Vote.STRONG_HIRE, Vote.HIRE, Vote.HIRE))
    assert decision.outcome is Outcome.OFFER and not decision.vetoed
    assert decision.hire_votes == 5


@pytest.mark.parametrize("bar_raiser", [Vote.NO_HIRE, Vote.STRONG_NO_HIRE])
def test_the_bar_raiser_vetoes_even_four_strong_hires(bar_raiser):
    decision = loop_decision(_panel(*[Vote.STRONG_HIRE] * 4, bar_raiser=bar_raiser))
    assert decision.outcome is Outcome.NO_OFFER and decision.vetoed
    assert "veto" in decision.reasons[0]
    assert decision.hire_votes == 4  # a majority, and still no offer


@pytest.mark.parametrize("bar_raiser", [Vote.HIRE, Vote.STRONG_HIRE])
def test_a_hiring_bar_raiser_does_not_veto(bar_raiser):
    decision = loop_decision(
        _panel(Vote.HIRE, Vote.HIRE, Vote.NO_HIRE, Vote.HIRE, bar_raiser=bar_raiser)
    )
    assert decision.outcome is Outcome.OFFER and not decision.vetoed


def test_a_no_hire_from_another_interviewer_is_not_a_veto():
    decision = loop_decision(_panel(Vote.NO_HIRE, Vote.HIRE, Vote.HIRE, Vote.HIRE))
    assert decision.outcome is Outcome.OFFER and not decision.vetoed


def test_one_strong_no_hire_stops_an_offer_without_a_veto():
    decision = loop_decision(_panel(Vote.STRONG_NO_HIRE, Vote.STRONG_HIRE, Vote.HIRE, Vote.HIRE))
    assert decision.outcome is Outcome.NO_OFFER and not decision.vetoed
    assert any("strong no hire" in reason for reason in decision.reasons)


def test_a_minority_of_hires_is_no_offer():
    decision = loop_decision(_panel(Vote.NO_HIRE, Vote.NO_HIRE, Vote.NO_HIRE, Vote.HIRE))
    assert decision.outcome is Outcome.NO_OFFER and not decision.vetoed
    assert "2 of 5" in decision.reasons[-1]


def test_three_of_five_is_a_majority():
    decision = loop_decision(_panel(Vote.NO_HIRE, Vote.NO_HIRE, Vote.HIRE, Vote.HIRE))
    assert decision.outcome is Outcome.OFFER and decision.hire_votes == 3


def test_a_tie_is_not_a_majority():
    decision = loop_decision(_panel(Vote.NO_HIRE, Vote.NO_HIRE, Vote.HIRE))  # 2 of 4
    assert decision.outcome is Outcome.NO_OFFER and not decision.vetoed
    assert "tie" in decision.reasons[-1]


def test_veto_and_strong_no_hire_give_both_reasons():
    decision = loop_decision(
        _panel(Vote.STRONG_NO_HIRE, Vote.HIRE, Vote.HIRE, Vote.HIRE, bar_raiser=Vote.NO_HIRE)
    )
    assert decision.vetoed and len(decision.reasons) == 2


def test_no_interviewers_is_no_offer():
    assert loop_decision([]).outcome is Outcome.NO_OFFER


def test_a_loop_without_a_bar_raiser_cannot_be_vetoed():
    verdicts = [
        round_vote([3, 3], round_slug="a"),
        round_vote([2, 2], round_slug="b"),
        round_vote([4, 4], round_slug="c"),
    ]
    assert loop_decision(verdicts).outcome is Outcome.OFFER


def test_biggest_gaps_are_weakest_first_with_unprobed_principles_weakest():
    order = ["a", "b", "c", "d", "e"]
    gaps = biggest_gaps({"a": [4, 4], "b": [2], "c": [3], "d": [1, None]}, order)
    assert [g.principle for g in gaps] == ["e", "d", "b"]
    assert gaps[0].mean is None and gaps[1].mean == 1.0


def test_gap_ties_go_to_fewer_answers_then_to_order():
    gaps = biggest_gaps({"a": [2, 2], "b": [2], "c": [2]}, ["a", "b", "c"], count=3)
    assert [g.principle for g in gaps] == ["b", "c", "a"]


def test_an_answer_that_does_not_answer_the_question_counts_as_a_one():
    verdict = round_vote([4, 2], off_topic=[False, True])
    assert verdict.grades == (4, 1) and verdict.off_topic == 1
    assert verdict.vote is Vote.NO_HIRE  # mean 2.5: the off-topic story is no evidence
    assert "did not answer the question" in verdict.reason


def test_an_on_topic_round_is_unchanged_by_the_off_topic_flags():
    assert round_vote([4, 3], off_topic=[False, False]) == round_vote([4, 3])


def test_an_unanswered_question_is_not_also_counted_off_topic():
    verdict = round_vote([None, 4], off_topic=[True, False])
    assert verdict.missing == 1 and verdict.off_topic == 0


@pytest.mark.parametrize(
    ("answer", "follow_up", "expected"),
    [(4, None, 4), (4, 2, 4), (4, 4, 4), (3, 1, 2), (1, 1, 1), (None, 3, None), (2, 4, 2)],
)
def test_a_follow_up_that_shows_nothing_takes_a_point_off(answer, follow_up, expected):
    assert question_grade(answer, follow_up) == expected
