"""Asking the coach from an attempt page (the panel itself is part of the page's thread).

The attempt must be the caller's: another candidate's is a 404, like a missing one.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from loopcoach.web.coach.selectors import coach_panel
from loopcoach.web.coach.services import CoachOff, coach_review_request
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.practice.selectors import attempt_get


@login_required
@require_POST
def ask(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    attempt = attempt_get(user=request.user, pk=pk)
    try:
        coach_review_request(user=request.user, attempt=attempt)
    except CoachOff:
        pass  # the panel says the coach is off; nothing was sent anywhere
    if not request.htmx:
        return redirect(f"{attempt.get_absolute_url()}#coach")
    return render(request, "coach/_coach.html", {"panel": coach_panel(attempt)})
