"""A candidate's interview reports: write one, see what became of it, change or withdraw it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.reports import services
from loopcoach.web.reports.forms import ReportForm
from loopcoach.web.reports.models import Report
from loopcoach.web.reports.selectors import report_get, user_reports


def _own(request: AuthenticatedRequest, pk: int) -> Report:
    report = report_get(user=request.user, pk=pk)
    if report is None:
        raise Http404("No such report.")
    return report


@login_required
def report_list(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "reports/report_list.html", {"reports": user_reports(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def report_create(request: AuthenticatedRequest) -> HttpResponse:
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and form.clean_report:
        try:
            report = services.report_create(owner=request.user, clean=form.clean_report)
        except services.ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Thank you: your report waits for a moderator.")
            return redirect(report)
    return render(request, "reports/report_form.html", {"form": form})


@login_required
def report_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return render(request, "reports/report_detail.html", {"report": _own(request, pk)})


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = _own(request, pk)
    if not report.editable:
        messages.warning(
            request, "A moderator has started on this report: it can no longer change."
        )
        return redirect(report)
    rounds = len({reported.round_name for reported in report.questions.all()})
    form = ReportForm(request.POST or None, initial=ReportForm.initial_from(report), slots=rounds)
    if request.method == "POST" and form.is_valid() and form.clean_report:
        try:
            services.report_update(report=report, clean=form.clean_report)
        except services.ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Report saved.")
            return redirect(report)
    return render(request, "reports/report_form.html", {"form": form, "report": report})


@login_required
@require_POST
def report_withdraw(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = _own(request, pk)
    try:
        services.report_withdraw(report=report)
    except services.ReportError as error:
        messages.warning(request, str(error))
        return redirect(report)
    messages.success(request, "Report withdrawn.")
    return redirect("reports:list")
