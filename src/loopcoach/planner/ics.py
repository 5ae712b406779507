"""A plan as an iCalendar file (RFC 5545) that calendar apps import.

Every event is all-day (DTSTART/DTEND as dates, DTEND the day after the last
day). UIDs are stable per plan and day, and SEQUENCE is the plan's revision,
so importing the file again after a re-plan updates the events in place.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from loopcoach.planner.plan import Plan, PlanItem

if TYPE_CHECKING:  # imported when a calendar is made: a web process rarely makes one
    from icalendar import Event

DATED_KINDS = {
    "phone-screen",
    "phone-prep",
    "mock",
    "rest",
    "loop",
}  # their own events in the weekly layout
SUMMARY_LENGTH = 120


def _describe(items: list[PlanItem]) -> str:
    lines = []
    for item in items:
        lines.append(f"• {item.title}")
        if item.detail:
            lines.append(f"  {item.detail}")
        lines.extend(
            f"  – {link.title}" for link in item.links if item.kind in {"practice", "mock", "loop"}
        )
    return "\n".join(lines)


def _summary(prefix: str, items: list[PlanItem]) -> str:
    text = prefix + " · ".join(item.title for item in items)
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _event(
    *,
    uid: str,
    start: date,
    end: date,
    summary: str,
    description: str,
    stamp: datetime,
    sequence: int,
    url: str | None,
    transparent: bool,
) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary)
    event.add("description", description)
    event.add("sequence", sequence)
    if transparent:
        event.add("transp", "TRANSPARENT")  # a prep item does not make you look busy
    if url:
        event.add("url", url)
    return event


def plan_calendar(
    plan: Plan,
    *,
    uid_prefix: str,
    title: str,
    stamp: datetime,
    weekly: bool = False,
    sequence: int = 0,
    url: str | None = None,
) -> bytes:
    """The plan as .ics bytes: one event per day (or per
    week with weekly=True) plus the dated events."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//loopcoach//preparation plan//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)

    def add(uid: str, start: date, end: date, summary: str, items: list[PlanItem]) -> None:
        calendar.add_component(
            _event(
                uid=f"{uid_prefix}-{uid}@loopcoach",
                start=start,
                end=end,
                summary=summary,
                description=_describe(items),
                stamp=stamp,
                sequence=sequence,
                url=url,
                transparent=not any(item.is_event for item in items),
            )
        )

    for day in plan.days:
        events = [item for item in day.items if item.is_event]
        for item in events:
            add(
                f"{day.day:%Y%m%d}-{item.kind}",
                day.day,
                day.day + timedelta(days=1),
                item.title,
                [item],
            )
        tasks = [item for item in day.items if not item.is_event]
        if weekly:
            tasks = [item for item in tasks if item.kind in DATED_KINDS]
        if tasks:
            add(
                f"{day.day:%Y%m%d}-prep",
                day.day,
                day.day + timedelta(days=1),
                _summary("Prep: ", tasks),
                tasks,
            )
    if weekly:
        for week in plan.weeks():
            tasks = [
                item for item in week.items if not item.is_event and item.kind not in DATED_KINDS
            ]
            if tasks:
                add(
                    f"week{week.number}-{week.start:%Y%m%d}",
                    week.start,
                    week.end + timedelta(days=1),
                    f"Prep week {week.number}: {_week_counts(tasks)}",
                    tasks,
                )
    return calendar.to_ical()


def _week_counts(tasks: list[PlanItem]) -> str:
    names = {
        "story": ("story", "stories"),
        "design": ("design topic", "design topics"),
        "practice": ("practice session", "practice sessions"),
        "reviews": ("review", "reviews"),
    }
    parts = []
    for kind, (one, many) in names.items():
        count = sum(1 for item in tasks if item.kind == kind)
        if count:
            parts.append(f"{count} {one if count == 1 else many}")
    return ", ".join(parts)
