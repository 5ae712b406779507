"""Preparation plans from today to the phone screen and the loop, and their iCalendar export.

Pure Python, no Django: the web layer (`loopcoach.web.planner`) stores plans
and progress and passes in the guide's principles, topics and questions.
"""

from __future__ import annotations

from loopcoach.planner.ics import plan_calendar
from loopcoach.planner.plan import (
    Plan,
    PlanDateError,
    PlanDay,
    PlanItem,
    PlanWeek,
    Progress,
    Topic,
    build_plan,
    check_dates,
    finished_topics,
    plan_progress,
)

__all__ = [
    "Plan",
    "PlanDateError",
    "PlanDay",
    "PlanItem",
    "PlanWeek",
    "Progress",
    "Topic",
    "build_plan",
    "check_dates",
    "finished_topics",
    "plan_calendar",
    "plan_progress",
]
