"""The rewrite's numbers: each must be the candidate's or a placeholder, else it is marked."""

from __future__ import annotations

import pytest

from loopcoach.coach.facts import Segment, invented_numbers, marked_segments

ANSWER = (
    "I led 3 engineers and cut checkout latency by 40%, from 200 ms to 120 ms, "
    "which saved $1.2M a year. Twenty-five teams now use the cache."
)


def texts(rewrite: str) -> list[str]:
    return [span.text for span in invented_numbers(rewrite, answer=ANSWER)]


def test_it_keeps_every_number_the_answer_has():
    rewrite = "I led three engineers; latency fell 40% (200 ms to 120 ms), saving $1.2M; 25 teams."
    assert texts(rewrite) == []


def test_it_marks_a_metric_the_answer_does_not_have():
    assert texts("Latency fell 40% and errors fell 65%.") == ["65%"]


def test_it_marks_a_bare_number_outside_any_metric():
    assert texts("In 2024 I led 3 engineers.") == ["2024"]


def test_a_word_number_counts_as_its_value():
    assert texts("I led four engineers.") == ["four engineers"]
    assert texts("I led 25 engineers.") == []  # "Twenty-five" is in the answer


@pytest.mark.parametrize("placeholder", ["[X%]", "[N customers]", "[$Y]", "[10x?]"])
def test_a_placeholder_is_never_invented(placeholder):
    assert texts(f"Conversion rose by {placeholder} after launch.") == []


def test_a_text_without_numbers_invents_nothing():
    assert texts("I owned the outcome and told the team why.") == []


def test_an_answer_without_numbers_makes_every_number_invented():
    spans = invented_numbers("We shipped 2 releases in 3 weeks.", answer="I shipped it.")
    assert [span.text for span in spans] != []
    assert all(span.text in "We shipped 2 releases in 3 weeks." for span in spans)


def test_spans_are_offsets_into_the_rewrite():
    rewrite = "Errors fell 65% and 7 teams adopted it."
    for span in invented_numbers(rewrite, answer=ANSWER):
        assert rewrite[span.start : span.end] == span.text


def test_segments_rebuild_the_rewrite_and_mark_only_the_invented():
    rewrite = "Errors fell 65%, latency fell 40%, in 2024."
    segments = marked_segments(rewrite, invented_numbers(rewrite, answer=ANSWER))
    assert "".join(segment.text for segment in segments) == rewrite
    assert [s.text for s in segments if s.invented] == ["65%", "2024"]
    assert Segment("x").to_dict() == {"text": "x", "invented": False}


def test_segments_of_a_clean_rewrite_are_one_plain_piece():
    assert marked_segments("All good.", []) == [Segment("All good.")]
