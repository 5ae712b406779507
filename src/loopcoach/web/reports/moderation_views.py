"""Moderation pages: the queue, one report with the bank's matches, and the decisions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.guides.models import Principle
from loopcoach.web.questions.models import Question
from loopcoach.web.reports import services
from loopcoach.web.reports.forms import DecisionForm, RejectForm
from loopcoach.web.reports.models import MODERATE_PERMISSION, Report, ReportedQuestion
from loopcoach.web.reports.selectors import (
    moderation_report,
    moderation_reports,
    question_matches,
    question_suggestion,
)
from loopcoach.web.reports.validation import ReportInvalid

moderator_only = permission_required(MODERATE_PERMISSION, raise_exception=True)


@login_required
@moderator_only
def queue(request: AuthenticatedRequest) -> HttpResponse:
    status = request.GET.get("status", "pending")
    if status not in ("pending", *Report.Status.values):
        status = "pending"
    reports = moderation_reports(status)[:100]
    return render(request, "reports/moderation_queue.html", {"reports": reports, "status": status})


def _decisions(report: Report) -> list[dict]:
    rows = []
    for reported in report.questions.all():
        row: dict = {"reported": reported}
        if reported.status == ReportedQuestion.Status.PENDING:
            row["matches"] = question_matches(reported.text, report.guide)
            row["suggestion"] = question_suggestion(reported.text, report.guide, row["matches"])
        rows.append(row)
    return rows


@login_required
@moderator_only
def report(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = moderation_report(pk)
    if found is None:
        raise Http404("No such report.")
    context = {
        "report": found,
        "decisions": _decisions(found),
        "categories": Question.Category.choices,
        "principles": Principle.objects.filter(company=found.guide.company),
    }
    return render(request, "reports/moderation_report.html", context)


def _principle_slugs(pk: int) -> list[str]:
    return list(
        Principle.objects.filter(company__guides__reports=pk).values_list("slug", flat=True)
    )


DONE = {
    "merge": "Merged into the bank question.",
    "new": "Added to the bank as a new question.",
    "reject": "Rejected; the author sees the reason.",
}


def _decision(form: DecisionForm) -> services.Decision:
    data = form.cleaned_data
    return services.Decision(
        action=data["action"],
        question_id=data.get("question_id"),
        category=data.get("category") or "",
        principles=data.get("principles") or [],
        reason=data.get("reason") or "",
        wording=data.get("wording") or None,
    )


@login_required
@moderator_only
@require_POST
def decide(request: AuthenticatedRequest, pk: int, n: int) -> HttpResponse:
    form = DecisionForm(request.POST, principle_slugs=_principle_slugs(pk))
    if not form.is_valid():
        problems = (f"{name}: {' '.join(map(str, errors))}" for name, errors in form.errors.items())
        messages.error(request, "; ".join(problems))
        return redirect("moderation:report", pk=pk)
    try:
        decision = _decision(form)
        services.question_decide(
            moderator=request.user, report_id=pk, position=n, decision=decision
        )
        messages.success(request, DONE[decision.action])
    except ReportInvalid as error:
        messages.error(request, str(error))
    except services.ReportError as error:
        if error.status == 404:
            raise Http404(str(error)) from None
        messages.error(request, str(error))
    return redirect("moderation:report", pk=pk)


@login_required
@moderator_only
@require_POST
def reject(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    form = RejectForm(request.POST)
    try:
        if not form.is_valid():
            raise ReportInvalid({"reason": "is required: the author reads it"})
        services.report_reject(
            moderator=request.user, report_id=pk, reason=form.cleaned_data["reason"]
        )
        messages.success(request, "Report rejected.")
    except ReportInvalid as error:
        messages.error(request, str(error))
    except services.ReportError as error:
        if error.status == 404:
            raise Http404(str(error)) from None
        messages.error(request, str(error))
    return redirect("moderation:report", pk=pk)
