"""Writing reports and moderating them into the bank.

Authors create, change and withdraw their reports while they are pending.
Moderators decide each reported question (merge, new, reject) or reject the
whole report; each decision is one transaction, logged, and refreshes the
counts of the bank question it touches. Deciding twice is refused.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import Group, Permission, User
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from loopcoach.web.core.pagecache import bump_content_version
from loopcoach.web.guides.models import Guide, Principle
from loopcoach.web.guides.services import question_refresh_search
from loopcoach.web.questions.models import Question, QuestionVariant
from loopcoach.web.reports.models import (
    MODERATE_PERMISSION,
    MODERATOR_GROUP,
    ModerationAction,
    Report,
    ReportedQuestion,
)
from loopcoach.web.reports.validation import CleanReport, ReportInvalid

MAX_PENDING_PER_USER = 50
MAX_REASON_LENGTH = 1_000
# A fix corrects typos: the fixed wording keeps at least this share of the characters in order.
MIN_FIX_SIMILARITY = 0.8


@dataclass(frozen=True)
class Decision:
    """What a moderator decided for one reported question."""

    action: str  # merge | new | reject
    question_id: int | None = None
    category: str = ""
    principles: list[str] = field(default_factory=list)
    reason: str = ""
    wording: str | None = None


class ReportError(Exception):
    """A write that cannot be done; `status` 404 (not theirs), 409 (already decided) or 403."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


def moderator_group() -> Group:
    """The "moderator" group with its permission (the migration makes it; a flush drops it)."""
    group, _ = Group.objects.get_or_create(name=MODERATOR_GROUP)
    app_label, codename = MODERATE_PERMISSION.split(".")
    group.permissions.add(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    return group


def can_moderate(user: User) -> bool:
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


def _questions(report: Report, clean: CleanReport) -> list[ReportedQuestion]:
    position = 0
    rows = []
    for entry in clean.rounds:
        for text in entry.questions:
            rows.append(
                ReportedQuestion(report=report, position=position, round_name=entry.name, text=text)
            )
            position += 1
    return rows


def _fill(report: Report, clean: CleanReport) -> None:
    report.guide, report.month = clean.guide, clean.month
    report.level, report.level_key = clean.level, clean.level_key
    report.location, report.outcome, report.notes = clean.location, clean.outcome, clean.notes


@transaction.atomic
def report_create(*, owner: User, clean: CleanReport, limit: bool = True) -> Report:
    """A pending report; LIMIT caps a candidate's waiting reports (an editor's import is not)."""
    pending = Report.objects.filter(owner=owner, status=Report.Status.PENDING).count()
    if limit and pending >= MAX_PENDING_PER_USER:
        raise ReportError(f"You have {pending} reports waiting for a moderator; wait for them.")
    report = Report(owner=owner)
    _fill(report, clean)
    report.save()
    ReportedQuestion.objects.bulk_create(_questions(report, clean))
    return report


@transaction.atomic
def report_update(*, report: Report, clean: CleanReport) -> Report:
    report = _locked(report.pk, owner=report.owner)
    if not report.editable:
        raise ReportError("A moderator has started on this report: it can no longer change.")
    _fill(report, clean)
    report.save()
    report.questions.all().delete()
    ReportedQuestion.objects.bulk_create(_questions(report, clean))
    return report


@transaction.atomic
def report_withdraw(*, report: Report) -> None:
    report = _locked(report.pk, owner=report.owner)
    if not report.editable:
        raise ReportError("A moderator has started on this report: it can no longer be withdrawn.")
    report.delete()


@transaction.atomic
def user_reports_delete(*, user: User) -> int:
    """Delete every report of USER (their account goes) and the counts they made."""
    touched = list(Question.objects.filter(reported_as__report__owner=user).distinct())
    deleted, _ = Report.objects.filter(owner=user).delete()
    for question in touched:
        question_refresh_reported(question=question)
    return deleted


def _locked(pk: int, owner: User | None = None) -> Report:
    """The report, locked for the transaction: two moderators cannot decide the same thing."""
    reports = Report.objects.select_for_update().filter(pk=pk)
    if owner is not None:
        reports = reports.filter(owner=owner)
    report = reports.first()
    if report is None:
        raise ReportError(f"No report {pk}.", status=404)
    return report


def _pending_question(report: Report, position: int) -> ReportedQuestion:
    reported = report.questions.filter(position=position).first()
    if reported is None:
        raise ReportError(f"Report {report.pk} has no question {position}.", status=404)
    if report.status == Report.Status.REJECTED:
        raise ReportError(f"Report {report.pk} was rejected as a whole.")
    if reported.status != ReportedQuestion.Status.PENDING:
        raise ReportError(
            f"Question {position} of report {report.pk} was already decided: "
            f"{reported.get_status_display().lower()}."
        )
    return reported


def fixed_wording(original: str, wording: str | None) -> str:
    """The moderator's typo fix, refused when it rewrites the meaning instead."""
    if wording is None or not wording.strip():
        return original
    wording = " ".join(wording.split())
    if len(wording) > len(original) + 200:
        raise ReportInvalid({"wording": "a fix corrects typos; it cannot add to the question"})
    ratio = difflib.SequenceMatcher(None, original.lower(), wording.lower()).ratio()
    if ratio < MIN_FIX_SIMILARITY:
        raise ReportInvalid(
            {"wording": "a fix may correct typos and spelling, not rewrite the question"}
        )
    return wording


def _log(report: Report, moderator: User, kind: str, position: int | None, **detail: Any) -> None:
    ModerationAction.objects.create(
        report=report,
        moderator=moderator,
        moderator_name=moderator.get_username(),
        kind=kind,
        position=position,
        detail=detail,
    )


def _after_decision(report: Report) -> None:
    """A report is in review once a moderator starts, published when every question is decided."""
    if report.questions.filter(status=ReportedQuestion.Status.PENDING).exists():
        report.status = Report.Status.IN_REVIEW
    else:
        report.status, report.moderated_at = Report.Status.PUBLISHED, timezone.now()
    report.save(update_fields=["status", "moderated_at", "updated_at"])


@transaction.atomic
def question_merge(
    *, moderator: User, report_id: int, position: int, question_id: int, wording: str | None = None
) -> ReportedQuestion:
    report = _locked(report_id)
    reported = _pending_question(report, position)
    question = Question.objects.active().filter(pk=question_id, guide=report.guide).first()
    if question is None:
        raise ReportInvalid({"question_id": f"no active question {question_id} in {report.guide}"})
    reported.wording = fixed_wording(reported.text, wording)
    reported.status, reported.question = ReportedQuestion.Status.MERGED, question
    reported.save(update_fields=["wording", "status", "question"])
    if reported.wording.lower() != question.text.lower():
        QuestionVariant.objects.get_or_create(question=question, text=reported.wording)
    _log(report, moderator, ModerationAction.Kind.MERGE, position, question_id=question.pk)
    _after_decision(report)
    question_refresh_reported(question=question)
    return reported


def _new_key(guide: Guide, text: str) -> str:
    base = f"reported-{slugify(text)[:80].strip('-') or 'question'}"
    key, number = base, 2
    while Question.objects.filter(guide=guide, key=key).exists():
        key, number = f"{base}-{number}", number + 1
    return key


@transaction.atomic
def question_new(
    *,
    moderator: User,
    report_id: int,
    position: int,
    category: str,
    principles: list[str],
    wording: str | None = None,
) -> ReportedQuestion:
    report = _locked(report_id)
    reported = _pending_question(report, position)
    if category not in Question.Category.values:
        raise ReportInvalid({"category": f"must be one of {', '.join(Question.Category.values)}"})
    known = {p.slug: p for p in Principle.objects.filter(company=report.guide.company)}
    unknown = [slug for slug in principles if slug not in known]
    if unknown:
        raise ReportInvalid({"principles": f"unknown: {', '.join(unknown)}"})
    reported.wording = fixed_wording(reported.text, wording)
    question = Question.objects.create(
        guide=report.guide,
        key=_new_key(report.guide, reported.wording),
        text=reported.wording,
        category=category,
        source=Question.Source.CANDIDATE,
    )
    question.principles.set([known[slug] for slug in dict.fromkeys(principles)])
    question_refresh_search(question=question)
    reported.status, reported.question = ReportedQuestion.Status.CREATED, question
    reported.save(update_fields=["wording", "status", "question"])
    _log(report, moderator, ModerationAction.Kind.NEW, position, question_id=question.pk)
    _after_decision(report)
    question_refresh_reported(question=question)
    return reported


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ReportInvalid({"reason": "is required: the author reads it"})
    if len(reason) > MAX_REASON_LENGTH:
        raise ReportInvalid({"reason": f"at most {MAX_REASON_LENGTH:,} characters"})
    return reason


@transaction.atomic
def question_reject(
    *, moderator: User, report_id: int, position: int, reason: str
) -> ReportedQuestion:
    reason = _reason(reason)
    report = _locked(report_id)
    reported = _pending_question(report, position)
    reported.status, reported.reason = ReportedQuestion.Status.REJECTED, reason
    reported.save(update_fields=["status", "reason"])
    _log(report, moderator, ModerationAction.Kind.REJECT, position, reason=reason)
    _after_decision(report)
    return reported


@transaction.atomic
def report_reject(*, moderator: User, report_id: int, reason: str) -> Report:
    """Spam or identifying details: nothing of the report counts, what was merged is undone."""
    reason = _reason(reason)
    report = _locked(report_id)
    if report.status in (Report.Status.REJECTED, Report.Status.PUBLISHED):
        raise ReportError(f"Report {report.pk} was already {report.get_status_display().lower()}.")
    touched = list(Question.objects.filter(reported_as__report=report).distinct())
    report.questions.filter(status=ReportedQuestion.Status.PENDING).update(
        status=ReportedQuestion.Status.REJECTED, reason=reason
    )
    report.status, report.rejection_reason = Report.Status.REJECTED, reason
    report.moderated_at = timezone.now()
    report.save(update_fields=["status", "rejection_reason", "moderated_at", "updated_at"])
    _log(report, moderator, ModerationAction.Kind.REJECT_REPORT, None, reason=reason)
    for question in touched:
        question_refresh_reported(question=question)
    return report


def question_decide(
    *, moderator: User, report_id: int, position: int, decision: Decision
) -> ReportedQuestion:
    """Merge, new or reject, with the fields each needs (ReportInvalid names a missing one)."""
    if decision.action == "merge":
        if decision.question_id is None:
            raise ReportInvalid({"question_id": "is required to merge"})
        return question_merge(
            moderator=moderator,
            report_id=report_id,
            position=position,
            question_id=decision.question_id,
            wording=decision.wording,
        )
    if decision.action == "new":
        if not decision.category:
            raise ReportInvalid({"category": "is required for a new question"})
        return question_new(
            moderator=moderator,
            report_id=report_id,
            position=position,
            category=decision.category,
            principles=decision.principles,
            wording=decision.wording,
        )
    if decision.action == "reject":
        return question_reject(
            moderator=moderator, report_id=report_id, position=position, reason=decision.reason
        )
    raise ReportInvalid({"action": "must be merge, new or reject"})


def question_refresh_reported(*, question: Question) -> None:
    """times_reported and last_reported from the reports: each report counts once."""
    occurrences = ReportedQuestion.objects.filter(
        question=question,
        status__in=(ReportedQuestion.Status.MERGED, ReportedQuestion.Status.CREATED),
    ).exclude(report__status=Report.Status.REJECTED)
    counted = occurrences.values("report").distinct().count()
    last = occurrences.aggregate(last=Max("report__month"))["last"]
    Question.objects.filter(pk=question.pk).update(times_reported=counted, last_reported=last)
    question.times_reported, question.last_reported = counted, last
    bump_content_version()  # an update() sends no signal: the bank's cached pages show counts
