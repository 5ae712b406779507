"""What an offer pays, month by month and year by year, over four years.

Every component is accumulated at full precision and the running total is
rounded to cents; a month's amount is the difference of two rounded running
totals. So months always add up to their year exactly, and a year's base
salary is exactly the salary, never $0.04 off from rounding twelve times.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from loopcoach.offers.inputs import Offer
from loopcoach.offers.money import HUNDRED, ZERO, cents

YEARS = 4
MONTHS = 12 * YEARS
COMPONENTS = ("base", "bonus", "sign_on", "stock")


@dataclass(frozen=True)
class Row:
    """One month (month set) or one year (month None) of pay."""

    year: int
    month: int | None
    base: Decimal
    bonus: Decimal
    sign_on: Decimal
    stock: Decimal
    shares: Decimal | None = None  # shares vesting this month, when the share price is known
    share_price: Decimal | None = None

    @property
    def total(self) -> Decimal:
        return self.base + self.bonus + self.sign_on + self.stock

    def to_dict(self) -> dict:
        data: dict[str, object] = (
            {"year": self.year} if self.month is None else {"month": self.month, "year": self.year}
        )
        data.update({name: str(getattr(self, name)) for name in COMPONENTS}, total=str(self.total))
        if self.month is not None and self.share_price is not None:
            data.update(
                share_price=str(self.share_price),
                shares=str(self.shares) if self.shares is not None else None,
            )
        return data


@dataclass(frozen=True)
class ClawBack:
    after_month: int
    received: Decimal  # of the sign-on bonus of the year you leave in
    owe: Decimal

    def to_dict(self) -> dict:
        return {
            "after_month": self.after_month,
            "received": str(self.received),
            "owe": str(self.owe),
        }


@dataclass(frozen=True)
class OfferResult:
    offer: Offer
    months: list[Row]
    years: list[Row]
    claw_back: list[ClawBack]

    @property
    def total(self) -> Decimal:
        return sum((year.total for year in self.years), ZERO)

    def component_total(self, name: str) -> Decimal:
        return sum((getattr(year, name) for year in self.years), ZERO)

    def to_dict(self) -> dict:
        return {
            "offer": self.offer.to_dict(),
            "schedule": {
                "slug": self.offer.schedule.slug,
                "label": self.offer.schedule.label,
                "description": self.offer.schedule.description,
                "vests": [
                    {"month": v.month, "percent": str(cents(v.fraction * HUNDRED))}
                    for v in self.offer.schedule.vests()
                ],
            },
            "years": [year.to_dict() for year in self.years],
            "total": {
                **{name: str(self.component_total(name)) for name in COMPONENTS},
                "total": str(self.total),
            },
            "months": [month.to_dict() for month in self.months],
            "claw_back": [row.to_dict() for row in self.claw_back],
        }


def _monthly(cumulative: Callable[[int], Decimal]) -> list[Decimal]:
    """Month amounts from a running total at full precision (index 0 is month 1)."""
    rounded = [cents(cumulative(month)) for month in range(MONTHS + 1)]
    return [rounded[month] - rounded[month - 1] for month in range(1, MONTHS + 1)]


def yearly_salaries(offer: Offer) -> list[Decimal]:
    """Base salary of each year: the raise compounds at every anniversary."""
    factor = 1 + offer.raise_percent / HUNDRED
    return [cents(offer.base_salary * factor**year) for year in range(YEARS)]


def _base_paid(salaries: list[Decimal]) -> Callable[[int], Decimal]:
    def paid(month: int) -> Decimal:
        full_years, months_into = divmod(month, 12)
        earlier = sum(salaries[:full_years], ZERO)
        current = salaries[full_years] * months_into / 12 if full_years < YEARS else ZERO
        return earlier + current

    return paid


def _sign_on_received(offer: Offer, year: int, month: int) -> Decimal:
    """How much of `year`'s sign-on bonus has been paid
    by the end of `month` (from the start date)."""
    amount = (offer.sign_on_year1, offer.sign_on_year2)[year - 1]
    months_into = min(max(month - 12 * (year - 1), 0), 12)
    if offer.sign_on_payment == "upfront":
        return amount if months_into else ZERO
    return amount * months_into / 12


def share_price_at(offer: Offer, month: int) -> Decimal:
    """Growth factor (or price, times share_price) `month`
    months after the grant, compounding yearly."""
    factor = offer.yearly_price_factor
    if factor in (0, 1):
        return factor
    return factor ** (Decimal(month) / 12)


def calculate(offer: Offer) -> OfferResult:
    salaries = yearly_salaries(offer)
    vests = {vest.month: vest.fraction for vest in offer.schedule.vests()}

    def stock_vested(month: int) -> Decimal:
        return sum(
            (
                offer.grant_value * fraction * share_price_at(offer, at)
                for at, fraction in vests.items()
                if at <= month
            ),
            ZERO,
        )

    base = _monthly(_base_paid(salaries))
    sign_on = _monthly(lambda m: _sign_on_received(offer, 1, m) + _sign_on_received(offer, 2, m))
    stock = _monthly(stock_vested)
    units = offer.grant_units
    months = []
    for month in range(1, MONTHS + 1):
        year = (month - 1) // 12 + 1
        bonus = (
            cents(salaries[year - 1] * offer.bonus_percent / HUNDRED)
            if month % 12 == 0
            else cents(ZERO)
        )
        price = (
            cents(offer.share_price * share_price_at(offer, month)) if offer.share_price else None
        )
        shares = units * vests[month] if units is not None and month in vests else None
        months.append(
            Row(
                year,
                month,
                base[month - 1],
                bonus,
                sign_on[month - 1],
                stock[month - 1],
                shares=shares.quantize(Decimal("0.01")) if shares is not None else None,
                share_price=price,
            )
        )
    return OfferResult(offer=offer, months=months, years=_years(months), claw_back=claw_back(offer))


def _years(months: list[Row]) -> list[Row]:
    years = []
    for year in range(1, YEARS + 1):
        rows = [row for row in months if row.year == year]
        years.append(
            Row(year, None, *(sum((getattr(r, name) for r in rows), ZERO) for name in COMPONENTS))
        )
    return years


def claw_back(offer: Offer) -> list[ClawBack]:
    """What you would repay on leaving after month N, for each month of a year with a sign-on bonus.

    The rule most offer letters use: leave before a year's bonus is earned
    and you repay what you received of it, pro-rated by the months of that
    year you did not stay. Leaving after month 3 of a $120,000 bonus paid
    monthly: received $30,000, repay $30,000 × 9/12 = $22,500.
    """
    rows = []
    for year, amount in ((1, offer.sign_on_year1), (2, offer.sign_on_year2)):
        if not amount:
            continue
        for months_into in range(1, 12):
            after = 12 * (year - 1) + months_into
            received = _sign_on_received(offer, year, after)
            rows.append(ClawBack(after, cents(received), cents(received * (12 - months_into) / 12)))
    return rows


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    values: list[Decimal]
    best: int  # index of the offer that pays most

    def to_dict(self) -> dict:
        return {"label": self.label, "values": [str(v) for v in self.values], "best": self.best}


def compare(results: Sequence[OfferResult]) -> list[ComparisonRow]:
    """Total compensation per year and over four years, side by side."""
    rows = []
    for year in range(YEARS):
        values = [result.years[year].total for result in results]
        rows.append(ComparisonRow(f"Year {year + 1}", values, values.index(max(values))))
    totals = [result.total for result in results]
    rows.append(ComparisonRow(f"{YEARS}-year total", totals, totals.index(max(totals))))
    return rows
