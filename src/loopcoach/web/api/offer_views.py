"""The API of offers, market bands and preparation plans.

The calculator is stateless and open to anyone, so it needs no CSRF token.
Plans belong to a user: see `loopcoach.web.api.auth.api_login_required`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from loopcoach.offers import (
    MAX_OFFERS,
    MIN_POINTS,
    OfferInputError,
    calculate,
    compare,
    parse_offer,
)
from loopcoach.planner import PlanDateError, plan_progress
from loopcoach.web.api.auth import api_login_required
from loopcoach.web.api.views import error
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.guides.models import Guide
from loopcoach.web.offers.selectors import bands_list
from loopcoach.web.planner.models import Plan
from loopcoach.web.planner.selectors import plan_build
from loopcoach.web.planner.services import PlanLimit, plan_create
from loopcoach.web.planner.views import ics_response, read_dates


def invalid(fields: dict[str, str]) -> JsonResponse:
    message = "; ".join(f"{name} {problem}" for name, problem in fields.items())
    return JsonResponse({"error": "invalid", "message": message, "fields": fields}, status=400)


class JsonRequest(AuthenticatedRequest):
    """A request whose JSON object body `json_body` has parsed into `request.json`."""

    json: dict[str, Any]


def json_body(view: Callable) -> Callable:
    """Parse the JSON body into request.json, or answer 400/415."""

    @wraps(view)
    def wrapper(request: JsonRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.content_type != "application/json":
            return error(415, "unsupported_media_type", "Send the body as application/json.")
        try:
            body = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError):
            return error(400, "bad_request", "The body is not valid JSON.")
        if not isinstance(body, dict):
            return error(400, "bad_request", "The body must be a JSON object.")
        request.json = body
        return view(request, *args, **kwargs)

    return wrapper


@csrf_exempt
@require_POST
@json_body
def offers_calculate(request: JsonRequest) -> JsonResponse:
    body = request.json
    many = "offers" in body
    offers = body["offers"] if many else [body]
    if not isinstance(offers, list) or not 1 <= len(offers) <= MAX_OFFERS:
        return invalid({"offers": f"must be a list of 1 to {MAX_OFFERS} offers"})
    parsed, fields = [], {}
    for index, data in enumerate(offers):
        try:
            parsed.append(parse_offer(data))
        except OfferInputError as problem:
            prefix = f"offers.{index}." if many else ""
            fields.update({prefix + name: message for name, message in problem.errors.items()})
    if fields:
        return invalid(fields)
    results = [calculate(offer) for offer in parsed]
    if not many:
        return JsonResponse(results[0].to_dict())
    return JsonResponse(
        {
            "offers": [result.to_dict() for result in results],
            "comparison": [row.to_dict() for row in compare(results)],
        }
    )


@require_GET
def market_bands(request: HttpRequest) -> JsonResponse:
    filters = {name: request.GET.get(name, "")[:120] for name in ("company", "level", "location")}
    return JsonResponse(
        {"min_points": MIN_POINTS, "results": [band.to_dict() for band in bands_list(**filters)]}
    )


def plan_dict(request: HttpRequest, plan: Plan) -> dict:
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


@csrf_exempt
@require_POST
@api_login_required
@json_body
def plans_create(request: JsonRequest) -> JsonResponse:
    body = request.json
    loop_date, phone_screen, fields = read_dates(
        {
            name: "" if body.get(name) is None else str(body[name])
            for name in ("loop_date", "phone_screen")
        }
    )
    guide = None
    if body.get("guide"):
        company, _, role = str(body["guide"]).partition("/")
        guide = (
            Guide.objects.select_related("company")
            .filter(company__slug=company, role_slug=role)
            .first()
        )
        if guide is None:
            fields["guide"] = f"no guide '{str(body['guide'])[:80]}'"
    if not isinstance(body.get("weekly", False), bool):
        fields["weekly"] = "must be true or false"
    if fields:
        return invalid(fields)
    try:
        plan = plan_create(
            owner=request.user,
            guide=guide,
            loop_date=loop_date,
            phone_screen=phone_screen,
            weekly=body.get("weekly", False),
            today=timezone.localdate(),
        )
    except PlanDateError as problem:
        return invalid(problem.errors)
    except PlanLimit as limit:
        return error(409, "limit", str(limit))
    response = JsonResponse(plan_dict(request, plan), status=201)
    response["Location"] = f"/api/v1/plans/{plan.pk}"
    return response


def _owned(request: AuthenticatedRequest, pk: int) -> Plan | None:
    return Plan.objects.select_related("guide__company").filter(pk=pk, owner=request.user).first()


@require_GET
@api_login_required
def plan_detail(request: AuthenticatedRequest, pk: int) -> JsonResponse:
    plan = _owned(request, pk)
    if plan is None:
        return error(404, "not_found", f"No plan {pk}.")
    return JsonResponse(plan_dict(request, plan))


@require_GET
@api_login_required
def plan_ics(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = _owned(request, pk)
    if plan is None:
        return error(404, "not_found", f"No plan {pk}.")
    return ics_response(request, plan)
