"""Every page renders, with the parts a reader expects."""

from __future__ import annotations

import pytest

from loopcoach.web.questions.models import Question

pytestmark = pytest.mark.django_db


def test_home_lists_the_guide(client, amazon_guide):
    response = client.get("/")
    assert response.status_code == 200
    assert amazon_guide.get_absolute_url() in response.content.decode()


def test_guide_page_has_every_section(client, amazon_guide):
    html = client.get(amazon_guide.get_absolute_url()).content.decode()
    for anchor in [
        "role",
        "getting-ready",
        "process",
        "loop",
        "deep-dives",
        "responsibilities",
        "requirements",
        "common-questions",
        "faq",
        "tips",
        "summary",
        "compensation",
    ]:
        assert f'id="{anchor}"' in html, anchor
    assert html.count('class="timeline-stage') == amazon_guide.stages.count()
    assert html.count('class="loop-round') == 5
    assert "is-bar-raiser" in html
    for fact in ["two-pizza", "Bar Raiser", "peeling the onion", "5%", "40%"]:
        assert fact.lower() in html.lower(), fact


def test_principle_pages_render(client, amazon_guide):
    response = client.get("/guides/amazon/principles/")
    assert response.status_code == 200
    assert response.content.decode().count('class="card principle-card"') == 16
    for principle in amazon_guide.company.principles.all():
        page = client.get(principle.get_absolute_url())
        assert page.status_code == 200
        assert "What interviewers listen for" in page.content.decode()


def test_question_bank_filters_by_principle(client, amazon_guide):
    html = client.get("/questions/", {"principle": "frugality"}).content.decode()
    assert "Frugality" in html
    count = Question.objects.active().filter(principles__slug="frugality").count()
    assert f"{count} question" in html


def test_question_bank_answers_htmx_with_the_results_fragment(client, amazon_guide):
    response = client.get("/questions/", {"q": "rate limiter"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "rate limiter" in html.lower()
    assert "HX-Request" in response["Vary"]


def test_question_page_renders(client, amazon_guide):
    question = amazon_guide.questions.filter(source="seed").first()
    html = client.get(question.get_absolute_url()).content.decode()
    assert question.text in html
    assert "From the original guide" in html
    assert "Source guide" not in html and "Not yet" not in html  # no internal words


def test_unknown_pages_are_404(client, amazon_guide):
    assert client.get("/guides/amazon/nope/").status_code == 404
    assert client.get("/guides/amazon/principles/nope/").status_code == 404
    assert client.get("/questions/999999/").status_code == 404


def test_markdown_in_content_cannot_inject_html(client, amazon_guide):
    question = amazon_guide.questions.first()
    question.guidance = "<script>alert(1)</script> **bold**"
    question.save()
    html = client.get(question.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<strong>bold</strong>" in html


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_admin_lists_questions_for_a_staff_user(admin_client, amazon_guide):
    assert admin_client.get("/admin/questions/question/").status_code == 200
    assert admin_client.get(f"/admin/guides/guide/{amazon_guide.pk}/change/").status_code == 200
