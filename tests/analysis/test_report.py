"""The public contract: analyze() and the analysis JSON of DESIGN.md, on any input."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loopcoach.analysis import AnalysisInputError, Report, analyze
from loopcoach.analysis.principles import NAMES
from tests.analysis.examples import ALL, STRONG

TOP_LEVEL = {
    "schema_version": int,
    "word_count": int,
    "speaking_seconds": int,
    "sentences": list,
    "star": dict,
    "metrics": list,
    "pronouns": dict,
    "ownership": str,
    "hypothetical": bool,
    "fillers": list,
    "hedges": list,
    "principles": list,
    "grade": int,
    "strengths": list,
    "improvements": list,
    "follow_ups": list,
}


def check_contract(text: str, d: dict) -> None:
    for key, kind in TOP_LEVEL.items():
        assert isinstance(d[key], kind), key
    assert d["schema_version"] == 1
    assert set(d["star"]) >= {"situation", "task", "action", "result", "action_share"}
    assert 0 <= d["star"]["action_share"] <= 1
    assert d["ownership"] in {"i", "we", "mixed"}
    assert 1 <= d["grade"] <= 4
    assert [p["slug"] for p in d["principles"]] and sorted(
        p["slug"] for p in d["principles"]
    ) == sorted(NAMES)
    for key in ("sentences", "metrics", "fillers", "hedges"):
        for item in d[key]:
            assert 0 <= item["start"] <= item["end"] <= len(text)
            assert text[item["start"] : item["end"]] == item["text"]
    for s in d["sentences"]:
        assert s["role"] in {"situation", "task", "action", "result", "other"}
    for key in ("strengths", "improvements", "follow_ups"):
        assert all(isinstance(x, str) and x for x in d[key])
    json.dumps(d)


@pytest.mark.parametrize("name", sorted(ALL))
def test_example_answers_follow_the_contract(name):
    report = analyze(ALL[name], question="Tell me about a time you fixed something.")
    assert isinstance(report, Report)
    check_contract(ALL[name], report.to_dict())


def test_star_and_counts_of_a_strong_answer():
    d = analyze(STRONG).to_dict()
    assert (
        d["star"]["situation"] and d["star"]["task"] and d["star"]["action"] and d["star"]["result"]
    )
    assert d["ownership"] == "i" and not d["hypothetical"]
    assert d["word_count"] == len(STRONG.split())
    assert d["speaking_seconds"] == round(d["word_count"] * 60 / d["words_per_minute"])
    assert {"900 ms", "150 ms", "4%"} <= {m["text"] for m in d["metrics"]}


def test_a_named_principle_overrides_the_question():
    d = analyze(STRONG, question="Tell me about a customer.", principle="frugality").to_dict()
    assert d["asked_principle"] == "frugality"


@pytest.mark.parametrize(
    "bad", ["", "   \n\t ", "\x00\x01binary", "word " * 20_001, b"\xff\xfe\x00bad", "é" * 110_000]
)
def test_bad_input_raises_one_clear_error(bad):
    with pytest.raises(AnalysisInputError) as info:
        analyze(bad)
    assert "\n" not in str(info.value) and str(info.value)


def test_an_unknown_principle_is_bad_input():
    with pytest.raises(AnalysisInputError):
        analyze(STRONG, principle="be-nice")


def test_the_error_is_a_value_error_for_callers_that_catch_those():
    assert issubclass(AnalysisInputError, ValueError)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=600).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_unicode_text_is_analysed_or_refused_cleanly(text):
    try:
        d = analyze(text).to_dict()
    except AnalysisInputError:
        return
    check_contract(text, d)
    # the roles cover every sentence: every non-space character outside bullets is in a sentence
    inside = set()
    for s in d["sentences"]:
        inside.update(range(s["start"], s["end"]))
    assert all(i in inside or not text[i].isalnum() for i in range(len(text))), (
        "a word fell outside the sentences"
    )
