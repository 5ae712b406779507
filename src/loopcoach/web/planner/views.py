"""Plan pages: the list and new-plan form, one plan
with its progress, re-plan, and the .ics download."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from loopcoach.planner import PlanDateError, plan_calendar, plan_progress
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.guides.models import Guide
from loopcoach.web.planner.models import Plan
from loopcoach.web.planner.selectors import plan_build
from loopcoach.web.planner.services import PlanLimit, plan_create, plan_mark, plan_replan


def parse_date(raw: str | None, name: str, errors: dict[str, str]) -> date | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors[name] = f"“{raw[:20]}” is not a date (YYYY-MM-DD)"
        return None


def read_dates(data: Mapping[str, Any]) -> tuple[date | None, date | None, dict[str, str]]:
    """Loop and phone-screen dates from the plan form, with format errors."""
    errors: dict[str, str] = {}
    loop_date = parse_date(data.get("loop_date"), "loop_date", errors)
    phone_screen = parse_date(data.get("phone_screen"), "phone_screen", errors)
    if "loop_date" not in errors and loop_date is None:
        errors["loop_date"] = "is required"
    return loop_date, phone_screen, errors


def owned_plan(request: HttpRequest, pk: int) -> Plan:
    """The user's plan; someone else's id is a 404, exactly like a missing one."""
    return get_object_or_404(
        Plan.objects.select_related("guide__company"), pk=pk, owner=request.user
    )


def _guides():
    return Guide.objects.select_related("company").order_by("company__name", "role_name")


def plan_list(request: HttpRequest) -> HttpResponse:
    plans = (
        Plan.objects.filter(owner=request.user).select_related("guide__company")
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "planner/plan_list.html",
        {
            "plans": plans,
            "guides": _guides(),
            "values": {},
            "errors": {},
            "today": timezone.localdate(),
            "login_url": resolve_url(settings.LOGIN_URL),
        },
    )


@login_required
@require_POST
def plan_new(request: AuthenticatedRequest) -> HttpResponse:
    loop_date, phone_screen, errors = read_dates(request.POST)
    guide = (
        _guides().filter(pk=request.POST.get("guide") or 0).first()
        if request.POST.get("guide", "").isdigit()
        else None
    )
    if not errors:
        try:
            plan = plan_create(
                owner=request.user,
                guide=guide,
                loop_date=loop_date,
                phone_screen=phone_screen,
                weekly=request.POST.get("weekly") == "1",
                today=timezone.localdate(),
            )
        except PlanDateError as error:
            errors = error.errors
        except PlanLimit as limit:
            errors = {"plan": str(limit)}
        else:
            return redirect(plan)
    return render(
        request,
        "planner/plan_list.html",
        {
            "plans": Plan.objects.filter(owner=request.user),
            "guides": _guides(),
            "values": request.POST,
            "errors": errors,
            "today": timezone.localdate(),
        },
        status=400,
    )


def _detail_context(request: HttpRequest, plan: Plan) -> dict:
    today = timezone.localdate()
    days = plan_build(plan)
    done = set(plan.done)
    return {
        "plan": plan,
        "days": days,
        "weeks": days.weeks(),
        "done": done,
        "today": today,
        "progress": plan_progress(days, done, today=today, finished_before=len(plan.skip)),
        "days_left": (plan.loop_date - today).days,
        "errors": {},
        "values": plan_values(plan),
    }


def plan_values(plan: Plan) -> dict[str, str]:
    """The dates form, filled in from the plan."""
    return {
        "loop_date": plan.loop_date.isoformat(),
        "phone_screen": plan.phone_screen.isoformat() if plan.phone_screen else "",
        "weekly": "1" if plan.weekly else "0",
    }


@login_required
def plan_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return render(
        request, "planner/plan_detail.html", _detail_context(request, owned_plan(request, pk))
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def plan_progress_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = plan_mark(
        plan=owned_plan(request, pk),
        shown=request.POST.getlist("key"),
        done=request.POST.getlist("done"),
    )
    if request.htmx:
        return render(request, "planner/_progress.html", _detail_context(request, plan))
    messages.success(request, "Progress saved.")
    return redirect(plan)


@login_required
@require_POST
def plan_dates(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = owned_plan(request, pk)
    loop_date, phone_screen, errors = read_dates(request.POST)
    if not errors:
        try:
            plan = plan_replan(
                plan=plan,
                loop_date=loop_date,
                phone_screen=phone_screen,
                weekly=request.POST.get("weekly") == "1",
                today=timezone.localdate(),
            )
        except PlanDateError as error:
            errors = error.errors
        else:
            messages.success(request, "Re-planned from today. What you have done stays done.")
            return redirect(plan)
    context = _detail_context(request, plan)
    context.update(errors=errors, values=request.POST)
    return render(request, "planner/plan_detail.html", context, status=400)


def ics_response(request: HttpRequest, plan: Plan) -> HttpResponse:
    title = f"Interview prep: {plan.guide}" if plan.guide else "Interview prep"
    body = plan_calendar(
        plan_build(plan),
        uid_prefix=f"plan-{plan.pk}-{plan.owner_id}",
        title=title,
        stamp=timezone.now(),
        weekly=plan.weekly,
        sequence=plan.revision,
        url=request.build_absolute_uri(plan.get_absolute_url()),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="loopcoach-plan-{plan.loop_date:%Y-%m-%d}.ics"'
    )
    return response


@login_required
def plan_ics(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return ics_response(request, owned_plan(request, pk))


@login_required
@require_POST
def plan_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    owned_plan(request, pk).delete()
    messages.success(request, "Plan deleted.")
    return redirect("planner:list")
