"""Base salary with raises, bonuses, sign-on bonuses and their claw-back, the comparison."""

from __future__ import annotations

from decimal import Decimal

from loopcoach.offers import calculate, compare, parse_offer

D = Decimal

AMAZON_L6 = {
    "name": "Amazon L6",
    "base_salary": "200,000",
    "sign_on_year1": "110,000",
    "sign_on_year2": "90,000",
    "grant_value": "400,000",
    "vesting": "amazon",
}
EVEN_OFFER = {
    "name": "Even vesting",
    "base_salary": "210000",
    "bonus_percent": "15",
    "sign_on_year1": "50000",
    "sign_on_payment": "upfront",
    "grant_value": "480000",
    "vesting": "even-cliff",
}


def test_the_amazon_l6_example():
    # base 200,000 a year; sign-on 110,000 then 90,000; stock 5/15/40/40 of 400,000.
    # Y1: 200,000 + 110,000 + 20,000 = 330,000
    # Y2: 200,000 +  90,000 + 60,000 = 350,000
    # Y3: 200,000 + 160,000 = 360,000; Y4 the same. Four years: 1,400,000.
    result = calculate(parse_offer(AMAZON_L6))
    assert [year.total for year in result.years] == [
        D("330000"),
        D("350000"),
        D("360000"),
        D("360000"),
    ]
    assert result.total == D("1400000.00")
    # Paid monthly: 110,000 / 12 = 9,166.666… → running totals 9,166.67, 18,333.33, 27,500.00
    assert [m.sign_on for m in result.months[:3]] == [D("9166.67"), D("9166.66"), D("9166.67")]
    assert result.months[12].sign_on == D("7500.00")  # 90,000 / 12


def test_the_competing_offer_with_even_vesting():
    # base 210,000; bonus 15% = 31,500 at each anniversary; sign-on 50,000 up front in month 1;
    # stock 480,000 × 25% = 120,000 a year.
    # Y1: 210,000 + 31,500 + 50,000 + 120,000 = 411,500; Y2–Y4: 361,500. Four years: 1,496,000.
    result = calculate(parse_offer(EVEN_OFFER))
    assert [year.total for year in result.years] == [
        D("411500"),
        D("361500"),
        D("361500"),
        D("361500"),
    ]
    assert result.months[0].sign_on == D("50000.00") and result.months[11].bonus == D("31500.00")
    assert result.total == D("1496000.00")


def test_comparison_picks_the_higher_offer_each_year():
    amazon, even = (calculate(parse_offer(data)) for data in (AMAZON_L6, EVEN_OFFER))
    rows = compare([amazon, even])
    # Y1 411,500 > 330,000; Y2 361,500 > 350,000; Y3 and
    # Y4 361,500 > 360,000; total 1,496,000 > 1,400,000
    assert [row.best for row in rows] == [1, 1, 1, 1, 1]
    assert rows[-1].values == [D("1400000.00"), D("1496000.00")]


def test_yearly_raise_compounds():
    # 200,000 × 1.03 = 206,000; × 1.03 = 212,180; × 1.03 = 218,545.40
    result = calculate(parse_offer({"base_salary": "200000", "raise_percent": "3"}))
    assert [year.base for year in result.years] == [
        D("200000"),
        D("206000"),
        D("212180"),
        D("218545.40"),
    ]
    assert result.months[12].base == D("17166.67")  # 206,000 / 12 = 17,166.666…


def test_sign_on_claw_back_paid_monthly():
    # 110,000 paid monthly; leave after month 3: received 27,500, repay 27,500 × 9/12 = 20,625.
    # Leave after month 13 (1 month into year 2): received
    # 7,500 of the 90,000, repay 7,500 × 11/12 = 6,875.
    rows = {row.after_month: row for row in calculate(parse_offer(AMAZON_L6)).claw_back}
    assert (rows[3].received, rows[3].owe) == (D("27500.00"), D("20625.00"))
    assert rows[11].owe == D(
        "8402.78"
    )  # received 110,000 × 11/12 = 100,833.33…, × 1/12 = 8,402.777…
    assert 12 not in rows and 24 not in rows  # a completed year owes nothing
    assert (rows[13].received, rows[13].owe) == (D("7500.00"), D("6875.00"))


def test_sign_on_claw_back_paid_up_front():
    # 50,000 up front; leave after month 4: repay 50,000 × 8/12 = 33,333.33
    rows = {row.after_month: row for row in calculate(parse_offer(EVEN_OFFER)).claw_back}
    assert rows[4].owe == D("33333.33")
    assert max(rows) == 11  # no year-2 bonus, nothing to repay in year 2


def test_the_api_dict_carries_money_as_strings():
    data = calculate(parse_offer(AMAZON_L6)).to_dict()
    assert data["years"][0] == {
        "year": 1,
        "base": "200000.00",
        "bonus": "0.00",
        "sign_on": "110000.00",
        "stock": "20000.00",
        "total": "330000.00",
    }
    assert data["total"]["total"] == "1400000.00"
    assert len(data["months"]) == 48
    assert [v["month"] for v in data["schedule"]["vests"]] == [12, 24, 30, 36, 42, 48]
