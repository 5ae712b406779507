"""Asking the coach about an attempt: the endpoint from settings, a review per model, its job."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction

from loopcoach.coach import Endpoint, PrincipleGuidance
from loopcoach.web.coach.models import CoachReview
from loopcoach.web.guides.models import Principle
from loopcoach.web.practice.models import Attempt
from loopcoach.web.tasks.jobs import retry_job, start_job

OFF_MESSAGE = (
    "The coach is off: set LOOPCOACH_LLM_BASE_URL and LOOPCOACH_LLM_MODEL to an "
    "OpenAI-compatible server to use it."
)


class CoachOff(Exception):
    """No model is configured; nothing is sent anywhere."""


def coach_endpoint() -> Endpoint | None:
    """The configured server, or None when the coach is off."""
    if not settings.LLM_BASE_URL:
        return None
    return Endpoint(
        base_url=settings.LLM_BASE_URL,
        model=settings.LLM_MODEL,
        api_key=settings.LLM_API_KEY,
        timeout_seconds=float(settings.LLM_TIMEOUT_SECONDS),
    )


@transaction.atomic
def coach_review_request(*, user: User, attempt: Attempt) -> CoachReview:
    """The review of `attempt` by the configured model: the cached one, the one being written,
    a failed one queued again, or a new one queued. Raises CoachOff when no model is set."""
    endpoint = coach_endpoint()
    if endpoint is None:
        raise CoachOff(OFF_MESSAGE)
    created, _ = CoachReview.objects.get_or_create(user=user, attempt=attempt, model=endpoint.model)
    # Locked until this transaction ends: two quick clicks start one job, not two.
    review = (
        CoachReview.objects.select_for_update(of=("self",)).select_related("job").get(pk=created.pk)
    )
    if review.status in ("done", "queued", "running"):
        return review
    if review.job is not None and retry_job(review.job):
        return review
    from loopcoach.web.coach.tasks import coach_attempt  # the task module imports this one

    review.job = start_job(user, "coach", coach_attempt, review_id=review.pk)
    review.save(update_fields=["job", "updated_at"])
    return review


def principle_guidance(attempt: Attempt) -> list[PrincipleGuidance]:
    """The guide's listen-fors and pitfalls of the principles the question probes, or else of
    the principle the analyzer saw most in the answer."""
    principles = list(attempt.question.principles.all())
    if not principles:
        principles = _top_analysed_principle(attempt)
    return [
        PrincipleGuidance(name=p.name, listen_for=list(p.listen_for), pitfalls=list(p.pitfalls))
        for p in principles
    ]


def _top_analysed_principle(attempt: Attempt) -> list[Principle]:
    ranked = (attempt.analysis or {}).get("principles") or []
    slug = ranked[0].get("slug") if ranked and isinstance(ranked[0], dict) else None
    if not slug:
        return []
    return list(
        Principle.objects.filter(slug=slug, company__guides__questions=attempt.question).distinct()
    )
