"""A candidate weighs an Amazon L6 offer against a competing offer with even vesting."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import screenshot


def fill_offer(page, letter: str, fields: dict[str, str]) -> None:
    offer = page.get_by_role("group", name=f"Offer {letter}")
    for label, value in fields.items():
        field = offer.get_by_label(label, exact=True)
        if field.evaluate("node => node.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)


AMAZON_L6 = {
    "Name": "Amazon L6",
    "Base salary": "200,000",
    "Sign-on, year 1": "110,000",
    "Sign-on, year 2": "90,000",
    "Stock grant (total value)": "400,000",
    "Price at grant": "185",
    "Vesting": "Amazon 5/15/40/40",
}
EVEN = {
    "Name": "Even vesting",
    "Base salary": "210,000",
    "Annual bonus": "15",
    "Sign-on, year 1": "50,000",
    "Sign-on paid": "Up front, at the start of each year",
    "Stock grant (total value)": "480,000",
    "Vesting": "Even 25/25/25/25, one-year cliff",
}


def test_a_candidate_calculates_and_compares_offers(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Offers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Offer calculator")
    fill_offer(page, "A", AMAZON_L6)
    page.get_by_role("button", name="Calculate").click()
    totals = page.locator(".total-card")
    expect(totals).to_have_count(1)
    expect(totals.first).to_contain_text("$1,400,000")
    table = page.get_by_role("table", name="Amazon L6: pay per year")
    expect(table.get_by_role("row", name="Year 1")).to_contain_text("$330,000")
    expect(table.get_by_role("row", name="Year 3")).to_contain_text("$360,000")
    expect(page.locator(".offer-chart svg rect.seg")).to_have_count(
        10
    )  # 4 base + 2 sign-on + 4 stock
    page.get_by_text("Month by month (48 months)").click()
    monthly = page.get_by_role("table", name="Amazon L6: pay per month")
    month_12 = monthly.locator("tbody tr").nth(11)
    expect(month_12).to_contain_text("$20,000.00")
    expect(month_12).to_contain_text("108.11")  # shares: 20,000 / 185
    page.get_by_text("If you leave early: sign-on to repay").click()
    claw_back = page.get_by_role("table", name="Amazon L6: sign-on repayment by month of leaving")
    expect(claw_back.locator("tbody tr").nth(2)).to_contain_text("$20,625.00")  # after month 3
    screenshot(page, "offers-one")

    page.get_by_role("button", name="Add an offer to compare").click()
    expect(page.get_by_role("group", name="Offer B")).to_be_visible()
    expect(
        page.get_by_role("group", name="Offer A").get_by_label("Name", exact=True)
    ).to_have_value("Amazon L6")
    fill_offer(page, "B", EVEN)
    page.get_by_role("button", name="Calculate").click()
    comparison = page.get_by_role("table", name="Total compensation per year, side by side")
    expect(comparison.get_by_role("row", name="Year 1")).to_contain_text("$411,500")
    expect(comparison.get_by_role("row", name="4-year total")).to_contain_text("$1,496,000 highest")
    expect(page.locator(".offer-chart svg rect.seg")).to_have_count(
        10 + 13
    )  # B: 4 base + 4 bonus + 1 sign-on + 4 stock
    screenshot(page, "offers-compare")


def test_bad_input_is_shown_next_to_the_field(page):
    page.goto("/offers/")
    fill_offer(page, "A", {"Base salary": "-5", "Vesting": "Custom"})
    offer = page.get_by_role("group", name="Offer A")
    offer.get_by_label("Percent per year").fill("50, 40")
    page.get_by_role("button", name="Calculate").click()
    expect(page.get_by_role("alert")).to_have_text(
        "2 fields above need fixing before the offer can be calculated."
    )
    expect(page.get_by_text("Base salary cannot be negative")).to_be_visible()
    expect(page.get_by_text("Percent per year add up to 90%, not 100%")).to_be_visible()
    expect(page.locator(".total-card")).to_have_count(0)
    screenshot(page, "offers-errors")


def test_the_calculator_on_a_phone(phone_page):
    phone_page.goto("/offers/")
    fill_offer(phone_page, "A", AMAZON_L6)
    phone_page.get_by_role("button", name="Add an offer to compare").click()
    fill_offer(phone_page, "B", EVEN)
    phone_page.get_by_role("button", name="Calculate").click()
    expect(phone_page.locator(".total-card")).to_have_count(2)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px wide)"
    screenshot(phone_page, "offers-compare-phone")


def test_the_guide_links_its_vesting_to_the_calculator(page):
    page.goto("/guides/amazon/engineering-manager/#compensation")
    expect(page.locator("#compensation")).to_contain_text("No band yet for Amazon")
    page.get_by_role("link", name="Work out an offer with this vesting").click()
    expect(page.get_by_role("group", name="Offer A").get_by_label("Vesting")).to_have_value(
        "amazon"
    )
    expect(
        page.get_by_role("group", name="Offer A").get_by_label("Name", exact=True)
    ).to_have_value("Amazon offer")
