"""`loopcoach manage import_compensation FILE.csv`: all rows or none, every bad row reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from loopcoach.offers import CSV_COLUMNS, CsvImportError
from loopcoach.web.offers.services import data_points_import


class Command(BaseCommand):
    help = f"Import compensation data points from a CSV with the header {','.join(CSV_COLUMNS)}."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the CSV file (UTF-8)")

    def handle(self, *args: Any, path: str, **options: Any) -> None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: cannot read it as UTF-8 text ({error})") from None
        try:
            count = data_points_import(text=text, submitted_by=None)
        except CsvImportError as error:
            raise CommandError(f"{path}: nothing imported.\n" + "\n".join(error.problems)) from None
        self.stdout.write(self.style.SUCCESS(f"Imported {count} data points from {path}."))
