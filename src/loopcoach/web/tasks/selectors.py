"""Reading jobs: only the owner's."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet

from loopcoach.web.tasks.models import Job


def jobs_of(user: User) -> QuerySet[Job]:
    return Job.objects.filter(owner=user)
