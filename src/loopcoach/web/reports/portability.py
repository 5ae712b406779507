"""A candidate's interview reports in an export, and what deleting them must also do.

The moderation log stays out (it is the moderators' record). An imported report comes in
waiting for this server's moderators: a decision made on another server (a question merged
into its bank, counted in its figures) is not one this server's editors made, and an import
must not be a way around moderation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import models

from loopcoach.web.portability.registry import Row, portable
from loopcoach.web.reports.models import Report, ReportedQuestion
from loopcoach.web.reports.services import user_reports_delete


def _report_as_pending(row: Row, pk_of: Callable[[type[models.Model], str], int]) -> Row:
    return {
        **row,
        "status": Report.Status.PENDING,
        "rejection_reason": "",
        "moderated_at": None,
    }


def _question_as_pending(row: Row, pk_of: Callable[[type[models.Model], str], int]) -> Row:
    return {**row, "status": ReportedQuestion.Status.PENDING, "question": None, "reason": ""}


def _reports_markdown(reports: Iterable[Report]) -> str:
    lines = ["# Your interview reports", ""]
    for report in reports:
        lines += [
            f"## {report.guide} · {report.month:%B %Y}",
            "",
            f"{report.get_status_display()}"
            + (f" · level {report.level}" if report.level else "")
            + (f" · {report.location}" if report.location else ""),
            "",
        ]
        for question in report.questions.all():
            lines.append(f"- *{question.round_name}*: {question.text}")
        if report.notes:
            lines += ["", f"**Notes.** {report.notes}"]
        lines.append("")
    return "\n".join(lines)


portable(
    Report,
    owner="owner",
    name="interview_reports",
    markdown=_reports_markdown,
    from_export=_report_as_pending,
    delete=lambda user: user_reports_delete(user=user),
)
portable(
    ReportedQuestion,
    owner="report__owner",
    name="reported_questions",
    from_export=_question_as_pending,
)
