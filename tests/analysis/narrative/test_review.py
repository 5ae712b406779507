"""review_narrative: structure, the JSON of DESIGN.md, grades, bad input."""

from __future__ import annotations

import json

import pytest

from loopcoach.analysis import review_narrative
from loopcoach.analysis.design.bench import SAMPLE_PAGE, six_pages
from loopcoach.analysis.errors import AnalysisInputError
from loopcoach.analysis.narrative import ISSUE_KINDS
from loopcoach.analysis.narrative.structure import LONG_TEXT_WORDS

STRONG = (
    "Purpose\nThis memo asks for four engineers for twelve weeks to retire the card vault before "
    "its contract ends in March.\n\n"
    "The problem\nThe vault caused 6 of our 14 severe incidents last year. "
    "Renewing costs $1.8M.\n\n"
    "Proposal\nWe will move the tokens to the fraud team's service in three reversible steps.\n"
)
WEAK = (
    "Some thoughts\nI think we should do better. We believe the new system will be very much "
    "faster and it will improve everything. It was decided that we wait. Customers want it."
)


def test_the_json_has_the_contract_keys():
    d = review_narrative(STRONG).to_dict()
    assert d["schema_version"] == 1 and d["kind"] == "narrative"
    for key in ("issues", "grade", "summary", "sections", "structure", "strengths", "improvements"):
        assert key in d
    for issue in review_narrative(WEAK).to_dict()["issues"]:
        assert set(issue) >= {"kind", "start", "end", "text"}
        assert issue["kind"] in ISSUE_KINDS
        if issue["start"] is not None:
            assert WEAK[issue["start"] : issue["end"]] == issue["text"]
    json.dumps(d)


def test_a_strong_page_grades_above_a_weak_one():
    strong, weak = review_narrative(STRONG), review_narrative(WEAK)
    assert strong.grade >= 3 and weak.grade == 1
    assert {i.kind for i in weak.issues} >= {"weasel", "unsupported_claim", "passive_voice"}


def test_a_short_text_is_expected_to_carry_purpose_problem_and_proposal():
    missing = [i.section for i in review_narrative(WEAK).issues if i.kind == "missing_section"]
    assert missing == ["purpose", "problem_data", "proposal"]
    assert [i for i in review_narrative(STRONG).issues if i.kind == "missing_section"] == []


def test_a_long_narrative_is_expected_to_carry_all_six_parts():
    text = "\n\n".join([STRONG] * 40)
    assert len(text.split()) >= LONG_TEXT_WORDS
    missing = {i.section for i in review_narrative(text).issues if i.kind == "missing_section"}
    assert missing == {"tenets", "alternatives", "faq"}


def test_the_summary_counts_what_it_found():
    report = review_narrative(WEAK)
    assert report.summary.startswith(f"{report.word_count} words")
    assert "weasel words or hedges" in report.summary and "Missing:" in report.summary


def test_six_pages_are_reviewed_section_by_section():
    report = review_narrative(six_pages())
    assert report.pages >= 6
    assert len(report.sections) > 6
    assert sum(s.words for s in report.sections) == report.word_count
    assert SAMPLE_PAGE.split()[0] in {s.name for s in report.sections}
    assert all(s.mean_sentence_words < 30 for s in report.sections if s.sentences)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        (b"\xff\xfe", "not UTF-8"),
        ("word " * 20_000, "too long"),
        (None, "must be text"),
    ],
)
def test_bad_input_is_refused(text, message):
    with pytest.raises(AnalysisInputError, match=message):
        review_narrative(text)
