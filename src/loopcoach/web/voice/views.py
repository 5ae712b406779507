"""The recorder's endpoints (JSON, for voice.js), the audio itself and its delete button.

Every view needs a signed-in candidate and reads only their recordings: another
candidate's is a 404, exactly like a missing one. The audio is sent privately
(never cached by a proxy) and only to its owner.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.questions.models import Question
from loopcoach.web.voice import services
from loopcoach.web.voice.audio import AudioRejected
from loopcoach.web.voice.models import Recording
from loopcoach.web.voice.selectors import recordings_of


def _refusal(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"error": code, "message": message}, status=status)


def recording_out(recording: Recording) -> dict:
    job = recording.job
    return {
        "id": recording.pk,
        "url": reverse("voice:recording", args=[recording.pk]),
        "status": job.status if job else ("done" if recording.transcribed else "failed"),
        "progress": job.progress if job else 1.0,
        "message": job.message if job else "",
        "error": (job.error or None) if job else None,
        "task_id": job.pk if job else None,
        "transcript": recording.transcript if recording.transcribed else None,
        "duration_seconds": recording.duration_seconds,
    }


@login_required
@require_POST
def recording_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.filter(retired=False), pk=pk)
    upload = request.FILES.get("audio")
    if upload is None:
        return _refusal(400, "bad_request", "Send the recording as the 'audio' file.")
    try:
        recording = services.recording_upload(owner=request.user, question=question, upload=upload)
    except services.RecordingTooLarge as error:
        return _refusal(413, "too_large", str(error))
    except services.VoiceUnavailable as error:
        return _refusal(503, "voice_unavailable", str(error))
    except AudioRejected as error:
        return _refusal(400, "bad_request", str(error))
    return JsonResponse(recording_out(recording), status=202)


@login_required
@require_GET
@never_cache
def recording_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    recording = recordings_of(request.user).filter(pk=pk).first()
    if recording is None:
        return _refusal(404, "not_found", f"No recording {pk}.")
    return JsonResponse(recording_out(recording))


@login_required
@require_GET
def recording_audio(request: AuthenticatedRequest, pk: int) -> FileResponse:
    recording = get_object_or_404(recordings_of(request.user), pk=pk)
    path = recording.audio_path
    if path is None or not path.is_file():
        raise Http404("This recording's audio was deleted.")
    response = FileResponse(path.open("rb"), content_type=recording.content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def audio_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    recording = get_object_or_404(recordings_of(request.user), pk=pk)
    services.audio_delete(recording=recording)
    if recording.attempt is not None:
        return redirect(recording.attempt.get_absolute_url())
    return redirect("practice:question", recording.question_id)
