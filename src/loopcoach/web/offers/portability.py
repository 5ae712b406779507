"""Saved offers and the market data points a user added, in an export."""

from __future__ import annotations

from loopcoach.web.offers.models import CompensationDataPoint, SavedOffer
from loopcoach.web.portability.registry import portable

portable(SavedOffer, owner="owner", name="saved_offers")
portable(CompensationDataPoint, owner="submitted_by", name="market_data_points")
