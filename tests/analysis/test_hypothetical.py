from __future__ import annotations

import pytest

from loopcoach.analysis.hypothetical import is_hypothetical
from loopcoach.analysis.sentences import split_sentences
from tests.analysis.examples import CONFLICT, HYPOTHETICAL, STRONG, WE_STORY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HYPOTHETICAL, True),
        (
            "I usually start with one-on-ones. I always ask what "
            "blocks people. I generally follow up a week later.",
            True,
        ),
        (
            "What I always do is write down what good looks like, with examples. I review the "
            "first pieces of work from anyone new myself. I always give feedback the same day.",
            True,
        ),
        (
            "I'm someone who always takes full ownership. When something goes wrong I just fix "
            "it. I don't wait for someone to assign it, I always jump in.",
            True,
        ),
        (
            "At my last company the nightly import failed. I traced it to a bad file and fixed "
            "the parser. Since then I always add a test for every file format we accept.",
            False,
        ),
        (STRONG, False),
        (WE_STORY, False),
        (CONFLICT, False),
        (
            "I'd been at the company a year when the outage "
            "hit. I rolled back the deploy. Errors stopped.",
            False,
        ),
    ],
)
def test_it_tells_habits_and_conditionals_from_real_events(text, expected):
    assert is_hypothetical([s.text for s in split_sentences(text)]) is expected
