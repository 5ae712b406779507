"""Background jobs run by a real `loopcoach worker` process, on this run's database (and Redis)."""

from __future__ import annotations

import signal
import time

import pytest
from django.test import Client

from loopcoach.web.tasks.jobs import recover_stale_jobs, retry_job, start_job
from loopcoach.web.tasks.models import Job
from tests.conftest import make_user
from tests.web.tasks import sample_tasks


def wait_for(job: Job, *statuses: str, timeout: float = 30) -> Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in statuses:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job.pk} stayed {job.status}, not {statuses}")


@pytest.fixture
def carol(transactional_db):
    return make_user("carol")


def test_a_worker_runs_a_job_and_stores_its_result(carol, start_worker):
    job = start_job(carol, "count", sample_tasks.count_words, text="one two three")
    assert job.status == "queued" and job.arguments == {"text": "one two three"}
    start_worker()
    job = wait_for(job, "done", "failed")
    assert (job.status, job.result, job.progress, job.attempts) == ("done", {"words": 3}, 1.0, 1)


def test_a_failed_job_says_why_and_a_retry_runs_it_again(carol, start_worker, tmp_path):
    refused = start_job(carol, "refuse", sample_tasks.refuse, reason="The file is not audio.")
    crashed = start_job(carol, "divide", sample_tasks.divide, by=0)
    start_worker()
    assert wait_for(refused, "done", "failed").error == "The file is not audio."
    crashed = wait_for(crashed, "done", "failed")
    assert crashed.status == "failed"
    assert crashed.error == "Unexpected error (ZeroDivisionError): division by zero"
    # The input is kept: fixing nothing and retrying fails the same way, with a fresh run.
    assert retry_job(crashed) is True
    assert wait_for(crashed, "done", "failed").error.startswith("Unexpected error")
    assert crashed.attempts == 1
    done = start_job(carol, "count", sample_tasks.count_words, text="a b")
    assert retry_job(wait_for(done, "done")) is False  # only a failed job is retried


def test_a_job_whose_worker_is_killed_runs_again_on_another(
    carol, start_worker, tmp_path, settings
):
    settings.JOB_LEASE_SECONDS = 2
    marker = tmp_path / "runs"
    job = start_job(carol, "slow", sample_tasks.slow_once, marker=str(marker), seconds=30)
    first = start_worker(LOOPCOACH_JOB_LEASE_SECONDS="2")
    wait_for(job, "running")
    while job.progress == 0:
        job.refresh_from_db()
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert Job.objects.get(pk=job.pk).status == "running"  # what a dead worker leaves
    start_worker(LOOPCOACH_JOB_LEASE_SECONDS="2")  # its sweeper finds the silent job
    job = wait_for(job, "done", "failed", timeout=40)
    assert (job.status, job.result, job.attempts) == ("done", {"runs": 2}, 2)


def test_a_job_killed_too_often_fails_with_its_input_kept(carol, settings):
    settings.JOB_LEASE_SECONDS = 1
    job = start_job(carol, "count", sample_tasks.count_words, text="kept")
    Job.objects.filter(pk=job.pk).update(
        status="running", attempts=settings.JOB_MAX_ATTEMPTS, heartbeat_at="2020-01-01T00:00Z"
    )
    assert recover_stale_jobs() == 1
    job.refresh_from_db()
    assert job.status == "failed" and "worker stopped" in job.error
    assert job.arguments == {"text": "kept"}


def test_jobs_run_on_redis_with_rq(carol, start_worker, settings):
    redis_url = "redis://127.0.0.1:6379/12"
    settings.TASKS_ON_REDIS = True
    settings.RQ_QUEUES = {"default": {"URL": redis_url}}
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "django_rq"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    job = start_job(carol, "count", sample_tasks.count_words, text="on redis now")
    assert job.task_id  # committed at once outside a transaction, then sent to Redis
    start_worker(REDIS_URL=redis_url)
    job = wait_for(job, "done", "failed")
    assert (job.status, job.result) == ("done", {"words": 3})


def test_the_task_api_and_fragment_show_only_the_owner_their_job(carol, start_worker):
    dave = make_user("dave")
    job = start_job(carol, "refuse", sample_tasks.refuse, reason="Silent recording.")
    owner, other = Client(), Client()
    owner.force_login(carol)
    other.force_login(dave)
    body = owner.get(f"/api/v1/tasks/{job.pk}").json()
    assert body == {
        "id": job.pk,
        "kind": "refuse",
        "status": "queued",
        "progress": 0.0,
        "message": "",
        "error": None,
    }
    assert other.get(f"/api/v1/tasks/{job.pk}").status_code == 404
    assert other.get(f"/tasks/{job.pk}/").status_code == 404
    assert 'hx-trigger="every 1s"' in owner.get(f"/tasks/{job.pk}/").content.decode()
    start_worker()
    wait_for(job, "failed")
    assert owner.get(f"/api/v1/tasks/{job.pk}").json()["error"] == "Silent recording."
    page = owner.get(f"/tasks/{job.pk}/").content.decode()
    assert "Silent recording." in page and "Try again" in page and "every 1s" not in page
    assert other.post(f"/api/v1/tasks/{job.pk}/retry").status_code == 404
    assert owner.post(f"/api/v1/tasks/{job.pk}/retry").json()["status"] == "queued"
    assert owner.post(f"/api/v1/tasks/{job.pk}/retry").status_code == 409
    assert wait_for(job, "failed").error == "Silent recording."
