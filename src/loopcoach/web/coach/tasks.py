"""The background task that asks the coach's model about one attempt and stores what it said."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.utils import timezone
from django_tasks import task

from loopcoach.coach import CoachReplyError, CoachServerError, coach_answer
from loopcoach.web.coach.models import CoachReview
from loopcoach.web.coach.services import OFF_MESSAGE, coach_endpoint, principle_guidance
from loopcoach.web.tasks.jobs import JobFailed, report_progress


@task()
def coach_attempt(*, job_id: int, review_id: int) -> dict[str, Any]:
    """Fill `CoachReview.result`; a server or reply problem fails the job with its sentence."""
    review = CoachReview.objects.select_related("attempt__question").filter(pk=review_id).first()
    if review is None:
        raise JobFailed("The answer was deleted before the coach could read it.")
    endpoint = coach_endpoint()
    if endpoint is None:
        raise JobFailed(OFF_MESSAGE)
    attempt = review.attempt
    report_progress(job_id, 0.1, f"Asking {review.model}")
    try:
        found = coach_answer(
            replace(endpoint, model=review.model),
            question=attempt.follow_up or attempt.question.text,
            answer=attempt.answer,
            analysis=attempt.analysis,
            principles=principle_guidance(attempt),
        )
    except (CoachServerError, CoachReplyError) as error:
        raise JobFailed(f"{error} Try again, or check the coach's settings.") from None
    result = found.to_dict()
    CoachReview.objects.filter(pk=review.pk).update(result=result, updated_at=timezone.now())
    return result
