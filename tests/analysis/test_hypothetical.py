from __future__ import annotations

import pytest

from loopcoach.analysis.hypothetical import hypothetical_features, is_hypothetical
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


def test_notes_that_drop_the_i_still_narrate_one_event():
    notes = [
        "context: senior eng on the platform team at a fintech, 2022",
        "wrote a single reusable workflow",
        "moved the 5 noisiest services myself first",
    ]
    feats = hypothetical_features(notes)
    assert feats["no_past_narration"] == 0.0 and feats["anchor"] > 0
    habits = hypothetical_features(["I always start from the logs.", "Based on that I decide."])
    assert habits["note_past_share"] == 0.0


def test_bullet_notes_of_one_event_are_not_hypothetical():
    notes = (
        "Sure, I'll do it as notes.\n- context: platform team at a fintech, 2022\n"
        "- wrote a single reusable deploy workflow\n- built a converter for the old configs\n"
        "- moved the 5 noisiest services myself first\n- all 37 services moved in 10 weeks"
    )
    assert not is_hypothetical([s.text for s in split_sentences(notes)])
