"""/api/v1/reports (a candidate's own interview reports) and /api/v1/moderation (moderators)."""

from __future__ import annotations

from typing import Literal

from ninja import Query, Router, Schema, Status
from pydantic import Field

from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import PRIVATE_REFUSALS, ApiError, ErrorOut, invalid, not_found
from loopcoach.web.api.pagination import Page, PageNumber, paginate
from loopcoach.web.api.schemas import DeletedOut, ExactInput, Id
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.reports import services
from loopcoach.web.reports.models import Report, ReportedQuestion
from loopcoach.web.reports.selectors import (
    moderation_report,
    moderation_reports,
    question_matches,
    question_suggestion,
    report_get,
    user_reports,
)
from loopcoach.web.reports.validation import CleanReport, ReportInvalid, report_clean

router = Router(tags=["reports"], auth=token_or_session)
WRITE_REFUSALS = {**PRIVATE_REFUSALS, 409: ErrorOut}


class RoundIn(ExactInput):
    name: str = ""
    questions: list[str] = Field(description="Each question asked, in your own words")


class ReportIn(ExactInput):
    """A report; on PATCH only the fields sent change (rounds are replaced as a whole)."""

    company: str | None = Field(None, description="The company's slug, like amazon")
    role: str | None = Field(None, description="The role's slug, like engineering-manager")
    level: str | None = Field(None, description="As you were told it, like L6 or SDM II")
    month: str | None = Field(None, description="YYYY-MM, not in the future")
    location: str | None = None
    outcome: Literal["offer", "no-offer", "waiting", "withdrew", ""] | None = None
    rounds: list[RoundIn] | None = None
    notes: str | None = Field(None, description="Private to you")


class ReportedQuestionOut(Schema):
    position: int
    text: str
    status: str
    reason: str = Field(description="Why a moderator did not add it")
    question_id: int | None = Field(description="The bank question it counts for")


class ReportRoundOut(Schema):
    name: str
    questions: list[ReportedQuestionOut]


class ReportOut(Schema):
    id: int
    company: str
    role: str
    guide: str
    level: str
    level_normalised: str | None = Field(description="The guide's level it was read as")
    month: str
    location: str
    outcome: str
    notes: str
    status: str
    rejection_reason: str
    rounds: list[ReportRoundOut]
    url: str
    created_at: str
    updated_at: str


def _rounds(report: Report) -> list[dict]:
    rounds: list[dict] = []
    for reported in report.questions.all():
        if not rounds or rounds[-1]["name"] != reported.round_name:
            rounds.append({"name": reported.round_name, "questions": []})
        rounds[-1]["questions"].append(
            {
                "position": reported.position,
                "text": reported.text,
                "status": reported.status,
                "reason": reported.reason,
                "question_id": reported.question_id,
            }
        )
    return rounds


def report_out(report: Report) -> dict:
    return {
        "id": report.pk,
        "company": report.guide.company.slug,
        "role": report.guide.role_slug,
        "guide": report.guide.path,
        "level": report.level,
        "level_normalised": report.level_key or None,
        "month": report.month_label,
        "location": report.location,
        "outcome": report.outcome,
        "notes": report.notes,
        "status": report.status,
        "rejection_reason": report.rejection_reason,
        "rounds": _rounds(report),
        "url": report.get_absolute_url(),
        "created_at": report.created_at.isoformat(),
        "updated_at": report.updated_at.isoformat(),
    }


def report_data(report: Report) -> dict:
    """A saved report as the body that would write it again (for PATCH)."""
    return {
        "company": report.guide.company.slug,
        "role": report.guide.role_slug,
        "level": report.level,
        "month": report.month_label,
        "location": report.location,
        "outcome": report.outcome,
        "notes": report.notes,
        "rounds": [
            {"name": entry["name"], "questions": [q["text"] for q in entry["questions"]]}
            for entry in _rounds(report)
        ],
    }


def _clean(data: dict) -> CleanReport:
    try:
        return report_clean(data)
    except ReportInvalid as error:
        raise invalid(error.fields) from None


def _refused(error: services.ReportError) -> ApiError:
    code = {404: "not_found", 403: "forbidden"}.get(error.status, "conflict")
    return ApiError(error.status, code, str(error))


def _own(request: AuthenticatedRequest, pk: int) -> Report:
    report = report_get(user=request.user, pk=pk)
    if report is None:
        raise not_found(f"No report {pk}.")
    return report


@router.get("/reports", response={200: Page[ReportOut], **PRIVATE_REFUSALS})
def report_list(request: AuthenticatedRequest, page: PageNumber = 1) -> dict:
    """Your reports, newest first."""
    return paginate(user_reports(request.user), page, report_out)


@router.post("/reports", response={201: ReportOut, **WRITE_REFUSALS})
def report_create(request: AuthenticatedRequest, body: ReportIn) -> Status[dict]:
    """Report an interview: it waits for a moderator, and you can change it until then."""
    clean = _clean(body.model_dump(exclude_none=True))
    try:
        report = services.report_create(owner=request.user, clean=clean)
    except services.ReportError as error:
        raise _refused(error) from None
    return Status(201, report_out(_own(request, report.pk)))


@router.get("/reports/{int:pk}", response={200: ReportOut, **PRIVATE_REFUSALS})
def report_detail(request: AuthenticatedRequest, pk: int) -> dict:
    return report_out(_own(request, pk))


@router.patch("/reports/{int:pk}", response={200: ReportOut, **WRITE_REFUSALS})
def report_patch(request: AuthenticatedRequest, pk: int, body: ReportIn) -> dict:
    """Change the fields sent, while no moderator has started on the report."""
    report = _own(request, pk)
    clean = _clean({**report_data(report), **body.model_dump(exclude_none=True)})
    try:
        services.report_update(report=report, clean=clean)
    except services.ReportError as error:
        raise _refused(error) from None
    return report_out(_own(request, pk))


@router.delete("/reports/{int:pk}", response={200: DeletedOut, **WRITE_REFUSALS})
def report_delete(request: AuthenticatedRequest, pk: int) -> dict:
    """Withdraw a report no moderator has started on."""
    try:
        services.report_withdraw(report=_own(request, pk))
    except services.ReportError as error:
        raise _refused(error) from None
    return {"deleted": pk}


# Moderation -------------------------------------------------------------------------------


class MatchOut(Schema):
    question_id: int
    text: str
    similarity: float


class QuestionSuggestionOut(Schema):
    category: str
    principles: list[str]


class ModerationQuestionOut(ReportedQuestionOut):
    round: str
    wording: str
    matches: list[MatchOut] = Field(description="The most similar bank questions, best first")
    suggestion: QuestionSuggestionOut | None = Field(
        description="For a new question, while pending"
    )


class ModerationReportOut(Schema):
    id: int
    guide: str
    level: str
    level_normalised: str | None
    month: str
    status: str
    rejection_reason: str
    questions: list[ModerationQuestionOut]
    created_at: str


class ModerationQuery(Schema):
    page: PageNumber = 1
    status: Literal["pending", "published", "rejected"] = "pending"


class DecisionIn(ExactInput):
    action: Literal["merge", "new", "reject"]
    question_id: Id | None = Field(None, description="For merge: the bank question")
    category: str | None = Field(None, description="For new")
    principles: list[str] | None = Field(None, description="For new: principle slugs")
    reason: str | None = Field(None, description="For reject: shown to the author")
    wording: str | None = Field(None, description="Typos fixed; the meaning stays")


class RejectIn(ExactInput):
    reason: str


def _moderator(request: AuthenticatedRequest) -> None:
    if not services.can_moderate(request.user):
        raise ApiError(403, "forbidden", "Only moderators can moderate reports.")


def moderation_question_out(report: Report, reported: ReportedQuestion) -> dict:
    pending = reported.status == ReportedQuestion.Status.PENDING
    matches = question_matches(reported.text, report.guide) if pending else []
    suggestion = question_suggestion(reported.text, report.guide, matches) if pending else None
    return {
        "position": reported.position,
        "round": reported.round_name,
        "text": reported.text,
        "wording": reported.wording,
        "status": reported.status,
        "reason": reported.reason,
        "question_id": reported.question_id,
        "matches": [
            {"question_id": m.question.pk, "text": m.question.text, "similarity": m.similarity}
            for m in matches
        ],
        "suggestion": suggestion.__dict__ if suggestion else None,
    }


def moderation_report_out(report: Report) -> dict:
    # No author, no notes, no location: a moderator judges the questions, not the person.
    return {
        "id": report.pk,
        "guide": report.guide.path,
        "level": report.level,
        "level_normalised": report.level_key or None,
        "month": report.month_label,
        "status": report.status,
        "rejection_reason": report.rejection_reason,
        "questions": [moderation_question_out(report, q) for q in report.questions.all()],
        "created_at": report.created_at.isoformat(),
    }


def _moderated(pk: int) -> dict:
    report = moderation_report(pk)
    if report is None:
        raise not_found(f"No report {pk}.")
    return moderation_report_out(report)


@router.get("/moderation/reports", response={200: Page[ModerationReportOut], **PRIVATE_REFUSALS})
def moderation_list(request: AuthenticatedRequest, query: Query[ModerationQuery]) -> dict:
    """Moderators: reports by status (pending includes those being moderated), oldest first."""
    _moderator(request)
    return paginate(moderation_reports(query.status), query.page, moderation_report_out)


@router.get("/moderation/reports/{int:pk}", response={200: ModerationReportOut, **PRIVATE_REFUSALS})
def moderation_detail(request: AuthenticatedRequest, pk: int) -> dict:
    _moderator(request)
    return _moderated(pk)


def _decision(body: DecisionIn) -> services.Decision:
    return services.Decision(
        action=body.action,
        question_id=body.question_id,
        category=body.category or "",
        principles=body.principles or [],
        reason=body.reason or "",
        wording=body.wording,
    )


@router.post(
    "/moderation/reports/{int:pk}/questions/{int:n}",
    response={200: ModerationReportOut, **WRITE_REFUSALS},
)
def moderation_decide(request: AuthenticatedRequest, pk: int, n: int, body: DecisionIn) -> dict:
    """Decide reported question N (counting every round's questions from 0): merge, new, reject."""
    _moderator(request)
    try:
        services.question_decide(
            moderator=request.user, report_id=pk, position=n, decision=_decision(body)
        )
    except ReportInvalid as error:
        raise invalid(error.fields) from None
    except services.ReportError as error:
        raise _refused(error) from None
    return _moderated(pk)


@router.post(
    "/moderation/reports/{int:pk}/reject",
    response={200: ModerationReportOut, **WRITE_REFUSALS},
)
def moderation_reject(request: AuthenticatedRequest, pk: int, body: RejectIn) -> dict:
    """Reject the whole report (spam, identifying details): none of it counts."""
    _moderator(request)
    try:
        services.report_reject(moderator=request.user, report_id=pk, reason=body.reason)
    except ReportInvalid as error:
        raise invalid(error.fields) from None
    except services.ReportError as error:
        raise _refused(error) from None
    return _moderated(pk)
