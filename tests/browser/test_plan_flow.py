"""A candidate with a loop five weeks out makes a plan, ticks it off, exports it and re-plans."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import screenshot


@pytest.fixture
def logged_in(content, live_server):
    """Alice's session cookie, for a browser context."""
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    alice = User.objects.create_user("alice", password="alice-Passw0rd!")
    client = Client()
    client.force_login(alice)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


def make_plan(page, logged_in) -> None:
    page.context.add_cookies([logged_in])
    today = timezone.localdate()
    page.goto("/plan/")
    page.get_by_label("Phone screen").fill((today + timedelta(days=9)).isoformat())
    page.get_by_label("Onsite loop").fill((today + timedelta(days=35)).isoformat())
    page.get_by_role("button", name="Make my plan").click()


def test_a_candidate_plans_to_a_loop_five_weeks_out(page, logged_in, tmp_path):
    make_plan(page, logged_in)
    loop = timezone.localdate() + timedelta(days=35)
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{loop:%A} {loop.day} {loop:%B}")
    expect(page.locator(".plan-week")).to_have_count(6)
    today_card = page.locator(".plan-day.is-today")
    expect(today_card).to_contain_text("Write a story for Customer Obsession")
    expect(page.get_by_text("Mock loop 3 of 3")).to_be_visible()
    screenshot(page, "plan")

    today_card.get_by_label("Write a story for Customer Obsession").check()
    expect(page.locator("#progress")).to_contain_text("1 of")
    page.reload()
    expect(
        page.locator(".plan-day.is-today").get_by_label("Write a story for Customer Obsession")
    ).to_be_checked()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    path = tmp_path / "plan.ics"
    download_info.value.save_as(path)
    assert download_info.value.suggested_filename == f"loopcoach-plan-{loop.isoformat()}.ics"
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert len(events) == 36
    summaries = {str(event["SUMMARY"]): event.decoded("DTSTART") for event in events}
    assert summaries["Onsite loop"] == loop
    assert summaries["Phone screen"] == timezone.localdate() + timedelta(days=9)
    assert summaries["Prep: Rest day"] == loop - timedelta(days=1)

    page.get_by_label("Onsite loop").fill((loop + timedelta(days=7)).isoformat())
    page.get_by_label("Week by week").check()
    page.get_by_role("button", name="Re-plan from today").click()
    expect(page.get_by_text("Re-planned from today")).to_be_visible()
    expect(page.get_by_text("Write a story for Customer Obsession")).to_have_count(0)
    expect(page.locator(".plan-week")).to_have_count(7)
    screenshot(page, "plan-weekly")


def test_a_loop_in_the_past_is_refused(page, logged_in):
    page.context.add_cookies([logged_in])
    page.goto("/plan/")
    page.get_by_label("Onsite loop").fill((timezone.localdate() - timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Make my plan").click()
    expect(page.get_by_text("is in the past")).to_be_visible()


def test_the_plan_on_a_phone(phone_page, logged_in):
    make_plan(phone_page, logged_in)
    expect(phone_page.locator(".plan-day.is-today")).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px wide)"
    screenshot(phone_page, "plan-phone")
