"""What the candidate answered before, in practice and in mock loops (both are Attempts)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from loopcoach.web.practice.models import Attempt

RECENT_DAYS = 7


def recent_question_ids(user: User, *, days: int = RECENT_DAYS) -> set[int]:
    """Questions answered in practice or in a mock loop in the last `days` days."""
    since = timezone.now() - timedelta(days=days)
    answered = Attempt.objects.filter(user=user, created_at__gte=since)
    return set(answered.values_list("question_id", flat=True))


def answer_texts(user: User, *, limit: int = 500) -> list[str]:
    """The candidate's latest answers, practice and mock loops together, newest first."""
    latest = Attempt.objects.filter(user=user).order_by("-created_at", "-id")
    return list(latest.values_list("answer", flat=True)[:limit])
