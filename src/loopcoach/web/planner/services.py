"""Plan workflows: create, re-plan when a date moves, mark progress."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from loopcoach.planner import check_dates, finished_topics
from loopcoach.web.guides.models import Guide
from loopcoach.web.planner.models import Plan
from loopcoach.web.planner.selectors import plan_build

MAX_PLANS = 20


class PlanLimit(Exception):
    pass


def plan_create(
    *,
    owner: User,
    guide: Guide | None,
    loop_date: date | None,
    phone_screen: date | None,
    weekly: bool,
    today: date,
) -> Plan:
    """A new plan starting today; PlanDateError when the dates cannot make one."""
    loop_date = check_dates(today=today, loop_date=loop_date, phone_screen=phone_screen)
    if Plan.objects.filter(owner=owner).count() >= MAX_PLANS:
        raise PlanLimit(f"You have {MAX_PLANS} plans; delete an old one first.")
    return Plan.objects.create(
        owner=owner,
        guide=guide,
        loop_date=loop_date,
        phone_screen=phone_screen,
        weekly=weekly,
        starts_on=today,
    )


@transaction.atomic
def plan_replan(
    *, plan: Plan, loop_date: date | None, phone_screen: date | None, weekly: bool, today: date
) -> Plan:
    """Rebuild the plan from today for new dates; stories
    and topics already done are not planned again."""
    checked = check_dates(today=today, loop_date=loop_date, phone_screen=phone_screen)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    finished = finished_topics(plan_build(plan), plan.done)
    plan.skip = sorted(set(plan.skip) | finished)
    plan.loop_date, plan.phone_screen, plan.weekly = checked, phone_screen, weekly
    plan.starts_on = today
    plan.revision += 1
    plan.save(
        update_fields=[
            "skip",
            "loop_date",
            "phone_screen",
            "weekly",
            "starts_on",
            "revision",
            "updated",
        ]
    )
    return plan


@transaction.atomic
def plan_mark(*, plan: Plan, shown: Collection[str], done: Collection[str]) -> Plan:
    """Set the items in `shown` to done or not as `done` says; ignore keys the plan does not have.

    The row is locked so that two quick ticks from two requests cannot undo each other.
    """
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    known = {item.key for item in plan_build(plan).tasks()}
    shown = set(shown) & known
    kept = [key for key in plan.done if key not in shown]
    plan.done = kept + sorted(set(done) & shown)
    plan.save(update_fields=["done", "updated"])
    return plan
