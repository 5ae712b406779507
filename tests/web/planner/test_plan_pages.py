"""Plan pages: make a plan, tick items, re-plan, download .ics; private to the owner."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from loopcoach.web.planner.models import Plan

pytestmark = pytest.mark.django_db


def in_days(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


@pytest.fixture
def alices_plan(alice, amazon_guide):
    return Plan.objects.create(
        owner=alice,
        guide=amazon_guide,
        loop_date=date.fromisoformat(in_days(35)),
        phone_screen=date.fromisoformat(in_days(9)),
        starts_on=timezone.localdate(),
    )


def test_anonymous_sees_why_to_log_in(client):
    html = client.get("/plan/").content.decode()
    assert "Plans are private" in html and "/accounts/login/?next=/plan/" in html


def test_alice_makes_a_plan(client, alice, amazon_guide):
    client.force_login(alice)
    response = client.post(
        "/plan/new",
        {
            "guide": amazon_guide.pk,
            "loop_date": in_days(35),
            "phone_screen": in_days(9),
            "weekly": "0",
        },
    )
    plan = Plan.objects.get(owner=alice)
    assert response.status_code == 302 and response["Location"] == f"/plan/{plan.pk}/"
    html = client.get(response["Location"]).content.decode()
    assert "Write a story for Customer Obsession" in html
    assert "System design: Distributed systems" in html
    assert "Mock loop 3 of 3" in html and "Rest day" in html and "Phone screen" in html
    assert "<strong>0</strong> of" in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"loop_date": in_days(-1)}, "is in the past"),
        (
            {"loop_date": in_days(10), "phone_screen": in_days(12)},
            "Phone screen must come before the loop date",
        ),
        ({"loop_date": "next week"}, "is not a date"),
        ({"loop_date": ""}, "Loop date is required"),
    ],
)
def test_impossible_dates_save_nothing(client, alice, fields, message):
    client.force_login(alice)
    response = client.post("/plan/new", {"weekly": "0", **fields})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Plan.objects.exists()


def test_ticking_an_item_updates_progress(client, alice, alices_plan):
    client.force_login(alice)
    response = client.post(
        f"/plan/{alices_plan.pk}/progress",
        {
            "key": ["story:customer-obsession", "bogus"],
            "done": ["story:customer-obsession", "bogus"],
        },
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html and "<strong>1</strong> of" in html
    alices_plan.refresh_from_db()
    assert alices_plan.done == ["story:customer-obsession"]  # unknown keys are ignored
    client.post(f"/plan/{alices_plan.pk}/progress", {"key": "story:customer-obsession"})  # unticked
    alices_plan.refresh_from_db()
    assert alices_plan.done == []


def test_replanning_moves_the_loop_and_keeps_finished_stories_out(client, alice, alices_plan):
    client.force_login(alice)
    client.post(
        f"/plan/{alices_plan.pk}/progress",
        {"key": "story:customer-obsession", "done": "story:customer-obsession"},
    )
    response = client.post(
        f"/plan/{alices_plan.pk}/dates",
        {"loop_date": in_days(42), "phone_screen": "", "weekly": "1"},
    )
    assert response.status_code == 302
    alices_plan.refresh_from_db()
    assert (
        alices_plan.loop_date.isoformat() == in_days(42)
        and alices_plan.weekly
        and alices_plan.revision == 1
    )
    assert alices_plan.skip == ["story:customer-obsession"]
    html = client.get(f"/plan/{alices_plan.pk}/").content.decode()
    assert (
        "Write a story for Customer Obsession" not in html and "Write a story for Ownership" in html
    )
    assert "<strong>1</strong> of" in html  # the story finished before the re-plan still counts


def test_replanning_into_the_past_changes_nothing(client, alice, alices_plan):
    client.force_login(alice)
    response = client.post(f"/plan/{alices_plan.pk}/dates", {"loop_date": in_days(-3)})
    assert response.status_code == 400 and "is in the past" in response.content.decode()
    alices_plan.refresh_from_db()
    assert alices_plan.loop_date.isoformat() == in_days(35) and alices_plan.revision == 0


def test_the_ics_download(client, alice, alices_plan):
    client.force_login(alice)
    response = client.get(f"/plan/{alices_plan.pk}.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="loopcoach-plan-{in_days(35)}.ics"' in response["Content-Disposition"]
    events = Calendar.from_ical(response.content).walk("VEVENT")
    loop = next(event for event in events if str(event["SUMMARY"]) == "Onsite loop")
    assert loop.decoded("DTSTART").isoformat() == in_days(35)
    assert str(loop["URL"]) == f"http://testserver/plan/{alices_plan.pk}/"


@pytest.mark.parametrize("path", ["/plan/{pk}/", "/plan/{pk}.ics"])
def test_bob_gets_404_like_a_missing_plan(client, bob, alices_plan, path):
    client.force_login(bob)
    assert client.get(path.format(pk=alices_plan.pk)).status_code == 404
    assert client.get(path.format(pk=999999)).status_code == 404


@pytest.mark.parametrize("path", ["/plan/{pk}/progress", "/plan/{pk}/dates", "/plan/{pk}/delete"])
def test_bob_cannot_change_alices_plan(client, bob, alices_plan, path):
    client.force_login(bob)
    response = client.post(
        path.format(pk=alices_plan.pk), {"key": "rest", "done": "rest", "loop_date": in_days(50)}
    )
    assert response.status_code == 404
    alices_plan.refresh_from_db()
    assert alices_plan.done == [] and alices_plan.loop_date.isoformat() == in_days(35)


def test_anonymous_is_sent_to_log_in(client, alices_plan):
    for path in [f"/plan/{alices_plan.pk}/", f"/plan/{alices_plan.pk}.ics"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_alice_deletes_her_plan(client, alice, alices_plan):
    client.force_login(alice)
    client.post(f"/plan/{alices_plan.pk}/delete")
    assert not Plan.objects.exists()
