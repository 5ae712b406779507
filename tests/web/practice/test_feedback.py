"""The feedback panel's data: a follow-up answer as one, relevance first, principle claims only
when the analyzer is sure, STAR advice only where the analyzer's remarks say so."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string

from loopcoach.analysis import analyze, analyze_follow_up
from loopcoach.web.practice.feedback import Feedback, FollowUpFeedback, build
from tests.scripted_answers import STRONG, STRONG_FOLLOW_UP

QUESTION = "Tell me about a time you went deep into the data to find the cause of a problem."
OFF_TOPIC_QUESTION = "Tell me about your first 90 days with a new team."
HYPOTHETICAL = (
    "If a customer complained, I would first listen to them carefully and then I would try to "
    "understand what they need. I would probably talk to my team and we would find a solution "
    "together, and I would follow up to make sure they are happy in the end."
)


def _story(**analysis) -> dict:
    base = analyze(STRONG, question=QUESTION, principle="dive-deep").to_dict()
    return base | analysis


def _verdict(html: str) -> str:
    found = re.search(r'class="[^"]*principle-verdict">(.*?)</p>', html)
    return found.group(1) if found else ""


def _render(fb: Feedback | FollowUpFeedback) -> str:
    template = "practice/_follow_up_feedback.html" if fb.is_follow_up else "practice/_feedback.html"
    return render_to_string(template, {"fb": fb, "attempt": None})


def test_a_follow_up_answer_shows_its_intent_verdicts_and_remarks_not_star():
    analysis = analyze_follow_up(
        STRONG_FOLLOW_UP, follow_up="How did you measure it?", story=STRONG
    ).to_dict()
    fb = build(analysis, STRONG_FOLLOW_UP, anchor="a1")
    assert isinstance(fb, FollowUpFeedback) and fb.is_follow_up
    assert fb.intent_words == "how you measured it"
    assert fb.direct is analysis["direct"] and fb.specific is analysis["specific"]
    assert fb.metrics == [m["text"] for m in analysis["metrics"]] and "900 ms" in fb.metrics
    assert fb.grade == analysis["grade"]
    assert 1 <= len(fb.strengths) + len(fb.improvements) <= 2
    html = _render(fb)
    assert "how you measured it" in html and "star-chips" not in html and "No task" not in html


def test_an_off_topic_story_is_told_so_first_with_the_reason():
    analysis = analyze(STRONG, question=OFF_TOPIC_QUESTION).to_dict()
    assert analysis["relevance"]["answers_question"] is False
    fb = build(analysis, STRONG, anchor="a1")
    assert fb.off_topic and fb.off_topic_reason == analysis["relevance"]["reason"]
    assert not fb.praises_fit
    html = _render(fb)
    assert html.index("off-topic-banner") < html.index("fb-head")
    assert analysis["relevance"]["reason"] in html
    on_topic = build(_story(), STRONG, anchor="a1")
    assert not on_topic.off_topic and "off-topic-banner" not in _render(on_topic)


@pytest.mark.parametrize(
    ("mismatch", "wording", "not_wording"),
    [
        (True, "Your story shows Ownership more than Dive Deep", "also shows"),
        (False, "Your story also shows Ownership.", "more than Dive Deep"),
    ],
)
def test_the_principle_card_claims_a_mismatch_only_when_the_analyzer_does(
    mismatch, wording, not_wording
):
    story = _story()
    principles = [{"slug": "ownership", "name": "Ownership", "score": 0.6}] + [
        p for p in story["principles"] if p["slug"] != "ownership"
    ]
    analysis = story | {
        "principles": principles,
        "asked_principle": "dive-deep",
        "principle_mismatch": mismatch,
    }
    fb = build(analysis, STRONG, anchor="a1", asked_names={"dive-deep": "Dive Deep"})
    verdict = _verdict(_render(fb))
    assert wording in verdict and not_wording not in verdict


def test_star_advice_only_for_the_parts_the_analyzer_remarks_on():
    story = _story()
    star = story["star"] | {"task": [], "situation": []}
    remark = {"kind": "improvement", "code": "no-task", "text": "Say what you had to achieve."}
    without = build(story | {"star": star, "feedback": []}, STRONG, anchor="a1")
    assert without.missing == []
    with_remark = build(story | {"star": star, "feedback": [remark]}, STRONG, anchor="a1")
    assert [name for name, _ in with_remark.missing] == ["Task"]


def test_no_praise_for_fitting_the_principle_on_a_hypothetical_answer():
    analysis = analyze(
        HYPOTHETICAL,
        question="Tell me about a time you earned a customer's trust.",
        principle="customer-obsession",
    ).to_dict()
    assert analysis["hypothetical"]
    fb = build(analysis, HYPOTHETICAL, anchor="a1")
    assert not fb.praises_fit and "fits the principle" not in _verdict(_render(fb))
    fit = build(
        analysis
        | {
            "hypothetical": False,
            "relevance": None,
            "principles": [
                {"slug": "customer-obsession", "name": "Customer Obsession", "score": 0.7}
            ],
        },
        HYPOTHETICAL,
        anchor="a1",
    )
    assert fit.praises_fit and "fits the principle" in _verdict(_render(fit))
