"""Tasks the job tests give a real worker process (it imports them by their dotted path)."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task

from loopcoach.web.tasks.jobs import JobFailed, report_progress


@task()
def count_words(*, job_id: int, text: str) -> dict:
    report_progress(job_id, 0.5, "Counting")
    return {"words": len(text.split())}


@task()
def refuse(*, job_id: int, reason: str) -> None:
    raise JobFailed(reason)


@task()
def divide(*, job_id: int, by: int) -> float:
    return 1 / by


@task()
def slow_once(*, job_id: int, marker: str, seconds: float) -> dict:
    """Sleeps on its first run only (a file marks the runs), so a killed first run can be redone."""
    runs = Path(marker)
    count = int(runs.read_text()) + 1 if runs.exists() else 1
    runs.write_text(str(count))
    if count == 1:
        for step in range(int(seconds * 10)):
            report_progress(job_id, step / (seconds * 10), "Sleeping")
            time.sleep(0.1)
    return {"runs": count}
