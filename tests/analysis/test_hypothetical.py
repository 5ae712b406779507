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
