from __future__ import annotations

import pytest

from loopcoach.analysis.design.quantities import find_quantities


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [q.span.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "dims", "kind"),
    [
        ("100 M daily users", "100 M daily users", 1e8, (0, 0), "population"),
        ("10k requests per second", "10k requests per second", 1e4, (-1, 0), "count"),
        ("12k QPS", "12k QPS", 12_000, (-1, 0), "count"),
        ("1 billion requests a day", "1 billion requests a day", 1e9 / 86_400, (-1, 0), "count"),
        ("100M new URLs a month", "100M new URLs a month", 1e8 / 2_592_000, (-1, 0), "count"),
        ("5 TB", "5 TB", 5e12, (0, 1), "bytes"),
        ("200 bytes", "200 bytes", 200, (0, 1), "bytes"),
        ("23 MB/s", "23 MB/s", 23e6, (-1, 1), "bytes"),
        ("1.5 Gbps", "1.5 Gbps", 1.5e9 / 8, (-1, 1), "bytes"),
        ("5 years", "5 years", 5 * 31_536_000, (1, 0), "duration"),
        ("200 ms", "200 ms", 0.2, (1, 0), "duration"),
        ("20%", "20%", 0.2, (0, 0), "percent"),
        ("peak 3x", "3x", 3, (0, 0), "factor"),
        ("a 100:1 read ratio", "100:1", 100, (0, 0), "factor"),
        ("5 times a day", "5 times a day", 5 / 86_400, (-1, 0), "count"),
    ],
)
def test_it_parses_numbers_with_units(text, span, value, dims, kind):
    q = only(text)
    assert (q.span.text, q.dims, q.kind) == (span, dims, kind)
    assert q.value == pytest.approx(value)
    assert text[q.span.start : q.span.end] == q.span.text


def test_it_reads_hundreds_of_millions_as_a_rough_population():
    q = only("hundreds of millions of users")
    assert 1e8 <= q.value <= 1e9


@pytest.mark.parametrize(
    "text", ["in 2024 we launched", "it returns HTTP 429", "version 2.3 of it"]
)
def test_it_ignores_years_status_codes_and_versions(text):
    assert [q for q in find_quantities(text) if q.kind != "number"] == []


def test_a_multiplier_sign_between_numbers_is_an_operator_not_a_factor():
    spans = [q.span.text for q in find_quantities("200,000 × 500 / 10")]
    assert spans == ["200,000", "500", "10"]


def test_so_many_in_one_period_is_a_rate_per_that_period():
    from loopcoach.analysis.design.quantities import find_quantities

    runs = find_quantities("30,000 runs start in the first minute of each hour.")[0]
    assert runs.dims == (-1, 0) and runs.period == "minute" and runs.value == 500
    day = find_quantities("We ingest 100 GB in a day.")[0]
    assert day.dims == (-1, 1) and day.period == "day"
