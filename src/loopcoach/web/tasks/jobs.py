"""Start background jobs, report their progress, retry them, recover those a dead worker left.

    from django_tasks import task
    from loopcoach.web.tasks.jobs import JobFailed, report_progress, start_job

    @task()
    def transcribe(*, job_id: int, attempt_id: int) -> dict:
        report_progress(job_id, 0.5, "Transcribing")
        ...
        return {"words": 120}            # stored as Job.result (JSON)

    job = start_job(user, "transcribe", transcribe, attempt_id=attempt.pk)

The queue runs `run_job`, which calls the task with `job_id=` added to its
keyword arguments and keeps the `Job` row honest: running with a heartbeat
while it works, done with the return value, or failed with a sentence saying
why (the message of a `JobFailed`, else the exception's type and message).
A worker killed mid-job stops its heartbeat; `recover_stale_jobs` (run by
every worker, at start and then periodically) queues such a job again, or
marks it failed once it has had `JOB_MAX_ATTEMPTS` runs. Its input stays in
the row, so nothing is lost either way.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import default_task_backend, task
from django_tasks.base import Task

from loopcoach.web.tasks.models import Job

logger = logging.getLogger(__name__)


class JobFailed(Exception):
    """Raise in a task to fail its job with this message, shown to the owner as it is."""


def _json_or_error(value: Any, what: str) -> Any:
    try:
        return json.loads(json.dumps(value))
    except (TypeError, ValueError) as error:
        raise TypeError(f"A job's {what} must be JSON: {error}") from None


def start_job(owner: User, kind: str, task: Task, **kwargs: Any) -> Job:
    """A queued Job for `owner` that runs `task(job_id=…, **kwargs)` on a worker."""
    if not isinstance(task, Task):
        raise TypeError(f"{task!r} is not a django-tasks task: decorate it with @task().")
    job = Job.objects.create(
        owner=owner,
        kind=kind,
        task_path=task.module_path,
        arguments=_json_or_error(kwargs, "arguments"),
    )
    _enqueue(job)
    return job


def _enqueue(job: Job) -> None:
    def send() -> None:
        result = run_job.using(queue_name=_task_of(job).queue_name).enqueue(job_id=job.pk)
        job.task_id = str(result.id)
        Job.objects.filter(pk=job.pk).update(task_id=job.task_id)

    if _queue_is_this_database():
        # Same transaction as the Job row: both are saved, or neither.
        send()
    else:
        # A queue outside the database must not see the job before the row is committed.
        transaction.on_commit(send)


def _queue_is_this_database() -> bool:
    from django_tasks_db import DatabaseBackend

    return isinstance(default_task_backend, DatabaseBackend)


def _task_of(job: Job) -> Task:
    target = import_string(job.task_path)
    if not isinstance(target, Task):
        raise JobFailed(f"{job.task_path} is not a task.")
    return target


def report_progress(job_id: int, progress: float, message: str = "") -> None:
    """Say how far a running job has got (0 to 1) and what it is doing; also a heartbeat."""
    progress = min(max(float(progress), 0.0), 1.0)
    Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(
        progress=progress,
        message=message[:200],
        heartbeat_at=timezone.now(),
        updated_at=timezone.now(),
    )


def retry_job(job: Job) -> bool:
    """Queue a failed job again from its stored input; False when it has not failed."""
    claimed = Job.objects.filter(pk=job.pk, status=Job.Status.FAILED).update(
        status=Job.Status.QUEUED,
        progress=0.0,
        message="",
        error="",
        attempts=0,
        heartbeat_at=None,
        updated_at=timezone.now(),
    )
    if not claimed:
        return False
    job.refresh_from_db()
    _enqueue(job)
    return True


@task()
def run_job(job_id: int) -> None:
    """What the queue runs: the job's own task, with the Job row kept up to date around it."""
    job = _claim(job_id)
    if job is None:
        return  # finished, deleted, or already taken by another worker: nothing to do
    heartbeat = _Heartbeat(job_id)
    heartbeat.start()
    try:
        returned = _task_of(job).call(job_id=job_id, **job.arguments)
        _finish(job_id, result=_json_or_error(returned, "result"))
    except JobFailed as failure:
        _fail(job_id, str(failure))
    except Exception as error:
        _fail(job_id, f"Unexpected error ({type(error).__name__}): {error}")
        raise  # the worker logs the traceback
    finally:
        heartbeat.stop()


def _claim(job_id: int) -> Job | None:
    now = timezone.now()
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id, status=Job.Status.QUEUED).first()
        if job is None:
            return None
        job.status, job.heartbeat_at, job.attempts = Job.Status.RUNNING, now, job.attempts + 1
        job.save(update_fields=["status", "heartbeat_at", "attempts", "updated_at"])
    return job


def _finish(job_id: int, *, result: Any) -> None:
    Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(
        status=Job.Status.DONE, progress=1.0, message="", result=result, updated_at=timezone.now()
    )


def _fail(job_id: int, error: str) -> None:
    Job.objects.filter(pk=job_id).exclude(status=Job.Status.DONE).update(
        status=Job.Status.FAILED, message="", error=error, updated_at=timezone.now()
    )


class _Heartbeat:
    """Touches a running job every few seconds from a thread, so a long step needs no reports."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.stopped = threading.Event()
        self.thread = threading.Thread(
            target=self._beat, name=f"job-{job_id}-heartbeat", daemon=True
        )

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=5)

    def _beat(self) -> None:
        interval = max(settings.JOB_LEASE_SECONDS / 4, 0.5)
        try:
            while not self.stopped.wait(interval):
                Job.objects.filter(pk=self.job_id, status=Job.Status.RUNNING).update(
                    heartbeat_at=timezone.now()
                )
        finally:
            connection.close()  # this thread's own connection


def recover_stale_jobs() -> int:
    """Queue again (or fail, after JOB_MAX_ATTEMPTS runs) the running jobs whose worker died."""
    cutoff = timezone.now() - timedelta(seconds=settings.JOB_LEASE_SECONDS)
    recovered = 0
    for job in Job.objects.filter(status=Job.Status.RUNNING, heartbeat_at__lt=cutoff):
        if job.attempts >= settings.JOB_MAX_ATTEMPTS:
            stopped = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
                status=Job.Status.FAILED,
                message="",
                error=(
                    f"The worker stopped during this job {job.attempts} times "
                    "(killed or out of memory); its input is kept, so you can retry it."
                ),
                updated_at=timezone.now(),
            )
        else:
            stopped = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
                status=Job.Status.QUEUED,
                message="Retrying: the worker stopped",
                updated_at=timezone.now(),
            )
            if stopped:
                job.refresh_from_db()
                _enqueue(job)
        if stopped:
            logger.warning("Recovered %s after its worker stopped.", job)
            recovered += 1
    return recovered


def recover_periodically(stop: threading.Event) -> None:
    """A worker's sweeper thread: recover stale jobs now and every half lease until `stop`."""
    try:
        while True:
            try:
                recover_stale_jobs()
            except Exception:  # a passing database error must not end the sweeping
                logger.exception("Recovering stale jobs failed; trying again later.")
            finally:
                close_old_connections()
            if stop.wait(max(settings.JOB_LEASE_SECONDS / 2, 0.5)):
                return
    finally:
        connection.close()
