"""Market bands: p25/p50/p75 of reported pay per company, level and location.

A band is only published where at least MIN_POINTS data points stand behind
it; fewer than that and one person's number would be the band.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from loopcoach.offers.money import cents

MIN_POINTS = 5
METRICS = ("total", "base", "stock", "bonus")


@dataclass(frozen=True)
class DataPoint:
    company: str
    level: str
    location: str
    year: int
    base: Decimal
    stock: Decimal  # per year
    bonus: Decimal

    @property
    def total(self) -> Decimal:
        return self.base + self.stock + self.bonus


@dataclass(frozen=True)
class Quartiles:
    p25: Decimal
    p50: Decimal
    p75: Decimal

    def to_dict(self) -> dict:
        return {"p25": str(self.p25), "p50": str(self.p50), "p75": str(self.p75)}


@dataclass(frozen=True)
class Band:
    company: str
    level: str
    location: str
    count: int
    years: tuple[int, int]  # the oldest and newest data point
    quartiles: dict[str, Quartiles]  # by metric: total, base, stock, bonus

    @property
    def total(self) -> Quartiles:
        return self.quartiles["total"]

    def to_dict(self) -> dict:
        return {
            "company": self.company,
            "level": self.level,
            "location": self.location,
            "count": self.count,
            "years": list(self.years),
            **{name: q.to_dict() for name, q in self.quartiles.items()},
        }


def percentile(values: Sequence[Decimal], percent: int) -> Decimal:
    """The percentile, interpolating linearly between closest ranks (spreadsheets' PERCENTILE.INC).

    For 10, 20, 30, 40, 50 the 25th percentile sits at rank (5 − 1) × 0.25 = 1,
    exactly the second value: 20.
    """
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = Decimal(len(ordered) - 1) * percent / 100
    lower = int(rank)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (rank - lower)


def quartiles(values: Sequence[Decimal]) -> Quartiles:
    return Quartiles(*(cents(percentile(values, p)) for p in (25, 50, 75)))


def group_key(point: DataPoint) -> tuple[str, str, str]:
    """Case and spacing do not split a band: "Seattle, WA" and "seattle,  wa" are one location."""
    company, level, location = (
        " ".join(part.split()).casefold() for part in (point.company, point.level, point.location)
    )
    return company, level, location


def market_bands(points: Iterable[DataPoint], *, min_points: int = MIN_POINTS) -> list[Band]:
    """Bands for every company × level × location with at least `min_points` points, sorted."""
    groups: dict[tuple[str, str, str], list[DataPoint]] = {}
    for point in points:
        groups.setdefault(group_key(point), []).append(point)
    bands = []
    for members in groups.values():
        if len(members) < min_points:
            continue
        first = members[0]
        bands.append(
            Band(
                company=first.company,
                level=first.level,
                location=first.location,
                count=len(members),
                years=(min(p.year for p in members), max(p.year for p in members)),
                quartiles={
                    metric: quartiles([getattr(p, metric) for p in members]) for metric in METRICS
                },
            )
        )
    return sorted(
        bands,
        key=lambda band: (
            band.company.casefold(),
            _level_order(band.level),
            band.location.casefold(),
        ),
    )


def _level_order(level: str) -> tuple[int, str]:
    digits = "".join(ch for ch in level if ch.isdigit())
    return (int(digits) if digits else 10**6, level.casefold())
