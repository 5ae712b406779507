"""What the candidate answered before, in practice (issue 4's Attempt) and in mock loops.

Practice is another app: reach its Attempt model through the app registry so
that loops and stories work before, and without, the practice app.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone

from loopcoach.web.loops.models import LoopAnswer

RECENT_DAYS = 7


def _attempts(user: User) -> QuerySet[Any] | None:
    try:
        attempt = apps.get_model("practice", "Attempt")
    except LookupError:
        return None
    return attempt.objects.filter(user=user)


def recent_question_ids(user: User, *, days: int = RECENT_DAYS) -> set[int]:
    """Questions answered in practice or in a mock loop in the last `days` days."""
    since = timezone.now() - timedelta(days=days)
    ids = set(
        LoopAnswer.objects.filter(session__loop__user=user, answered_at__gte=since).values_list(
            "question_id", flat=True
        )
    )
    attempts = _attempts(user)
    if attempts is not None:
        ids |= set(attempts.filter(created_at__gte=since).values_list("question_id", flat=True))
    return ids


def answer_texts(user: User, *, limit: int = 500) -> list[str]:
    """The candidate's latest answers, practice and mock loops together, newest first."""
    texts = list(
        LoopAnswer.objects.filter(session__loop__user=user)
        .exclude(answer="")
        .order_by("-answered_at")
        .values_list("answer", flat=True)[:limit]
    )
    attempts = _attempts(user)
    if attempts is not None:
        texts += list(attempts.order_by("-created_at").values_list("answer", flat=True)[:limit])
    return texts
