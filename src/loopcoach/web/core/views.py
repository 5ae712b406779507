"""The home page and site-wide pages."""

from __future__ import annotations

from django.db import connection
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from loopcoach.web.guides.models import Guide


def home(request: HttpRequest) -> HttpResponse:
    guides = (
        Guide.objects.select_related("company")
        .annotate(question_count=Count("questions", filter=Q(questions__retired=False)))
        .order_by("company__name", "role_name")
    )
    return render(request, "core/home.html", {"guides": guides})


def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: is the database reachable?"""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"error": "not_found", "message": "Nothing here."}, status=404)
    return render(request, "core/404.html", status=404)
