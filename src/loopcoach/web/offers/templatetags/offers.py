"""`{% market_bands company_slug %}`: the bands block the guide's compensation section includes."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from loopcoach.offers import MIN_POINTS, SCHEDULES, format_usd
from loopcoach.web.offers.selectors import bands_list

register = template.Library()


@register.inclusion_tag("offers/_bands.html")
def market_bands(company: str, company_name: str = "") -> dict:
    return {
        "bands": bands_list(company=company),
        "min_points": MIN_POINTS,
        "company": company,
        "company_name": company_name,
        "compact": True,
    }


@register.filter
def usd(amount: Decimal | None) -> str:
    return format_usd(amount, whole=True) if amount is not None else ""


@register.filter
def usd_cents(amount: Decimal | None) -> str:
    return format_usd(amount) if amount is not None else ""


@register.filter
def sum_of(rows: Iterable[object], attribute: str) -> Decimal:
    return sum((getattr(row, attribute) for row in rows), 0)


@register.simple_tag
def offer_calculator_url(vesting: list, name: str = "") -> str:
    """The calculator, with offer A's vesting set to a
    guide's schedule (`[5, 15, 40, 40]` → Amazon's)."""
    params = {"o1-name": name} if name else {}
    percents = [Decimal(str(p)) for p in vesting or []]
    named = next(
        (slug for slug, schedule in SCHEDULES.items() if schedule.percents == percents), None
    )
    if named:
        params["o1-vesting"] = named
    elif percents:
        params.update(
            {
                "o1-vesting": "custom",
                "o1-custom_percents": ", ".join(f"{p.normalize():f}" for p in percents),
            }
        )
    return reverse("offers:calculator") + ("?" + urlencode(params) if params else "")
