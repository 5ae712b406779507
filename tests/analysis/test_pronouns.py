from __future__ import annotations

import pytest

from loopcoach.analysis.pronouns import count_pronouns, decide_ownership


def test_it_counts_first_person_forms():
    counts = count_pronouns("I told my manager and we shipped our fix; I'd do it again, us too.")
    assert (counts.i, counts.we) == (3, 3)


@pytest.mark.parametrize(
    ("actions", "expected"),
    [
        (["I wrote the script.", "I called the customer.", "I fixed the alarm."], "i"),
        (["We wrote the script.", "We called the customer.", "We fixed the alarm."], "we"),
        (
            [
                "I wrote the script.",
                "We called the customer.",
                "We fixed the alarm and we tested it.",
                "I checked it.",
            ],
            "mixed",
        ),
    ],
)
def test_it_decides_ownership_from_who_acts(actions, expected):
    assert decide_ownership(actions, actions) == expected


def test_a_story_without_the_speakers_actions_is_not_theirs():
    assert (
        decide_ownership([], ["I think it was a great project.", "The team rebuilt the pipeline."])
        == "we"
    )


def test_talking_is_not_acting():
    actions = [
        "I think we fixed the alarms.",
        "We rewrote the pager rules.",
        "I guess we shipped it.",
    ]
    assert decide_ownership(actions, actions) == "we"
