"""/api/v1/offers/calculate and /api/v1/market-bands: open to anyone, stateless, no CSRF token.

The body's types are checked here; what the numbers mean (a negative salary, a
schedule that does not add up to 100%) is checked by `loopcoach.offers`, which
names every field at fault at once.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field, PlainValidator

from loopcoach.offers import (
    MAX_OFFERS,
    MIN_POINTS,
    OfferInputError,
    calculate,
    compare,
    parse_offer,
)
from loopcoach.web.api.errors import REFUSALS, invalid
from loopcoach.web.api.pagination import Page, PageNumber, paginate
from loopcoach.web.api.schemas import ExactInput
from loopcoach.web.offers.selectors import bands_list

router = Router(tags=["offers"])


def _amount(value: object) -> int | float | str:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("must be a number, or text such as '185,000'")
    return value


# Money and percents as a JSON number or as typed text ("$185,000", "4.5 %"): meant, by design.
Amount = Annotated[
    int | float | str, PlainValidator(_amount, json_schema_input_type=int | float | str)
]


class OfferIn(ExactInput):
    name: str | None = None
    base_salary: Amount | None = None
    raise_percent: Amount | None = None
    bonus_percent: Amount | None = None
    sign_on_year1: Amount | None = None
    sign_on_year2: Amount | None = None
    sign_on_payment: str | None = Field(None, description="monthly or upfront")
    grant_value: Amount | None = None
    grant_units: Amount | None = None
    share_price: Amount | None = None
    vesting: str | None = Field(None, description="A schedule's slug, e.g. amazon, even-cliff")
    custom_percents: list[Amount] | None = None
    custom_frequency: str | None = None
    price_scenario: str | None = None
    price_change_percent: Amount | None = None


class CalculateIn(OfferIn):
    """One offer's fields, or `offers`: a list of 1 to MAX_OFFERS offers to compare."""

    offers: list[OfferIn] | None = None


class ComparisonOut(Schema):
    label: str
    values: list[str]
    best: int = Field(description="The index of the offer that pays most")


OfferResult = dict[str, Any]  # loopcoach.offers.OfferResult.to_dict(): years, months, claw_back


class ComparedOut(Schema):
    offers: list[OfferResult]
    comparison: list[ComparisonOut]


class QuartilesOut(Schema):
    p25: str
    p50: str
    p75: str


class BandOut(Schema):
    company: str
    level: str
    location: str
    count: int
    years: list[int]
    total: QuartilesOut
    base: QuartilesOut
    stock: QuartilesOut
    bonus: QuartilesOut


class BandPage(Page[BandOut]):
    min_points: int = Field(description="A band is published only with this many data points")


class BandQuery(Schema):
    page: PageNumber = 1
    company: str = Field("", max_length=120)
    level: str = Field("", max_length=120)
    location: str = Field("", max_length=120)


@router.post("/offers/calculate", response={200: OfferResult | ComparedOut, **REFUSALS})
def offers_calculate(request: HttpRequest, body: CalculateIn) -> dict:
    """Four years of an offer's pay, month by month; or several offers side by side."""
    many = body.offers is not None
    offers: list[OfferIn] = body.offers if body.offers is not None else [body]
    if not 1 <= len(offers) <= MAX_OFFERS:
        raise invalid({"offers": f"must be a list of 1 to {MAX_OFFERS} offers"})
    parsed, fields = [], {}
    for index, offer in enumerate(offers):
        try:
            parsed.append(parse_offer(offer.model_dump(exclude={"offers"}, exclude_none=True)))
        except OfferInputError as problem:
            prefix = f"offers.{index}." if many else ""
            fields.update({prefix + name: message for name, message in problem.errors.items()})
    if fields:
        raise invalid(fields)
    results = [calculate(offer) for offer in parsed]
    if not many:
        return results[0].to_dict()
    return {
        "offers": [result.to_dict() for result in results],
        "comparison": [row.to_dict() for row in compare(results)],
    }


@router.get("/market-bands", response={200: BandPage, **REFUSALS})
def market_bands(request: HttpRequest, query: Query[BandQuery]) -> dict:
    """Quartiles of reported pay by company, level and location."""
    bands = bands_list(company=query.company, level=query.level, location=query.location)
    return paginate(bands, query.page, lambda band: band.to_dict(), min_points=MIN_POINTS)
