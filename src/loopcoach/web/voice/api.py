"""POST /api/v1/attempts/voice and DELETE /api/v1/recordings/{id}/audio: the caller's own only.

A voice answer is accepted at once (202) and transcribed on a worker; its attempt
(`GET /api/v1/attempts/{id}`) then has `transcript`, `delivery` and `analysis`.
Another user's recording answers 404, like a missing one.
"""

from __future__ import annotations

from typing import Literal

from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import PRIVATE_REFUSALS, ApiError, ErrorOut, bad_request, not_found
from loopcoach.web.api.schemas import QueryId
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.questions.models import Question
from loopcoach.web.voice import services
from loopcoach.web.voice.audio import AudioRejected
from loopcoach.web.voice.selectors import recordings_of

router = Router(tags=["voice"], auth=token_or_session)


class TaskRef(Schema):
    id: int
    status: Literal["queued", "running", "done", "failed"]


class VoiceAttemptOut(Schema):
    attempt_id: int
    recording_id: int
    task: TaskRef


@router.post(
    "/attempts/voice",
    response={202: VoiceAttemptOut, 503: ErrorOut, **PRIVATE_REFUSALS},
)
def voice_attempt_create(
    request: AuthenticatedRequest, question_id: Form[QueryId], audio: File[UploadedFile]
) -> Status[dict]:
    """Answer a question out loud: multipart `question_id` and `audio` (WebM/Opus, Ogg, MP3,
    M4A or WAV; at most 10 minutes and 25 MB). Transcribed and analysed on a worker: follow
    `task` at /api/v1/tasks/{id}."""
    question = Question.objects.filter(pk=question_id, retired=False).first()
    if question is None:
        raise not_found(f"No question {question_id}.")
    try:
        recording = services.recording_upload(
            owner=request.user, question=question, upload=audio, with_attempt=True
        )
    except services.RecordingTooLarge as error:
        raise ApiError(413, "too_large", str(error)) from None
    except services.VoiceUnavailable as error:
        raise ApiError(503, "voice_unavailable", str(error)) from None
    except AudioRejected as error:
        raise bad_request(str(error)) from None
    job = recording.job
    assert recording.attempt_id is not None and job is not None
    return Status(
        202,
        {
            "attempt_id": recording.attempt_id,
            "recording_id": recording.pk,
            "task": {"id": job.pk, "status": job.status},
        },
    )


@router.delete("/recordings/{int:pk}/audio", response={204: None, **PRIVATE_REFUSALS})
def audio_delete(request: AuthenticatedRequest, pk: int) -> Status[None]:
    """Delete a recording's audio for good; its transcript, delivery and answer stay."""
    recording = recordings_of(request.user).filter(pk=pk).first()
    if recording is None:
        raise not_found(f"No recording {pk}.")
    services.audio_delete(recording=recording)
    return Status(204, None)
