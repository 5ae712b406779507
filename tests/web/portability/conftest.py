"""A busy account: something of every portable kind, and rows that point at each other."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from loopcoach.analysis.delivery import delivery, timed_words, transcript_of
from loopcoach.web.accounts.services import api_token_create
from loopcoach.web.coach.models import CoachReview
from loopcoach.web.loops import services as loops
from loopcoach.web.offers.services import data_point_create, saved_offer_create
from loopcoach.web.planner.services import plan_create
from loopcoach.web.practice import services as practice
from loopcoach.web.practice.models import Draft
from loopcoach.web.reports.services import report_create
from loopcoach.web.reports.validation import report_clean
from loopcoach.web.stories import services as stories
from loopcoach.web.voice.models import Recording
from tests.scripted_answers import STRONG


def fill_account(user, guide) -> dict:
    question = guide.questions.order_by("id").first()
    first = practice.attempt_create(user=user, question=question, answer=STRONG)
    revised = practice.attempt_create(
        user=user, question=question, answer=STRONG + " I measured it.", revision_of=first
    )
    practice.attempt_follow_up_create(
        user=user, parent=first, follow_up="What would you do differently?", answer=STRONG
    )
    practice.draft_save(
        user=user, question=question, slot=Draft.revise_slot(revised.pk), text="Half"
    )
    story = stories.story_create(
        user=user,
        data={"title": "The payments outage", "situation": "Payments failed.", "action": STRONG},
        principles=["ownership", "dive-deep"],
    )
    loop = loops.loop_start(user=user, guide=guide, minutes=15, seed=2)
    drawn = loop.rounds.get(order=1).questions.first()
    loops.loop_question_answer(loop_question=drawn, text=STRONG)
    plan = plan_create(
        owner=user,
        guide=guide,
        loop_date=timezone.localdate() + timedelta(days=30),
        phone_screen=None,
        weekly=False,
        today=timezone.localdate(),
    )
    saved_offer_create(
        owner=user, fields={"name": "Amazon L6", "base_salary": "200000", "vesting": "amazon"}
    )
    data_point_create(
        submitted_by=user,
        fields={
            "company": "Amazon",
            "level": "L6",
            "location": "Seattle",
            "year": "2025",
            "base": "200000",
        },
    )
    api_token_create(user=user, name="laptop")
    month = timezone.localdate().replace(day=1) - timedelta(days=1)
    report = report_create(
        owner=user,
        clean=report_clean(
            {
                "company": guide.company.slug,
                "role": guide.role_slug,
                "month": f"{month:%Y-%m}",
                "rounds": [{"name": "Bar raiser", "questions": ["Tell me about a failure."]}],
                "notes": f"{user.username}'s private notes",
            }
        ),
    )
    CoachReview.objects.create(
        user=user,
        attempt=first,
        model="smollm2-135m",
        result={"critique": "Say what you measured.", "rewrite": "…", "follow_ups": []},
    )
    recording = recording_of(user, revised)
    return {
        "question": question,
        "attempt": first,
        "story": story,
        "loop": loop,
        "plan": plan,
        "report": report,
        "recording": recording,
    }


def recording_of(user, attempt) -> Recording:
    """A transcribed recording of ATTEMPT, its audio stored as the voice app stores it."""
    folder = Path(settings.VOICE_DIR) / str(user.pk)
    folder.mkdir(parents=True, exist_ok=True)
    audio = folder / f"{uuid.uuid4().hex}.ogg"
    audio.write_bytes(b"OggS" + f"{user.username} said this".encode() * 50)
    said = "I led um the migration. Then after a pause we shipped it.".split()
    starts = [i * 0.4 + (3.0 if i > 5 else 0.0) for i in range(len(said))]  # one 3 s pause
    words = [
        {"word": f" {word}", "start": start, "end": start + 0.35}
        for word, start in zip(said, starts, strict=True)
    ]
    return Recording.objects.create(
        owner=user,
        question=attempt.question,
        attempt=attempt,
        audio_name=str(audio.relative_to(settings.VOICE_DIR)),
        content_type="audio/ogg",
        size_bytes=audio.stat().st_size,
        duration_seconds=words[-1]["end"],
        words=words,
        transcript=transcript_of(timed_words(words)),
        delivery=delivery(timed_words(words)),
    )


@pytest.fixture(autouse=True)
def _private_voice_dir(settings, tmp_path):
    settings.VOICE_DIR = tmp_path / "recordings"


@pytest.fixture
def busy_alice(alice, amazon_guide):
    return fill_account(alice, amazon_guide)
