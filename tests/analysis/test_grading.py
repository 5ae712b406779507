from __future__ import annotations

import pytest

from loopcoach.analysis import analyze
from loopcoach.analysis.grading import GradeInputs, grade
from tests.analysis.examples import HYPOTHETICAL, STRONG, WE_STORY


def inputs(**overrides) -> GradeInputs:
    base = dict(
        roles=("situation", "task", "action", "action", "action", "result"),
        i_action_sentences=3,
        metrics_total=4,
        metrics_in_results=2,
        ownership="i",
        hypothetical_probability=0.02,
        word_count=260,
        principle_match=True,
        filler_count=0,
        hedge_count=0,
    )
    return GradeInputs(**{**base, **overrides})


def test_a_complete_quantified_personal_story_grades_high():
    value, _, reasons = grade(inputs())
    assert value >= 3
    assert reasons and all(r[:2] in {"+ ", "- "} for r in reasons)


def test_a_hypothetical_answer_is_a_clear_no():
    assert grade(inputs(hypothetical_probability=0.9))[0] == 1


@pytest.mark.parametrize(
    "worse",
    [
        dict(roles=("situation", "action", "action"), metrics_total=0, metrics_in_results=0),
        dict(ownership="we", i_action_sentences=0),
    ],
)
def test_missing_parts_lower_the_grade(worse):
    assert grade(inputs(**worse))[1] < grade(inputs())[1]


def test_grades_order_example_answers():
    strong = analyze(STRONG, question="Tell me about a time you improved performance.").grade
    we = analyze(WE_STORY).grade
    hyp = analyze(HYPOTHETICAL).grade
    assert strong > we >= hyp == 1
