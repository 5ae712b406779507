"""Percentiles and the five-point rule; CSV rows checked whole."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from loopcoach.offers import CsvImportError, DataPoint, market_bands, parse_csv, percentile

D = Decimal
TODAY = date(2025, 6, 1)


def point(
    base, *, level="L6", location="Seattle, WA", stock=0, bonus=0, year=2024, company="Amazon"
):
    return DataPoint(company, level, location, year, D(base), D(stock), D(bonus))


def test_percentile_interpolates_between_ranks():
    values = [D(v) for v in (10, 20, 30, 40, 50)]
    # rank = (n − 1) × p: p25 → 1 → 20; p50 → 2 → 30; p75 → 3 → 40
    assert [percentile(values, p) for p in (25, 50, 75)] == [20, 30, 40]
    # four values 10, 20, 30, 40: p25 rank 0.75 → 10 + 0.75 × 10 = 17.5; p50 rank 1.5 → 25
    assert percentile(values[:4], 25) == D("17.5") and percentile(values[:4], 50) == 25


def test_a_band_needs_five_points():
    four = [point(b) for b in (180000, 190000, 200000, 210000)]
    assert market_bands(four) == []
    bands = market_bands(
        [*four, point(220000, location="seattle,  wa")]
    )  # same place, other spelling
    assert len(bands) == 1 and bands[0].count == 5


def test_band_quartiles_of_total_compensation():
    # totals = base + stock + bonus: 280k, 300k, 320k, 340k, 360k → p25 300k, p50 320k, p75 340k
    points = [point(200000, stock=s) for s in (80000, 100000, 120000, 140000, 160000)]
    band = market_bands(points)[0]
    assert (band.total.p25, band.total.p50, band.total.p75) == (
        D("300000.00"),
        D("320000.00"),
        D("340000.00"),
    )
    assert band.quartiles["base"].p50 == D("200000.00")


def test_bands_are_per_company_level_and_location():
    points = (
        [point(200000 + i) for i in range(5)]
        + [point(150000 + i, level="L5") for i in range(5)]
        + [point(250000, level="L7")] * 4
    )
    assert [(b.level, b.count) for b in market_bands(points)] == [("L5", 5), ("L6", 5)]


CSV_OK = """company,level,location,year,base,stock_per_year,bonus
Amazon,L6,"Seattle, WA",2024,"200,000",160000,0
Amazon,l6,Seattle,2023,195000,150000,
"""


def test_csv_rows_are_parsed():
    points = parse_csv(CSV_OK, today=TODAY)
    assert [p.level for p in points] == ["L6", "L6"]
    assert points[0].base == D("200000.00") and points[1].bonus == D("0.00")


def test_csv_errors_name_the_row_and_field_and_list_them_all():
    text = (
        CSV_OK
        + "Amazon,L6,Seattle,2024,-5,0,0\n\n"
        + ",L6,Seattle,1999,abc,0,0\n"
        + "Amazon,L6,Seattle,2024,1,2,3,4\n"
    )
    with pytest.raises(CsvImportError) as caught:
        parse_csv(text, today=TODAY)
    assert caught.value.problems == [
        "row 4: base: cannot be negative",
        "row 6: company: is required",
        "row 6: year: must be a year from 2000 to 2025",
        "row 6: base: “abc” is not a number",
        "row 7: more cells than the header has columns",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "company,level\nAmazon,L6\n",
            "row 1: the header lacks location, year, base, stock_per_year, bonus",
        ),
        (
            "company,level,location,year,base,stock_per_year,bonus\n",
            "the file has a header but no rows",
        ),
        ("", "row 1: the header lacks company"),
    ],
)
def test_malformed_files(text, problem):
    with pytest.raises(CsvImportError) as caught:
        parse_csv(text, today=TODAY)
    assert caught.value.problems[0].startswith(problem)


def test_absurd_amounts_in_a_row():
    with pytest.raises(CsvImportError) as caught:
        parse_csv(
            "company,level,location,year,base,stock_per_year,bonus\nA,L6,X,2024,20000000,0,0\n",
            today=TODAY,
        )
    assert caught.value.problems == [
        "row 2: base: above 10,000,000 is not plausible; check for an extra zero"
    ]
