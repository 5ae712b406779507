"""A large export is built by a background job into the data folder, then downloaded.

One export file is kept per account: starting a new one removes the previous file, and
deleting the account removes it too (`export_files_of`).
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django_tasks import task

from loopcoach.web.portability.exporting import export_account
from loopcoach.web.tasks.jobs import JobFailed, report_progress, start_job
from loopcoach.web.tasks.models import Job

KIND = "export"


def exports_dir() -> Path:
    return Path(settings.DATA_DIR) / "exports"


def export_file(job: Job) -> Path | None:
    """The finished ZIP of an export job, if it is still there."""
    name = (job.result or {}).get("file") if job.status == Job.Status.DONE else None
    if not isinstance(name, str) or "/" in name or not name.endswith(".zip"):
        return None
    path = exports_dir() / name
    return path if path.is_file() else None


def export_files_of(user: User) -> list[Path]:
    return [p for p in (export_file(job) for job in export_jobs(user)) if p is not None]


def export_jobs(user: User) -> QuerySet[Job]:
    return Job.objects.filter(owner=user, kind=KIND)


def latest_export_job(user: User) -> Job | None:
    return export_jobs(user).order_by("-created_at", "-id").first()


def export_start(user: User) -> Job:
    for old in export_files_of(user):
        old.unlink(missing_ok=True)
    return start_job(user, KIND, build_export, user_id=user.pk)


@task()
def build_export(*, job_id: int, user_id: int) -> dict:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise JobFailed("The account is gone.")
    folder = exports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"export-{job_id}-{secrets.token_hex(8)}.zip"
    partial = folder / f"{name}.part"
    try:
        with partial.open("wb") as out:
            exported = export_account(
                user, out, progress=lambda share, message: report_progress(job_id, share, message)
            )
        partial.rename(folder / name)
    finally:
        partial.unlink(missing_ok=True)
    return {"file": name, "rows": sum(exported.counts.values()), "files": exported.files}
