from __future__ import annotations

import pytest

from loopcoach.analysis.fillers import find_fillers, find_hedges


def test_it_finds_fillers_but_not_ordinary_uses():
    text = "Yeah, so, um, I joined, like, a team. I like Go. Uh it was, you know, fine."
    assert [f.text.lower() for f in find_fillers(text)] == [
        "yeah",
        "so",
        "um",
        "like",
        "uh",
        "you know",
    ]


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("I think it sort of worked, maybe.", ["I think", "sort of", "maybe"]),
        ("It worked.", []),
    ],
)
def test_it_finds_hedges(text, hedges):
    assert [h.text for h in find_hedges(text)] == hedges


def test_offsets_survive_letters_that_change_length_when_lowercased():
    text = "İstanbul team, um, fixed it. Maybe."
    for span in find_fillers(text) + find_hedges(text):
        assert text[span.start : span.end] == span.text
