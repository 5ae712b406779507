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


def test_without_recognised_actions_every_sentence_decides():
    # The role model read none of these as an action; "I" is still ten times the subject.
    sentences = [
        "I joined the team in March and I was the only analyst.",
        "I noticed the weekly report was always late, so I asked why.",
        "I rebuilt the report in one query and I scheduled it.",
        "I showed it to the director, and we agreed to retire the old one.",
        "I trained the two planners and I wrote a short guide.",
        "I still check it every Monday.",
    ]
    assert decide_ownership([], sentences) == "i"


def test_without_recognised_actions_a_team_story_stays_the_teams():
    sentences = [
        "We had a slow release process.",
        "We rebuilt the pipeline and we automated the tests.",
        "We cut the release time in half.",
    ]
    assert decide_ownership([], sentences) == "we"
