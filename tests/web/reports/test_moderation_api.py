"""/api/v1/moderation: merge, new, reject; counts once per report; twice is refused; logged."""

from __future__ import annotations

import pytest

from loopcoach.web.questions.models import Question, QuestionVariant
from loopcoach.web.reports.models import ModerationAction, Report
from tests.web.reports.conftest import LAST_MONTH, months_ago, report_body, send

pytestmark = pytest.mark.django_db

DEADLINE = "tell me about a time u missed a deadlne you had commited to"


def _bank_question(text: str = "commitment") -> Question:
    return (
        Question.objects.active()
        .filter(guide__role_slug="engineering-manager", text__icontains=text)
        .first()
    )


def _report(client, *questions: str, month: str = LAST_MONTH) -> dict:
    response = send(client, "post", "/api/v1/reports", report_body(*questions, month=month))
    assert response.status_code == 201, response.json()
    return response.json()


def test_the_queue_lists_pending_reports_with_the_nearest_bank_questions(as_alice, as_moderator):
    _report(as_alice, DEADLINE)
    queue = as_moderator.get("/api/v1/moderation/reports?status=pending").json()
    assert queue["count"] == 1
    question = queue["results"][0]["questions"][0]
    assert question["position"] == 0 and len(question["matches"]) >= 1
    top = Question.objects.get(pk=question["matches"][0]["question_id"])
    assert "commitment" in top.text.lower() or "deadline" in top.text.lower()
    assert question["suggestion"]["principles"]
    assert "notes" not in queue["results"][0] and "owner" not in queue["results"][0]


def test_merging_counts_the_report_once_and_keeps_the_wording(as_alice, as_moderator):
    report = _report(as_alice, DEADLINE, "Tell me about a time you missed a deadline")
    target = as_moderator.get("/api/v1/moderation/reports").json()["results"][0]
    target_id = target["questions"][0]["matches"][0]["question_id"]
    url = f"/api/v1/moderation/reports/{report['id']}/questions"
    fixed = "tell me about a time you missed a deadline you had committed to"
    merged = send(
        as_moderator,
        "post",
        f"{url}/0",
        {"action": "merge", "question_id": target_id, "wording": fixed},
    )
    assert merged.status_code == 200, merged.json()
    send(as_moderator, "post", f"{url}/1", {"action": "merge", "question_id": target_id})
    question = as_alice.get(f"/api/v1/questions/{target_id}").json()
    assert question["times_reported"] == 1 and question["last_reported"].startswith(LAST_MONTH)
    assert QuestionVariant.objects.filter(question_id=target_id, text=fixed).exists()
    assert Report.objects.get().status == "published"
    assert ModerationAction.objects.filter(kind="merge").count() == 2


def test_acting_twice_is_a_409_and_changes_nothing(as_alice, as_moderator):
    report = _report(as_alice, DEADLINE)
    url = f"/api/v1/moderation/reports/{report['id']}/questions/0"
    target = _bank_question()
    assert (
        send(as_moderator, "post", url, {"action": "merge", "question_id": target.pk}).status_code
        == 200
    )
    again = send(as_moderator, "post", url, {"action": "reject", "reason": "dup"})
    assert again.status_code == 409 and "already decided" in again.json()["message"]
    assert ModerationAction.objects.count() == 1
    rejected = send(
        as_moderator,
        "post",
        f"/api/v1/moderation/reports/{report['id']}/reject",
        {"reason": "spam"},
    )
    assert rejected.status_code == 409


def test_a_new_question_joins_the_bank_with_its_category_and_principles(as_alice, as_moderator):
    report = _report(as_alice, "How would you run a blameless retro after a data leak?")
    url = f"/api/v1/moderation/reports/{report['id']}/questions/0"
    body = {"action": "new", "category": "management", "principles": ["earn-trust"]}
    assert send(as_moderator, "post", url, body).status_code == 200
    created = Question.objects.get(source="candidate")
    assert created.category == "management" and created.times_reported == 1
    assert [p.slug for p in created.principles.all()] == ["earn-trust"]


def test_a_rejection_reason_reaches_the_author(as_alice, as_moderator):
    report = _report(as_alice, "asdf asdf")
    url = f"/api/v1/moderation/reports/{report['id']}/questions/0"
    assert send(as_moderator, "post", url, {"action": "reject"}).status_code == 400
    send(as_moderator, "post", url, {"action": "reject", "reason": "Not a question we can read."})
    mine = as_alice.get(f"/api/v1/reports/{report['id']}").json()
    assert mine["rounds"][0]["questions"][0]["reason"] == "Not a question we can read."
    assert (
        send(as_alice, "patch", f"/api/v1/reports/{report['id']}", {"notes": "x"}).status_code
        == 409
    )


def test_rejecting_a_report_undoes_its_counts(as_alice, as_moderator):
    report = _report(as_alice, DEADLINE, "Why Amazon?")
    target = _bank_question()
    url = f"/api/v1/moderation/reports/{report['id']}"
    send(as_moderator, "post", f"{url}/questions/0", {"action": "merge", "question_id": target.pk})
    target.refresh_from_db()
    assert target.times_reported == 1
    assert (
        send(as_moderator, "post", f"{url}/reject", {"reason": "Names an interviewer."}).status_code
        == 200
    )
    target.refresh_from_db()
    assert target.times_reported == 0 and Report.objects.get().status == "rejected"


def test_a_typo_fix_cannot_rewrite_the_question(as_alice, as_moderator):
    report = _report(as_alice, DEADLINE)
    url = f"/api/v1/moderation/reports/{report['id']}/questions/0"
    body = {
        "action": "merge",
        "question_id": _bank_question().pk,
        "wording": "Why do you want to work here?",
    }
    response = send(as_moderator, "post", url, body)
    assert response.status_code == 400 and "wording" in response.json()["fields"]
    assert not ModerationAction.objects.exists()


def test_a_candidate_cannot_moderate(as_alice):
    report = _report(as_alice, DEADLINE)
    assert as_alice.get("/api/v1/moderation/reports").status_code == 403
    url = f"/api/v1/moderation/reports/{report['id']}/questions/0"
    body = {"action": "merge", "question_id": _bank_question().pk}
    assert send(as_alice, "post", url, body).status_code == 403
    assert (
        send(
            as_alice, "post", f"/api/v1/moderation/reports/{report['id']}/reject", {"reason": "x"}
        ).status_code
        == 403
    )
    assert not ModerationAction.objects.exists()


def test_unknown_reports_and_positions_are_404(as_moderator):
    body = {"action": "reject", "reason": "x"}
    assert (
        send(as_moderator, "post", "/api/v1/moderation/reports/999/questions/0", body).status_code
        == 404
    )


def test_the_migration_makes_a_moderator_group_that_can_moderate(moderator):
    from django.contrib.auth.models import Group

    from loopcoach.web.reports.services import can_moderate, moderator_group

    assert not moderator.is_superuser and can_moderate(moderator)
    assert moderator_group() == Group.objects.get(name="moderator")


def test_the_bank_api_sorts_and_filters_by_reports(as_alice, as_moderator):
    old = _report(as_alice, "Why Amazon?", month=f"{months_ago(20):%Y-%m}")
    new = _report(as_alice, DEADLINE)
    target = _bank_question()
    why = Question.objects.active().filter(text__icontains="incomplete data").first()
    url = "/api/v1/moderation/reports/{}/questions/0"
    send(as_moderator, "post", url.format(old["id"]), {"action": "merge", "question_id": why.pk})
    send(as_moderator, "post", url.format(new["id"]), {"action": "merge", "question_id": target.pk})
    recent = as_alice.get("/api/v1/questions?sort=recent").json()["results"]
    assert [q["id"] for q in recent[:2]] == [target.pk, why.pk]
    assert recent[0]["last_reported"] == f"{LAST_MONTH}-01" and recent[1]["times_reported"] == 1
    last_year = as_alice.get("/api/v1/questions?reported=year").json()
    assert last_year["count"] == 1 and last_year["results"][0]["id"] == target.pk
    assert as_alice.get("/api/v1/questions?sort=loudest").status_code == 400


def test_deleting_a_users_reports_takes_their_counts_with_them(as_alice, alice, as_moderator):
    from loopcoach.web.reports.services import user_reports_delete

    report = _report(as_alice, DEADLINE)
    target = _bank_question()
    url = f"/api/v1/moderation/reports/{report['id']}/questions/0"
    send(as_moderator, "post", url, {"action": "merge", "question_id": target.pk})
    assert user_reports_delete(user=alice) >= 1
    target.refresh_from_db()
    assert target.times_reported == 0 and target.last_reported is None
    assert not Report.objects.exists() and not ModerationAction.objects.exists()
