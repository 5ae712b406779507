from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loopcoach.analysis.sentences import split_sentences
from tests.analysis.examples import ALL, BULLETS_CRLF, RAMBLING_NO_PUNCTUATION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I did it. It worked.", ["I did it.", "It worked."]),
        ("Great question! I led it.", ["Great question!", "I led it."]),
        (
            "We met Dr. Smith and Mr. J. Doe. Then we left.",
            ["We met Dr. Smith and Mr. J. Doe.", "Then we left."],
        ),
        (
            "Latency fell 3.5x, e.g. on search. Good.",
            ["Latency fell 3.5x, e.g. on search.", "Good."],
        ),
        ("i fixed it. then i left", ["i fixed it.", "then i left"]),
        ("Was it worth it? Yes.", ["Was it worth it?", "Yes."]),
    ],
)
def test_it_splits_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_it_strips_bullets_and_handles_windows_line_endings():
    texts = [s.text for s in split_sentences(BULLETS_CRLF)]
    assert texts == [
        "Situation: our API was timing out for 3 large customers.",
        "I traced the slow calls to an N+1 query.",
        "I rewrote it as a single join.",
        "Result: timeouts went from 120 a day to zero.",
    ]


def test_it_splits_long_unpunctuated_speech_at_discourse_markers():
    spans = split_sentences(RAMBLING_NO_PUNCTUATION)
    assert len(spans) >= 3
    assert all(len(s.text.split()) <= 40 for s in spans)
    assert spans[1].text.startswith(("so", "and", "then", "after"))


@pytest.mark.parametrize("name", sorted(ALL))
def test_spans_are_slices_of_the_text(name):
    text = ALL[name]
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text and s.text


@given(st.text(max_size=400))
def test_any_text_gives_ordered_non_overlapping_slices(text):
    spans = split_sentences(text)
    last = 0
    for s in spans:
        assert 0 <= last <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        last = s.end
    # every non-space character belongs to some sentence, bullets aside
    covered = sum(len(s.text) for s in spans)
    assert covered <= len(text)
