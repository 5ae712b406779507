"""Reads: a user's own reports, the moderation queue with its matches, frequency by quarter."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from loopcoach.analysis.principles import asked_distribution
from loopcoach.web.guides.models import Guide
from loopcoach.web.questions.matching import bank_matcher
from loopcoach.web.questions.models import Question
from loopcoach.web.questions.selectors import year_ago
from loopcoach.web.reports.models import Report, ReportedQuestion

MATCHES = 5
MIN_PRINCIPLE_PROBABILITY = 0.2
MAX_SUGGESTED_PRINCIPLES = 2
# A count for a period is shown exactly only when this many reports stand behind it: fewer
# could point at the people who interviewed then.
MIN_REPORTS_SHOWN = 3
QUARTERS_SHOWN = 8
COUNTED = (ReportedQuestion.Status.MERGED, ReportedQuestion.Status.CREATED)


def _with_questions(reports: QuerySet[Report]) -> QuerySet[Report]:
    return reports.select_related("guide__company").prefetch_related(
        Prefetch("questions", queryset=ReportedQuestion.objects.select_related("question"))
    )


def user_reports(user: User) -> QuerySet[Report]:
    return _with_questions(Report.objects.filter(owner=user))


def report_get(*, user: User, pk: int) -> Report | None:
    return user_reports(user).filter(pk=pk).first()


def moderation_reports(status: str = Report.Status.PENDING) -> QuerySet[Report]:
    """The queue: reports waiting (or being moderated), oldest first."""
    statuses: list[str] = [Report.Status.PENDING, Report.Status.IN_REVIEW]
    if status != "pending":
        statuses = [status]
    return _with_questions(Report.objects.filter(status__in=statuses)).order_by("created_at", "id")


def moderation_report(pk: int) -> Report | None:
    return _with_questions(Report.objects.filter(pk=pk)).prefetch_related("actions").first()


@dataclass(frozen=True)
class Match:
    question: Question
    similarity: float


@dataclass(frozen=True)
class Suggestion:
    """What the analyzer's question model and the nearest bank questions suggest for a new one."""

    category: str
    principles: list[str]


def question_matches(text: str, guide: Guide, k: int = MATCHES) -> list[Match]:
    """The bank questions of the report's guide most like TEXT, best first."""
    ranked = bank_matcher().rank(text, k=k * 3)
    found = (
        Question.objects.active()
        .filter(guide=guide)
        .prefetch_related("principles")
        .in_bulk([pk for pk, _ in ranked])
    )
    matches = [Match(found[pk], similarity) for pk, similarity in ranked if pk in found]
    return matches[:k]


def question_suggestion(text: str, guide: Guide, matches: list[Match]) -> Suggestion:
    """Principles from the analyzer's question model; the category of the nearest questions."""
    known = set(guide.company.principles.values_list("slug", flat=True))
    asked = sorted(asked_distribution(text).items(), key=lambda item: -item[1])
    principles = [
        slug
        for slug, probability in asked
        if slug in known and probability >= MIN_PRINCIPLE_PROBABILITY
    ][:MAX_SUGGESTED_PRINCIPLES]
    votes: dict[str, float] = defaultdict(float)
    for match in matches:
        votes[match.question.category] += match.similarity
    category = max(votes, key=votes.__getitem__) if votes else Question.Category.BEHAVIORAL
    return Suggestion(category=category, principles=principles)


@dataclass(frozen=True)
class Quarter:
    label: str  # "2026 Q3"
    reports: int
    shown: bool  # False when fewer than MIN_REPORTS_SHOWN: the bar says "fewer than 3"
    percent: int  # bar length against the busiest quarter, in steps of 10 (CSS classes w-0…w-100)


def _quarter(month: date) -> tuple[int, int]:
    return month.year, (month.month - 1) // 3 + 1


def question_quarters(question: Question, *, today: date | None = None) -> list[Quarter]:
    """Reports of QUESTION per quarter, the last QUARTERS_SHOWN quarters, oldest first."""
    if not question.times_reported:
        return []
    today = today or timezone.localdate()
    counts: Counter[tuple[int, int]] = Counter()
    rows = (
        ReportedQuestion.objects.filter(question=question, status__in=COUNTED)
        .exclude(report__status=Report.Status.REJECTED)
        .values_list("report_id", "report__month")
        .distinct()
    )
    for _, month in rows:
        counts[_quarter(month)] += 1
    year, number = _quarter(today)
    quarters = []
    for _ in range(QUARTERS_SHOWN):
        quarters.append((year, number))
        year, number = (year, number - 1) if number > 1 else (year - 1, 4)
    busiest = max(counts.values(), default=1)
    return [
        Quarter(
            label=f"{year} Q{number}",
            reports=counts[(year, number)],
            shown=counts[(year, number)] >= MIN_REPORTS_SHOWN or counts[(year, number)] == 0,
            percent=10 * round(10 * counts[(year, number)] / busiest),
        )
        for year, number in reversed(quarters)
    ]


def guide_most_reported(guide: Guide, per_round: int = 3) -> list[tuple[str, list[Question]]]:
    """Per loop round, the questions reported most often in the last twelve months."""
    recent = (
        Question.objects.active()
        .filter(guide=guide, last_reported__gte=year_ago())
        .select_related("round")
        .order_by("-times_reported", "-last_reported", "id")
    )
    by_round: dict[str, list[Question]] = defaultdict(list)
    for question in recent:
        name = question.round.name if question.round else "Any round"
        if len(by_round[name]) < per_round:
            by_round[name].append(question)
    return list(by_round.items())
