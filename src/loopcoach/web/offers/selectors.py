"""Reads of market bands."""

from __future__ import annotations

from django.utils.text import slugify

from loopcoach.offers import Band, market_bands
from loopcoach.web.offers.models import CompensationDataPoint


def bands_list(*, company: str = "", level: str = "", location: str = "") -> list[Band]:
    """Published bands (≥ MIN_POINTS points each), filtered by company, level and location."""
    points = CompensationDataPoint.objects.all()
    if company:
        points = points.filter(company_slug=slugify(company))
    if level:
        points = points.filter(level__iexact=level.strip())
    if location:
        points = points.filter(location__icontains=location.strip())
    return market_bands(
        row.to_point()
        for row in points.only(
            "company", "level", "location", "year", "base", "stock_per_year", "bonus"
        )
    )
