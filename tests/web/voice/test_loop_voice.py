"""A mock-loop answer given out loud: the round page plays it with its delivery figures, and
the loops API carries the delivery; nobody else sees either."""

from __future__ import annotations

import pytest

from loopcoach.web.loops import services as loops
from tests.scripted_answers import STRONG
from tests.web.portability.conftest import recording_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _voice_dir(settings, tmp_path):
    settings.VOICE_DIR = tmp_path / "recordings"


@pytest.fixture
def spoken_loop(alice, amazon_guide):
    loop = loops.loop_start(user=alice, guide=amazon_guide, minutes=15, seed=2)
    session = loop.rounds.get(order=1)
    loops.round_enter(session=session)
    first, second = session.questions.order_by("order")[:2]
    loops.loop_question_answer(loop_question=first, text=STRONG)
    recording = recording_of(alice, first.answer)
    loops.loop_question_answer(loop_question=second, text=STRONG)  # typed
    return loop, session, recording


def test_the_round_page_plays_the_spoken_answer_with_its_delivery(client, alice, spoken_loop):
    loop, session, recording = spoken_loop
    client.force_login(alice)
    page = client.get(f"/loops/{loop.pk}/rounds/{session.order}/").content.decode()
    assert page.count("Your spoken answer") == 1  # the typed answer has no player
    assert f'src="/voice/recordings/{recording.pk}/audio/"' in page
    pace = recording.delivery["words_per_minute"]
    assert f"{pace} words a minute" in page and "Pauses over 2 s" in page and "“um” at" in page


def test_the_loops_api_shows_the_delivery_of_a_spoken_answer(client, alice, spoken_loop):
    loop, session, recording = spoken_loop
    client.force_login(alice)
    body = client.get(f"/api/v1/loops/{loop.pk}").json()
    [first_round] = [r for r in body["rounds"] if r["order"] == session.order]
    spoken, typed = first_round["questions"][:2]
    assert spoken["delivery"] == recording.delivery and spoken["delivery"]["fillers"]["count"] == 1
    assert typed["delivery"] is None and spoken["follow_up_delivery"] is None


def test_nobody_else_hears_or_reads_it(client, bob, spoken_loop):
    loop, session, recording = spoken_loop
    client.force_login(bob)
    assert client.get(f"/loops/{loop.pk}/rounds/{session.order}/").status_code == 404
    assert client.get(f"/api/v1/loops/{loop.pk}").status_code == 404
    assert client.get(f"/voice/recordings/{recording.pk}/audio/").status_code == 404
