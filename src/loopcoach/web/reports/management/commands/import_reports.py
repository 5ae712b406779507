"""`loopcoach manage import_reports FILE --owner USERNAME`: all reports or none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from loopcoach.web.reports.imports import CSV_COLUMNS, ReportImportError, reports_import

MAX_FILE_BYTES = 10_000_000


class Command(BaseCommand):
    help = (
        "Import interview reports from JSON (a list of API bodies) or CSV "
        f"({','.join(CSV_COLUMNS)}); they wait for moderation."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="a .json or .csv file (UTF-8)")
        parser.add_argument("--owner", required=True, help="the editor who owns the reports")

    def handle(self, *args: Any, path: str, owner: str, **options: Any) -> None:
        user = User.objects.filter(username=owner).first()
        if user is None:
            raise CommandError(f"no user {owner!r}")
        file = Path(path)
        if not file.is_file() or file.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(f"{path}: not a file of at most {MAX_FILE_BYTES:,} bytes")
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: cannot read it as UTF-8 text ({error})") from None
        kind = "json" if file.suffix.lower() == ".json" else "csv"
        try:
            reports = reports_import(text=text, kind=kind, owner=user)
        except ReportImportError as error:
            raise CommandError(f"{path}: nothing imported.\n" + "\n".join(error.problems)) from None
        self.stdout.write(self.style.SUCCESS(f"Imported {len(reports)} reports from {path}."))
