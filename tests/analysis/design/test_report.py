"""The design JSON as DESIGN.md gives it, and grades that move the right way."""

from __future__ import annotations

import json

from loopcoach.analysis import analyze_design
from loopcoach.analysis.design.bench import SAMPLE_DESIGN, SAMPLE_QUESTION
from loopcoach.analysis.design.rubric import ITEMS

WEAK = (
    "A rate limiter sits in front of the API and counts requests. I would probably use a token "
    "bucket. If a user sends too many requests we block them. It needs to be reliable."
)
WRONG = SAMPLE_DESIGN.replace("about 23,000 requests per second", "about 2 M requests per second")


def test_the_json_has_the_contract_keys():
    d = analyze_design(SAMPLE_DESIGN, question=SAMPLE_QUESTION).to_dict()
    assert d["schema_version"] == 1 and d["kind"] == "design"
    for key in (
        "rubric",
        "estimates",
        "estimate_errors",
        "grade",
        "strengths",
        "improvements",
        "follow_ups",
        "expectations",
        "question_key",
    ):
        assert key in d
    assert [r["item"] for r in d["rubric"]] == list(ITEMS)
    for r in d["rubric"]:
        assert set(r) >= {"item", "covered", "evidence"}
        for e in r["evidence"]:
            assert SAMPLE_DESIGN[e["start"] : e["end"]] == e["text"]
    for e in d["estimates"]:
        assert SAMPLE_DESIGN[e["start"] : e["end"]] == e["text"]
    assert d["question_key"] == "amzn-em-design-rate-limiter"
    json.dumps(d)  # serialisable as it is


def test_a_strong_answer_grades_above_a_weak_one():
    strong = analyze_design(SAMPLE_DESIGN, question=SAMPLE_QUESTION)
    weak = analyze_design(WEAK, question=SAMPLE_QUESTION)
    assert strong.grade >= 3 > weak.grade
    assert len(strong.covered) > len(weak.covered)


def test_a_wrong_estimate_costs_a_strong_answer_its_four_and_is_asked_about():
    right = analyze_design(SAMPLE_DESIGN, question=SAMPLE_QUESTION)
    wrong = analyze_design(WRONG, question=SAMPLE_QUESTION)
    assert right.estimate_errors == [] and right.grade == 4
    (error,) = wrong.estimate_errors
    assert error.span.text == "2 M requests per second"
    assert error.expected == "about 23,100 requests per second"
    assert wrong.grade == 3
    assert wrong.follow_ups[0].startswith("Walk me through how you got 2 M requests per second")
    assert wrong.improvements[0].startswith("Check the arithmetic")


def test_missing_expectations_become_improvements_and_follow_ups():
    report = analyze_design(WEAK, question=SAMPLE_QUESTION)
    codes = [r.code for r in report.feedback]
    assert "expected-store-down" in codes
    assert any("counter store is down" in q or "goes down" in q for q in report.follow_ups)


def test_a_question_outside_the_packs_is_judged_on_the_general_rubric():
    report = analyze_design(SAMPLE_DESIGN, question="Design an elevator controller.")
    assert report.question_key is None and report.expectations == []
    assert "deep_dive" not in report.covered
    assert report.grade >= 3
