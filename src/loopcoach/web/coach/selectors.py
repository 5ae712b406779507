"""What the attempt page and the API show of the coach for one attempt."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from loopcoach.web.coach.models import CoachReview
from loopcoach.web.practice.models import Attempt


@dataclass(frozen=True)
class CoachPanel:
    """The coach's state on an attempt: off, not asked yet, working, failed, or its review."""

    attempt: Attempt
    enabled: bool
    model: str | None
    review: CoachReview | None

    @property
    def status(self) -> str:
        return self.review.status if self.review is not None else "none"

    @property
    def working(self) -> bool:
        return self.status in ("queued", "running")


def coach_panel(attempt: Attempt) -> CoachPanel:
    """The panel for the configured model (the attempt's owner was checked by the caller)."""
    model = settings.LLM_MODEL or None
    review = None
    if model is not None:
        review = (
            CoachReview.objects.select_related("job").filter(attempt=attempt, model=model).first()
        )
    return CoachPanel(attempt=attempt, enabled=model is not None, model=model, review=review)
