"""Every schedule against a hand computation, on a $400,000 grant unless said otherwise."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loopcoach.offers import calculate, parse_offer

D = Decimal


def offer(**fields):
    return calculate(parse_offer({"base_salary": "200000", "grant_value": "400000", **fields}))


def stock_by_month(result) -> dict[int, Decimal]:
    return {row.month: row.stock for row in result.months if row.stock}


def test_amazon_5_15_40_40_at_a_flat_price():
    # 5% at month 12 = 20,000; 15% at month 24 = 60,000;
    # then 20% = 80,000 at months 30, 36, 42 and 48.
    # Years: 20,000 / 60,000 / 160,000 / 160,000; four years 400,000.
    result = offer(vesting="amazon")
    assert stock_by_month(result) == {
        12: D("20000.00"),
        24: D("60000.00"),
        30: D("80000.00"),
        36: D("80000.00"),
        42: D("80000.00"),
        48: D("80000.00"),
    }
    assert [year.stock for year in result.years] == [
        D("20000"),
        D("60000"),
        D("160000"),
        D("160000"),
    ]
    # TC = 200,000 base + stock: 220,000 / 260,000 / 360,000 / 360,000 = 1,200,000
    assert [year.total for year in result.years] == [
        D("220000"),
        D("260000"),
        D("360000"),
        D("360000"),
    ]
    assert result.total == D("1200000.00")


def test_amazon_quarterly_variant():
    # 5% at month 12 = 20,000; year 2: 15% / 4 = 3.75% = 15,000 at months 15, 18, 21, 24;
    # years 3 and 4: 40% / 4 = 10% = 40,000 every quarter, months 27 … 48.
    vests = stock_by_month(offer(vesting="amazon-quarterly"))
    assert vests[12] == D("20000.00")
    assert [vests[m] for m in (15, 18, 21, 24)] == [D("15000.00")] * 4
    assert [vests[m] for m in range(27, 49, 3)] == [D("40000.00")] * 8
    assert len(vests) == 13 and sum(vests.values()) == D("400000.00")


def test_even_25_with_a_one_year_cliff_then_quarterly():
    # Nothing in months 1–11; 25% = 100,000 at month
    # 12; then 6.25% = 25,000 at months 15, 18, …, 48.
    result = offer(vesting="even-cliff")
    vests = stock_by_month(result)
    assert min(vests) == 12 and vests[12] == D("100000.00")
    assert [vests[m] for m in range(15, 49, 3)] == [D("25000.00")] * 12
    assert [year.stock for year in result.years] == [D("100000.00")] * 4


def test_custom_schedule_vesting_monthly():
    # 33/33/22/12 vesting monthly: year 1: 400,000 × 33% = 132,000, i.e. 11,000 a month;
    # year 4: 400,000 × 12% = 48,000, i.e. 4,000 a month.
    result = offer(vesting="custom", custom_percents="33, 33, 22, 12", custom_frequency="monthly")
    assert [year.stock for year in result.years] == [
        D("132000"),
        D("132000"),
        D("88000"),
        D("48000"),
    ]
    assert result.months[0].stock == D("11000.00") and result.months[47].stock == D("4000.00")


def test_custom_monthly_vests_round_to_cents_and_still_add_up():
    # 10/20/30/40 monthly on 100,000: year 1 is 10,000 / 12 = 833.333… a month;
    # running totals rounded: 833.33, 1,666.67, 2,500.00 → months 833.33, 833.34, 833.33.
    result = offer(
        grant_value="100000",
        vesting="custom",
        custom_percents="10/20/30/40",
        custom_frequency="monthly",
    )
    assert [m.stock for m in result.months[:3]] == [D("833.33"), D("833.34"), D("833.33")]
    assert [year.stock for year in result.years] == [D("10000"), D("20000"), D("30000"), D("40000")]


def test_units_times_share_price():
    # 2,000 units × $200 = $400,000, the same schedule as a value; shares vest 5% = 100 at month 12.
    result = offer(grant_value="", grant_units="2000", share_price="200")
    assert result.offer.grant_value == D("400000.00")
    assert result.months[11].shares == D("100.00") and result.months[11].stock == D("20000.00")


def test_growing_share_price():
    # +10% a year, compounding: price factor at month m is 1.1^(m/12).
    # month 12: 20,000 × 1.1 = 22,000; month 24: 60,000 × 1.21 = 72,600;
    # year 3: 80,000 × 1.1^2.5 (= 1.2690587) + 80,000 × 1.331 = 101,524.70 + 106,480.00 = 208,004.70
    result = offer(price_scenario="growing", price_change_percent="10")
    assert [year.stock for year in result.years[:3]] == [
        D("22000.00"),
        D("72600.00"),
        D("208004.70"),
    ]


def test_falling_share_price():
    # −20% a year: month 12: 20,000 × 0.8 = 16,000; month 24: 60,000 × 0.64 = 38,400;
    # month 36: 80,000 × 0.512 = 40,960; month 48: 80,000 × 0.4096 = 32,768.
    vests = stock_by_month(offer(price_scenario="falling", price_change_percent="20"))
    assert [vests[m] for m in (12, 24, 36, 48)] == [
        D("16000.00"),
        D("38400.00"),
        D("40960.00"),
        D("32768.00"),
    ]


@pytest.mark.parametrize("vesting", ["amazon", "amazon-quarterly", "even-cliff"])
def test_months_always_add_up_to_their_year(vesting):
    result = offer(
        vesting=vesting, base_salary="187654.32", sign_on_year1="77777.77", raise_percent="3.5"
    )
    for year in result.years:
        months = [m for m in result.months if m.year == year.year]
        assert sum(m.total for m in months) == year.total
