"""Three candidates report overlapping questions in their own words; a moderator merges and
creates; the bank shows the counts and sorts by them; a fourth paraphrase is matched first."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_practice_flow import PASSWORD, sign_up
from tests.web.reports.conftest import LAST_LABEL, LAST_MONTH

DEADLINE_WORDINGS = [
    "Tell me about a time you missed a deadline you committed to",
    "a time u failed to meet a commitment to your team?",
    "When did you miss a deadline, what happened",
]
NEW_QUESTION = "How do you run a blameless retro after a data leak caused by your team?"
TARGET = "commitment"


@pytest.fixture
def new_page(browser, live_server, content):
    contexts = []

    def make(width: int = 1280):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 900}
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    for context in contexts:
        context.close()


def report(page, *questions: str, month: str = LAST_MONTH) -> None:
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():  # a phone: the sections are behind the menu
        menu.click()
    page.get_by_role("link", name="Reports").click()
    page.get_by_role("link", name="Report an interview").first.click()
    page.get_by_label("Company and role").select_option("amazon/engineering-manager")
    page.get_by_label("Level").fill("L6")
    page.get_by_label("Month of the interview").fill(month)
    page.get_by_label("Questions asked").first.fill("\n".join(questions))
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator(".flash-success")).to_contain_text("waits for a moderator")


def moderator_signs_in(page) -> None:
    from django.contrib.auth.models import User

    from loopcoach.web.reports.services import moderator_group

    user = User.objects.create_user("mona", "mona@example.com", PASSWORD)
    user.groups.add(moderator_group())  # live-server tests flush what the migration made
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("mona")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_reports_become_counts_in_the_bank(new_page):
    for number, wording in enumerate(DEADLINE_WORDINGS):
        page = new_page()
        sign_up(page, f"candidate{number}")
        extra = [NEW_QUESTION] if number == 0 else []
        report(page, wording, *extra)
    screenshot(page, "report-detail")

    mod = new_page()
    moderator_signs_in(mod)
    mod.get_by_role("link", name="Moderation").click()
    rows = mod.locator("table tbody tr")
    expect(rows).to_have_count(3)
    screenshot(mod, "moderation-queue")
    for index in range(3):
        mod.goto("/moderation/")
        mod.locator("table tbody tr a").nth(0).click()
        first_match = mod.locator(".moderation-question").first.locator(".matches li").first
        expect(first_match).to_contain_text(TARGET)
        if index == 0:
            screenshot(mod, "moderation-report", full_page=True)
        mod.locator(".moderation-question").first.get_by_role("button", name="Merge").click()
        expect(mod.locator(".flash-success")).to_contain_text("Merged")
        if index == 0:
            new = mod.locator(".moderation-question").nth(1)
            new.get_by_text("A new question").click()
            new.get_by_role("button", name="Add to the bank").click()
            expect(mod.locator(".flash-success")).to_contain_text("Added to the bank")
    expect(mod.locator(".moderation-log li")).to_have_count(1)

    reader = new_page()
    reader.goto("/questions/?sort=reported")
    first = reader.locator(".question-item").first
    expect(first).to_contain_text(TARGET)
    expect(first).to_contain_text(f"Asked in 3 reports · last in {LAST_LABEL}")
    screenshot(reader, "bank-most-reported")
    first.get_by_role("link").first.click()
    expect(reader.locator(".facts")).to_contain_text(f"Asked in 3 reports · last in {LAST_LABEL}")
    expect(reader.locator(".quarter-bars li")).to_have_count(8)
    screenshot(reader, "question-reported", full_page=True)
    reader.goto("/guides/amazon/engineering-manager/#pay-estimates")
    screenshot(reader, "guide-pay")
    reader.goto("/questions/?reported=year&sort=recent")
    expect(reader.locator(".question-item")).to_have_count(2)

    fourth = new_page()
    sign_up(fourth, "candidate3")
    report(fourth, "they asked about missing a deadline i had commited to")
    mod.goto("/moderation/")
    mod.locator("table tbody tr a").first.click()
    expect(mod.locator(".matches li").first).to_contain_text(TARGET)


def test_moderation_reads_on_a_phone(new_page):
    page = new_page(390)
    sign_up(page, "phoneuser")
    page.goto("/reports/new/")
    screenshot(page, "report-form-phone", full_page=True)
    page.goto("/guides/amazon/engineering-manager/#pay-estimates")
    screenshot(page, "guide-pay-phone")
    page.goto("/")
    report(page, DEADLINE_WORDINGS[0])
    screenshot(page, "report-phone", full_page=True)
    mod = new_page(390)
    moderator_signs_in(mod)
    mod.goto("/moderation/")
    mod.locator("table tbody tr a").first.click()
    expect(mod.locator(".matches li").first).to_be_visible()
    screenshot(mod, "moderation-phone", full_page=True)
