"""The home page and site-wide pages."""

from __future__ import annotations

import sys

from django.db import DatabaseError, connection
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from loopcoach.web.api.middleware import database_down, failure_response
from loopcoach.web.guides.models import Guide


def home(request: HttpRequest) -> HttpResponse:
    guides = (
        Guide.objects.select_related("company")
        .annotate(question_count=Count("questions", filter=Q(questions__retired=False)))
        .order_by("company__name", "role_name")
    )
    return render(request, "core/home.html", {"guides": guides})


def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: is the database reachable? A 503 takes this process out of rotation."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"error": "not_found", "message": "Nothing here."}, status=404)
    return render(request, "core/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The branded 500, or 503 when the database is down: rendered without touching the database.

    No request context (it would read the session and user, from the database that may be
    the very thing that failed), so the page is plain: the look, the brand, a way back.
    """
    unavailable = database_down(sys.exc_info()[1])  # Django calls this inside its except block
    status = 503 if unavailable else 500
    if request.path.startswith("/api/"):
        return failure_response(unavailable)
    template = "core/503.html" if unavailable else "core/500.html"
    response = HttpResponse(render_to_string(template), status=status)
    if unavailable:
        response["Retry-After"] = "30"
    return response
