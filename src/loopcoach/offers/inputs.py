"""An offer as typed in a form or sent to the API, checked field by field.

`parse_offer` takes a flat mapping of strings or JSON numbers and returns an
`Offer`, or raises `OfferInputError` with every field's problem at once, so
that a form can show them all next to their fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from loopcoach.offers.money import HUNDRED, ZERO, cents, parse_decimal
from loopcoach.offers.vesting import (
    FREQUENCIES,
    MAX_YEARS,
    SCHEDULES,
    VestingSchedule,
    custom_schedule,
)

# Beyond these an amount is a typo (an extra zero or two), not an offer.
MAX_BASE = Decimal("10000000")
MAX_SIGN_ON = Decimal("10000000")
MAX_GRANT = Decimal("100000000")
MAX_SHARE_PRICE = Decimal("1000000")
MAX_RAISE_PERCENT = Decimal("100")
MAX_BONUS_PERCENT = Decimal("200")
MAX_PRICE_CHANGE_PERCENT = Decimal("100")
MAX_NAME = 80

SIGN_ON_PAYMENTS = {
    "monthly": "Monthly, with pay",
    "upfront": "Up front, at the start of each year",
}
PRICE_SCENARIOS = {"flat": "Flat", "growing": "Growing", "falling": "Falling"}
VESTING_CHOICES = {
    **{slug: schedule.label for slug, schedule in SCHEDULES.items()},
    "custom": "Custom",
}
FIELDS = [
    "name",
    "base_salary",
    "raise_percent",
    "bonus_percent",
    "sign_on_year1",
    "sign_on_year2",
    "sign_on_payment",
    "grant_value",
    "grant_units",
    "share_price",
    "vesting",
    "custom_percents",
    "custom_frequency",
    "price_scenario",
    "price_change_percent",
]


class OfferInputError(ValueError):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))


@dataclass(frozen=True)
class Offer:
    name: str
    base_salary: Decimal
    grant_value: Decimal
    schedule: VestingSchedule
    raise_percent: Decimal = ZERO
    bonus_percent: Decimal = ZERO
    sign_on_year1: Decimal = ZERO
    sign_on_year2: Decimal = ZERO
    sign_on_payment: str = "monthly"
    share_price: Decimal | None = None  # at grant; when known, results also count shares
    price_scenario: str = "flat"
    price_change_percent: Decimal = ZERO

    @property
    def grant_units(self) -> Decimal | None:
        return self.grant_value / self.share_price if self.share_price else None

    @property
    def yearly_price_factor(self) -> Decimal:
        """1.10 for a price growing 10% a year, 0.90 for one falling 10%."""
        change = self.price_change_percent / HUNDRED
        return {"flat": Decimal(1), "growing": 1 + change, "falling": 1 - change}[
            self.price_scenario
        ]

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "base_salary": str(self.base_salary),
            "raise_percent": str(self.raise_percent),
            "bonus_percent": str(self.bonus_percent),
            "sign_on_year1": str(self.sign_on_year1),
            "sign_on_year2": str(self.sign_on_year2),
            "sign_on_payment": self.sign_on_payment,
            "grant_value": str(self.grant_value),
            "share_price": str(self.share_price) if self.share_price else None,
            "vesting": self.schedule.slug,
            "vesting_percents": [str(p) for p in self.schedule.percents],
            "price_scenario": self.price_scenario,
            "price_change_percent": str(self.price_change_percent),
        }


@dataclass
class _Reader:
    """Reads fields out of the mapping, collecting
    every problem instead of stopping at the first."""

    data: Mapping
    errors: dict[str, str] = field(default_factory=dict)

    def present(self, name: str) -> bool:
        value = self.data.get(name)
        return value is not None and not (isinstance(value, str) and not value.strip())

    def choice(self, name: str, choices: Mapping[str, object], default: str) -> str:
        if not self.present(name):
            return default
        value = str(self.data[name]).strip()
        if value not in choices:
            self.errors[name] = f"must be one of: {', '.join(choices)}"
            return default
        return value

    def number(
        self,
        name: str,
        *,
        maximum: Decimal,
        required: bool = False,
        positive: bool = False,
        whole: bool = False,
        what: str = "this",
    ) -> Decimal:
        if not self.present(name):
            if required:
                self.errors[name] = "is required"
            return ZERO
        try:
            value = parse_decimal(self.data[name])
        except ValueError as problem:
            self.errors[name] = str(problem)
            return ZERO
        if value < 0:
            self.errors[name] = "cannot be negative"
        elif positive and value == 0:
            self.errors[name] = "must be more than zero"
        elif value > maximum:
            self.errors[name] = (
                f"is above {maximum:,}: not plausible for {what}; check for an extra zero"
            )
        elif whole and value != value.to_integral_value():
            self.errors[name] = "must be a whole number"
        else:
            return value
        return ZERO


def _percent_list(raw: object) -> list[object]:
    if isinstance(raw, list | tuple):
        return list(raw)
    return [
        part for part in str(raw).replace("/", ",").replace(";", ",").split(",") if part.strip()
    ]


def _custom_schedule(reader: _Reader) -> VestingSchedule | None:
    if not reader.present("custom_percents"):
        reader.errors["custom_percents"] = "are required for a custom schedule, e.g. 33, 33, 22, 12"
        return None
    raw = _percent_list(reader.data["custom_percents"])
    if not 1 <= len(raw) <= MAX_YEARS:
        reader.errors["custom_percents"] = (
            f"must list one percent per year, for 1 to {MAX_YEARS} years"
        )
        return None
    percents: list[Decimal] = []
    for index, item in enumerate(raw, start=1):
        try:
            percent = parse_decimal(item)
        except ValueError as problem:
            reader.errors["custom_percents"] = f"for year {index} {problem}"
            return None
        if not 0 <= percent <= 100:
            reader.errors["custom_percents"] = f"for year {index} must be between 0 and 100"
            return None
        percents.append(percent)
    if sum(percents) != HUNDRED:
        reader.errors["custom_percents"] = (
            f"add up to {sum(percents, ZERO).normalize():f}%, not 100%"
        )
        return None
    frequency = reader.choice("custom_frequency", FREQUENCIES, "annual")
    return custom_schedule(percents, frequency)


def _grant(reader: _Reader) -> tuple[Decimal, Decimal | None]:
    """The grant's value and the share price at grant (None when not given)."""
    share_price = None
    if reader.present("share_price"):
        share_price = (
            cents(
                reader.number(
                    "share_price", maximum=MAX_SHARE_PRICE, positive=True, what="a share price"
                )
            )
            or None
        )
    if reader.present("grant_units"):
        if reader.present("grant_value"):
            reader.errors["grant_units"] = (
                "cannot be given together with a grant value: use one or the other"
            )
            return ZERO, share_price
        units = reader.number(
            "grant_units", maximum=MAX_GRANT, whole=True, what="a number of units"
        )
        if share_price is None:
            reader.errors.setdefault("share_price", "is required when the grant is given in units")
            return ZERO, None
        value = cents(units * share_price)
        if value > MAX_GRANT:
            reader.errors["grant_units"] = (
                f"make a grant worth {value:,}, above {MAX_GRANT:,}; check the units"
            )
            return ZERO, share_price
        return value, share_price
    return cents(reader.number("grant_value", maximum=MAX_GRANT, what="a stock grant")), share_price


def parse_offer(data: Mapping) -> Offer:
    """The offer in `data` (see FIELDS), or OfferInputError listing every problem."""
    if not isinstance(data, Mapping):
        raise OfferInputError({"offer": "must be an object with the offer's fields"})
    reader = _Reader(data)
    name = str(data.get("name") or "").strip() or "Offer"
    if len(name) > MAX_NAME:
        reader.errors["name"] = f"must be at most {MAX_NAME} characters"
    base = cents(
        reader.number(
            "base_salary", maximum=MAX_BASE, required=True, positive=True, what="a base salary"
        )
    )
    grant_value, share_price = _grant(reader)
    vesting = reader.choice("vesting", VESTING_CHOICES, "amazon")
    schedule = _custom_schedule(reader) if vesting == "custom" else SCHEDULES[vesting]
    scenario = reader.choice("price_scenario", PRICE_SCENARIOS, "flat")
    change = reader.number(
        "price_change_percent", maximum=MAX_PRICE_CHANGE_PERCENT, what="a yearly change"
    )
    if scenario != "flat" and change == 0 and "price_change_percent" not in reader.errors:
        reader.errors["price_change_percent"] = f"is required for a {scenario} share price"
    offer_fields: dict[str, Any] = dict(
        raise_percent=reader.number(
            "raise_percent", maximum=MAX_RAISE_PERCENT, what="a yearly raise"
        ),
        bonus_percent=reader.number("bonus_percent", maximum=MAX_BONUS_PERCENT, what="a bonus"),
        sign_on_year1=cents(
            reader.number("sign_on_year1", maximum=MAX_SIGN_ON, what="a sign-on bonus")
        ),
        sign_on_year2=cents(
            reader.number("sign_on_year2", maximum=MAX_SIGN_ON, what="a sign-on bonus")
        ),
        sign_on_payment=reader.choice("sign_on_payment", SIGN_ON_PAYMENTS, "monthly"),
    )
    if reader.errors:
        raise OfferInputError(reader.errors)
    assert schedule is not None  # a bad custom schedule left an error above
    return Offer(
        name=name,
        base_salary=base,
        grant_value=grant_value,
        schedule=schedule,
        share_price=share_price,
        price_scenario=scenario,
        price_change_percent=change if scenario != "flat" else ZERO,
        **offer_fields,
    )
