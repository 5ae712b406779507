"""The .ics export parsed back with icalendar: valid all-day VEVENTs a calendar app can import."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from loopcoach.planner import build_plan, plan_calendar
from tests.planner.test_plan import LOOP, PHONE, START, five_weeks

STAMP = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)


def events(ics: bytes):
    calendar = Calendar.from_ical(ics)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return [component for component in calendar.walk("VEVENT")]


def test_every_day_becomes_an_all_day_event():
    plan = five_weeks()
    found = events(plan_calendar(plan, uid_prefix="plan-7", title="Prep", stamp=STAMP))
    # 36 days: 35 with prep items or an event, + the phone-screen and loop events on their own days;
    # the phone-screen day and loop day have no prep, so: 34 prep days + phone screen + loop = 36.
    assert len(found) == 36
    uids = [str(event["UID"]) for event in found]
    assert len(set(uids)) == len(uids) and all(
        uid.startswith("plan-7-") and uid.endswith("@loopcoach") for uid in uids
    )
    for event in found:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date, "all-day events carry dates, not times"
        assert end - start == timedelta(days=1)
        assert event.decoded("DTSTAMP") == STAMP
    by_summary = {str(event["SUMMARY"]): event for event in found}
    assert by_summary["Onsite loop"].decoded("DTSTART") == LOOP
    assert by_summary["Phone screen"].decoded("DTSTART") == PHONE
    rest = next(event for event in found if event.decoded("DTSTART") == LOOP - timedelta(days=1))
    assert str(rest["SUMMARY"]) == "Prep: Rest day"
    first = next(event for event in found if event.decoded("DTSTART") == START)
    assert "Write a story for Customer Obsession" in str(first["DESCRIPTION"])


def test_weekly_export_spans_each_week():
    plan = five_weeks()
    found = events(
        plan_calendar(plan, uid_prefix="plan-7", title="Prep", stamp=STAMP, weekly=True, sequence=3)
    )
    weeks = [event for event in found if str(event["SUMMARY"]).startswith("Prep week")]
    assert [(w.decoded("DTSTART"), w.decoded("DTEND")) for w in weeks][0] == (
        START,
        START + timedelta(days=7),
    )
    assert str(weeks[0]["SUMMARY"]).startswith("Prep week 1: ")
    assert "stories" in str(weeks[0]["SUMMARY"]) and "practice sessions" in str(weeks[0]["SUMMARY"])
    dated = {str(event["SUMMARY"]) for event in found if event not in weeks}
    assert {"Onsite loop", "Phone screen", "Prep: Rest day", "Prep: Mock loop 3 of 3"} <= dated
    assert all(event["SEQUENCE"] == 3 for event in found)


def test_a_tiny_plan_exports_too():
    plan = build_plan(start=START, loop_date=START + timedelta(days=1))
    found = events(
        plan_calendar(plan, uid_prefix="p", title="Prep", stamp=STAMP, url="http://x/plan/1/")
    )
    assert [str(event["SUMMARY"]) for event in found] == ["Prep: Rest day", "Onsite loop"]
    assert str(found[0]["URL"]) == "http://x/plan/1/"
