from __future__ import annotations

import pytest

from loopcoach.analysis.pronouns import (
    count_pronouns,
    decide_ownership,
    own_deed,
    speaker_verbs,
    subject_counts,
)


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


@pytest.mark.parametrize(
    "sentence",
    [
        "I am doing the database change myself in the first week.",
        "Every evening I was checking the test cases with the QA lead.",
        "I go to my director with the numbers.",
        "My role: on-call lead, owned the investigation",
        "Wrote the patch, load-tested on staging with replayed traffic",
        "Checked dashboards: CPU fine, DB fine, so looked at GC logs myself",
    ],
)
def test_progressive_present_and_note_form_deeds_are_the_speakers(sentence):
    assert subject_counts(sentence) == (1, 0)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was the backend lead.",
        "I am going to be honest.",
        "I was thinking about the rollout.",
        "Failed runs fell by 90%.",
        "Result: p99 back to 280 ms",
        "The team fixed it themselves.",
    ],
)
def test_being_thinking_and_a_participle_before_a_noun_are_not_deeds(sentence):
    assert subject_counts(sentence) == (0, 0)


def test_a_non_native_progressive_story_is_the_speakers():
    actions = [
        "First I am sitting with the BA and we are breaking the requirement into stories.",
        "I am seeing that four of them touch the same table, so I am doing the change myself.",
        "I am also asking the client to accept the PDF download in the next release.",
    ]
    assert decide_ownership(actions, actions) == "i"


@pytest.mark.parametrize(
    "sentence",
    [
        "I took the on-call rota myself over the holiday.",
        "Flew out and sat with their finance team for two days.",
        "I am fixing first the small problems.",
        "I thought it would slow us down, and I wrote a one-page note.",
        "I took that stream myself while we met every morning.",
    ],
)
def test_the_speakers_own_deeds(sentence):
    assert own_deed(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "She leads three more reviews that quarter.",
        "We split the work into three streams and we met every morning.",
        "I had to win her back before the next quarter.",
        "My manager told me I should leave it to the billing team.",
        "I was asked to look after the release.",
        "I think the team did a great job.",
    ],
)
def test_someone_elses_deed_a_need_or_a_view_is_not_the_speakers_deed(sentence):
    assert not own_deed(sentence)


def test_speaker_verbs_are_what_the_speaker_does_not_what_others_do():
    assert speaker_verbs("I noticed the logs showed a spike and rolled back the deploy.") == [
        "noticed",
        "rolled",
    ]
    assert speaker_verbs("I then rewrote the parser.") == ["rewrote"]
    assert speaker_verbs("I was checking every test case.") == ["checking"]
    assert speaker_verbs("Traced it to the image cache.") == ["traced"]
    assert speaker_verbs("She said the logs showed a spike.") == []


def test_being_asked_to_do_something_leaves_the_deed_that_follows_the_speakers():
    assert own_deed("I was asked to lead the migration, and I rewrote the scheduler first.")
