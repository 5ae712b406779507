"""Reports an editor collected elsewhere, imported from CSV or JSON: every row checked first.

JSON is a list of report objects, each as `POST /api/v1/reports` takes it. CSV
has one question a row with the header `report,company,role,level,month,
location,outcome,round,question`; rows with the same `report` value are one
report. A problem anywhere means nothing is saved: `row 7: month: …`.
"""

from __future__ import annotations

import csv
import io
import json

from django.contrib.auth.models import User
from django.db import transaction

from loopcoach.web.reports.models import Report
from loopcoach.web.reports.services import report_create
from loopcoach.web.reports.validation import CleanReport, ReportInvalid, report_clean

CSV_COLUMNS = (
    "report",
    "company",
    "role",
    "level",
    "month",
    "location",
    "outcome",
    "round",
    "question",
)
MAX_ROWS = 5_000
REPORT_FIELDS = ("company", "role", "level", "month", "location", "outcome")


class ReportImportError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _from_json(text: str) -> list[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportImportError([f"not JSON: {error}"]) from None
    if not isinstance(data, list):
        raise ReportImportError(["must be a JSON list of reports"])
    return [(number, entry) for number, entry in enumerate(data, start=1)]


def _from_csv(text: str) -> list[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in CSV_COLUMNS if name not in (reader.fieldnames or [])]
    if missing:
        raise ReportImportError([f"row 1: the header lacks {', '.join(missing)}"])
    reports: dict[str, tuple[int, dict]] = {}
    for number, row in enumerate(reader, start=2):  # row 1 is the header
        key = (row.get("report") or "").strip() or f"row {number}"
        first, report = reports.setdefault(
            key,
            (
                number,
                {name: (row.get(name) or "").strip() for name in REPORT_FIELDS} | {"rounds": []},
            ),
        )
        name = (row.get("round") or "").strip() or "Round 1"
        rounds = report["rounds"]
        if not rounds or rounds[-1]["name"] != name:
            rounds.append({"name": name, "questions": []})
        rounds[-1]["questions"].append(row.get("question") or "")
    return list(reports.values())


def reports_read(text: str, *, kind: str) -> list[CleanReport]:
    """Every report checked; ReportImportError lists each problem as `row N: field: problem`."""
    rows = _from_json(text) if kind == "json" else _from_csv(text)
    if len(rows) > MAX_ROWS:
        raise ReportImportError([f"{len(rows):,} reports; at most {MAX_ROWS:,} at a time"])
    if not rows:
        raise ReportImportError(["no reports in the file"])
    clean, problems = [], []
    for number, data in rows:
        try:
            clean.append(report_clean(data))
        except ReportInvalid as error:
            problems += [
                f"row {number}: {name}: {problem}" for name, problem in error.fields.items()
            ]
    if problems:
        raise ReportImportError(problems)
    return clean


@transaction.atomic
def reports_import(*, text: str, kind: str, owner: User) -> list[Report]:
    """All the reports, pending for moderation and owned by the importing editor, or none."""
    return [
        report_create(owner=owner, clean=clean, limit=False)
        for clean in reports_read(text, kind=kind)
    ]
