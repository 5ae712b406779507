"""A candidate's preparation plan: the dates it was built from and the progress marked on it.

The plan's days and items are not stored: `selectors.plan_build` rebuilds
them from these fields with the pure `loopcoach.planner`, so they always
follow the guide's current content.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from loopcoach.web.guides.models import Guide


class Plan(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plans"
    )
    guide = models.ForeignKey(
        Guide, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    phone_screen = models.DateField(null=True, blank=True)
    loop_date = models.DateField()
    starts_on = models.DateField(help_text="The day the plan was made or last re-planned")
    weekly = models.BooleanField(
        default=False, help_text="Show and export the plan per week instead of per day"
    )
    done = models.JSONField(default=list, help_text="Keys of the items marked done")
    skip = models.JSONField(
        default=list, help_text="Stories and topics done before the last re-plan"
    )
    revision = models.PositiveIntegerField(
        default=0, help_text="Bumped by every re-plan (iCalendar SEQUENCE)"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["loop_date", "-created"]

    def __str__(self) -> str:
        return f"Plan to the loop on {self.loop_date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("planner:detail", args=[self.pk])
