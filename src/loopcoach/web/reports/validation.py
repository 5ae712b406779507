"""Checking a report before anything is saved: the API, the form and the import share it.

`report_clean(data)` returns a `CleanReport` or raises `ReportInvalid` with each
field's problem (`{"month": "is in the future"}`), so nothing is half-saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from loopcoach.web.guides.models import Guide
from loopcoach.web.reports.models import Report

MAX_QUESTION_LENGTH = 2_000  # a question asked in an interview, not an essay
MAX_QUESTIONS = 40
MAX_ROUNDS = 12
MAX_NOTES_LENGTH = 5_000
FIRST_YEAR = 2000
LIMITS = {"level": 60, "location": 120, "round": 120}
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


class ReportInvalid(Exception):
    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {problem}" for name, problem in fields.items()))
        self.fields = fields


@dataclass
class CleanRound:
    name: str
    questions: list[str]


@dataclass
class CleanReport:
    guide: Guide
    month: date
    level: str = ""
    level_key: str = ""
    location: str = ""
    outcome: str = ""
    notes: str = ""
    rounds: list[CleanRound] = field(default_factory=list)


def _text(value: object, name: str, limit: int, problems: dict[str, str]) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        problems[name] = "must be text"
        return ""
    if "\x00" in value:
        problems[name] = "contains a NUL character"
        return ""
    cleaned = " ".join(value.split()) if name != "notes" else value.replace("\r\n", "\n").strip()
    if len(cleaned) > limit:
        problems[name] = f"is {len(cleaned):,} characters long; at most {limit:,}"
    return cleaned


def parse_month(value: object, *, today: date | None = None) -> date:
    """`"2026-10"` as its first day; ValueError with the reason for anything else."""
    today = today or timezone.localdate()
    match = MONTH_RE.match(value) if isinstance(value, str) else None
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValueError("must be a month as YYYY-MM, like 2026-10")
    month = date(int(match[1]), int(match[2]), 1)
    if month > today.replace(day=1):
        raise ValueError(f"{value} is in the future")
    if month.year < FIRST_YEAR:
        raise ValueError(f"must be {FIRST_YEAR} or later")
    return month


def _canonical(text: str) -> str:
    """One spelling for a level: "SDE II", "sde-2" and "SDE2" are all "sde2"."""
    words = re.findall(r"[a-z]+|\d+", text.lower())
    return "".join(str(ROMAN[word]) if word in ROMAN else word for word in words)


def _level_names(entry: dict) -> set[str]:
    key, title = str(entry.get("level", "")), str(entry.get("title", ""))
    words = re.findall(r"[a-z]+|\d+", title.lower())
    initials = "".join(str(ROMAN.get(w, w)) if w in ROMAN or w.isdigit() else w[0] for w in words)
    return {_canonical(key), _canonical(title), initials} - {""}


def normalise_level(level: str, levels: list[dict]) -> str:
    """The guide's level (`L6`) a free-text level names: "l6", "Level 6", "6", "SDM II",
    "sde-2", or a word only one level's title has ("senior").

    "" when the guide has no levels or none is meant: the text is kept as written.
    """
    text = _canonical(level)
    if not text:
        return ""
    number = re.fullmatch(r"(?:l|level)?(\d{1,2})", text)
    for entry in levels:
        key = str(entry.get("level", ""))
        if text in _level_names(entry) or (number and _canonical(key).lstrip("l") == number[1]):
            return key
    titled = [entry for entry in levels if text in str(entry.get("title", "")).lower().split()]
    return str(titled[0]["level"]) if len(titled) == 1 else ""


def _guide(data: dict, problems: dict[str, str]) -> Guide | None:
    company, role = data.get("company"), data.get("role")
    if not isinstance(company, str) or not company.strip():
        problems["company"] = "is required (a company's slug, like amazon)"
        return None
    if not isinstance(role, str) or not role.strip():
        problems["role"] = "is required (a role's slug, like engineering-manager)"
        return None
    guides = Guide.objects.select_related("company").filter(company__slug=company.strip())
    if not guides.exists():
        problems["company"] = f"unknown company {company.strip()!r}"
        return None
    guide = guides.filter(role_slug=role.strip()).first()
    if guide is None:
        known = ", ".join(guides.values_list("role_slug", flat=True))
        problems["role"] = f"unknown role {role.strip()!r} at {company.strip()} (known: {known})"
    return guide


def _rounds(value: object, problems: dict[str, str]) -> list[CleanRound]:
    if not isinstance(value, list) or not value:
        problems["rounds"] = "must list at least one round with its questions"
        return []
    if len(value) > MAX_ROUNDS:
        problems["rounds"] = f"has {len(value)} rounds; at most {MAX_ROUNDS}"
        return []
    rounds = []
    for index, entry in enumerate(value):
        where = f"rounds.{index}"
        if not isinstance(entry, dict):
            problems[where] = "must be an object with a name and questions"
            continue
        name = _text(entry.get("name"), f"{where}.name", LIMITS["round"], problems)
        questions = _questions(entry.get("questions"), f"{where}.questions", problems)
        rounds.append(CleanRound(name=name or f"Round {index + 1}", questions=questions))
    total = sum(len(entry.questions) for entry in rounds)
    if not problems and total == 0:
        problems["rounds"] = "must hold at least one question"
    elif total > MAX_QUESTIONS:
        problems["rounds"] = f"hold {total} questions; at most {MAX_QUESTIONS}"
    return rounds


def _questions(value: object, where: str, problems: dict[str, str]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems[where] = "must be a list of questions"
        return []
    questions = []
    for index, text in enumerate(value):
        cleaned = _text(text, f"{where}.{index}", MAX_QUESTION_LENGTH, problems)
        if cleaned:
            questions.append(cleaned)
    return questions


def report_clean(data: dict, *, today: date | None = None) -> CleanReport:
    """Every field checked; ReportInvalid names each problem, nothing is written either way."""
    if not isinstance(data, dict):
        raise ReportInvalid({"report": "must be an object"})
    problems: dict[str, str] = {}
    guide = _guide(data, problems)
    month = None
    try:
        month = parse_month(data.get("month"), today=today)
    except ValueError as error:
        problems["month"] = str(error)
    level = _text(data.get("level"), "level", LIMITS["level"], problems)
    location = _text(data.get("location"), "location", LIMITS["location"], problems)
    outcome = _text(data.get("outcome"), "outcome", 16, problems)
    if outcome and outcome not in Report.Outcome.values:
        problems["outcome"] = f"must be one of {', '.join(Report.Outcome.values)}"
    notes = _text(data.get("notes"), "notes", MAX_NOTES_LENGTH, problems)
    rounds = _rounds(data.get("rounds"), problems)
    if problems or guide is None or month is None:
        raise ReportInvalid(problems)
    return CleanReport(
        guide=guide,
        month=month,
        level=level,
        level_key=normalise_level(level, guide.pay_levels),
        location=location,
        outcome=outcome,
        notes=notes,
        rounds=rounds,
    )
