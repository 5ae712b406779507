"""Saved offers (private to their owner) and compensation data points behind the market bands."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.text import slugify

from loopcoach.offers import DataPoint


class SavedOffer(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_offers"
    )
    name = models.CharField(max_length=80)
    fields = models.JSONField(
        help_text="The calculator's fields as typed, checked by loopcoach.offers.parse_offer"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated"]

    def __str__(self) -> str:
        return self.name


class CompensationDataPoint(models.Model):
    class Source(models.TextChoices):
        USER = "user", "Added by a user"
        IMPORT = "import", "Imported from CSV"

    company = models.CharField(max_length=120)
    company_slug = models.SlugField(max_length=120, db_index=True, editable=False)
    level = models.CharField(max_length=40, help_text="As the company names it, e.g. L6")
    location = models.CharField(max_length=120)
    year = models.PositiveSmallIntegerField()
    base = models.DecimalField(max_digits=12, decimal_places=2)
    stock_per_year = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    bonus = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.USER)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="compensation_data_points",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["company", "level", "location", "-year"]
        indexes = [models.Index(fields=["company_slug", "level"])]

    def __str__(self) -> str:
        return f"{self.company} {self.level}, {self.location} ({self.year})"

    @classmethod
    def from_point(cls, point: DataPoint, **extra: Any) -> CompensationDataPoint:
        return cls(
            company=point.company,
            company_slug=slugify(point.company),
            level=point.level,
            location=point.location,
            year=point.year,
            base=point.base,
            stock_per_year=point.stock,
            bonus=point.bonus,
            **extra,
        )

    def to_point(self) -> DataPoint:
        return DataPoint(
            company=self.company,
            level=self.level,
            location=self.location,
            year=self.year,
            base=self.base,
            stock=self.stock_per_year,
            bonus=self.bonus,
        )
