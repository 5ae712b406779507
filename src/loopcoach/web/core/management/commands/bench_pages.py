"""`loopcoach manage bench_pages`: how fast the main pages and API answer, in-process.

Requests go through the whole Django stack (middleware, views, templates,
database) with the test client, so the figures are server time without the
network. Run it against a loaded database (`loopcoach serve` loads one).
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from loopcoach.web.guides.models import Guide, Principle
from loopcoach.web.questions.models import Question


def bench_urls() -> list[str]:
    guide = Guide.objects.select_related("company").first()
    question = Question.objects.active().first()
    principle = Principle.objects.select_related("company").first()
    if not (guide and question and principle):
        raise CommandError("No content loaded: run `loopcoach content load` first.")
    return [
        "/",
        guide.get_absolute_url(),
        principle.get_absolute_url(),
        "/questions/",
        "/questions/?q=rate+limiter",
        "/questions/?principle=dive-deep&category=behavioral",
        question.get_absolute_url(),
        f"/api/v1/guides/{guide.path}",
        "/api/v1/questions?q=disagree",
    ]


class Command(BaseCommand):
    help = "Time the main pages and API endpoints (median and p95 per URL, in milliseconds)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--requests", type=int, default=50, help="requests per URL (default 50)"
        )

    def handle(self, *args: Any, requests: int, **options: Any) -> None:
        if requests < 1:
            raise CommandError("--requests must be at least 1")
        client = Client()
        self.stdout.write(f"{'url':58s} {'median':>8s} {'p95':>8s}")
        for url in bench_urls():
            timings = self._time(client, url, requests)
            p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
            self.stdout.write(f"{url:58s} {statistics.median(timings):7.1f}  {p95:7.1f}")

    def _time(self, client: Client, url: str, requests: int) -> list[float]:
        response = client.get(url)  # warm-up: template loading, first queries
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        return sorted(timings)
