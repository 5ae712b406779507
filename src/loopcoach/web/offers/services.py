"""Writes of offers and market data: each one whole or not at all."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from loopcoach.offers import FIELDS, parse_csv, parse_data_point, parse_offer
from loopcoach.web.core.pagecache import bump_content_version
from loopcoach.web.offers.models import CompensationDataPoint, SavedOffer

MAX_SAVED_OFFERS = 50


class SavedOfferLimit(Exception):
    pass


def saved_offer_create(*, owner: User, fields: Mapping) -> SavedOffer:
    """Check the offer (OfferInputError when bad) and keep its fields as typed."""
    offer = parse_offer(fields)
    if SavedOffer.objects.filter(owner=owner).count() >= MAX_SAVED_OFFERS:
        raise SavedOfferLimit(f"You have {MAX_SAVED_OFFERS} saved offers; delete one first.")
    kept = {
        name: str(fields[name]).strip() for name in FIELDS if fields.get(name) not in (None, "")
    }
    return SavedOffer.objects.create(owner=owner, name=offer.name, fields=kept)


def data_point_create(*, submitted_by: User, fields: Mapping) -> CompensationDataPoint:
    point = parse_data_point(fields, today=timezone.localdate())
    row = CompensationDataPoint.from_point(
        point, submitted_by=submitted_by, source=CompensationDataPoint.Source.USER
    )
    row.save()
    return row


@transaction.atomic
def data_points_import(*, text: str, submitted_by: User | None) -> int:
    """Every row of the CSV, or none: CsvImportError
    lists the bad rows before anything is written."""
    points = parse_csv(text, today=timezone.localdate())
    rows = [
        CompensationDataPoint.from_point(
            point, submitted_by=submitted_by, source=CompensationDataPoint.Source.IMPORT
        )
        for point in points
    ]
    CompensationDataPoint.objects.bulk_create(rows, batch_size=500)
    bump_content_version()  # bulk_create sends no signal; the guide page shows the bands
    return len(rows)
