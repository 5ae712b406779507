"""GET /api/v1/tasks/{id} and POST /api/v1/tasks/{id}/retry: the caller's own jobs only.

Another user's job answers 404, like a missing one.
"""

from __future__ import annotations

from typing import Literal

from ninja import Router, Schema

from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import PRIVATE_REFUSALS, ErrorOut, conflict, not_found
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.tasks.jobs import retry_job
from loopcoach.web.tasks.models import Job
from loopcoach.web.tasks.selectors import jobs_of

router = Router(tags=["tasks"], auth=token_or_session)


class TaskOut(Schema):
    id: int
    kind: str
    status: Literal["queued", "running", "done", "failed"]
    progress: float
    message: str
    error: str | None


def task_out(job: Job) -> dict:
    return {
        "id": job.pk,
        "kind": job.kind,
        "status": job.status,
        "progress": job.progress,
        "message": job.message,
        "error": job.error or None,
    }


def _own_job(request: AuthenticatedRequest, pk: int) -> Job:
    job = jobs_of(request.user).filter(pk=pk).first()
    if job is None:
        raise not_found(f"No task {pk}.")
    return job


@router.get("/tasks/{int:pk}", response={200: TaskOut, **PRIVATE_REFUSALS})
def task_detail(request: AuthenticatedRequest, pk: int) -> dict:
    """A background task's status, progress (0 to 1) and, when it failed, why."""
    return task_out(_own_job(request, pk))


@router.post("/tasks/{int:pk}/retry", response={200: TaskOut, 409: ErrorOut, **PRIVATE_REFUSALS})
def task_retry(request: AuthenticatedRequest, pk: int) -> dict:
    """Queue a failed task again with its kept input (409 when it has not failed)."""
    job = _own_job(request, pk)
    if not retry_job(job):
        raise conflict(f"Task {pk} is {job.status}; only a failed task can be retried.")
    job.refresh_from_db()
    return task_out(job)
