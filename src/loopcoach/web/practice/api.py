"""/api/v1/analyze, /analyze/design and /analyze/narrative (public, rate-limited together) and
the private attempts and reviews API.

Another user's attempt answers 404, like a missing one.
"""

from __future__ import annotations

from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.throttling import BaseThrottle
from pydantic import Field

from loopcoach.analysis import AnalysisInputError, analyze, analyze_design, review_narrative
from loopcoach.web.answering.services import AnswerInputError
from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import (
    PRIVATE_REFUSALS,
    REFUSALS,
    ErrorOut,
    bad_request,
    conflict,
    not_found,
)
from loopcoach.web.api.pagination import Page, PageNumber, paginate
from loopcoach.web.api.schemas import Id, Input, QueryId
from loopcoach.web.core import ratelimit
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.practice import selectors, services
from loopcoach.web.practice.models import Attempt, ReviewCard
from loopcoach.web.questions.api import QuestionSummaryOut, question_summary_out
from loopcoach.web.questions.selectors import question_to_answer
from loopcoach.web.voice import services as voice
from loopcoach.web.voice.selectors import audio_url, recording_of

router = Router(tags=["practice"])
private = Router(tags=["practice"], auth=token_or_session)
router.add_router("", private)

Analysis = dict[str, Any]  # the analyzer's JSON, schema_version 1 (see the README)


class AnalyzeRate(BaseThrottle):
    """settings.ANALYZE_RATE_PER_MINUTE analyses a minute per client address, counted in the cache
    (see `loopcoach.web.core.ratelimit`), before the body is read."""

    def allow_request(self, request: HttpRequest) -> bool:
        used = ratelimit.hit(f"analyze:{ratelimit.client_ip(request)}", window_seconds=60)
        return used <= settings.ANALYZE_RATE_PER_MINUTE

    def wait(self) -> int:
        return 60


class AnalyzeIn(Input):
    answer: str
    question: str | None = None
    principle: str | None = Field(None, description="A principle slug, e.g. dive-deep")


class AnalyzeDesignIn(Input):
    answer: str
    question: str = Field(
        description="The question's text or its key in the bank, e.g. amzn-em-design-rate-limiter"
    )


class AnalyzeNarrativeIn(Input):
    text: str = Field(description="A writing sample or narrative draft, up to six pages")


AttemptKind = Literal["story", "design", "narrative"]


class AttemptIn(Input):
    question_id: Id
    answer: str
    kind: AttemptKind | None = Field(
        None,
        description="How to analyse it; by default the question's own kind (a system-design "
        "question's answer is a design). A writing question also takes `narrative` or `story`.",
    )


class TranscriptCorrectionIn(Input):
    answer: str = Field(description="The spoken answer's words as the candidate meant them")


class FollowUpIn(Input):
    follow_up: str = Field(description="The follow-up question being answered")
    answer: str


class AttemptQuery(Schema):
    page: PageNumber = 1
    question_id: QueryId | None = Field(None, description="Only the attempts at this question")


class RecordingOut(Schema):
    id: int
    duration_seconds: float
    audio_url: str | None = Field(description="The audio (yours only); null once deleted")
    task: int | None = Field(description="The transcription task, at /api/v1/tasks/{id}")


class AttemptOut(Schema):
    id: int
    question: QuestionSummaryOut
    answer: str
    kind: str = Field(description="story, follow_up, design or narrative: which analysis JSON")
    version: int
    revision_of: int | None
    parent: int | None
    follow_up: str | None
    grade: int | None
    analysis: Analysis | None
    analysis_error: str | None
    duration_seconds: int | None
    created_at: str
    url: str
    transcript: str | None = Field(None, description="A voice answer's transcript as heard")
    delivery: dict[str, Any] | None = Field(
        None, description="A voice answer's pace, pauses, fillers and length (see the README)"
    )
    recording: RecordingOut | None = None


class AttemptThreadOut(AttemptOut):
    follow_ups: list[AttemptOut]


class CardOut(Schema):
    id: int
    question: QuestionSummaryOut
    due: str
    last_rating: int | None
    last_rating_name: str | None
    rating_overridden: bool
    reviews: int
    last_attempt: int | None


NO_RECORDING = {"transcript": None, "delivery": None, "recording": None}


def voice_out(attempt: Attempt) -> dict:
    recording = recording_of(attempt)
    if recording is None:
        return dict(NO_RECORDING)
    return {
        "transcript": recording.transcript if recording.transcribed else None,
        "delivery": recording.delivery,
        "recording": {
            "id": recording.pk,
            "duration_seconds": recording.duration_seconds,
            "audio_url": audio_url(recording),
            "task": recording.job_id,
        },
    }


def attempt_out(
    attempt: Attempt, *, follow_ups: list[Attempt] | None = None, typed: bool = False
) -> dict:
    """The attempt as the API shows it; `typed`: an answer just typed, which has no recording
    to look up."""
    data = {
        "id": attempt.pk,
        "question": question_summary_out(attempt.question),
        "answer": attempt.answer,
        "kind": attempt.kind,
        "version": attempt.version,
        "revision_of": attempt.revision_of_id,
        "parent": attempt.parent_id,
        "follow_up": attempt.follow_up or None,
        "grade": attempt.grade,
        "analysis": attempt.analysis,
        "analysis_error": attempt.analysis_error or None,
        "duration_seconds": attempt.duration_seconds,
        "created_at": attempt.created_at.isoformat(),
        "url": attempt.get_absolute_url(),
        **(NO_RECORDING if typed else voice_out(attempt)),
    }
    if follow_ups is not None:
        data["follow_ups"] = [attempt_out(child) for child in follow_ups]
    return data


def card_out(card: ReviewCard) -> dict:
    return {
        "id": card.pk,
        "question": question_summary_out(card.question),
        "due": card.due.isoformat(),
        "last_rating": card.last_rating,
        "last_rating_name": card.rating_name or None,
        "rating_overridden": card.rating_overridden,
        "reviews": card.reviews,
        "last_attempt": card.last_attempt_id,
    }


@router.post(
    "/analyze", response={200: Analysis, 429: ErrorOut, **REFUSALS}, throttle=AnalyzeRate()
)
def analyze_answer(request: HttpRequest, body: AnalyzeIn) -> Analysis:
    """Analyse an answer without saving it: no sign-in, no CSRF token (there is no state)."""
    try:
        return analyze(body.answer, question=body.question, principle=body.principle).to_dict()
    except AnalysisInputError as exc:
        raise bad_request(str(exc)) from None


@router.post(
    "/analyze/design",
    response={200: Analysis, 429: ErrorOut, **REFUSALS},
    throttle=AnalyzeRate(),
    url_name="analyze_design",
)
def analyze_design_answer(request: HttpRequest, body: AnalyzeDesignIn) -> Analysis:
    """Rubric feedback on a system-design answer, not saved (like /analyze)."""
    try:
        return analyze_design(body.answer, question=body.question).to_dict()
    except AnalysisInputError as exc:
        raise bad_request(str(exc)) from None


@router.post(
    "/analyze/narrative",
    response={200: Analysis, 429: ErrorOut, **REFUSALS},
    throttle=AnalyzeRate(),
)
def analyze_narrative(request: HttpRequest, body: AnalyzeNarrativeIn) -> Analysis:
    """A review of a written narrative or writing sample, not saved (like /analyze)."""
    try:
        return review_narrative(body.text).to_dict()
    except AnalysisInputError as exc:
        raise bad_request(str(exc)) from None


@private.get("/attempts", response={200: Page[AttemptOut], **PRIVATE_REFUSALS})
def attempt_list(request: AuthenticatedRequest, query: Query[AttemptQuery]) -> dict:
    """The caller's attempts, newest first."""
    attempts = selectors.attempts_of(request.user).prefetch_related("question__principles")
    if query.question_id is not None:
        attempts = attempts.filter(question_id=query.question_id)
    return paginate(attempts, query.page, attempt_out)


@private.post("/attempts", response={201: AttemptThreadOut, **PRIVATE_REFUSALS})
def attempt_create(request: AuthenticatedRequest, body: AttemptIn) -> Status[dict]:
    """Save an answer to a question of the bank and analyse it."""
    question = question_to_answer(body.question_id)
    if question is None:
        raise not_found(f"No question {body.question_id}.")
    try:
        attempt = services.attempt_create(
            user=request.user, question=question, answer=body.answer, kind=body.kind
        )
    except AnswerInputError as exc:
        raise bad_request(str(exc)) from None
    return Status(201, attempt_out(attempt, follow_ups=[], typed=True))


def _own_attempt(request: AuthenticatedRequest, pk: int) -> Attempt:
    attempt = selectors.attempts_of(request.user).filter(pk=pk).first()
    if attempt is None:
        raise not_found(f"No attempt {pk}.")
    return attempt


@private.get("/attempts/{int:pk}", response={200: AttemptThreadOut, **PRIVATE_REFUSALS})
def attempt_detail(request: AuthenticatedRequest, pk: int) -> dict:
    """One attempt and the answers to its follow-up questions."""
    attempt = _own_attempt(request, pk)
    children = attempt.follow_ups.select_related("question").order_by("created_at", "id")
    return attempt_out(attempt, follow_ups=list(children))


@private.patch(
    "/attempts/{int:pk}", response={200: AttemptThreadOut, 409: ErrorOut, **PRIVATE_REFUSALS}
)
def attempt_correct(request: AuthenticatedRequest, pk: int, body: TranscriptCorrectionIn) -> dict:
    """Correct a spoken answer's transcript (what Whisper misheard) and analyse it again:
    a voice attempt once its task is done, while it has no newer version or follow-up
    answer (409 otherwise; a typed answer is revised as a new version)."""
    attempt = _own_attempt(request, pk)
    try:
        attempt = voice.transcript_correct(attempt=attempt, answer=body.answer)
    except voice.NotCorrectable as exc:
        raise conflict(str(exc)) from None
    except AnswerInputError as exc:
        raise bad_request(str(exc)) from None
    children = attempt.follow_ups.select_related("question").order_by("created_at", "id")
    return attempt_out(attempt, follow_ups=list(children))


@private.post("/attempts/{int:pk}/follow-ups", response={201: AttemptThreadOut, **PRIVATE_REFUSALS})
def follow_up_create(request: AuthenticatedRequest, pk: int, body: FollowUpIn) -> Status[dict]:
    """Answer one of the follow-up questions an attempt's analysis raised."""
    parent = _own_attempt(request, pk)
    try:
        attempt = services.attempt_follow_up_create(
            user=request.user, parent=parent, follow_up=body.follow_up, answer=body.answer
        )
    except AnswerInputError as exc:
        raise bad_request(str(exc)) from None
    return Status(201, attempt_out(attempt, follow_ups=[], typed=True))


@private.get("/reviews/due", response={200: Page[CardOut], **PRIVATE_REFUSALS})
def reviews_due(request: AuthenticatedRequest, page: PageNumber = 1) -> dict:
    """The caller's review cards that are due now, the most overdue first."""
    return paginate(selectors.cards_due(request.user), page, card_out)
