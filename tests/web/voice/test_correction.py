"""PATCH /api/v1/attempts/{id}: the candidate corrects what Whisper misheard in a spoken
answer, and it is analysed again; nothing else can be changed that way."""

from __future__ import annotations

import json

import pytest

from loopcoach.web.answering import services as answering
from loopcoach.web.practice import services as practice
from loopcoach.web.practice.models import Attempt
from loopcoach.web.voice.models import Recording
from tests.scripted_answers import STRONG
from tests.web.portability.conftest import recording_of

pytestmark = pytest.mark.django_db
HEARD = "I led the migration. The dead line was tight."


@pytest.fixture(autouse=True)
def _voice_dir(settings, tmp_path):
    settings.VOICE_DIR = tmp_path / "recordings"


def spoken(user, question, *, transcribed: bool = True) -> Attempt:
    """A voice attempt as the worker leaves it: filled with what was heard, and analysed."""
    attempt = answering.voice_attempt_save(user=user, question=question)
    recording = recording_of(user, attempt)
    if not transcribed:
        Recording.objects.filter(pk=recording.pk).update(words=None, transcript="")
        return Attempt.objects.get(pk=attempt.pk)
    Recording.objects.filter(pk=recording.pk).update(transcript=HEARD)
    return answering.voice_attempt_fill(attempt=attempt, transcript=HEARD)


def patch(client, pk, body):
    return client.patch(
        f"/api/v1/attempts/{pk}",
        data=json.dumps(body),
        content_type="application/json",
    )


@pytest.fixture
def question(amazon_guide):
    return amazon_guide.questions.filter(category="behavioral").order_by("id").first()


def test_a_corrected_transcript_replaces_the_answer_and_is_analysed_again(client, alice, question):
    attempt = spoken(alice, question)
    before = (attempt.grade, attempt.analysis)
    client.force_login(alice)
    response = patch(client, attempt.pk, {"answer": STRONG})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["answer"] == STRONG and body["transcript"] == HEARD  # what was heard stays
    attempt.refresh_from_db()
    assert attempt.answer == STRONG and (attempt.grade, attempt.analysis) != before
    assert body["grade"] == attempt.grade and body["delivery"] == attempt.recording.delivery
    assert client.get(f"/api/v1/attempts/{attempt.pk}").json()["answer"] == STRONG


def test_someone_elses_attempt_is_a_404_and_anonymous_a_401(client, alice, bob, question):
    attempt = spoken(alice, question)
    client.force_login(bob)
    assert patch(client, attempt.pk, {"answer": STRONG}).status_code == 404
    client.logout()
    assert patch(client, attempt.pk, {"answer": STRONG}).status_code == 401
    assert Attempt.objects.get(pk=attempt.pk).answer == HEARD


def test_typed_answers_and_answers_still_transcribing_are_not_corrected(client, alice, question):
    typed = practice.attempt_create(user=alice, question=question, answer=STRONG)
    waiting = spoken(alice, question, transcribed=False)
    client.force_login(alice)
    refused = patch(client, typed.pk, {"answer": "Something else entirely, said better."})
    assert refused.status_code == 409 and "new version" in refused.json()["message"]
    pending = patch(client, waiting.pk, {"answer": STRONG})
    assert pending.status_code == 409 and "transcribed" in pending.json()["message"]
    assert Attempt.objects.get(pk=typed.pk).answer == STRONG
    assert Attempt.objects.get(pk=waiting.pk).answer == ""


def test_a_thread_that_moved_on_is_revised_not_corrected(client, alice, question):
    attempt = spoken(alice, question)
    practice.attempt_create(user=alice, question=question, answer=STRONG, revision_of=attempt)
    client.force_login(alice)
    response = patch(client, attempt.pk, {"answer": STRONG})
    assert response.status_code == 409 and "newer version" in response.json()["message"]
    assert Attempt.objects.get(pk=attempt.pk).answer == HEARD


@pytest.mark.parametrize("answer", ["", "   ", "a\x00b", "x" * 200_000, 12, None])
def test_bad_corrections_change_nothing(client, alice, question, answer):
    attempt = spoken(alice, question)
    client.force_login(alice)
    response = patch(client, attempt.pk, {"answer": answer})
    assert response.status_code in (400, 413, 422), response.content
    assert Attempt.objects.get(pk=attempt.pk).answer == HEARD
