"""`loopcoach worker`: the queue's worker, with the sweeper that recovers a dead worker's jobs."""

from __future__ import annotations

import threading

from django.conf import settings
from django.core.management import call_command

from loopcoach.web.tasks.jobs import recover_periodically


def _warm_up() -> None:
    """Load Whisper in the background at start, so the first transcription does not wait."""
    from loopcoach.web.voice import audio

    if audio.voice_available():
        threading.Thread(target=audio.load_model, name="whisper-load", daemon=True).start()


def run_worker(*, interval: float, batch: bool = False) -> None:
    """Work until stopped (or, with `batch`, until the queue is empty, on the database queue)."""
    _warm_up()
    stop = threading.Event()
    sweeper = threading.Thread(
        target=recover_periodically, args=(stop,), name="job-sweeper", daemon=True
    )
    sweeper.start()
    try:
        if settings.TASKS_ON_REDIS:
            # SimpleWorker runs jobs in this process, so a loaded model stays loaded between jobs.
            call_command(
                "rqworker",
                "default",
                job_class="django_tasks_rq.backend.Job",
                worker_class="rq.worker.SimpleWorker",
                burst=batch,
                with_scheduler=False,
            )
        else:
            call_command(
                "db_worker",
                queue_name="*",
                interval=interval,
                batch=batch,
                startup_delay=False,
                reload=False,
            )
    finally:
        stop.set()
        sweeper.join(timeout=5)
