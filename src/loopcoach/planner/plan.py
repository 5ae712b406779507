"""A preparation plan from a start day to the loop, day by day.

Pure Python: the caller passes the principles, design topics and questions
(from the guide, and from the story bank and practice history when they
exist) as plain `Topic`s, so the planner works on its own.

What goes where:
- the loop day holds the loop; the day before it is a rest day;
- mock loops sit two days before the loop and then a week apart going back;
- stories for uncovered principles are spread over the first 60% of the
  working days, system-design topics over the last 60%;
- every other working day has a practice session of a few questions, picked
  to match the principles of that day's stories;
- the day before a phone screen is a rehearsal for it.

Every item has a stable key ("story:ownership", "mock:2") so that progress
marks survive a re-plan; `skip` drops finished stories and topics when the
dates move and the plan is rebuilt from today.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

T = TypeVar("T")

MAX_DAYS_AHEAD = 365
QUESTIONS_PER_SESSION = 3
STORY_SHARE = 0.6  # stories in the first 60% of working days, design topics in the last 60%
EVENT_KINDS = {"phone-screen", "loop"}  # happen to you; not ticked off


class PlanDateError(ValueError):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    detail: str = ""
    url: str = ""
    tags: tuple[str, ...] = ()  # for questions: the principle keys they probe


@dataclass(frozen=True)
class PlanItem:
    key: str
    kind: str  # story, design, practice, reviews, mock, phone-prep, rest, phone-screen, loop
    title: str
    detail: str = ""
    links: tuple[Topic, ...] = ()

    @property
    def is_event(self) -> bool:
        return self.kind in EVENT_KINDS


@dataclass
class PlanDay:
    day: date
    items: list[PlanItem] = field(default_factory=list)


@dataclass(frozen=True)
class PlanWeek:
    number: int
    days: list[PlanDay]

    @property
    def start(self) -> date:
        return self.days[0].day

    @property
    def end(self) -> date:
        return self.days[-1].day

    @property
    def items(self) -> list[PlanItem]:
        return [item for day in self.days for item in day.items]


@dataclass(frozen=True)
class Plan:
    start: date
    loop_date: date
    phone_screen: date | None
    days: list[PlanDay]

    @property
    def items(self) -> list[PlanItem]:
        return [item for day in self.days for item in day.items]

    def tasks(self) -> list[PlanItem]:
        return [item for item in self.items if not item.is_event]

    def weeks(self) -> list[PlanWeek]:
        return [
            PlanWeek(index // 7 + 1, self.days[index : index + 7])
            for index in range(0, len(self.days), 7)
        ]

    def day_of(self, key: str) -> date | None:
        return next((day.day for day in self.days for item in day.items if item.key == key), None)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    overdue: list[PlanItem]  # on a past day and not done

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def check_dates(*, today: date, loop_date: date | None, phone_screen: date | None) -> date:
    """The loop date, once checked: PlanDateError when the dates cannot make a plan.

    A phone screen already held is fine.
    """
    errors = {}
    if loop_date is None:
        errors["loop_date"] = "is required"
    elif loop_date < today:
        errors["loop_date"] = f"{loop_date:%-d %B %Y} is in the past"
    elif loop_date == today:
        errors["loop_date"] = "is today: there is no time left to plan, good luck!"
    elif loop_date > today + timedelta(days=MAX_DAYS_AHEAD):
        errors["loop_date"] = "is more than a year away; plan when the loop is booked"
    if loop_date and phone_screen and phone_screen >= loop_date:
        errors["phone_screen"] = "must come before the loop date"
    if errors:
        raise PlanDateError(errors)
    assert loop_date is not None  # a missing loop date is an error above
    return loop_date


def _spread(tasks: Sequence[T], days: Sequence[PlanDay]) -> list[tuple[T, PlanDay]]:
    """Task i on day ⌊i × days / tasks⌋: evenly spread,
    in order, several a day when tasks outnumber days."""
    if not days:
        return []
    return [(task, days[index * len(days) // len(tasks)]) for index, task in enumerate(tasks)]


def _mock_days(work: list[PlanDay], loop_date: date) -> list[PlanDay]:
    wanted = 3 if len(work) >= 21 else 2 if len(work) >= 10 else 1 if len(work) >= 4 else 0
    by_date = {day.day: day for day in work}
    picked = []
    for weeks_back in range(wanted):
        day = by_date.get(loop_date - timedelta(days=2 + 7 * weeks_back))
        if day is not None:
            picked.append(day)
    return sorted(picked, key=lambda day: day.day)


class _QuestionPicker:
    """Hands out questions without repeats until the
    bank runs out, preferring a day's principles."""

    def __init__(self, questions: Sequence[Topic]):
        self.questions = list(questions)
        self.used: set[str] = set()

    def pick(self, principles: Collection[str], count: int) -> list[Topic]:
        chosen: list[Topic] = []
        for _ in range(2):  # a second pass starts the bank over when it ran out mid-session
            fresh = [q for q in self.questions if q.key not in self.used and q not in chosen]
            matching = [q for q in fresh if set(q.tags) & set(principles)]
            chosen += (matching + [q for q in fresh if q not in matching])[: count - len(chosen)]
            self.used.update(q.key for q in chosen)
            if len(chosen) == count or len(chosen) == len(self.questions):
                break
            self.used.clear()
        return chosen


def build_plan(
    *,
    start: date,
    loop_date: date,
    phone_screen: date | None = None,
    principles: Sequence[Topic] = (),
    covered: Collection[str] = (),
    design_topics: Sequence[Topic] = (),
    questions: Sequence[Topic] = (),
    due_reviews: int = 0,
    rounds: Sequence[str] = (),
    skip: Collection[str] = (),
    questions_per_session: int = QUESTIONS_PER_SESSION,
) -> Plan:
    """The plan from `start` to `loop_date`; check the dates with `check_dates` first."""
    days = [
        PlanDay(start + timedelta(days=offset)) for offset in range((loop_date - start).days + 1)
    ]
    by_date = {day.day: day for day in days}
    by_date[loop_date].items.append(
        PlanItem(
            "loop",
            "loop",
            "Onsite loop",
            "You are ready. Eat, hydrate, and start each round afresh.",
            links=tuple(Topic(f"round:{index}", name) for index, name in enumerate(rounds, 1)),
        )
    )
    rest_day = by_date.get(loop_date - timedelta(days=1))
    if rest_day:
        rest_day.items.append(
            PlanItem(
                "rest",
                "rest",
                "Rest day",
                "No new material. Skim your story notes once, check the "
                "logistics for tomorrow, and sleep early.",
            )
        )
    if phone_screen in by_date:
        by_date[phone_screen].items.append(
            PlanItem(
                "phone-screen",
                "phone-screen",
                "Phone screen",
                "Have your two strongest stories ready, "
                "with numbers, and one question for the interviewer.",
            )
        )
    work = [
        day for day in days if day.day < loop_date - timedelta(days=1) and day.day != phone_screen
    ]
    phone_prep = by_date.get(phone_screen - timedelta(days=1)) if phone_screen else None
    if phone_prep in work:
        phone_prep.items.append(
            PlanItem(
                "phone-prep",
                "phone-prep",
                "Rehearse for the phone screen",
                "Tell your strongest stories aloud, in STAR form, in under three minutes each.",
            )
        )

    mocks = _mock_days(work, loop_date)
    for number, day in enumerate(mocks, 1):
        day.items.append(
            PlanItem(
                f"mock:{number}",
                "mock",
                f"Mock loop {number} of {len(mocks)}",
                "All the rounds back to back, one of them a Bar Raiser, 45–60 minutes each. "
                "Note the stories that ran thin and practise them the next day.",
                links=tuple(Topic(f"round:{index}", name) for index, name in enumerate(rounds, 1)),
            )
        )
    study = [day for day in work if day not in mocks]
    split = max(1, round(len(study) * STORY_SHARE))

    stories = [p for p in principles if p.key not in covered and f"story:{p.key}" not in skip]
    for principle, day in _spread(stories, study[:split]):
        day.items.append(
            PlanItem(
                f"story:{principle.key}",
                "story",
                f"Write a story for {principle.title}",
                principle.detail,
                links=(principle,),
            )
        )
    topics = [t for t in design_topics if f"design:{t.key}" not in skip]
    for topic, day in _spread(topics, study[len(study) - split :]):
        day.items.append(
            PlanItem(
                f"design:{topic.key}",
                "design",
                f"System design: {topic.title}",
                topic.detail,
                links=(topic,),
            )
        )

    picker = _QuestionPicker(questions)
    for index, day in enumerate(study):
        if index == 0 and due_reviews:
            day.items.append(
                PlanItem(
                    f"reviews:{day.day.isoformat()}",
                    "reviews",
                    f"Review the {due_reviews} answers due today",
                )
            )
        day_principles = [
            item.key.removeprefix("story:") for item in day.items if item.kind == "story"
        ]
        picked = picker.pick(day_principles, questions_per_session) if questions else []
        day.items.append(
            PlanItem(
                f"practice:{day.day.isoformat()}",
                "practice",
                f"Practise {questions_per_session} questions",
                "Answer each aloud or in writing under a timer, then read the feedback.",
                links=tuple(picked),
            )
        )
    order = [
        "phone-screen",
        "reviews",
        "phone-prep",
        "story",
        "design",
        "practice",
        "mock",
        "rest",
        "loop",
    ]
    for day in days:
        day.items.sort(key=lambda item: order.index(item.kind))
    return Plan(start=start, loop_date=loop_date, phone_screen=phone_screen, days=days)


def plan_progress(
    plan: Plan, done: Collection[str], *, today: date, finished_before: int = 0
) -> Progress:
    """Done out of all tasks; `finished_before` counts
    the stories and topics a re-plan left out as done."""
    tasks = plan.tasks()
    overdue = [
        item
        for day in plan.days
        if day.day < today
        for item in day.items
        if not item.is_event and item.key not in done
    ]
    return Progress(
        done=sum(1 for item in tasks if item.key in done) + finished_before,
        total=len(tasks) + finished_before,
        overdue=overdue,
    )


def finished_topics(plan: Plan, done: Collection[str]) -> set[str]:
    """Stories and design topics already done: a re-plan does not schedule them again."""
    return {
        item.key for item in plan.tasks() if item.key in done and item.kind in {"story", "design"}
    }
