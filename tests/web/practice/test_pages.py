"""The practice pages: answer, feedback without a
reload, follow-ups, history, dashboard, due queue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from loopcoach.web.practice.models import Attempt, Draft, ReviewCard
from tests.web.practice.conftest import ANSWER

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def client_alice(client, alice):
    client.force_login(alice)
    return client


def test_the_question_page_has_the_answer_box(client_alice, question):
    html = client_alice.get(f"/practice/questions/{question.pk}/").content.decode()
    assert 'name="answer"' in html and "Start 2-minute timer" in html and "practice.js" in html
    assert escape(question.text) in html


def test_submitting_with_htmx_returns_the_feedback_panel(client_alice, question, alice):
    response = client_alice.post(
        f"/practice/questions/{question.pk}/attempts/", {"answer": ANSWER}, **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    attempt = Attempt.objects.get(user=alice)
    assert response["HX-Push-Url"] == attempt.get_absolute_url()
    for part in [
        'class="sent role-',
        'class="star-legend"',
        "STAR structure",
        "“I” vs “we”",
        "Principle",
        "Why this grade",
        'class="hl hl-metric"',
        "hl-filler",
        "hl-hedge",
        "Revise and resubmit",
    ]:
        assert part in html, part


def test_a_second_answer_reads_its_question_from_the_cache(client_alice, question):
    def question_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client_alice.post(
                f"/practice/questions/{question.pk}/attempts/", {"answer": ANSWER}, **HTMX
            )
        assert response.status_code == 200
        return sum('FROM "questions_question' in q["sql"] for q in queries.captured_queries)

    assert question_queries() > 0  # the first answer builds the cached question
    assert question_queries() == 0


def test_an_answer_to_a_missing_question_is_404(client_alice):
    response = client_alice.post("/practice/questions/999999/attempts/", {"answer": ANSWER})
    assert response.status_code == 404 and not Attempt.objects.exists()


def test_submitting_without_javascript_redirects_to_the_attempt(client_alice, question, alice):
    response = client_alice.post(f"/practice/questions/{question.pk}/attempts/", {"answer": ANSWER})
    attempt = Attempt.objects.get(user=alice)
    assert response.status_code == 302 and response["Location"] == attempt.get_absolute_url()
    page = client_alice.get(attempt.get_absolute_url()).content.decode()
    assert "Feedback" in page and "Follow-up" in page or "follow-up" in page


def test_an_empty_answer_is_refused_in_place(client_alice, question):
    response = client_alice.post(
        f"/practice/questions/{question.pk}/attempts/",
        {"answer": "  ", "form_id": "answer-form"},
        **HTMX,
    )
    assert response.status_code == 422 and response["HX-Retarget"] == "#answer-form"
    assert "The answer is empty" in response.content.decode()
    plain = client_alice.post(f"/practice/questions/{question.pk}/attempts/", {"answer": ""})
    assert plain.status_code == 400 and "The answer is empty" in plain.content.decode()
    assert not Attempt.objects.exists()


def test_a_huge_answer_is_refused(client_alice, question):
    response = client_alice.post(
        f"/practice/questions/{question.pk}/attempts/", {"answer": "word " * 200_000}
    )
    assert response.status_code == 400 and "too long" in response.content.decode()
    assert not Attempt.objects.exists()


def test_html_in_an_answer_is_shown_as_text(client_alice, question, alice):
    evil = ANSWER + ' <script>alert("x")</script> <img src=x onerror=alert(1)>'
    client_alice.post(f"/practice/questions/{question.pk}/attempts/", {"answer": evil})
    html = client_alice.get(Attempt.objects.get(user=alice).get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_a_follow_up_is_answered_in_the_thread(client_alice, attempt):
    follow_up = (attempt.analysis["follow_ups"] or ["What would you do differently?"])[0]
    response = client_alice.post(
        f"/practice/attempts/{attempt.pk}/follow-ups/",
        {"follow_up": follow_up, "answer": "I would measure first; I cut p99 by 70%."},
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="follow-up"' in html and "Grade" in html
    child = Attempt.objects.get(parent=attempt)
    assert child.follow_up == follow_up and child.analysis


def test_a_revision_is_a_new_version(client_alice, attempt):
    response = client_alice.post(
        f"/practice/questions/{attempt.question_id}/attempts/",
        {"answer": ANSWER + " We shipped it in two weeks.", "revision_of": attempt.pk},
        **HTMX,
    )
    assert response.status_code == 200 and "v2 · grade" in response.content.decode()
    assert Attempt.objects.filter(revision_of=attempt, version=2).exists()


def test_the_rating_can_be_changed(client_alice, attempt, alice):
    card = ReviewCard.objects.get(user=alice)
    response = client_alice.post(f"/practice/cards/{card.pk}/rating/", {"rating": "1"}, **HTMX)
    assert response.status_code == 200 and "Again" in response.content.decode()
    card.refresh_from_db()
    assert card.last_rating == 1 and card.rating_overridden
    assert (
        client_alice.post(f"/practice/cards/{card.pk}/rating/", {"rating": "9"}).status_code == 400
    )


def test_drafts_are_saved_on_the_server(client_alice, question, alice):
    response = client_alice.post(
        "/practice/drafts/", {"question": question.pk, "slot": "answer", "text": "In 2022"}
    )
    assert response.status_code == 200 and response.json()["saved"]
    assert Draft.objects.get(user=alice).text == "In 2022"
    assert "In 2022" in client_alice.get(f"/practice/questions/{question.pk}/").content.decode()
    bad = client_alice.post(
        "/practice/drafts/", {"question": question.pk, "slot": "../etc", "text": "x"}
    )
    assert bad.status_code == 400


def test_history_dashboard_and_due_queue(client_alice, attempt, alice):
    history = client_alice.get("/practice/history/").content.decode()
    assert escape(attempt.question.text) in history
    dashboard = client_alice.get("/practice/dashboard/").content.decode()
    assert "<svg" in dashboard and "By principle" in dashboard and "By category" in dashboard
    assert "What to practise next" in dashboard
    ReviewCard.objects.filter(user=alice).update(due=timezone.now() - timedelta(hours=1))
    due = client_alice.get("/practice/due/").content.decode()
    assert escape(attempt.question.text) in due


def test_the_hub_filters_and_picks_at_random(client_alice, amazon_guide):
    html = client_alice.get("/practice/", {"principle": "frugality"}).content.decode()
    assert "Frugality" in html and "Surprise me" in html
    response = client_alice.get("/practice/random/", {"principle": "frugality"})
    assert response.status_code == 302 and "/practice/questions/" in response["Location"]


def test_the_empty_dashboard_invites_a_first_answer(client_alice, amazon_guide):
    html = client_alice.get("/practice/dashboard/").content.decode()
    assert "after your first answer" in html
