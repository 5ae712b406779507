"""Offer maths: vesting schedules, sign-on bonuses, stock-price scenarios, market bands.

Pure Python with money as Decimal; no Django. The web layer
(`loopcoach.web.offers`) stores offers and data points and shows the results.
"""

from __future__ import annotations

from loopcoach.offers.bands import MIN_POINTS, Band, DataPoint, market_bands, percentile
from loopcoach.offers.calculator import OfferResult, calculate, claw_back, compare
from loopcoach.offers.datapoints import (
    CSV_COLUMNS,
    CsvImportError,
    DataPointError,
    parse_csv,
    parse_data_point,
)
from loopcoach.offers.inputs import FIELDS, Offer, OfferInputError, parse_offer
from loopcoach.offers.money import cents, format_usd
from loopcoach.offers.vesting import SCHEDULES, VestingSchedule

MAX_OFFERS = 3  # compared side by side

__all__ = [
    "CSV_COLUMNS",
    "FIELDS",
    "MAX_OFFERS",
    "MIN_POINTS",
    "SCHEDULES",
    "Band",
    "CsvImportError",
    "DataPoint",
    "DataPointError",
    "Offer",
    "OfferInputError",
    "OfferResult",
    "VestingSchedule",
    "calculate",
    "cents",
    "claw_back",
    "compare",
    "format_usd",
    "market_bands",
    "parse_csv",
    "parse_data_point",
    "parse_offer",
    "percentile",
]
