"""`loopcoach manage reanalyse [--all | --since DATE] [--batch-size N]`.

Runs the analyzer again over stored answers (practice, follow-ups, mock loops) and
stories, after the analyzer changed or where it failed. Pages never do this: a GET
request writes nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from loopcoach.web.answering.services import Reanalysed, attempts_reanalyse, rows_reanalyse
from loopcoach.web.practice.models import Attempt
from loopcoach.web.stories.models import Story
from loopcoach.web.stories.services import story_analyse


class Command(BaseCommand):
    help = (
        "Run the analyzer again over stored answers and stories: by default those without an "
        "analysis (the analyzer failed on them), --all for every one, --since DATE for those "
        "written on or after DATE. Prints how many were analysed, refused and failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--all", dest="every", action="store_true", help="every answer and story"
        )
        which.add_argument(
            "--since",
            metavar="DATE",
            help="answers and stories written on or after DATE (YYYY-MM-DD)",
        )
        parser.add_argument("--batch-size", type=int, default=200, help="rows in memory at a time")

    def handle(
        self, *args: object, every: bool, since: str | None, batch_size: int, **options: object
    ) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        attempts, stories = Attempt.objects.all(), Story.objects.all()
        if since:
            start = _start_of(since)
            attempts, stories = (
                attempts.filter(created_at__gte=start),
                stories.filter(updated_at__gte=start),
            )
        elif not every:
            attempts, stories = (
                attempts.filter(analysis__isnull=True),
                stories.filter(analysis__isnull=True),
            )
        self._report("answers", attempts_reanalyse(attempts=attempts, batch_size=batch_size))
        stories_done = rows_reanalyse(
            rows=stories,
            analyse=lambda story: story_analyse(story=story).analysis_error,
            batch_size=batch_size,
        )
        self._report("stories", stories_done)

    def _report(self, what: str, counts: Reanalysed) -> None:
        self.stdout.write(
            f"{what}: {counts.analysed} analysed, {counts.refused} refused, {counts.failed} failed"
        )


def _start_of(value: str) -> datetime:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since takes a date like 2026-11-30, not {value!r}.") from None
    return timezone.make_aware(datetime.combine(day, time.min))
