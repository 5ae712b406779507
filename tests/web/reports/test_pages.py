"""The report pages (the author's only) and the moderation pages (moderators only)."""

from __future__ import annotations

from datetime import date

import pytest

from loopcoach.web.questions.models import Question
from loopcoach.web.reports.models import Report
from tests.web.reports.conftest import LAST_LABEL, LAST_MONTH, months_ago, report_body, send

pytestmark = pytest.mark.django_db


def _form(*questions: str, month: str = LAST_MONTH) -> dict:
    return {
        "guide": "amazon/engineering-manager",
        "level": "L6",
        "month": month,
        "round_0_name": "Hiring manager",
        "round_0_questions": "\n".join(questions),
    }


def test_it_reports_an_interview_from_the_form(as_alice):
    response = as_alice.post("/reports/new/", _form("Why Amazon?", "A time you failed"))
    report = Report.objects.get()
    assert response.status_code == 302 and response.url == f"/reports/{report.pk}/"
    assert report.questions.count() == 2
    page = as_alice.get(f"/reports/{report.pk}/").content.decode()
    assert "Waiting for a moderator" in page and "A time you failed" in page


def test_the_form_shows_what_is_wrong_and_saves_nothing(as_alice):
    page = as_alice.post("/reports/new/", _form(month="2999-01")).content.decode()
    assert "2999-01 is in the future" in page
    assert "Questions: must list at least one round with its questions" in page
    assert not Report.objects.exists()


def test_only_the_author_sees_edits_or_withdraws_a_report(as_alice, alice, client, bob):
    as_alice.post("/reports/new/", _form("Why Amazon?"))
    pk = Report.objects.get().pk
    client.force_login(bob)
    assert client.get(f"/reports/{pk}/").status_code == 404
    assert client.get(f"/reports/{pk}/edit/").status_code == 404
    assert client.post(f"/reports/{pk}/edit/", _form("Bob's now")).status_code == 404
    assert client.post(f"/reports/{pk}/withdraw/").status_code == 404
    assert "Why Amazon?" not in client.get("/reports/").content.decode()
    assert Report.objects.get().questions.get().text == "Why Amazon?"
    client.force_login(alice)
    assert client.post(f"/reports/{pk}/withdraw/").status_code == 302
    assert not Report.objects.exists()


def test_report_pages_need_a_sign_in(client, amazon_guide):
    for url in ("/reports/", "/reports/new/", "/reports/1/", "/moderation/"):
        assert client.get(url).status_code == 302


def test_candidates_cannot_open_or_use_moderation(as_alice, client, bob):
    send(as_alice, "post", "/api/v1/reports", report_body("Why Amazon?"))
    pk = Report.objects.get().pk
    client.force_login(bob)
    assert client.get("/moderation/").status_code == 403
    assert client.get(f"/moderation/reports/{pk}/").status_code == 403
    assert (
        client.post(
            f"/moderation/reports/{pk}/questions/0/", {"action": "reject", "reason": "x"}
        ).status_code
        == 403
    )
    assert client.post(f"/moderation/reports/{pk}/reject/", {"reason": "x"}).status_code == 403
    assert Report.objects.get().status == "pending"


def test_a_moderator_merges_from_the_page_and_the_bank_shows_the_count(as_alice, as_moderator):
    send(
        as_alice,
        "post",
        "/api/v1/reports",
        report_body("tell me about a time you missed a deadline"),
    )
    pk = Report.objects.get().pk
    page = as_moderator.get(f"/moderation/reports/{pk}/").content.decode()
    assert "Most similar bank questions" in page and "alice" not in page
    target = Question.objects.active().filter(text__icontains="commitment").first()
    response = as_moderator.post(
        f"/moderation/reports/{pk}/questions/0/", {"action": "merge", "question_id": target.pk}
    )
    assert response.status_code == 302
    detail = as_alice.get(f"/questions/{target.pk}/").content.decode()
    assert "Asked in 1 report" in detail and f"last in {LAST_LABEL}" in detail
    again = as_moderator.post(
        f"/moderation/reports/{pk}/questions/0/", {"action": "reject", "reason": "x"}, follow=True
    )
    assert "already decided" in again.content.decode()
    bank = as_alice.get("/questions/?sort=reported&reported=year").content.decode()
    assert target.text in bank


def _merged(client, moderator_client, question: Question, month: str) -> None:
    report = send(client, "post", "/api/v1/reports", report_body(question.text, month=month))
    url = f"/api/v1/moderation/reports/{report.json()['id']}/questions/0"
    body = {"action": "merge", "question_id": question.pk}
    assert send(moderator_client, "post", url, body).status_code == 200


def test_a_quarter_with_fewer_than_3_reports_shows_no_exact_count(as_alice, as_moderator):
    from loopcoach.web.reports.selectors import question_quarters

    question = Question.objects.active().filter(text__icontains="commitment").first()
    this_quarter = months_ago((date.today().month - 1) % 3)  # its first month
    for month in (this_quarter, this_quarter, months_ago(0), months_ago(9)):
        _merged(as_alice, as_moderator, question, f"{month:%Y-%m}")
    question.refresh_from_db()
    assert question.times_reported == 4
    quarters = {q.label: q for q in question_quarters(question)}
    now, then = quarters[_label(months_ago(0))], quarters[_label(months_ago(9))]
    assert now.reports == 3 and now.shown and then.reports == 1 and not then.shown
    page = as_alice.get(f"/questions/{question.pk}/").content.decode()
    assert "1–2" in page and f"Asked in 4 reports · last in {months_ago(0):%b %Y}" in page


def _label(month: date) -> str:
    return f"{month.year} Q{(month.month - 1) // 3 + 1}"


def test_the_guide_lists_the_most_reported_questions_of_the_year(as_alice, as_moderator):
    question = Question.objects.active().filter(text__icontains="commitment").first()
    _merged(as_alice, as_moderator, question, LAST_MONTH)
    page = as_alice.get(question.guide.get_absolute_url()).content.decode()
    section = page.split("Most reported in the last 12 months")[1].split("</div>")[0]
    assert question.round.name in section and question.text in section


def test_editing_a_report_with_many_rounds_keeps_them_all(as_alice):
    body = report_body("q0")
    body["rounds"] = [{"name": f"Round {n}", "questions": [f"Question {n}?"]} for n in range(7)]
    pk = send(as_alice, "post", "/api/v1/reports", body).json()["id"]
    page = as_alice.get(f"/reports/{pk}/edit/").content.decode()
    assert "Question 6?" in page
    form = {**_form(), "round_0_questions": ""}
    for n in range(7):
        form[f"round_{n}_name"], form[f"round_{n}_questions"] = f"Round {n}", f"Question {n}?"
    assert as_alice.post(f"/reports/{pk}/edit/", form).status_code == 302
    assert Report.objects.get().questions.count() == 7
