"""Which numbers of a result sentence are outcomes, on sentences where each must or must not be."""

from __future__ import annotations

import pytest

from loopcoach.analysis import feedback, probes
from loopcoach.analysis.outcomes import is_outcome
from tests.analysis.test_feedback_rules import ACTION_1, SITUATION, ctx, fired
from tests.analysis.test_probes import evidence


def _outcome(sentence: str, number: str) -> bool:
    start = sentence.index(number)
    return is_outcome(sentence, start, start + len(number))


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("On Monday I add an automatic check that holds any price change over 300%.", "300%"),
        ("I set a clear trigger: if we passed 20,000 writes a second we'd revisit.", "20,000"),
        ("I hard-coded the pool size to 64 connections.", "64 connections"),
        ("Scan failure rate 1.2% vs 3% target", "3%"),
        ("We came in under our target of 2% errors.", "2%"),
        ("We explained the risk, and we agreed to move the date by ten days.", "ten days"),
        ("It added about a week to the project.", "a week"),
        ("We launched ten days late.", "ten days"),
        (
            "First, a pilot with my team plus one designer; second, if it worked, a team of six.",
            "six",
        ),
        ("First, a pilot with my team plus one designer; second, a bigger one.", "one designer"),
        ("Daily check-in, cut two features in week 3 when the upload API slipped", "two features"),
        ("We launched the assistant to ten percent of traffic.", "ten percent"),
        ("The CTO funded a team of seven, and I led it for the first year.", "seven"),
        (
            "Finance estimated it would cost us about $200,000 a year in lost revenue.",
            "$200,000",
        ),
        # A label, the speaker's own people, a period, a time reference, an overrun, a rival.
        ("After the fix, bulky parcels route to chute 7 and misroutes fell to almost none.", "7"),
        ("So heavy boxes now go to belt 3, and damage claims halved.", "3"),
        (
            "That meant lending three of my engineers to the payments squad.",
            "three of my engineers",
        ),
        ("Returns dropped by 18 percent over the first two months.", "two months"),
        ("Churn went from 9% to 5% within a year.", "a year"),
        ("The new intake form went live about two months later and errors fell.", "two months"),
        ("The depot opened on the agreed day, 4 percent over budget.", "4 percent"),
        ("Rival carriers lost 40 percent of their parcels that week.", "40 percent"),
        ("Delays fell to 2%, while other depots stayed at 11%.", "11%"),
        ("Our error rate is now 1%, against an industry average of 6%.", "6%"),
        # A rule's bound written as a sign, and a market's movement.
        ("I set up a job that flags any invoice > 10,000 euros for a second look.", "10,000 euros"),
        ("Added a pager rule that alerts when queue depth >= 500 messages.", "500 messages"),
        ("Result: timber prices climbed another 20 percent over the winter.", "20 percent"),
        ("By June, fuel prices had risen by 40 percent.", "40 percent"),
        ("In the end inflation hit 9% that year.", "9%"),
    ],
)
def test_a_number_that_is_not_what_the_work_came_to(sentence, number):
    assert not _outcome(sentence, number)


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("The timeouts dropped from 2% to under 0.05%.", "0.05%"),
        ("Scan failure rate 1.2% vs 3% target", "1.2%"),
        ("Those sessions converted forty-one percent better than the control group.", "forty-one"),
        ("He delivered the migration two weeks early.", "two weeks"),
        ("We cut costs by 30% in a quarter.", "30%"),
        ("By the end of the year I had hired five engineers.", "five engineers"),
        ("Refunds now take 20 hours instead of 6 days.", "20 hours"),
        ("Any customer now gets an answer in under 2 minutes.", "2 minutes"),
        ("The team of seven I led moved two of the five checkouts in a year.", "two"),
        ("Finance estimated the change saved us about $200,000 a year.", "$200,000"),
        # The change itself, a delivery time, a count achieved, a saving under budget.
        (
            "After the fix, bulky parcels route to chute 7 and misroutes fell to 3 a week.",
            "3 a week",
        ),
        ("Returns dropped by 18 percent over the first two months.", "18 percent"),
        ("We rebuilt the intake form in two weeks.", "two weeks"),
        # The period is the outcome when no change of another number shares its clause.
        ("We moved on 3 May, and closed the first audit in four days.", "four days"),
        ("The depot opened on the agreed day, 4 percent under budget.", "4 percent"),
        ("I trained 40 night-shift drivers on the new scanners.", "40 night-shift drivers"),
        ("Delays fell to 2%, while other depots stayed at 11%.", "2%"),
        ("We beat rival carriers by 12 points on on-time delivery.", "12 points"),
        # An arrow is not a bound; prices the speaker's work moved, and rates, are outcomes.
        ("Pages fell from 40 a week -> 3 a week.", "3 a week"),
        ("After I renegotiated, our prices dropped 8 percent.", "8 percent"),
        ("Error rates fell 30 percent once the check was live.", "30 percent"),
    ],
)
def test_a_number_that_is_an_outcome(sentence, number):
    assert _outcome(sentence, number)


THRESHOLD_ONLY = [
    (SITUATION, "situation"),
    (ACTION_1, "action"),
    ("No wrong refund went out, and I added a check that holds any refund over 300%.", "result"),
]


def test_no_praise_and_no_measurement_question_for_a_threshold_alone():
    assert "quantified-result" not in fired(ctx(THRESHOLD_ONLY))
    assert probes.ask_measurement(evidence(THRESHOLD_ONLY)) is None
    measured = THRESHOLD_ONLY[:2] + [("Refund errors fell by 40%.", "result")]
    assert "quantified-result" in fired(ctx(measured))
    assert probes.ask_measurement(evidence(measured)) is not None


def test_a_target_is_never_asked_about_as_the_value_before():
    parts = THRESHOLD_ONLY[:2] + [("Scan failure rate 1.2% vs 3% target.", "result")]
    asked = probes.ask_measurement(evidence(parts))
    assert asked and "“1.2%”" in asked.question and "“3%”" not in asked.question
    remark = feedback.quantified_result(ctx(parts))
    assert remark and "“3%”" not in remark.text


def test_a_rivals_figure_and_an_overrun_get_no_praise_and_no_measurement_question():
    parts = THRESHOLD_ONLY[:2] + [
        ("The depot opened on the agreed day, 4 percent over budget.", "result"),
        ("Rival carriers lost 40 percent of their parcels that week.", "result"),
    ]
    assert "quantified-result" not in fired(ctx(parts))
    assert probes.ask_measurement(evidence(parts)) is None
    measured = parts + [("Lost parcels fell from 30 a week to 4.", "result")]
    assert "quantified-result" in fired(ctx(measured))
    asked = probes.ask_measurement(evidence(measured))
    assert asked and "“30 a week”" in asked.question


def test_no_which_number_moved_question_after_a_checkable_verdict():
    plain = THRESHOLD_ONLY[:2] + [("Refunds became much faster and finance was happy.", "result")]
    assert probes.ask_outcome(evidence(plain)) is not None
    verdict = THRESHOLD_ONLY[:2] + [
        ("The new refund policy was approved by the audit board.", "result")
    ]
    assert probes.ask_outcome(evidence(verdict)) is None
