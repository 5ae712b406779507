"""Feedback a candidate can trust, in the browser: a follow-up answer judged as one, a story
that does not answer the question told so first, a hypothetical answer not praised for its
principle, and a mock loop where one off-topic answer counts against the round."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_mock_loop_flow import signed_in  # noqa: F401 (a fixture)
from tests.scripted_answers import STRONG, STRONG_FOLLOW_UP
from tests.web.practice.conftest import ANSWER
from tests.web.practice.test_feedback import HYPOTHETICAL
from tests.web.test_loops import OFF_TOPIC_FOR_STRONG


def _question(**filters):
    from loopcoach.web.questions.models import Question

    return Question.objects.filter(**filters).order_by("id").first()


def _answer(page, question, text: str) -> None:
    page.goto(f"/practice/questions/{question.pk}/")
    page.get_by_label("Your answer").fill(text)
    page.get_by_role("button", name="Get feedback").click()
    expect(page.locator(".feedback").first).to_be_visible()


def test_a_follow_up_answer_is_judged_as_one(page, signed_in):  # noqa: F811
    page.context.add_cookies(signed_in)
    _answer(page, _question(principles__slug="dive-deep"), ANSWER)
    follow_up = page.locator(".follow-up").first
    follow_up.get_by_text("Answer this follow-up").click()
    follow_up.get_by_label("Your answer to the follow-up").fill(
        "Before the change p99 was 900 ms. I measured each call with tracing; the cache removed "
        "two of the three database calls, which was 80% of the gain."
    )
    follow_up.get_by_role("button", name="Submit follow-up").click()
    panel = page.locator(".follow-up .answer-node .follow-up-feedback").first
    expect(panel).to_be_visible()
    expect(panel.locator(".fu-intent")).not_to_be_empty()
    expect(panel.locator(".fu-direct")).to_contain_text(re.compile("Yes|No"))
    expect(panel.locator(".fu-specific")).to_contain_text(re.compile("Yes|No"))
    expect(panel.locator(".grade-num")).to_have_text(re.compile("[1-4]"))
    expect(panel.locator(".star-chips")).to_have_count(0)
    expect(panel).not_to_contain_text("No task")
    expect(panel).not_to_contain_text("STAR")
    screenshot(page, "feedback-follow-up-answer")


def test_an_off_topic_story_is_told_so_first(page, signed_in):  # noqa: F811
    page.context.add_cookies(signed_in)
    _answer(page, _question(text__contains=OFF_TOPIC_FOR_STRONG), STRONG)
    feedback = page.locator(".feedback").first
    banner = feedback.locator(".off-topic-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("This does not answer the question")
    first_child = feedback.locator(":scope > *").first
    expect(first_child).to_have_class(re.compile("off-topic-banner"))
    grade = int(feedback.locator(".grade-num").first.inner_text())
    assert grade <= 2
    expect(feedback.locator(".principle-verdict")).not_to_contain_text("fits the principle")
    screenshot(page, "feedback-off-topic")


def test_a_hypothetical_answer_gets_no_praise_for_its_principle(page, signed_in):  # noqa: F811
    page.context.add_cookies(signed_in)
    _answer(page, _question(principles__slug="customer-obsession"), HYPOTHETICAL)
    feedback = page.locator(".feedback").first
    expect(feedback).to_contain_text("This reads as what you")
    expect(feedback).not_to_contain_text("Your story fits the principle asked about")
    praise = feedback.locator(".checklist li").all_inner_texts()
    assert not any("principle" in text.lower() for text in praise), praise
    screenshot(page, "feedback-hypothetical")


def test_an_off_topic_answer_in_a_mock_loop_counts_in_the_debrief(page, signed_in):  # noqa: F811
    from loopcoach.web.loops.models import LoopQuestion

    page.context.add_cookies(signed_in)
    page.goto("/loops/")
    page.get_by_role("button", name="Start the loop").click()
    expect(page.locator(".loop-round")).to_have_count(5)
    off_topic = _question(text__contains=OFF_TOPIC_FOR_STRONG)
    round_one = LoopQuestion.objects.filter(session__order=1).order_by("order")
    drawn = round_one.filter(question=off_topic).first() or round_one.first()
    if drawn.question_id != off_topic.pk:  # the draw is random: put it in round 1
        drawn.question = off_topic
        drawn.save(update_fields=["question"])
    page.get_by_role("button", name=re.compile(r"^Start round 1")).click()
    if page.locator(".answer-form").count() == 0:
        page.get_by_role("button", name="Start the round").click()
    while page.locator(".answer-form").count():
        is_follow_up = "follow-up" in page.locator(".answer-form label").inner_text()
        page.locator(".answer-form textarea").fill(STRONG_FOLLOW_UP if is_follow_up else STRONG)
        page.locator(".answer-form button[type=submit]").click()
        page.wait_for_load_state()
    expect(page.locator(".round-over")).to_be_visible()
    expect(page.locator(".off-topic-note").first).to_contain_text(
        "This answer did not answer the question"
    )
    expect(page.locator(".depth-note").first).to_be_visible()
    screenshot(page, "loop-round-off-topic")
    page.goto(f"/loops/{drawn.session.loop_id}/")
    page.get_by_role("button", name="End the loop now and see the debrief").click()
    first_round = page.locator("[data-round]").first
    expect(first_round.locator(".off-topic-note").first).to_contain_text(
        "Did not answer the question"
    )
    expect(first_round).to_contain_text("did not answer the question counted as 1")
    screenshot(page, "loop-debrief-off-topic")
