"""Geometry of the stacked bar chart: base, bonus, sign-on and stock per year, offers side by side.

The template draws the SVG from these numbers; the yearly table next to it
says the same in text for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from loopcoach.offers import OfferResult, format_usd
from loopcoach.offers.calculator import YEARS

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BASELINE = 64, 12, 16, 250
SEGMENTS = [("base", "Base salary"), ("bonus", "Bonus"), ("sign_on", "Sign-on"), ("stock", "Stock")]
LETTERS = "ABC"


@dataclass
class Segment:
    kind: str
    y: float
    height: float
    title: str


@dataclass
class Bar:
    x: float
    width: float
    letter: str
    total_label: str
    top: float
    segments: list[Segment] = field(default_factory=list)


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # (y, label)
    years: list[tuple[float, str]]  # (x of the group's centre, label)
    legend: list[tuple[str, str]]
    baseline: int = BASELINE
    left: int = LEFT
    right: int = WIDTH - RIGHT


def nice_ceiling(value: Decimal) -> Decimal:
    """The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above value: a round top for the axis."""
    if value <= 0:
        return Decimal(1)
    exponent = len(str(int(value))) - 1
    for step in (1, 2, Decimal("2.5"), 5, 10):
        candidate = step * Decimal(10) ** exponent
        if candidate >= value:
            return candidate
    return Decimal(10) ** (exponent + 1)


def _short(amount: Decimal) -> str:
    if amount >= 1_000_000:
        return f"${amount / 1_000_000:.2f}".rstrip("0").rstrip(".") + "M"
    return f"${amount / 1000:.0f}k"


def offers_chart(results: list[OfferResult]) -> Chart:
    top_value = nice_ceiling(max(year.total for result in results for year in result.years))
    scale = Decimal(BASELINE - TOP) / top_value
    group = (WIDTH - LEFT - RIGHT) / YEARS
    bar_width = min(56.0, (group - 28) / len(results))
    bars, years = [], []
    for year in range(YEARS):
        group_left = (
            LEFT + group * year + (group - bar_width * len(results) - 6 * (len(results) - 1)) / 2
        )
        years.append((LEFT + group * year + group / 2, f"Year {year + 1}"))
        for index, result in enumerate(results):
            row = result.years[year]
            bar = Bar(
                x=round(group_left + index * (bar_width + 6), 1),
                width=round(bar_width, 1),
                letter=LETTERS[index],
                total_label=_short(row.total),
                top=round(float(BASELINE - row.total * scale), 1),
            )
            y = Decimal(BASELINE)
            for kind, label in SEGMENTS:
                amount = getattr(row, kind)
                if amount <= 0:
                    continue
                height = amount * scale
                y -= height
                bar.segments.append(
                    Segment(
                        kind,
                        round(float(y), 1),
                        round(float(height), 1),
                        f"{result.offer.name}, year {year + 1}: {label.lower()} "
                        f"{format_usd(amount, whole=True)}",
                    )
                )
            bars.append(bar)
    ticks = [
        (round(float(BASELINE - top_value * i / 4 * scale), 1), _short(top_value * i / 4))
        for i in range(5)
    ]
    used = {segment.kind for bar in bars for segment in bar.segments}
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        ticks=ticks,
        years=years,
        legend=[(kind, label) for kind, label in SEGMENTS if kind in used],
    )
