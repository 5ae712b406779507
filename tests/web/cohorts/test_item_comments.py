"""The candidate reads the coach's comments on the item's own page (attempt, story, debrief),
with the notice of new ones; nobody else sees them there."""

from __future__ import annotations

import pytest
from django.test import Client

from loopcoach.web.cohorts import services
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
KINDS = ("attempt", "story", "loop")
COMMENT = "Lead with the number: what did the outage cost?"


def page_of(kind: str, item) -> str:
    return {
        "attempt": f"/practice/attempts/{item.pk}/",
        "story": f"/stories/{item.pk}/",
        "loop": f"/loops/{item.pk}/debrief/",
    }[kind]


def _commented(alice, coach, cohort, alices) -> dict:
    shares = {}
    for kind in KINDS:
        share, _ = services.share_create(
            candidate=alice, cohort=cohort, kind=kind, item_id=alices[kind].pk
        )
        services.comment_add(author=coach, share=share, body=f"{COMMENT} ({kind})")
        shares[kind] = share
    return shares


@pytest.mark.parametrize("kind", KINDS)
def test_the_candidate_sees_the_comment_and_the_notice_on_the_item(
    client, alice, coach, cohort, alices, kind
):
    shares = _commented(alice, coach, cohort, alices)
    client.force_login(alice)
    page = client.get(page_of(kind, alices[kind])).content.decode()
    assert "Your coach's comments" in page and f"{COMMENT} ({kind})" in page
    assert "1 new comment from your coach" in page
    assert f"/cohorts/shares/{shares[kind].pk}/read/" in page
    client.post(f"/cohorts/shares/{shares[kind].pk}/read/")
    again = client.get(page_of(kind, alices[kind])).content.decode()
    assert f"{COMMENT} ({kind})" in again and "new comment" not in again


def test_a_reply_of_her_own_is_not_new_and_other_items_show_no_comments(
    client, alice, coach, cohort, alices, amazon_guide
):
    share, _ = services.share_create(
        candidate=alice, cohort=cohort, kind="story", item_id=alices["story"].pk
    )
    services.comment_add(author=alice, share=share, body="Here is my draft.")
    client.force_login(alice)
    page = client.get(page_of("story", alices["story"])).content.decode()
    assert "Here is my draft." in page and "new comment" not in page
    attempt_page = client.get(page_of("attempt", alices["attempt"])).content.decode()
    assert "Your coach's comments" not in attempt_page  # not shared: nothing to show


def test_nobody_else_sees_the_comments_on_those_pages(client, alice, bob, coach, cohort, alices):
    _commented(alice, coach, cohort, alices)
    charlie = make_user("charlie")
    for other in (bob, coach, charlie):
        client.force_login(other)
        for kind in KINDS:
            response = client.get(page_of(kind, alices[kind]))
            assert response.status_code == 404 and COMMENT not in response.content.decode()
    anonymous = Client()
    for kind in KINDS:
        assert COMMENT not in anonymous.get(page_of(kind, alices[kind])).content.decode()


def test_bobs_own_item_never_shows_alices_comments(client, alice, bob, coach, cohort, alices):
    from loopcoach.web.practice import services as practice
    from tests.scripted_answers import STRONG

    _commented(alice, coach, cohort, alices)
    bobs = practice.attempt_create(user=bob, question=alices["attempt"].question, answer=STRONG)
    client.force_login(bob)
    page = client.get(page_of("attempt", bobs)).content.decode()
    assert COMMENT not in page and "Your coach's comments" not in page
