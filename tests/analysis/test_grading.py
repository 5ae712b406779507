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
        principle_fit=0.9,
        i_share=0.85,
        specific_details=6,
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
        dict(ownership="we", i_action_sentences=0, i_share=0.1),
    ],
)
def test_missing_parts_lower_the_grade(worse):
    assert grade(inputs(**worse))[1] < grade(inputs())[1]


def test_grades_order_example_answers():
    strong = analyze(STRONG, question="Tell me about a time you improved performance.").grade
    we = analyze(WE_STORY).grade
    hyp = analyze(HYPOTHETICAL).grade
    assert strong > we >= hyp == 1


def test_a_story_that_does_not_answer_the_question_is_at_most_a_2():
    assert grade(inputs())[0] >= 3
    value, _, reasons = grade(inputs(answers_question=False))
    assert value <= 2
    assert grade(inputs(answers_question=None, relevance_score=0.2))[0] <= 2
    assert grade(inputs(answers_question=True, relevance_score=0.2))[0] >= 3


def test_a_ramble_is_not_a_4():
    strong = inputs(metrics_total=8, metrics_in_results=4, i_action_sentences=6)
    assert grade(strong)[0] == 4
    assert grade(inputs(**{**_fields(strong), "word_count": 630}))[0] <= 3


def test_length_and_conciseness_move_the_score():
    assert grade(inputs(word_count=40))[1] < grade(inputs(word_count=260))[1]
    assert grade(inputs(word_count=600))[1] < grade(inputs(word_count=260))[1]


def test_who_did_the_work_moves_the_score_and_specifics_never_lower_it():
    assert grade(inputs(i_share=0.2))[1] < grade(inputs(i_share=0.9))[1]
    # Sign-constrained: more named detail never lowers the score (how much it raises it is
    # learned; with the metric counts beside it the weight may come out near zero).
    assert grade(inputs(specific_details=0))[1] <= grade(inputs(specific_details=8))[1]


def test_the_grade_reasons_name_what_drove_it():
    _, _, reasons = grade(inputs(answers_question=False))
    assert any("does not answer the question" in r for r in reasons)


def _fields(g: GradeInputs) -> dict:
    from dataclasses import asdict

    return {**asdict(g), "roles": g.roles}


def test_a_story_told_mostly_as_we_is_at_most_a_2_and_says_why_first():
    strong = inputs(metrics_total=8, metrics_in_results=4, i_action_sentences=6)
    assert grade(strong)[0] == 4
    value, _, reasons = grade(inputs(**{**_fields(strong), "ownership": "we"}))
    assert value == 2
    assert reasons[0] == '- the answer is told mostly as "we"'
    # A mixed story is not capped, and the reason does not lead an uncapped grade.
    value, _, reasons = grade(inputs(**{**_fields(strong), "ownership": "mixed"}))
    assert value >= 3 and '- the answer is told mostly as "we"' not in reasons


def test_the_off_topic_cap_leads_the_reasons_when_it_lowers_the_grade():
    _, _, reasons = grade(inputs(answers_question=False))
    assert reasons[0] == "- the answer does not answer the question asked"


def test_the_reasons_never_say_what_the_same_report_refutes():
    # One number is below the training mean, yet "has no numbers" would be false.
    _, _, reasons = grade(inputs(metrics_total=1, metrics_in_results=0))
    assert "- the answer has no numbers" not in reasons
    _, _, reasons = grade(inputs(metrics_total=0, metrics_in_results=0))
    assert "- the answer has no numbers" in reasons
    # "Unclear who did the work" of an "I" story, "mostly the team's" of a mixed one: no.
    _, _, reasons = grade(inputs(i_share=0.0, i_action_sentences=0))
    assert "- the answer leaves unclear who did the work" not in reasons
    _, _, reasons = grade(inputs(i_share=0.0, i_action_sentences=0, ownership="mixed"))
    assert "- the answer leaves unclear who did the work" in reasons
    assert "- the answer is told mostly as the team's" not in reasons
    _, _, reasons = grade(inputs(ownership="we", i_share=0.2))
    assert any("we" in r for r in reasons)
