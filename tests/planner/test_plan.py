"""The plan for a loop five weeks out, checked against the calendar by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from loopcoach.planner import (
    PlanDateError,
    Topic,
    build_plan,
    check_dates,
    finished_topics,
    plan_progress,
)

START = date(2025, 3, 3)  # a Monday
PHONE = date(2025, 3, 12)  # Wednesday of week 2
LOOP = date(2025, 4, 7)  # Monday, five weeks after START
PRINCIPLES = [
    Topic(slug, slug.replace("-", " ").title())
    for slug in [
        "customer-obsession",
        "ownership",
        "invent-and-simplify",
        "are-right-a-lot",
        "learn-and-be-curious",
        "hire-and-develop-the-best",
        "insist-on-the-highest-standards",
        "think-big",
        "bias-for-action",
        "frugality",
        "earn-trust",
        "dive-deep",
        "have-backbone-disagree-and-commit",
        "deliver-results",
        "strive-to-be-earths-best-employer",
        "success-and-scale-bring-broad-responsibility",
    ]
]
DESIGN = [
    Topic("distributed-systems", "Distributed systems"),
    Topic("operational-health", "Operational health"),
    Topic("scaling", "Scaling"),
]
QUESTIONS = [Topic(str(n), f"Question {n}", tags=(PRINCIPLES[n % 16].key,)) for n in range(40)]


def five_weeks(**overrides):
    arguments = dict(
        start=START,
        loop_date=LOOP,
        phone_screen=PHONE,
        principles=PRINCIPLES,
        design_topics=DESIGN,
        questions=QUESTIONS,
        rounds=["Hiring manager", "Bar Raiser"],
    )
    return build_plan(**{**arguments, **overrides})


def kinds_on(plan, day: date) -> list[str]:
    return [item.kind for d in plan.days if d.day == day for item in d.items]


def test_the_dated_events():
    plan = five_weeks()
    # 3 March to 7 April inclusive: 28 days of March + 7 of
    # April + 1 = 36 days, in 6 blocks of 7 (the last 1 day)
    assert len(plan.days) == 36 and [len(w.days) for w in plan.weeks()] == [7, 7, 7, 7, 7, 1]
    assert kinds_on(plan, LOOP) == ["loop"]
    assert kinds_on(plan, LOOP - timedelta(days=1)) == ["rest"]
    assert kinds_on(plan, PHONE) == ["phone-screen"]
    assert kinds_on(plan, PHONE - timedelta(days=1))[0] == "phone-prep"


def test_mock_loops_two_days_before_the_loop_then_weekly():
    # Working days: 3 March … 5 April (34) without the phone-screen day = 33 ≥ 21 → three mocks,
    # on the loop − 2 = 5 April, − 9 = 29 March, − 16 = 22 March.
    plan = five_weeks()
    assert [plan.day_of(f"mock:{n}") for n in (1, 2, 3)] == [
        date(2025, 3, 22),
        date(2025, 3, 29),
        date(2025, 4, 5),
    ]
    assert kinds_on(plan, date(2025, 3, 22)) == ["mock"]  # a mock day holds nothing else


def test_a_story_for_every_uncovered_principle_in_the_first_60_percent():
    # Study days: 33 working days − 3 mock days = 30; the first round(30 × 0.6) = 18 of them take
    # the stories: 3 March … 21 March less the phone-screen
    # day (12 March) = 18 days (22 March is a mock).
    plan = five_weeks(covered={"frugality", "think-big"})
    stories = [item for item in plan.items if item.kind == "story"]
    assert len(stories) == 14
    assert "story:frugality" not in {item.key for item in stories}
    assert plan.day_of("story:customer-obsession") == START
    assert max(plan.day_of(item.key) for item in stories) <= date(2025, 3, 21)


def test_design_topics_in_the_last_60_percent():
    # The last 18 study days start at study day 13 (index
    # 12): 3 … 11 March, 13 … 15 March = 12 days before it,
    # so study day 13 is 16 March.
    plan = five_weeks()
    assert [plan.day_of(f"design:{t.key}") for t in DESIGN][0] == date(2025, 3, 16)
    assert all(plan.day_of(f"design:{t.key}") < date(2025, 4, 5) for t in DESIGN)


def test_practice_every_study_day_with_the_days_principle_first():
    plan = five_weeks()
    practice = [item for item in plan.items if item.kind == "practice"]
    assert len(practice) == 30 and all(len(item.links) == 3 for item in practice)
    first_day = plan.days[0]
    story = next(item for item in first_day.items if item.kind == "story")
    session = next(item for item in first_day.items if item.kind == "practice")
    assert story.key.removeprefix("story:") in session.links[0].tags


def test_due_reviews_go_first_on_the_first_day():
    plan = five_weeks(due_reviews=4)
    assert plan.days[0].items[0].title == "Review the 4 answers due today"


def test_a_plan_without_content_still_has_its_skeleton():
    plan = build_plan(start=START, loop_date=START + timedelta(days=10))
    assert kinds_on(plan, START + timedelta(days=10)) == ["loop"]
    assert [item.kind for item in plan.days[0].items] == ["practice"]
    assert plan.day_of("mock:1") == START + timedelta(days=8)  # 9 working days ≥ 4: one mock


def test_a_loop_tomorrow_leaves_a_rest_day():
    plan = build_plan(start=START, loop_date=START + timedelta(days=1), principles=PRINCIPLES)
    assert [[item.kind for item in day.items] for day in plan.days] == [["rest"], ["loop"]]


def test_replanning_skips_finished_topics_and_keeps_keys():
    plan = five_weeks()
    done = {"story:customer-obsession", "design:scaling", f"practice:{START.isoformat()}"}
    skip = finished_topics(plan, done)
    assert skip == {"story:customer-obsession", "design:scaling"}
    later = five_weeks(start=date(2025, 3, 10), loop_date=date(2025, 4, 14), skip=skip)
    keys = {item.key for item in later.items}
    assert "story:customer-obsession" not in keys and "design:scaling" not in keys
    assert "story:ownership" in keys


def test_progress_counts_tasks_and_what_is_overdue():
    plan = five_weeks()
    done = {item.key for item in plan.days[0].items}
    progress = plan_progress(plan, done, today=START + timedelta(days=2))
    assert progress.done == len(plan.days[0].items)
    assert progress.total == len(plan.tasks()) and all(not item.is_event for item in plan.tasks())
    # 4 March is past and open: its story (16 stories over 18
    # days put one on each of the first days) and practice
    assert [item.key for item in progress.overdue] == ["story:ownership", "practice:2025-03-04"]
    carried = plan_progress(plan, done, today=START, finished_before=2)
    assert (carried.done, carried.total) == (progress.done + 2, progress.total + 2)


@pytest.mark.parametrize(
    ("loop", "phone", "errors"),
    [
        (START - timedelta(days=1), None, {"loop_date": "2 March 2025 is in the past"}),
        (START, None, {"loop_date": "is today: there is no time left to plan, good luck!"}),
        (
            START + timedelta(days=400),
            None,
            {"loop_date": "is more than a year away; plan when the loop is booked"},
        ),
        (LOOP, LOOP + timedelta(days=1), {"phone_screen": "must come before the loop date"}),
        (LOOP, LOOP, {"phone_screen": "must come before the loop date"}),
        (None, None, {"loop_date": "is required"}),
    ],
)
def test_impossible_dates(loop, phone, errors):
    with pytest.raises(PlanDateError) as caught:
        check_dates(today=START, loop_date=loop, phone_screen=phone)
    assert caught.value.errors == errors


def test_a_phone_screen_already_held_is_fine():
    check_dates(today=START, loop_date=LOOP, phone_screen=START - timedelta(days=3))
