"""/api/v1/plans: a preparation plan day by day, and its calendar. Private to the owner."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from django.http import HttpResponse
from django.utils import timezone
from ninja import Router, Schema, Status
from pydantic import BeforeValidator, Field

from loopcoach.planner import PlanDateError, plan_progress
from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import PRIVATE_REFUSALS, ApiError, ErrorOut, invalid, not_found
from loopcoach.web.api.schemas import ExactInput
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.guides.api import GuidePath, guide_by_path
from loopcoach.web.planner.models import Plan
from loopcoach.web.planner.selectors import plan_build
from loopcoach.web.planner.services import PlanLimit, plan_create
from loopcoach.web.planner.views import ics_response

router = Router(tags=["planner"], auth=token_or_session)


def _iso_date(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("must be a date as text (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"“{value[:20]}” is not a date (YYYY-MM-DD)") from None


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def _blank_is_none(value: object) -> object:
    return None if value == "" else value


class PlanIn(ExactInput):
    guide: Annotated[GuidePath | None, BeforeValidator(_blank_is_none)] = None
    loop_date: IsoDate
    phone_screen: Annotated[IsoDate | None, BeforeValidator(_blank_is_none)] = None
    weekly: bool = Field(False, description="One calendar event a week instead of one a day")


class ProgressOut(Schema):
    done: int
    total: int
    percent: int
    overdue: list[str] = Field(description="Keys of the items past their day and not done")


class LinkOut(Schema):
    title: str
    url: str | None


class PlanItemOut(Schema):
    key: str
    kind: str
    title: str
    detail: str
    event: bool
    done: bool
    links: list[LinkOut]


class PlanDayOut(Schema):
    date: str
    items: list[PlanItemOut]


class PlanOut(Schema):
    id: int
    guide: str | None
    loop_date: str
    phone_screen: str | None
    starts_on: str
    weekly: bool
    revision: int
    progress: ProgressOut
    days: list[PlanDayOut]
    url: str
    ics_url: str


def plan_out(request: AuthenticatedRequest, plan: Plan) -> dict:
    days = plan_build(plan)
    done = set(plan.done)
    progress = plan_progress(days, done, today=timezone.localdate(), finished_before=len(plan.skip))
    return {
        "id": plan.pk,
        "guide": plan.guide.path if plan.guide else None,
        "loop_date": plan.loop_date.isoformat(),
        "phone_screen": plan.phone_screen.isoformat() if plan.phone_screen else None,
        "starts_on": plan.starts_on.isoformat(),
        "weekly": plan.weekly,
        "revision": plan.revision,
        "progress": {
            "done": progress.done,
            "total": progress.total,
            "percent": progress.percent,
            "overdue": [item.key for item in progress.overdue],
        },
        "days": [
            {
                "date": day.day.isoformat(),
                "items": [
                    {
                        "key": item.key,
                        "kind": item.kind,
                        "title": item.title,
                        "detail": item.detail,
                        "event": item.is_event,
                        "done": item.key in done,
                        "links": [
                            {"title": link.title, "url": link.url or None} for link in item.links
                        ],
                    }
                    for item in day.items
                ],
            }
            for day in days.days
        ],
        "url": request.build_absolute_uri(plan.get_absolute_url()),
        "ics_url": request.build_absolute_uri(f"/api/v1/plans/{plan.pk}.ics"),
    }


def _own_plan(request: AuthenticatedRequest, pk: int) -> Plan:
    plan = Plan.objects.select_related("guide__company").filter(pk=pk, owner=request.user).first()
    if plan is None:
        raise not_found(f"No plan {pk}.")
    return plan


@router.post("/plans", response={201: PlanOut, 409: ErrorOut, **PRIVATE_REFUSALS})
def plan_new(request: AuthenticatedRequest, response: HttpResponse, body: PlanIn) -> Status[dict]:
    """A plan from today to the loop: what to prepare each day."""
    try:
        plan = plan_create(
            owner=request.user,
            guide=guide_by_path(body.guide) if body.guide else None,
            loop_date=body.loop_date,
            phone_screen=body.phone_screen,
            weekly=body.weekly,
            today=timezone.localdate(),
        )
    except PlanDateError as problem:
        raise invalid(problem.errors) from None
    except PlanLimit as limit:
        raise ApiError(409, "limit", str(limit)) from None
    response["Location"] = f"/api/v1/plans/{plan.pk}"
    return Status(201, plan_out(request, plan))


@router.get("/plans/{int:pk}", response={200: PlanOut, **PRIVATE_REFUSALS})
def plan_detail(request: AuthenticatedRequest, pk: int) -> dict:
    return plan_out(request, _own_plan(request, pk))


CALENDAR = {
    "responses": {
        200: {
            "description": "The plan as an iCalendar file",
            "content": {"text/calendar": {"schema": {"type": "string"}}},
        }
    }
}


@router.get("/plans/{int:pk}.ics", response={**PRIVATE_REFUSALS}, openapi_extra=CALENDAR)
def plan_ics(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The plan's days as calendar events, to subscribe to or import."""
    return ics_response(request, _own_plan(request, pk))
