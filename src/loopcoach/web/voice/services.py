"""Voice answers: accept a recording, transcribe it on a worker, attach it to its answer.

Two ways in, one transcription: the pages upload a recording first and put its
transcript in the answer box for the candidate to correct before the answer is
submitted (then `recording_attach`); the API's `POST /attempts/voice` saves the
attempt at once and the worker fills it with the transcript and analyses it.
A recording refused at upload leaves nothing behind; one found silent on the
worker is deleted with its empty attempt.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django_tasks import task

from loopcoach.analysis.delivery import delivery, timed_words, transcript_of
from loopcoach.web.answering import services as answering
from loopcoach.web.answering.services import AnswerInputError
from loopcoach.web.practice.models import Attempt
from loopcoach.web.questions.models import Question
from loopcoach.web.tasks.jobs import JobFailed, report_progress, start_job
from loopcoach.web.voice import audio
from loopcoach.web.voice.audio import AudioRejected
from loopcoach.web.voice.models import Recording

CHUNK = 1 << 20


class RecordingTooLarge(AudioRejected):
    """Past VOICE_MAX_BYTES (a 413 in the API)."""


class VoiceUnavailable(AudioRejected):
    """The voice extra is not installed."""


def _store(owner: User, upload: UploadedFile) -> Path:
    folder = Path(settings.VOICE_DIR) / str(owner.pk)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{uuid.uuid4().hex}.audio"
    with path.open("wb") as handle:
        for chunk in upload.chunks(CHUNK):
            handle.write(chunk)
    path.chmod(0o600)
    return path


def _check_size(upload: UploadedFile) -> None:
    size = upload.size or 0
    if size == 0:
        raise AudioRejected(
            "The recording is empty (0 bytes): record your answer again, and allow the "
            "microphone when the browser asks."
        )
    limit = settings.VOICE_MAX_BYTES
    if size > limit:
        raise RecordingTooLarge(
            f"The recording is {size / 1e6:.1f} MB; the limit is {limit / 1e6:g} MB: "
            "record a shorter answer."
        )


def recording_upload(
    *, owner: User, question: Question, upload: UploadedFile, with_attempt: bool = False
) -> Recording:
    """Check and store a recording and queue its transcription; AudioRejected saves nothing.
    `with_attempt`: save its attempt now too, to be filled with the transcript and analysed."""
    if not audio.voice_available():
        raise VoiceUnavailable(audio.INSTALL_HINT)
    _check_size(upload)
    path = _store(owner, upload)
    try:
        info = audio.probe(path)
        with transaction.atomic():
            recording = Recording.objects.create(
                owner=owner,
                question=question,
                audio_name=str(path.relative_to(settings.VOICE_DIR)),
                content_type=(upload.content_type or "")[:100],
                size_bytes=upload.size or 0,
                duration_seconds=info.duration_seconds,
                attempt=answering.voice_attempt_save(user=owner, question=question)
                if with_attempt
                else None,
            )
            recording.job = start_job(
                owner, "transcribe", transcribe_recording, recording_id=recording.pk
            )
            recording.save(update_fields=["job"])
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return recording


@task()
def transcribe_recording(*, job_id: int, recording_id: int) -> dict:
    """On a worker: Whisper's words, the delivery figures and, for an API attempt, the analysis."""
    recording = Recording.objects.select_related("attempt").filter(pk=recording_id).first()
    if recording is None or recording.audio_path is None:
        raise JobFailed("The recording was deleted: record the answer again.")
    report_progress(job_id, 0.02, "Transcribing")
    try:
        samples = audio.decode(recording.audio_path)
        rows = audio.transcribe(
            samples,
            on_progress=lambda share: report_progress(job_id, 0.05 + 0.85 * share, "Transcribing"),
        )
    except AudioRejected as rejected:
        _discard(recording)
        raise JobFailed(str(rejected)) from None
    words = timed_words(rows)
    recording.words, recording.transcript = rows, transcript_of(words)
    recording.delivery = delivery(words)
    upload = _keep_as_ogg(recording, samples)
    saved = ["words", "transcript", "delivery", "audio_name", "content_type", "size_bytes"]
    recording.save(update_fields=saved)
    # Only once the row names the copy: a worker killed before this point leaves the upload.
    if upload != recording.audio_path:
        upload.unlink(missing_ok=True)
    if recording.attempt is not None:
        report_progress(job_id, 0.95, "Analysing")
        try:
            answering.voice_attempt_fill(attempt=recording.attempt, transcript=recording.transcript)
        except AnswerInputError as refused:
            _discard(recording)
            raise JobFailed(f"The transcript cannot be analysed: {refused}") from None
    return {"recording_id": recording.pk, "words": len(words)}


def _keep_as_ogg(recording: Recording, samples: object) -> Path:
    """Point the recording at an Ogg/Opus copy of its upload (see `audio.write_ogg`); the
    upload's path is returned, to delete once the row is saved."""
    upload = recording.audio_path
    assert upload is not None
    ogg = upload.with_suffix(".ogg")
    audio.write_ogg(samples, ogg)
    ogg.chmod(0o600)
    recording.audio_name = str(ogg.relative_to(settings.VOICE_DIR))
    recording.content_type, recording.size_bytes = "audio/ogg", ogg.stat().st_size
    return upload


def _discard(recording: Recording) -> None:
    """A recording with nothing to hear leaves nothing: its row, its file, its empty attempt."""
    with transaction.atomic():
        if recording.attempt is not None and not recording.attempt.answer:
            recording.attempt.delete()  # takes the recording with it
        else:
            recording.delete()


def recording_attach(*, recording: Recording, attempt: Attempt) -> Recording:
    """Link a transcribed recording to the answer the candidate submitted from its transcript."""
    if recording.owner_id != attempt.user_id or recording.question_id != attempt.question_id:
        raise AnswerInputError("That recording is not of this answer.")
    if not recording.transcribed:
        raise AnswerInputError("That recording is not transcribed yet.")
    recording.attempt = attempt
    recording.save(update_fields=["attempt"])
    return recording


class NotCorrectable(AnswerInputError):
    """The attempt is not a spoken answer whose transcript can be corrected now (a 409)."""


def transcript_correct(*, attempt: Attempt, answer: str) -> Attempt:
    """Replace a spoken answer's words with the candidate's correction of what Whisper heard,
    and analyse it again. Only a voice attempt, once the worker has filled it (before, the
    worker would overwrite the correction), and while its thread has not moved on: a revision
    or a follow-up answer was written against the words as they were."""
    recording = getattr(attempt, "recording", None)
    if recording is None:
        raise NotCorrectable(
            "Only a spoken answer's transcript can be corrected; revise a typed answer "
            "as a new version."
        )
    if not recording.transcribed or not attempt.answer:
        raise NotCorrectable(
            "The recording is still being transcribed: wait for its task, then correct it."
        )
    if attempt.revisions.exists() or attempt.follow_ups.exists():
        raise NotCorrectable(
            "This answer already has a newer version or follow-up answers; revise it instead."
        )
    return answering.voice_attempt_fill(attempt=attempt, transcript=answer)


def audio_delete(*, recording: Recording) -> Recording:
    """Delete the audio for good; the transcript, delivery and answer stay."""
    path = recording.audio_path
    recording.audio_name = ""
    recording.save(update_fields=["audio_name"])
    if path is not None:
        path.unlink(missing_ok=True)
    return recording


def recording_attach_posted(*, attempt: Attempt, value: str) -> Recording | None:
    """Attach the recording an answer form posted (its id, from the recorder) to the answer
    saved from its transcript. An id that is not the candidate's own transcribed, unattached
    recording of this question is ignored: the typed answer stands on its own."""
    if not value.isdigit() or len(value) > 12:
        return None
    recording = Recording.objects.filter(
        pk=int(value),
        owner_id=attempt.user_id,
        question_id=attempt.question_id,
        attempt__isnull=True,
        words__isnull=False,
    ).first()
    return recording_attach(recording=recording, attempt=attempt) if recording else None
