"""Invite by link, share, comment, the candidate's notice of new comments, take back."""

from __future__ import annotations

import pytest

from loopcoach.web.cohorts import services
from loopcoach.web.cohorts.models import Comment, Membership
from tests.web.cohorts.conftest import SECRET

pytestmark = pytest.mark.django_db


def test_a_candidate_joins_by_the_link(client, coach, charlie):
    cohort = services.cohort_create(coach=coach, name="Autumn")
    client.force_login(charlie)
    page = client.get(cohort.invite_path())
    assert page.status_code == 200 and "Autumn" in page.content.decode()
    assert not Membership.objects.exists()  # a GET joins nobody
    assert client.post(cohort.invite_path()).status_code == 302
    assert Membership.objects.filter(cohort=cohort, candidate=charlie).exists()
    assert client.post(cohort.invite_path()).status_code == 302  # twice: still one membership
    assert Membership.objects.filter(cohort=cohort).count() == 1


def test_a_new_link_stops_the_old_one(client, coach, charlie):
    cohort = services.cohort_create(coach=coach, name="Autumn")
    old = cohort.invite_path()
    client.force_login(coach)
    client.post(f"/cohorts/{cohort.pk}/invite/")
    client.force_login(charlie)
    assert client.post(old).status_code == 404


def test_share_comment_notice_read(client, alice, coach, cohort, alices):
    client.force_login(alice)
    page = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert f'value="story:{alices["story"].pk}"' in page
    response = client.post(f"/cohorts/{cohort.pk}/share/", {"item": f"story:{alices['story'].pk}"})
    share = alice.cohort_shares.get()
    assert response["Location"] == f"/cohorts/shares/{share.pk}/"
    client.force_login(coach)
    assert SECRET in client.get(f"/cohorts/{cohort.pk}/").content.decode()
    client.post(f"/cohorts/shares/{share.pk}/comments/", {"body": "Add the <b>numbers</b>."})
    client.force_login(alice)
    notices = client.get("/cohorts/").content.decode()
    assert "New comments" in notices and "1 new" in notices
    item = client.get(f"/cohorts/shares/{share.pk}/").content.decode()
    assert "Add the &lt;b&gt;numbers&lt;/b&gt;." in item and "1 new comment" in item
    client.post(f"/cohorts/shares/{share.pk}/read/")
    assert "New comments" not in client.get("/cohorts/").content.decode()
    client.post(f"/cohorts/shares/{share.pk}/comments/", {"body": "Done, thanks."})
    assert Comment.objects.filter(share=share).count() == 2
    assert "New comments" not in client.get("/cohorts/").content.decode()


def test_the_api_flow(client, alice, coach, cohort, alices):
    client.force_login(alice)
    made = client.post(
        f"/api/v1/cohorts/{cohort.pk}/shares",
        {"kind": "attempt", "id": alices["attempt"].pk},
        content_type="application/json",
    )
    assert made.status_code == 201
    again = client.post(
        f"/api/v1/cohorts/{cohort.pk}/shares",
        {"kind": "attempt", "id": alices["attempt"].pk},
        content_type="application/json",
    )
    assert again.status_code == 200 and again.json()["id"] == made.json()["id"]
    share_id = made.json()["id"]
    client.force_login(coach)
    listed = client.get(f"/api/v1/cohorts/{cohort.pk}/shares").json()
    assert listed["count"] == 1 and listed["results"][0]["candidate"] == "alice"
    said = client.post(
        f"/api/v1/cohorts/shares/{share_id}/comments",
        {"body": "Nice."},
        content_type="application/json",
    )
    assert said.status_code == 201
    client.force_login(alice)
    assert client.get(f"/api/v1/cohorts/shares/{share_id}").json()["new_comments"] == 1
    assert client.post(f"/api/v1/cohorts/shares/{share_id}/read").json()["new_comments"] == 0
    assert (
        client.get(f"/api/v1/cohorts/shares/{share_id}/comments").json()["results"][0]["body"]
        == "Nice."
    )
    assert client.delete(f"/api/v1/cohorts/shares/{share_id}").status_code == 204


@pytest.mark.parametrize("body", ["", "   ", "a\x00b", "x" * 5001])
def test_a_bad_comment_is_refused(client, alice, coach, cohort, alices, body):
    share, _ = services.share_create(
        candidate=alice, cohort=cohort, kind="story", item_id=alices["story"].pk
    )
    client.force_login(coach)
    response = client.post(
        f"/api/v1/cohorts/shares/{share.pk}/comments",
        {"body": body},
        content_type="application/json",
    )
    assert response.status_code == 400 and not Comment.objects.exists()


def test_an_unfinished_loop_is_not_shared(client, alice, cohort, amazon_guide):
    from loopcoach.web.loops import services as loops

    loop = loops.loop_start(user=alice, guide=amazon_guide, minutes=15, seed=1)
    client.force_login(alice)
    response = client.post(
        f"/api/v1/cohorts/{cohort.pk}/shares",
        {"kind": "loop", "id": loop.pk},
        content_type="application/json",
    )
    assert response.status_code == 409
