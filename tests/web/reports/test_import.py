"""import_reports: CSV or JSON, every row checked before any is saved."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from loopcoach.web.reports.models import Report, ReportedQuestion
from tests.web.reports.conftest import report_body

pytestmark = pytest.mark.django_db
HEADER = "report,company,role,level,month,location,outcome,round,question\n"


def test_it_imports_csv_rows_grouped_into_reports(tmp_path, moderator, amazon_guide):
    path = tmp_path / "reports.csv"
    path.write_text(
        HEADER
        + "a,amazon,engineering-manager,L6,2026-09,,,Bar Raiser,Why Amazon?\n"
        + "a,amazon,engineering-manager,L6,2026-09,,,Bar Raiser,Tell me about a conflict\n"
        + "b,amazon,engineering-manager,,2026-08,,,Phone screen,Design a rate limiter\n"
    )
    call_command("import_reports", str(path), owner="mona")
    assert Report.objects.count() == 2 and ReportedQuestion.objects.count() == 3
    assert Report.objects.filter(level_key="L6", status="pending").count() == 1


def test_a_bad_row_imports_nothing_and_names_the_row(tmp_path, moderator, amazon_guide):
    path = tmp_path / "reports.csv"
    path.write_text(
        HEADER
        + "a,amazon,engineering-manager,,2026-09,,,R,Why Amazon?\n" * 5
        + "b,amazon,engineering-manager,,2999-01,,,R,Why Amazon?\n"
    )
    with pytest.raises(CommandError) as error:
        call_command("import_reports", str(path), owner="mona")
    assert "row 7: month: 2999-01 is in the future" in str(error.value)
    assert not Report.objects.exists()


def test_it_imports_json_bodies(tmp_path, moderator, amazon_guide):
    path = tmp_path / "reports.json"
    path.write_text(
        json.dumps([report_body("Why Amazon?"), {**report_body("q"), "company": "initech"}])
    )
    with pytest.raises(CommandError) as error:
        call_command("import_reports", str(path), owner="mona")
    assert "row 2: company: unknown company 'initech'" in str(error.value)
    path.write_text(json.dumps([report_body("Why Amazon?")]))
    call_command("import_reports", str(path), owner="mona")
    assert Report.objects.get().owner.username == "mona"
