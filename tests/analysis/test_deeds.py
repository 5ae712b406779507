"""Who did what to whom, how fast, on whose authority (`deeds.py`): each reading has stories
of our own where it must fire (the story misses the question in a subtle way) and where it
must not (the story answers it in words of its own)."""

from __future__ import annotations

import pytest

from loopcoach.analysis import analyze
from loopcoach.analysis.deeds import question_direction, read_deeds
from loopcoach.analysis.premises import read_premise
from loopcoach.analysis.relevance import decisive_readings, relevance_features

RECEIVED = "Tell me about a time you received critical feedback."
STUNG = "Tell me about a time someone gave you feedback that stung."
MANAGER_CRITICISED = "Tell me about a time your manager criticised your work."
GAVE = "Tell me about a time you had to give difficult feedback to someone on your team."
QUICK = "Tell me about a time you had to act quickly without all the information."
ON_THE_SPOT = "Tell me about a time you had to make a call on the spot."
INFLUENCE = "Tell me about a time you influenced people who did not report to you."
NO_AUTHORITY = "Tell me about a time you had to get buy-in without any formal authority."

# Feedback the speaker gave, in none of the words the premise reading's phrase lists know.
GAVE_IN_OTHER_WORDS = (
    "Priya had joined my team in spring and her design documents kept skipping the failure "
    "cases. I booked an hour with her and walked her through three of them, one page at a "
    "time. I showed her the outage that the second one would have caused and asked her to "
    "rewrite it with me watching. Her next document had a section on failure modes."
)
# Feedback the speaker received, told without "feedback" or "told me".
RECEIVED_IN_OTHER_WORDS = (
    "After my first quarterly review as a lead, my director sat me down and walked me "
    "through why two of my engineers had asked to move teams. It stung, because I thought I "
    "was protecting them from meetings. She showed me their survey comments, and I asked her "
    "to check in with me monthly while I changed how I ran our planning."
)
SLOW_APPROVAL = (
    "Our vendor contract was up for renewal and I had to choose between two identity "
    "providers. I spent three weeks collecting requirements, the security review took "
    "another two weeks, and the approval went through the architecture board and then "
    "procurement. After two months we signed with the cheaper provider."
)
FAST_IN_OTHER_WORDS = (
    "At 2 am the payments queue started backing up and we could not tell whether it was the "
    "bank or our own release. I rolled our release back within ten minutes, before anyone "
    "could confirm the cause, and paged the bank's on-call. It turned out to be the bank, "
    "but the rollback cost us nothing and I had it redeployed that morning."
)
OWN_TEAM_ORDERS = (
    "When our on-call pages doubled, I asked my team to stop feature work for a sprint. I "
    "assigned each of my engineers two noisy alerts and I told my reports that nobody would "
    "be judged on velocity that month. The pages fell by 60%."
)
ACROSS_TEAMS = (
    "The billing team owned the export job that kept waking my engineers up, and their "
    "manager had other priorities. None of them reported to me, so I brought their lead a "
    "week of page logs and offered one of our engineers to pair on the fix. Their lead put "
    "it on their roadmap, and the pages stopped within a month."
)


@pytest.mark.parametrize(
    "question, direction",
    [
        (RECEIVED, 1),
        (STUNG, 1),
        (MANAGER_CRITICISED, 1),
        ("Tell me about feedback you got that was hard to accept.", 1),
        ("Tell me about a time you were on the receiving end of tough feedback.", 1),
        (GAVE, -1),
        ("Tell me about a time you helped someone on your team grow.", -1),
        ("Tell me about a hiring decision you got wrong.", 0),
        ("Tell me about a time you disagreed with your manager.", 0),
    ],
)
def test_the_question_puts_the_speaker_on_one_end_of_the_deed_or_neither(question, direction):
    assert question_direction(question) == direction


@pytest.mark.parametrize("question", [RECEIVED, STUNG, MANAGER_CRITICISED])
def test_feedback_given_in_other_words_runs_the_other_way_from_feedback_received(question):
    reading = read_deeds(question, GAVE_IN_OTHER_WORDS)
    assert reading.runs_the_other_way
    assert reading.features()["direction_fit"] < -0.5
    assert reading.miss() == "tells of you doing it to someone else, not of it being done to you"


@pytest.mark.parametrize("question", [RECEIVED, STUNG, MANAGER_CRITICISED])
def test_feedback_received_in_other_words_is_on_the_asked_end(question):
    reading = read_deeds(question, RECEIVED_IN_OTHER_WORDS)
    assert not reading.runs_the_other_way
    assert reading.features()["direction_fit"] > 0
    assert reading.miss() is None


def test_feedback_received_leans_the_other_way_from_feedback_given():
    # Two people of three in the received story are others ("asked her", "protecting them"):
    # it leans the wrong way, but not clearly enough to decide alone.
    received = read_deeds(GAVE, RECEIVED_IN_OTHER_WORDS)
    assert received.features()["direction_fit"] < 0 and not received.runs_the_other_way
    given = read_deeds(GAVE, GAVE_IN_OTHER_WORDS)
    assert given.features()["direction_fit"] > 0.5 and not given.runs_the_other_way


def test_a_question_with_no_direction_never_reads_one():
    reading = read_deeds("Tell me about a time you failed.", GAVE_IN_OTHER_WORDS)
    assert not reading.runs_the_other_way
    assert reading.features()["direction_fit"] == 0.0


def test_too_few_people_in_the_story_say_nothing_about_direction():
    assert not read_deeds(RECEIVED, "I rewrote her design document.").runs_the_other_way


@pytest.mark.parametrize("question", [QUICK, ON_THE_SPOT])
def test_weeks_of_approvals_are_slow_for_a_question_about_acting_quickly(question):
    reading = read_deeds(question, SLOW_APPROVAL)
    assert reading.slow
    assert reading.features()["slow_tempo"] > 1
    assert reading.miss() == "takes weeks or months, where the question asks about acting quickly"


@pytest.mark.parametrize("question", [QUICK, ON_THE_SPOT])
def test_minutes_and_hours_are_quick_without_the_word_quickly(question):
    reading = read_deeds(question, FAST_IN_OTHER_WORDS)
    assert not reading.slow
    assert reading.features()["slow_tempo"] < 0
    assert reading.features()["no_quick_time"] == 0.0


def test_weeks_say_nothing_when_the_question_is_not_about_speed():
    reading = read_deeds("Tell me about a time you chose a vendor.", SLOW_APPROVAL)
    assert not reading.slow and reading.features()["slow_tempo"] == 0.0


def test_learning_quickly_may_take_weeks():
    # "quickly" qualifies the learning, not an act: three weeks of study answer it.
    question = "Tell me about a time you had to learn a new skill quickly."
    assert not read_deeds(question, "I spent three weeks learning Go.").slow


@pytest.mark.parametrize("question", [INFLUENCE, NO_AUTHORITY])
def test_directing_your_own_team_is_not_influence_without_authority(question):
    reading = read_deeds(question, OWN_TEAM_ORDERS)
    assert reading.by_authority
    assert reading.features()["own_authority"] > 0
    assert reading.miss() == (
        "tells of directing your own team, not of influencing people outside it"
    )


@pytest.mark.parametrize("question", [INFLUENCE, NO_AUTHORITY])
def test_winning_over_another_team_answers_influence_without_authority(question):
    reading = read_deeds(question, ACROSS_TEAMS)
    assert not reading.by_authority
    assert reading.features()["own_authority"] < 0


def test_persuading_your_director_is_influence_without_authority():
    story = "I showed our director that 80% of the pages came from two services, and my team "
    story += "covered only those."
    assert not read_deeds(INFLUENCE, story).by_authority


def test_your_own_team_says_nothing_when_the_question_is_not_about_authority():
    reading = read_deeds("Tell me about a time you reduced toil.", OWN_TEAM_ORDERS)
    assert not reading.by_authority and reading.features()["own_authority"] == 0.0


@pytest.mark.parametrize(
    "question, story, reading",
    [
        (RECEIVED, GAVE_IN_OTHER_WORDS, "direction"),
        (QUICK, SLOW_APPROVAL, "slow"),
        (INFLUENCE, OWN_TEAM_ORDERS, "authority"),
    ],
)
def test_each_deed_reading_is_offered_as_a_decisive_reading(question, story, reading):
    sentences = [s.strip() + "." for s in story.split(". ") if s.strip()]
    roles = ["situation"] + ["action"] * (len(sentences) - 1)
    premise = read_premise(question, sentences)
    feats = relevance_features(question, sentences, roles, {}, {}, {}, 0.0, premise)
    assert reading in decisive_readings(question, premise, feats)


def _sentences(story: str) -> list[str]:
    return [s.strip() + "." for s in story.rstrip(".").split(". ") if s.strip()]


def test_feedback_given_is_off_topic_for_a_question_about_feedback_received():
    # The shipped cap: the direction reading was right every time it fired on the pairs.
    report = analyze(" ".join(_sentences(GAVE_IN_OTHER_WORDS)), question=STUNG).to_dict()
    assert report["relevance"]["answers_question"] is False
    assert "doing it to someone else" in report["relevance"]["reason"]
    assert report["grade"] <= 2


@pytest.mark.parametrize(
    "question, story",
    [
        (STUNG, RECEIVED_IN_OTHER_WORDS),
        (RECEIVED, RECEIVED_IN_OTHER_WORDS),
        (GAVE, GAVE_IN_OTHER_WORDS),
        (ON_THE_SPOT, FAST_IN_OTHER_WORDS),
        (INFLUENCE, ACROSS_TEAMS),
    ],
)
def test_a_story_that_answers_in_other_words_is_not_called_off_topic(question, story):
    report = analyze(" ".join(_sentences(story)), question=question).to_dict()
    assert report["relevance"]["answers_question"] is True
