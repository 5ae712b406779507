"""Reading a report: levels against the guide's, months, and the limits."""

from __future__ import annotations

from datetime import date

import pytest

from loopcoach.web.reports.validation import ReportInvalid, normalise_level, parse_month

EM = [
    {"level": "L5", "title": "Software Development Manager I"},
    {"level": "L6", "title": "Software Development Manager II"},
    {"level": "L7", "title": "Senior Software Development Manager"},
]
SDE = [
    {"level": "L4", "title": "SDE I"},
    {"level": "L5", "title": "SDE II"},
    {"level": "L6", "title": "Senior SDE"},
]


@pytest.mark.parametrize(
    ("written", "levels", "expected"),
    [
        ("l6", EM, "L6"),
        ("Level 6", EM, "L6"),
        ("6", EM, "L6"),
        ("SDM II", EM, "L6"),
        ("sdm-2", EM, "L6"),
        ("software development manager ii", EM, "L6"),
        ("Senior", EM, "L7"),
        ("SDE2", SDE, "L5"),
        ("sde ii", SDE, "L5"),
        ("Senior SDE", SDE, "L6"),
        ("principal", SDE, ""),
        ("L9", SDE, ""),
        ("", SDE, ""),
        ("L6", [], ""),
    ],
)
def test_it_reads_a_level_against_the_guides_levels(written, levels, expected):
    assert normalise_level(written, levels) == expected


@pytest.mark.parametrize(
    ("month", "problem"),
    [
        ("2026-12", "is in the future"),
        ("2026-13", "YYYY-MM"),
        ("2026-1", "YYYY-MM"),
        ("1999-12", "2000 or later"),
        (202610, "YYYY-MM"),
        (None, "YYYY-MM"),
    ],
)
def test_it_refuses_months_it_cannot_take(month, problem):
    with pytest.raises(ValueError, match=problem):
        parse_month(month, today=date(2026, 11, 30))


def test_this_month_is_not_the_future():
    assert parse_month("2026-11", today=date(2026, 11, 30)) == date(2026, 11, 1)


@pytest.mark.django_db
def test_a_nul_and_a_non_object_are_refused(amazon_guide):
    from loopcoach.web.reports.validation import report_clean

    with pytest.raises(ReportInvalid) as error:
        report_clean(
            {
                "company": "amazon",
                "role": "engineering-manager",
                "month": "2026-10",
                "rounds": [{"name": "R", "questions": ["Why\x00?"]}],
            }
        )
    assert "NUL" in error.value.fields["rounds.0.questions.0"]
    with pytest.raises(ReportInvalid):
        report_clean(["not", "an", "object"])  # type: ignore[arg-type]
