"""The job status fragment that polls itself with htmx, and the retry button's view.

Another user's job is a 404, like a missing one.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.tasks.jobs import retry_job
from loopcoach.web.tasks.selectors import jobs_of


@login_required
@require_GET
def job_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(jobs_of(request.user), pk=pk)
    response = render(request, "tasks/_job_status.html", {"job": job})
    if request.htmx and job.status == job.Status.DONE:
        # The page around the fragment shows the job's result: load it again to show it.
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def job_retry(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(jobs_of(request.user), pk=pk)
    retry_job(job)
    job.refresh_from_db()
    back = request.headers.get("Referer", "")
    if not request.htmx and url_has_allowed_host_and_scheme(back, {request.get_host()}):
        return redirect(back)  # a form posted without JavaScript: back to the page it was on
    return render(request, "tasks/_job_status.html", {"job": job})
