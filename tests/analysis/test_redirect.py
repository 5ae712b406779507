"""Follow-ups for a story that does not answer its question: a redirect, not a deep dive."""

from __future__ import annotations

import pytest

from loopcoach.analysis import analyze, redirect
from loopcoach.analysis.report import FollowUp

FAILURE_QUESTION = "Tell me about a time you failed and what you learned from it."
# A success, told for a failure question: nothing goes wrong in it.
SUCCESS_STORY = (
    "Last spring I ran the move of our billing reports from the old warehouse to the new one. "
    "I was the analytics lead and the deadline was the end of the quarter. "
    "I mapped all 140 reports, wrote a comparison script that checked every total each night, "
    "and trained the finance analysts on the new tool myself. "
    "We finished three weeks early, the reports now load in 4 seconds instead of 40, "
    "and we saved $90K a year in licences."
)
# The same question, answered: a plan that went wrong and what the speaker changed.
FAILURE_STORY = (
    "Two years ago I planned the cut-over of our billing reports and I got it wrong. "
    "I assumed the finance team had tested their month-end reports, and I never checked. "
    "On the first close, 12 reports showed the wrong totals and the close was two days late. "
    "I owned up to the finance director that morning, rolled the reports back, and fixed them. "
    "Since then I run every cut-over with a sign-off list that each report owner ticks."
)


REDIRECT = "That story does not get to what I asked."
DEEP_DIVES = ("How did you measure", "Walk me through", "Looking back", "What did you change")


def test_an_off_question_story_is_redirected_not_deep_dived():
    report = analyze(SUCCESS_STORY, question=FAILURE_QUESTION)
    assert report.relevance is not None and not report.relevance.answers_question
    first, *rest = report.follow_ups
    assert first.startswith(REDIRECT)
    assert "a different time you failed and what you learned from it" in first
    assert len(rest) <= 1
    assert not any(q.startswith(DEEP_DIVES) for q in rest)


def test_a_story_that_answers_its_question_is_not_redirected():
    report = analyze(FAILURE_STORY, question=FAILURE_QUESTION)
    assert report.relevance is not None and report.relevance.answers_question
    assert report.follow_ups and not any(q.startswith(REDIRECT) for q in report.follow_ups)


@pytest.mark.parametrize(
    "question, says",
    [
        (
            "Tell me about a time you missed a commitment. What happened?",
            "Tell me about a different time you missed a commitment: what happened",
        ),
        (
            "Describe a time when a dashboard looked fine but was wrong.",
            "Tell me about a different time when a dashboard looked fine but was wrong:",
        ),
        (
            "How do you handle a teammate who is not pulling their weight?",
            "one about someone who was underperforming",
        ),
    ],
)
def test_the_redirect_asks_in_the_questions_own_terms(question, says):
    label = "someone who was underperforming or struggling"
    asked = redirect.redirect(question, label)
    assert asked is not None and says in asked.question


def test_at_most_one_probe_of_the_story_and_never_a_deep_dive():
    probes = [
        FollowUp("measure", "How did you measure it?", intent="measurement"),
        FollowUp("detail", "Walk me through it.", intent="detail"),
        FollowUp("decision", "Why that option?", intent="decision"),
        FollowUp("conflict", "Who disagreed?", intent="conflict"),
    ]
    out = redirect.off_question_follow_ups(probes, FAILURE_QUESTION, None)
    assert [f.code for f in out] == ["redirect", "decision"]
    asked = [out[0].question]
    assert [
        f.code for f in redirect.off_question_follow_ups(probes, FAILURE_QUESTION, None, asked)
    ] == ["decision"]


DEVELOP_QUESTION = (
    "Tell me about a time you helped someone on your team grow into a stronger engineer."
)
DEVELOP_STORY = (
    "Last year Tomas, a junior engineer on my team, was stuck: his code reviews kept bouncing. "
    "My goal was to get him to own a service on his own within six months. "
    "I paired with him twice a week, and I gave him the search indexer to redesign. "
    "The new indexer cut page load time from 900 milliseconds to 300 milliseconds. "
    "Tomas now owns the indexer, he reviews other people's code, and he was promoted in the spring."
)


def test_for_a_question_about_a_person_the_projects_number_is_not_probed():
    report = analyze(DEVELOP_STORY, question=DEVELOP_QUESTION)
    assert report.relevance is not None and report.relevance.answers_question
    assert not any("900 milliseconds" in q or "300 milliseconds" in q for q in report.follow_ups)
    assert not any("900 milliseconds" in r for r in report.strengths)
    # Without a question about a person, the same number is what to probe.
    unasked = analyze(DEVELOP_STORY)
    assert any("milliseconds" in q for q in unasked.follow_ups)
