"""analyze_follow_up: a follow-up answer is judged as an answer to the follow-up, not as a story."""

from __future__ import annotations

import pytest

from loopcoach.analysis import AnalysisInputError, analyze_follow_up, followup, intents
from loopcoach.analysis.metrics import find_metrics
from loopcoach.analysis.sentences import split_sentences
from tests.analysis.examples import STRONG

STORY_CODES = {
    "no-task",
    "low-action-share",
    "no-situation",
    "no-result",
    "complete-star",
    "too-short",
    "result-without-number",
}
MEASURED = (
    "We compared p95 latency from the load balancer logs for the two weeks before the change "
    "and the two weeks after, at the same peak hours. Before it was 900 ms, after 150 ms; "
    "I checked that traffic was within 5% between the two periods."
)
TEAM_EFFORT = (
    "Honestly it was a team effort, we all chipped in and everyone owned a piece of it. "
    "We have a great culture like that."
)


@pytest.mark.parametrize(
    "question, intent",
    [
        ("You mentioned 40%. How did you measure that, and over what period?", "measurement"),
        ("What did you personally do here, as opposed to your team?", "scope"),
        ("What exactly did your director say when you pushed back?", "conflict"),
        ("Why Redis rather than fixing the slow query itself?", "decision"),
        ("Looking back, what would you do differently?", "learning"),
        ("Can you tell me about one specific time you actually did that?", "specific_example"),
        ("Who exactly was in the room, and what did you show them?", "detail"),
    ],
)
def test_it_reads_the_intent_of_the_follow_up(question, intent):
    assert intents.classify_intent(question) == intent


def test_the_report_has_the_design_keys_and_kind():
    data = analyze_follow_up(
        MEASURED, follow_up="You mentioned 150 ms. How did you measure that?", story=STRONG
    ).to_dict()
    for key in ("schema_version", "kind", "intent", "direct", "specific", "metrics", "grade"):
        assert key in data
    assert data["kind"] == "follow_up" and data["schema_version"] == 1
    assert data["intent"] == "measurement"
    assert 1 <= data["grade"] <= 4
    assert {"strengths", "improvements", "follow_ups"} <= set(data)


def test_a_method_and_baseline_answer_a_measurement_question():
    report = analyze_follow_up(
        MEASURED, follow_up="You mentioned 150 ms. How did you measure that?", story=STRONG
    )
    assert report.direct and report.specific and report.grade >= 3
    assert any(m.text == "900 ms" for m in report.metrics)


def test_a_team_effort_answer_does_not_answer_what_you_personally_did():
    report = analyze_follow_up(
        TEAM_EFFORT, follow_up="What did you personally do, as opposed to the team?", story=STRONG
    )
    assert not report.direct and report.grade <= 2
    assert any(r.code == "fu-not-direct" for r in report.feedback)
    assert "“we”" in report.improvements[0]


def test_more_hypotheticals_do_not_answer_a_request_for_a_real_example():
    report = analyze_follow_up(
        "I would normally sit down with the team and I would try to understand the blockers first.",
        follow_up="Can you tell me about one specific time you actually did that?",
        story="If a project slipped I would talk to the team.",
    )
    assert not report.direct and report.grade <= 2


def test_never_a_story_remark_and_at_most_two_remarks():
    for answer in (MEASURED, TEAM_EFFORT, "Not sure."):
        report = analyze_follow_up(answer, follow_up="How did you measure that?", story=STRONG)
        codes = {r.code for r in report.feedback}
        assert not codes & STORY_CODES
        assert 1 <= len(report.feedback) <= 2


def test_an_evasive_answer_is_asked_again_more_pointedly():
    report = analyze_follow_up(
        TEAM_EFFORT, follow_up="What did you personally do, as opposed to the team?", story=STRONG
    )
    assert report.follow_ups and report.follow_ups[0].startswith("Let me ask it another way")
    direct = analyze_follow_up(MEASURED, follow_up="How did you measure that?", story=STRONG)
    assert direct.follow_ups == []


def test_bad_input_is_refused():
    with pytest.raises(AnalysisInputError):
        analyze_follow_up("", follow_up="How?", story=STRONG)
    with pytest.raises(AnalysisInputError):
        analyze_follow_up("An answer.", follow_up="  ", story=STRONG)


def test_a_generality_is_never_quoted_as_the_answer():
    question = "Looking back, what would you do differently on that project?"
    platitude = "I think there are always things you can learn from every project."
    change = "I would involve the finance team in the first week instead of the third."
    report = analyze_follow_up(f"{platitude} {change}", follow_up=question, story=STRONG)
    quoted = [r.text for r in report.feedback if r.code == "fu-direct"]
    assert quoted and platitude not in quoted[0] and change in quoted[0]


def _reading(intent: str, answer: str) -> followup.Reading:
    sentences = [s.text for s in split_sentences(answer)]
    return followup.Reading(answer, sentences, find_metrics(answer), intent, {intent: 1.0})


@pytest.mark.parametrize(
    "intent, gives, evades",
    [
        (
            "decision",
            "I chose four reports over six because four covered 80% of partner questions.",
            "Well, it's always about balance. In the end it kind of felt like the right number, "
            "and I think the key thing is to keep communication open so that everyone's aligned.",
        ),
        (
            "detail",
            "I first sorted the feed by partner and then took every tenth record, 50 in all.",
            "Basically I just looked at the data, and obviously it was kind of clear, that's the "
            "important thing, and the partner confirmed it the next day.",
        ),
        (
            "measurement",
            "We pulled the checkout logs for the two weeks before and after the change.",
            "It was pretty clear it had worked, everyone could see it.",
        ),
        (
            "scope",
            "I wrote the migration script myself and ran the cutover that night.",
            "It was a team effort, we all chipped in.",
        ),
    ],
)
def test_the_direct_praise_needs_what_the_intent_asks_for(intent, gives, evades):
    assert followup.delivers(_reading(intent, gives))
    assert not followup.delivers(_reading(intent, evades))


def test_a_vague_answer_to_why_is_not_praised_as_direct():
    vague = (
        "Well, I think it is always about balance, right? You want to give the client something "
        "that matters but you also do not want to overpromise. We had a lot of discussions about "
        "it, with sales, with the VP, with the team, and everyone had opinions. In the end it "
        "kind of felt like the right number given where we were. I think in these situations the "
        "key thing is to be pragmatic and to focus on what matters most to the business, and to "
        "keep the communication open so that everyone is aligned. And it worked out, the client "
        "was happy and the launch went well, so I think it was the right call overall."
    )
    question = "Why did you pick three regions rather than, say, five?"
    report = analyze_follow_up(vague, follow_up=question, story=STRONG)
    # Read as direct or not (the model sits near 0.5 on it), the praise needs a reason.
    assert "fu-direct" not in {r.code for r in report.feedback}
    reasoned = vague.replace(
        "In the end it kind of felt like the right number given where we were.",
        "We chose three regions over five because three held 80% of the orders.",
    )
    report = analyze_follow_up(reasoned, follow_up=question, story=STRONG)
    assert "fu-direct" in {r.code for r in report.feedback}


def test_the_measurement_reask_does_not_presume_a_before_value():
    share = "Honestly I don't remember exactly, it was just what we saw at the time."
    question = "You mentioned 70%. How did you measure that, and over what period?"
    report = analyze_follow_up(share, follow_up=question, story=STRONG)
    asks = [f.question for f in report.follow_up_items if f.code == "fu-reask"]
    assert asks and "before" not in asks[0] and "which data" in asks[0]


def test_saying_nothing_would_change_is_no_answer_to_what_you_would_change():
    nothing = (
        "I don't think I'd do much differently, to be honest. It worked out, the trucks left on "
        "time and the client was happy. Maybe communicate even more, but overall I'm happy with "
        "how it went."
    )
    assert not followup.delivers(_reading("learning", nothing))
    report = analyze_follow_up(
        nothing, follow_up="Looking back, what would you do differently next time?", story=""
    )
    assert "fu-direct" not in {r.code for r in report.feedback}
    change = "Next time I would call the client's IT lead before rolling anything back."
    assert followup.delivers(_reading("learning", change))


def test_a_detail_reask_keeps_the_follow_ups_own_object():
    vague = "So it was basically a lot of looking at the data really carefully, you know."
    ask = "How did you diff the failing and passing requests? What exactly did you compare?"
    again = followup._next_follow_up(_reading("detail", vague), False, ask)
    assert again[0].question == (
        "Let me ask it another way: what exactly did you compare? Name the first one or two."
    )
    who = followup._next_follow_up(_reading("detail", vague), False, "Who did you ask for help?")
    assert "who exactly was involved" in who[0].question


# The grade's low end (issue #10): an answer that dodges the follow-up is a 1, however many
# details it carries; one that answers part of it is a 2. Answers written for these tests.
OUTAGE_STORY = (
    "Last spring I led the on-call rotation for our payments API. Checkout errors rose from "
    "0.2% to 1.5% in three weeks. I grouped a week of failed requests from the logs and found "
    "that the retry code reused the idempotency key. I fixed it, and errors fell back to 0.2% "
    "within a week."
)
OUTAGE_MEASURE = (
    "You said errors fell back to 0.2%. How did you measure that, and over what period?"
)


@pytest.mark.parametrize(
    "evasion",
    [
        # more praise of the result (LABELS.md: not direct)
        "Honestly it was a huge win. The whole team was thrilled, leadership sent a note to "
        "everyone, and the holiday sale went really well for us.",
        # the subject changed to the team's mood
        "Honestly the team effort was the main thing. Everyone pitched in, we all cared about "
        "reliability after that, and it worked out great.",
    ],
)
def test_an_answer_that_dodges_the_follow_up_is_a_1(evasion):
    report = analyze_follow_up(evasion, follow_up=OUTAGE_MEASURE, story=OUTAGE_STORY)
    assert not report.direct and report.grade == 1


def test_an_answer_that_answers_the_follow_up_is_not_a_1():
    method = (
        "I took the checkout error rate from the load balancer logs, failed payment calls over "
        "all calls, for the seven days before the fix and the seven days after, same weekdays. "
        "It went from 1.5% to 0.21%, and I checked no other deploy had touched payments that week."
    )
    report = analyze_follow_up(method, follow_up=OUTAGE_MEASURE, story=OUTAGE_STORY)
    assert report.direct and report.grade >= 3


def test_not_direct_answers_are_split_by_how_near_they_come_to_answering():
    # Inside the not-direct band P(direct) decides 1 or 2; the detail score does not lift an
    # evasion (a high score with P(direct) under the cut is still a 1).
    assert followup.banded_grade(0.05, 0.9, 9.0, 0.2, 3.0) == 1
    assert followup.banded_grade(0.3, 0.1, -9.0, 0.2, 3.0) == 2
    assert followup.banded_grade(0.7, 0.1, 9.0, 0.2, 3.0) == 2
    assert followup.banded_grade(0.7, 0.9, 3.5, 0.2, 3.0) == 4


def test_numbers_the_story_already_told_are_not_new_evidence():
    def numbers(answer: str) -> dict[str, float]:
        reading = followup.Reading(
            answer, [s.text for s in split_sentences(answer)], find_metrics(answer), "detail", {}
        )
        feats = followup.answer_features(reading, follow_up=OUTAGE_MEASURE, story=OUTAGE_STORY)
        return {k: feats[k] for k in ("new_metrics", "repeated_metrics")}

    assert numbers("The 0.2% came back, as I said.") == {
        "new_metrics": 0.0,
        "repeated_metrics": 1.0,
    }
    new = numbers("I compared 40,000 payment calls over seven days.")
    assert new["new_metrics"] > 0 and new["repeated_metrics"] == 0.0
