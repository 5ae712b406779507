"""A candidate writes a story, then runs a whole mock loop: strong answers everywhere except the
Bar Raiser's round, which is deliberately weak. The debrief must say: no offer, Bar Raiser veto."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.scripted_answers import STRONG, STRONG_FOLLOW_UP, WEAK, WEAK_FOLLOW_UP


@pytest.fixture
def signed_in(live_server, content):
    """A candidate's session cookie, made without depending on the log-in page."""
    from django.contrib.auth.models import User

    user = User.objects.create_user("alice", password="alice-Passw0rd!")
    client = Client()
    client.force_login(user)
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url,
        }
    ]


def _answer_current(page, text: str) -> None:
    page.locator(".answer-form textarea").fill(text)
    page.locator(".answer-form button[type=submit]").click()


def test_a_candidate_writes_a_story_and_reads_the_coverage(page, signed_in):
    page.context.add_cookies(signed_in)
    page.goto("/stories/")
    screenshot(page, "stories-empty")
    page.get_by_role("link", name="Write your first story").click()
    page.get_by_label("Title").fill("Cut checkout latency by 70%")
    page.get_by_label("When and where").fill("2022, payments team")
    page.get_by_label("Situation").fill(STRONG.split(". ")[0] + ".")
    page.get_by_label("Action").fill(STRONG)
    page.get_by_label("Result").fill(
        "p99 latency fell from 900 ms to 210 ms and conversion rose by 1.2%."
    )
    screenshot(page, "story-form")
    page.get_by_role("button", name="Save and analyse").click()
    expect(page.locator(".feedback-card")).to_be_visible()
    expect(page.locator(".check.is-suggested").first).to_be_visible()
    screenshot(page, "story-detail")
    page.get_by_role("button", name="Confirm principles").click()
    expect(page.locator(".flash-success")).to_contain_text("Tagged with")
    page.goto("/stories/coverage/")
    expect(page.locator(".matrix tbody tr")).to_have_count(16)
    expect(page.locator(".matrix tbody tr.is-gap")).to_have_count(
        16
    )  # one story: every principle is a gap
    screenshot(page, "story-coverage")


def test_a_whole_mock_loop_with_a_weak_bar_raiser_round_ends_in_a_veto(page, phone_page, signed_in):
    page.context.add_cookies(signed_in)
    page.goto("/loops/")
    screenshot(page, "loop-start")
    page.get_by_role("button", name="Start the loop").click()
    expect(page.locator(".loop-round")).to_have_count(5)
    screenshot(page, "loop-overview")
    page.get_by_role("button", name=re.compile(r"^Start round 1")).click()

    for number in range(1, 6):
        expect(page.locator(".loop-number").first).to_contain_text(f"Round {number} of 5")
        if (
            page.locator(".answer-form").count() == 0
        ):  # the round's intro, when reached from its link
            page.get_by_role("button", name="Start the round").click()
        bar_raiser = page.locator(".round-header.is-bar-raiser").count() == 1
        main, follow = (WEAK, WEAK_FOLLOW_UP) if bar_raiser else (STRONG, STRONG_FOLLOW_UP)
        if number == 3:  # leave mid-round and come back: the loop resumes where it stopped
            page.get_by_role("button", name="Leave and resume later").click()
            expect(page.locator(".status-paused")).to_be_visible()
            page.get_by_role("button", name=re.compile(r"^Resume round 3")).click()
        first = True
        while page.locator(".answer-form").count():
            is_follow_up = "follow-up" in page.locator(".answer-form label").inner_text()
            _answer_current(page, follow if is_follow_up else main)
            if first and not is_follow_up:
                expect(
                    page.locator(".thread-item.is-current .bubble-interviewer").nth(1)
                ).to_be_visible()
                if number == 2:
                    screenshot(page, "loop-round-follow-up")
                    page.set_viewport_size({"width": 390, "height": 844})
                    screenshot(page, "loop-round-follow-up-phone")
                    page.set_viewport_size({"width": 1280, "height": 900})
                first = False
        expect(page.locator(".round-over")).to_be_visible()
        if number == 2:
            assert bar_raiser, "the Amazon loop's second round is the Bar Raiser's"
            screenshot(page, "loop-round-over")
        if number < 5:
            page.get_by_role("button", name=re.compile(rf"^Next: round {number + 1}")).click()
    page.get_by_role("link", name="Read the debrief").first.click()

    expect(page.locator("[data-outcome]")).to_have_text("No offer")
    expect(page.locator("[data-veto]")).to_have_text("Bar Raiser veto")
    expect(page.locator(".decision-reasons")).to_contain_text("The Bar Raiser voted strong no hire")
    expect(page.locator("[data-round=bar-raiser] [data-vote]")).to_have_text("Strong no hire")
    for slug in ("hiring-manager", "system-design", "people-leadership", "execution"):
        notes = page.locator(f"[data-round={slug}]")
        if "did not answer the question" in notes.inner_text():
            # The one strong story (a latency fix) does not answer every question drawn (a
            # mentoring question, say): such an answer counts as a 1, and the vote says why.
            expect(notes.locator(".small").first).to_contain_text(
                "did not answer the question counted as 1"
            )
            continue
        expect(notes.locator("[data-vote]")).to_have_text(re.compile("hire", re.I))
        expect(notes.locator("[data-vote]")).not_to_have_text(re.compile("no hire", re.I))
    expect(page.locator(".gap-card")).to_have_count(3)
    expect(
        page.locator(".gap-card").first.get_by_role("link", name="Questions that probe it")
    ).to_be_visible()
    screenshot(page, "loop-debrief")
    page.emulate_media(media="print")
    screenshot(page, "loop-debrief-print")

    phone_page.context.add_cookies(signed_in)
    phone_page.goto(page.url)
    expect(phone_page.locator("[data-veto]")).to_be_visible()
    screenshot(phone_page, "loop-debrief-phone")
