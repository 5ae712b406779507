"""Vesting schedules: which share of an RSU grant vests in which month.

A schedule is a list of years, each with the percent of the grant that vests
in it and how many equal vests that year is cut into. Months count from the
start date: month 12 ends on the first anniversary, so a vest "at month 12"
is the first-anniversary vest.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from loopcoach.offers.money import HUNDRED

FREQUENCIES = {"annual": 1, "semiannual": 2, "quarterly": 4, "monthly": 12}
MAX_YEARS = 4


@dataclass(frozen=True)
class VestingYear:
    percent: Decimal
    vests: int  # equal vests spread over the year: 1, 2, 4 or 12


@dataclass(frozen=True)
class Vest:
    month: int
    fraction: Decimal  # of the whole grant, e.g. 0.2 for 20%


@dataclass(frozen=True)
class VestingSchedule:
    slug: str
    label: str
    description: str
    years: tuple[VestingYear, ...]

    @property
    def percents(self) -> list[Decimal]:
        return [year.percent for year in self.years]

    def vests(self) -> list[Vest]:
        events = []
        for index, year in enumerate(self.years):
            step = 12 // year.vests
            for k in range(1, year.vests + 1):
                events.append(
                    Vest(month=12 * index + step * k, fraction=year.percent / HUNDRED / year.vests)
                )
        return [vest for vest in events if vest.fraction]


def _years(*pairs: tuple[str, int]) -> tuple[VestingYear, ...]:
    return tuple(VestingYear(Decimal(percent), vests) for percent, vests in pairs)


SCHEDULES: dict[str, VestingSchedule] = {
    schedule.slug: schedule
    for schedule in [
        VestingSchedule(
            "amazon",
            "Amazon 5/15/40/40",
            "5% at the first anniversary, 15% at the second, "
            "then 20% every six months in years 3 and 4.",
            _years(("5", 1), ("15", 1), ("40", 2), ("40", 2)),
        ),
        VestingSchedule(
            "amazon-quarterly",
            "5/15/40/40, quarterly after year 1",
            "5% at the first anniversary, then every three "
            "months: 3.75% in year 2, 10% in years 3 and 4.",
            _years(("5", 1), ("15", 4), ("40", 4), ("40", 4)),
        ),
        VestingSchedule(
            "even-cliff",
            "Even 25/25/25/25, one-year cliff",
            "Nothing for a year, 25% at the first anniversary, then 6.25% every three months.",
            _years(("25", 1), ("25", 4), ("25", 4), ("25", 4)),
        ),
    ]
}


def custom_schedule(percents: list[Decimal], frequency: str) -> VestingSchedule:
    """A schedule from percents per year; the caller has checked that they add up to 100."""
    vests = FREQUENCIES[frequency]
    label = "Custom " + "/".join(f"{p.normalize():f}" for p in percents)
    return VestingSchedule(
        "custom",
        label,
        f"{label}, vesting {frequency} within each year.",
        tuple(VestingYear(percent, vests) for percent in percents),
    )
