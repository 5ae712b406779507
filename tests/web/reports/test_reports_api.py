"""/api/v1/reports: a candidate's own reports; bad input refused with nothing saved."""

from __future__ import annotations

import pytest

from loopcoach.web.reports.models import Report, ReportedQuestion
from tests.web.reports.conftest import LAST_MONTH, report_body, send

pytestmark = pytest.mark.django_db


def test_it_creates_lists_patches_and_withdraws_a_report(as_alice):
    body = report_body("Tell me about a time you missed a deadline", level="l6")
    body["rounds"].append({"name": "Bar Raiser", "questions": ["Why Amazon?", "A conflict?"]})
    created = send(as_alice, "post", "/api/v1/reports", body)
    assert created.status_code == 201, created.json()
    report = created.json()
    assert report["status"] == "pending" and report["month"] == LAST_MONTH
    assert report["level_normalised"] == "L6"
    positions = [q["position"] for r in report["rounds"] for q in r["questions"]]
    assert positions == [0, 1, 2]
    assert as_alice.get("/api/v1/reports").json()["results"][0]["id"] == report["id"]
    patched = send(as_alice, "patch", f"/api/v1/reports/{report['id']}", {"location": "Seattle"})
    assert patched.json()["location"] == "Seattle" and len(patched.json()["rounds"]) == 2
    assert as_alice.delete(f"/api/v1/reports/{report['id']}").json() == {"deleted": report["id"]}
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (report_body(), "rounds"),
        ({**report_body("q"), "rounds": []}, "rounds"),
        (report_body("x" * 50_000), "rounds.0.questions.0"),
        (report_body("q", month="2999-01"), "month"),
        (report_body("q", month="2026-13"), "month"),
        (report_body("q", month="October"), "month"),
        ({**report_body("q"), "company": "initech"}, "company"),
        ({**report_body("q"), "role": "astronaut"}, "role"),
        (report_body("q", outcome="great"), "outcome"),
        (report_body("q", level=7), "level"),
    ],
)
def test_it_refuses_bad_reports_and_saves_nothing(as_alice, body, field):
    response = send(as_alice, "post", "/api/v1/reports", body)
    assert response.status_code == 400, response.json()
    assert field in response.json()["fields"], response.json()
    assert not Report.objects.exists() and not ReportedQuestion.objects.exists()


def test_it_says_which_month_is_in_the_future(as_alice):
    response = send(as_alice, "post", "/api/v1/reports", report_body("q", month="2999-01"))
    assert response.json()["fields"]["month"] == "2999-01 is in the future"


def test_another_users_report_is_a_404(as_alice, client, bob):
    report = send(as_alice, "post", "/api/v1/reports", report_body("Why Amazon?")).json()
    client.force_login(bob)
    url = f"/api/v1/reports/{report['id']}"
    assert client.get(url).status_code == 404
    assert send(client, "patch", url, {"notes": "mine now"}).status_code == 404
    assert client.delete(url).status_code == 404
    assert client.get("/api/v1/reports").json()["count"] == 0
    assert Report.objects.get().notes == ""


def test_reports_need_a_sign_in(client, amazon_guide):
    assert client.get("/api/v1/reports").status_code == 401
    assert send(client, "post", "/api/v1/reports", report_body("q")).status_code == 401
