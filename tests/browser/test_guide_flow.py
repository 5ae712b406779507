"""A new reader opens the guide, searches the bank and filters by principle."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.browser.conftest import screenshot


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlparse(url).query)


def test_a_reader_opens_the_guide_from_the_home_page(page):
    page.goto("/")
    screenshot(page, "home")
    page.get_by_role("link", name="Engineering Manager").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Engineering Manager")
    expect(page.locator(".timeline-stage")).to_have_count(4)
    expect(page.locator(".loop-round")).to_have_count(5)
    expect(page.locator(".loop-round.is-bar-raiser")).to_contain_text("Bar Raiser")
    screenshot(page, "guide")
    page.get_by_role("navigation", name="On this page").get_by_role("link", name="FAQ").click()
    expect(page.locator("#faq details").first).to_be_visible()


def test_a_reader_searches_the_bank_as_they_type(page):
    page.goto("/questions/")
    page.get_by_label("Search").fill("rate limiter")
    expect(page.locator("#result-count")).to_contain_text("for “rate limiter”")
    expect(page.locator(".question-item").first).to_contain_text(
        "Design a rate limiter for a high-traffic API."
    )
    assert query_of(page.url)["q"] == ["rate limiter"]  # in the address bar, so it can be shared
    screenshot(page, "search")
    page.get_by_role("link", name="Design a rate limiter for a high-traffic API.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Design a rate limiter for a high-traffic API."
    )
    screenshot(page, "question")


def test_a_reader_filters_by_principle(page):
    page.goto("/questions/")
    page.get_by_label("Principle").select_option(label="Frugality")
    expect(page.locator("#result-count")).not_to_contain_text("183")
    items = page.locator(".question-item")
    expect(items.first).to_contain_text("Frugality")
    for index in range(items.count()):
        expect(items.nth(index)).to_contain_text("Frugality")
    assert query_of(page.url)["principle"] == ["frugality"]


def test_a_reader_searches_from_the_home_page(page):
    page.goto("/")
    page.get_by_label("Search the question bank").fill("low performer")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".question-item").first).to_be_visible()
    expect(page.locator("#result-count")).to_contain_text("low performer")


def test_the_guide_reads_on_a_phone(phone_page):
    phone_page.goto("/guides/amazon/engineering-manager/")
    expect(phone_page.locator(".loop-round").first).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px wide)"
    screenshot(phone_page, "guide-phone")
    phone_page.goto("/questions/?q=disagree")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone_page, "search-phone")


def test_a_principle_page_links_to_its_questions(page):
    page.goto("/guides/amazon/principles/")
    page.get_by_role("link", name="Dive Deep").click()
    expect(page.get_by_role("heading", name="What interviewers listen for")).to_be_visible()
    expect(page.locator(".question-item").first).to_be_visible()
    screenshot(page, "principle")
