"""/api/v1/attempts/{id}/coach: ask the optional LLM coach about an attempt, and read its review.

Another user's attempt answers 404, like a missing one; with no model configured
asking answers 409 and nothing is sent anywhere.
"""

from __future__ import annotations

from ninja import Router, Schema, Status

from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import PRIVATE_REFUSALS, ApiError, ErrorOut
from loopcoach.web.coach.selectors import CoachPanel, coach_panel
from loopcoach.web.coach.services import CoachOff, coach_review_request
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.practice.api import _own_attempt  # the one owner check of an attempt

router = Router(tags=["coach"], auth=token_or_session)


class CoachTaskOut(Schema):
    id: int
    status: str


class SegmentOut(Schema):
    text: str
    invented: bool


class ReviewOut(Schema):
    model: str
    critique: str
    rewrite: str
    rewrite_segments: list[SegmentOut]
    invented: list[str]
    follow_ups: list[str]


class CoachOut(Schema):
    attempt: int
    enabled: bool
    model: str | None
    status: str  # none | queued | running | done | failed
    error: str | None
    task: CoachTaskOut | None
    review: ReviewOut | None


def coach_out(panel: CoachPanel) -> dict:
    review = panel.review
    job = review.job if review is not None else None
    return {
        "attempt": panel.attempt.pk,
        "enabled": panel.enabled,
        "model": panel.model,
        "status": panel.status,
        "error": (review.error or None) if review is not None else None,
        "task": {"id": job.pk, "status": job.status} if job is not None else None,
        "review": review.result if review is not None else None,
    }


@router.get("/attempts/{int:pk}/coach", response={200: CoachOut, **PRIVATE_REFUSALS})
def coach_detail(request: AuthenticatedRequest, pk: int) -> dict:
    """What the coach said about one of your attempts, or how far it has got."""
    return coach_out(coach_panel(_own_attempt(request, pk)))


@router.post(
    "/attempts/{int:pk}/coach",
    response={200: CoachOut, 202: CoachOut, 409: ErrorOut, **PRIVATE_REFUSALS},
)
def coach_ask(request: AuthenticatedRequest, pk: int) -> Status[dict]:
    """Ask the configured model about one of your attempts: 202 with the task while it works
    (poll this URL or /api/v1/tasks/{id}); 200 with the review it already wrote for this model."""
    attempt = _own_attempt(request, pk)
    try:
        coach_review_request(user=request.user, attempt=attempt)
    except CoachOff as exc:
        raise ApiError(409, "coach_off", str(exc)) from None
    out = coach_out(coach_panel(attempt))
    return Status(200 if out["status"] == "done" else 202, out)
