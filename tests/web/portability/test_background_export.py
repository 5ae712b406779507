"""A large account's export is built by a real `loopcoach worker`, with progress, then
downloaded by its owner only; deleting the account removes the built ZIP."""

from __future__ import annotations

import io
import json
import time
import zipfile

import pytest
from django.test import Client

from loopcoach.web.portability.background import export_file
from loopcoach.web.portability.deletion import account_delete
from loopcoach.web.stories.models import Story
from loopcoach.web.tasks.models import Job
from tests.conftest import make_user


def wait_done(job_id: int, timeout: float = 60) -> Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = Job.objects.get(pk=job_id)
        if job.status in Job.FINISHED:
            return job
        time.sleep(0.1)
    raise AssertionError(f"export job {job_id} did not finish")


@pytest.fixture
def worker(start_worker, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.LOOPCOACH_EXPORT_SYNC_ROWS = 3
    return lambda: start_worker(LOOPCOACH_DATA_DIR=str(tmp_path), SECRET_KEY=settings.SECRET_KEY)


def test_a_large_export_runs_in_the_background_and_only_its_owner_downloads_it(worker):
    dana, erin = make_user("dana"), make_user("erin")
    Story.objects.bulk_create(Story(user=dana, title=f"Story {n}") for n in range(5))
    owner, other = Client(), Client()
    owner.force_login(dana)
    other.force_login(erin)
    started = owner.get("/api/v1/account/export")
    assert started.status_code == 202 and started["Location"] == started.json()["status_url"]
    job_id = started.json()["task"]["id"]
    download = started.json()["download_url"]
    assert owner.get(download).status_code == 409  # not built yet: no worker runs
    worker()
    job = wait_done(job_id)
    assert job.status == "done", job.error
    assert owner.get(f"/api/v1/tasks/{job_id}").json()["progress"] == 1.0
    assert other.get(download).status_code == 404
    assert other.get(f"/accounts/export/{job_id}/").status_code == 404
    response = owner.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        stories = json.loads(archive.read("data/stories.json"))
    assert sorted(s["title"] for s in stories) == [f"Story {n}" for n in range(5)]
    page = owner.get("/accounts/").content.decode()
    assert f'href="/accounts/export/{job_id}/"' in page
    built = export_file(job)
    assert built is not None and built.exists()
    account_delete(user=dana, password="dana-Passw0rd!")
    assert not built.exists() and not Job.objects.filter(pk=job_id).exists()


def test_the_page_starts_a_large_export_and_shows_its_progress(worker):
    dana = make_user("dana")
    Story.objects.bulk_create(Story(user=dana, title=f"Story {n}") for n in range(5))
    client = Client()
    client.force_login(dana)
    response = client.post("/accounts/export/", follow=True)
    page = response.content.decode()
    assert "being built" in page and 'hx-get="/tasks/' in page
    job = Job.objects.get(owner=dana, kind="export")
    worker()
    assert wait_done(job.pk).status == "done"
    assert f'href="/accounts/export/{job.pk}/"' in client.get("/accounts/").content.decode()
