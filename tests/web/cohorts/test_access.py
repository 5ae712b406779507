"""A coach never sees what a candidate did not share: every new page and endpoint, tried by
the coach, bob (a fellow candidate), charlie (an outsider) and alice (who owns it)."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from loopcoach.web.cohorts import services
from loopcoach.web.cohorts.models import Share
from loopcoach.web.portability.exporting import export_account
from tests.web.cohorts.conftest import SECRET

pytestmark = pytest.mark.django_db
KINDS = ("attempt", "story", "loop")


def _cohort_routes():
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and str(pattern.pattern) == "cohorts/":
            return [str(p.pattern) for p in pattern.url_patterns if isinstance(p, URLPattern)]
    raise AssertionError("no cohorts/ in the URLconf")


def test_the_roles_exist_with_their_permissions():
    from django.contrib.auth.models import Group

    roles = {g.name: {p.codename for p in g.permissions.all()} for g in Group.objects.all()}
    assert {"candidate", "coach", "moderator", "editor"} <= set(roles)
    assert "add_cohort" in roles["coach"] and "add_cohort" not in roles["candidate"]
    assert "change_question" in roles["editor"] and "add_share" in roles["candidate"]


def test_only_a_coach_makes_a_cohort(client, alice, coach):
    client.force_login(alice)
    assert client.post("/cohorts/new/", {"name": "Mine"}).status_code == 404
    api = client.post("/api/v1/cohorts", {"name": "Mine"}, content_type="application/json")
    assert api.status_code == 403
    client.force_login(coach)
    made = client.post("/api/v1/cohorts", {"name": "Mine"}, content_type="application/json")
    assert made.status_code == 201 and made.json()["invite_path"].startswith("/cohorts/join/")


def test_the_coach_sees_nothing_before_a_share(client, coach, cohort, alices):
    client.force_login(coach)
    page = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert SECRET not in page and "Nothing shared with you yet" in page
    assert client.get(f"/api/v1/cohorts/{cohort.pk}/shares").json()["count"] == 0
    for kind, item in alices.items():  # the owners' own URLs, typed by hand
        path = {"attempt": "/practice/attempts/", "story": "/stories/", "loop": "/loops/"}[kind]
        assert client.get(f"{path}{item.pk}/").status_code == 404
        api = {
            "attempt": "/api/v1/attempts/",
            "story": "/api/v1/stories/",
            "loop": "/api/v1/loops/",
        }
        assert client.get(f"{api[kind]}{item.pk}").status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_a_shared_item_reaches_the_coach_and_only_the_coach(
    client, coach, bob, charlie, cohort, alices, kind
):
    share, created = services.share_create(
        candidate=cohort.memberships.get(candidate__username="alice").candidate,
        cohort=cohort,
        kind=kind,
        item_id=alices[kind].pk,
    )
    assert created
    client.force_login(coach)
    page = client.get(f"/cohorts/shares/{share.pk}/")
    assert page.status_code == 200
    if kind != "loop":
        assert SECRET in page.content.decode()
    assert client.get(f"/api/v1/cohorts/shares/{share.pk}").json()["item"]["kind"] == kind
    for outsider in (bob, charlie):
        client.force_login(outsider)
        for route in _cohort_routes():
            if "<int:pk>" not in route or not route.startswith("shares/"):
                continue
            url = "/cohorts/" + route.replace("<int:pk>", str(share.pk))
            for response in (client.get(url), client.post(url, {"body": "hi"})):
                assert response.status_code in (404, 405), (outsider, url)
                assert SECRET not in response.content.decode()
        assert client.get(f"/api/v1/cohorts/shares/{share.pk}").status_code == 404
        assert client.get(f"/api/v1/cohorts/shares/{share.pk}/comments").status_code == 404
        assert client.delete(f"/api/v1/cohorts/shares/{share.pk}").status_code == 404
        said = client.post(
            f"/api/v1/cohorts/shares/{share.pk}/comments",
            {"body": "x"},
            content_type="application/json",
        )
        assert said.status_code == 404
    assert Share.objects.filter(pk=share.pk).exists() and not share.comments.exists()


def test_bob_sees_only_his_own_shares_in_the_cohort(client, alice, bob, cohort, alices):
    services.share_create(candidate=alice, cohort=cohort, kind="story", item_id=alices["story"].pk)
    client.force_login(bob)
    assert SECRET not in client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert client.get(f"/api/v1/cohorts/{cohort.pk}/shares").json()["count"] == 0
    assert client.get(f"/api/v1/cohorts/{cohort.pk}").json()["members"] is None


def test_charlie_cannot_see_or_join_without_the_link(client, charlie, cohort):
    client.force_login(charlie)
    assert client.get(f"/cohorts/{cohort.pk}/").status_code == 404
    assert client.get(f"/api/v1/cohorts/{cohort.pk}").status_code == 404
    assert client.get(f"/api/v1/cohorts/{cohort.pk}/shares").status_code == 404
    assert client.post(f"/cohorts/{cohort.pk}/share/", {"item": "story:1"}).status_code == 404
    assert client.post("/cohorts/join/not-the-token/").status_code == 404
    wrong = client.post("/api/v1/cohorts/join", {"token": "nope"}, content_type="application/json")
    assert wrong.status_code == 404
    assert client.get("/api/v1/cohorts").json()["count"] == 0


@pytest.mark.parametrize("kind", KINDS)
def test_nobody_shares_someone_elses_item(client, bob, cohort, alices, kind):
    client.force_login(bob)
    response = client.post(
        f"/api/v1/cohorts/{cohort.pk}/shares",
        {"kind": kind, "id": alices[kind].pk},
        content_type="application/json",
    )
    assert response.status_code == 404 and not Share.objects.exists()
    page = client.post(f"/cohorts/{cohort.pk}/share/", {"item": f"{kind}:{alices[kind].pk}"})
    assert page.status_code == 302 and not Share.objects.exists()


def test_revoking_hides_it_from_the_coach_at_once(client, alice, coach, cohort, alices):
    share, _ = services.share_create(
        candidate=alice, cohort=cohort, kind="attempt", item_id=alices["attempt"].pk
    )
    services.comment_add(author=coach, share=share, body="Quantify the result.")
    client.force_login(coach)
    assert (
        client.delete(f"/api/v1/cohorts/shares/{share.pk}").status_code == 403
    )  # not the coach's to take back
    client.force_login(alice)
    assert client.post(f"/cohorts/shares/{share.pk}/revoke/").status_code == 302
    client.force_login(coach)
    assert client.get(f"/cohorts/shares/{share.pk}/").status_code == 404
    assert SECRET not in client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert client.get(f"/api/v1/cohorts/{cohort.pk}/shares").json()["count"] == 0


def test_leaving_takes_back_every_share(client, alice, coach, cohort, alices):
    for kind in KINDS:
        services.share_create(candidate=alice, cohort=cohort, kind=kind, item_id=alices[kind].pk)
    client.force_login(alice)
    assert client.delete(f"/api/v1/cohorts/{cohort.pk}/membership").status_code == 204
    assert not Share.objects.filter(candidate=alice).exists()
    client.force_login(coach)
    assert SECRET not in client.get(f"/cohorts/{cohort.pk}/").content.decode()


def test_the_coachs_export_holds_nothing_of_the_candidates(alice, coach, cohort, alices):
    share, _ = services.share_create(
        candidate=alice, cohort=cohort, kind="attempt", item_id=alices["attempt"].pk
    )
    services.comment_add(author=coach, share=share, body="Good structure.")
    out = io.BytesIO()
    export_account(coach, out)
    with zipfile.ZipFile(out) as archive:
        text = b"".join(archive.read(n) for n in archive.namelist()).decode()
    assert SECRET not in text and "Good structure." in text and "Spring cohort" in text


def test_the_coachs_question_page_shows_no_candidate_answer(client, coach, charlie, cohort, alices):
    client.force_login(charlie)
    echoed = client.get(f"/questions/?q={SECRET}").content.decode().count(SECRET)  # the query
    client.force_login(coach)
    question = alices["attempt"].question
    assert SECRET not in client.get(f"/questions/{question.pk}/").content.decode()
    assert client.get(f"/questions/?q={SECRET}").content.decode().count(SECRET) == echoed
    assert SECRET not in client.get("/api/v1/attempts").content.decode()
