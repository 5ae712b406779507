"""System design and writing in the browser: a design answered in the design editor while its
checklist ticks, a writing sample reviewed, and a mock loop whose system-design round is
answered well in one loop and badly in another. Screenshots at 1280 and 390 pixels wide."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.scripted_answers import (
    DESIGN_STORY,
    DESIGN_STRONG,
    DESIGN_WEAK,
    NARRATIVE,
    labelled_design,
)

REQUIREMENTS = DESIGN_STRONG.split("Estimates\n")[0]


@pytest.fixture
def user(live_server, content):
    from django.contrib.auth.models import User

    return User.objects.create_user("alice", password="alice-Passw0rd!")


@pytest.fixture
def signed_in(live_server, user):
    client = Client()
    client.force_login(user)
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url,
        }
    ]


def _question_url(key: str) -> str:
    from loopcoach.web.questions.models import Question

    return f"/practice/questions/{Question.objects.get(key=key).pk}/"


def _item(page, key: str):
    return page.locator(f"[data-role=checklist] [data-item={key}]")


def test_the_design_checklist_ticks_live_and_the_feedback_has_the_rubric(
    page, phone_page, signed_in
):
    page.context.add_cookies(signed_in)
    page.goto(_question_url("amzn-em-design-url-shortener"))
    box = page.get_by_label("Your design")
    expect(box).to_be_visible()
    expect(_item(page, "requirements")).not_to_have_class(re.compile("is-covered"))
    box.fill(REQUIREMENTS)
    expect(_item(page, "requirements")).to_have_class(re.compile("is-covered"))
    expect(_item(page, "estimates")).not_to_have_class(re.compile("is-covered"))
    # A heading inserted at the end, then the rest of the design typed under it.
    box.press("End")
    page.locator("[data-heading=Estimates]").click()
    expect(box).to_have_value(re.compile(r"\n\nEstimates\n$"))
    box.fill(DESIGN_STRONG)
    for key in ("estimates", "api", "data_model", "scaling", "trade_offs", "operations"):
        expect(_item(page, key)).to_have_class(re.compile("is-covered"))
    expect(page.locator("[data-role=checklist-status]")).to_have_text("9 of 9 covered")
    screenshot(page, "design-editor")

    box.fill(DESIGN_WEAK)
    expect(page.locator("[data-role=estimate-errors]")).to_contain_text("about 11,600")
    expect(_item(page, "api")).not_to_have_class(re.compile("is-covered"))
    page.get_by_role("button", name="Get feedback").click()
    panel = page.locator(".design-feedback")
    expect(panel).to_be_visible()
    expect(panel.locator(".design-text .hl-error")).to_have_text("1 million requests per second")
    expect(panel).to_contain_text("about 11,600 requests per second")
    expect(panel.locator(".rubric-item.is-covered")).not_to_have_count(9)
    expect(page.locator(".follow-ups .follow-up-q").first).to_be_visible()
    screenshot(page, "design-feedback")

    phone_page.context.add_cookies(signed_in)
    phone_page.goto(page.url)
    expect(phone_page.locator(".design-feedback")).to_be_visible()
    screenshot(phone_page, "design-feedback-phone")
    phone_page.goto(_question_url("amzn-em-design-rate-limiter"))
    phone_page.get_by_label("Your design").fill(DESIGN_STORY)
    expect(phone_page.locator("[data-role=checklist-status]")).to_contain_text("reads as a story")
    screenshot(phone_page, "design-editor-phone")
    phone_page.get_by_role("button", name="Get feedback").click()
    expect(phone_page.locator(".story-banner")).to_contain_text("reads as a story")


def test_a_writing_sample_is_reviewed_and_bad_input_keeps_the_text(page, phone_page, signed_in):
    page.context.add_cookies(signed_in)
    page.goto("/practice/")
    page.get_by_role("link", name="Writing", exact=True).click()
    box = page.get_by_role("textbox", name="Your document")
    box.fill("def main():\n    x = 1;\n    y = 2;\n    print(x);\n    return y;\n}")
    page.get_by_role("button", name="Review my writing").click()
    expect(page.locator("#writing-result")).to_contain_text("looks like code")
    expect(box).to_have_value(re.compile("^def main"))
    box.fill(NARRATIVE)
    page.get_by_role("button", name="Review my writing").click()
    panel = page.locator(".narrative-feedback")
    expect(panel).to_be_visible()
    expect(panel.locator(".design-text .hl-weasel").first).to_be_visible()
    expect(panel.locator(".design-text .hl-undefined_acronym").first).to_have_text("DBA")
    expect(panel.locator(".sections-table")).to_contain_text("The problem")
    expect(panel.locator(".narrative-summary")).to_contain_text("words")
    screenshot(page, "writing-review")
    box.fill("x " * 16_000)
    expect(page.locator("[data-role=limit]")).to_contain_text("the limit is 30,000")

    phone_page.context.add_cookies(signed_in)
    phone_page.goto("/practice/writing/")
    phone_page.get_by_role("textbox", name="Your document").fill(NARRATIVE)
    phone_page.get_by_role("button", name="Review my writing").click()
    expect(phone_page.locator(".narrative-feedback")).to_be_visible()
    screenshot(phone_page, "writing-review-phone")


def _design_round(user):
    from loopcoach.web.loops.models import LoopRoundSession

    return LoopRoundSession.objects.filter(loop__user=user, slug="system-design").latest("id")


def _run_design_round(page, user, answer_of) -> str:
    """Start a loop, answer only its system-design round with `answer_of(question key)`, end
    the loop and return the design round's vote from the debrief."""
    page.goto("/loops/")
    page.get_by_role("button", name="Start the loop").click()
    session = _design_round(user)
    page.goto(f"/loops/{session.loop_id}/rounds/{session.order}/")
    page.get_by_role("button", name="Start the round").click()
    drawn = list(session.questions.select_related("question").order_by("order"))
    assert drawn and {d.question.category for d in drawn} == {"system-design"}
    for question in drawn:
        expect(page.locator(".answer-form")).to_be_visible()
        page.locator(".answer-form textarea").fill(answer_of(question.question.key))
        page.locator(".answer-form button[type=submit]").click()
        expect(page.locator(".answer-form label")).to_contain_text("follow-up")
        page.locator(".answer-form textarea").fill(
            "The hottest keys are spread over several cache nodes, and when one fails its keys "
            "fall through to the table, which is sized for 20,000 reads a second."
        )
        page.locator(".answer-form button[type=submit]").click()
    expect(page.locator(".round-over")).to_be_visible()
    page.goto(f"/loops/{session.loop_id}/")
    page.get_by_role("button", name="End the loop now and see the debrief").click()
    vote = page.locator("[data-round=system-design] [data-vote]")
    expect(vote).to_be_visible()
    return vote.inner_text()


def test_a_mock_loop_design_round_answered_well_and_badly(page, phone_page, signed_in, user):
    page.context.add_cookies(signed_in)
    well = _run_design_round(page, user, lambda key: labelled_design(key, 4))
    assert re.fullmatch(r"(Strong hire|Hire)", well), well
    screenshot(page, "loop-design-round-well")
    badly = _run_design_round(page, user, lambda key: DESIGN_WEAK)
    assert re.fullmatch(r"(Strong no hire|No hire)", badly), badly
    notes = page.locator("[data-round=system-design]")
    expect(notes).to_contain_text("I would use a database")  # its design, quoted
    screenshot(page, "loop-design-round-badly")
    phone_page.context.add_cookies(signed_in)
    phone_page.goto(page.url)
    expect(phone_page.locator("[data-round=system-design]")).to_be_visible()
    screenshot(phone_page, "loop-design-round-badly-phone")
