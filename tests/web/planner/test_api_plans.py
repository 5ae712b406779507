"""POST /api/v1/plans, GET /api/v1/plans/{id} and its .ics: private to the owner."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from loopcoach.web.planner.models import Plan

pytestmark = pytest.mark.django_db


def in_days(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def create(client, body):
    return client.post("/api/v1/plans", body, content_type="application/json")


def test_alice_creates_and_reads_a_plan(client, alice, amazon_guide):
    client.force_login(alice)
    response = create(
        client,
        {
            "guide": "amazon/engineering-manager",
            "loop_date": in_days(35),
            "phone_screen": in_days(9),
        },
    )
    assert response.status_code == 201
    data = response.json()
    assert response["Location"] == f"/api/v1/plans/{data['id']}"
    assert data["guide"] == "amazon/engineering-manager" and len(data["days"]) == 36
    assert data["days"][-1]["items"][0]["kind"] == "loop"
    assert data["progress"]["done"] == 0 and data["progress"]["total"] > 50
    assert client.get(f"/api/v1/plans/{data['id']}").json() == data
    ics = client.get(f"/api/v1/plans/{data['id']}.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert len(Calendar.from_ical(ics.content).walk("VEVENT")) == 36


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"loop_date": in_days(-2)}, ["loop_date"]),
        ({"loop_date": in_days(10), "phone_screen": in_days(20)}, ["phone_screen"]),
        ({"loop_date": 20250101}, ["loop_date"]),
        ({}, ["loop_date"]),
        (
            {"loop_date": in_days(10), "guide": "amazon/astronaut", "weekly": "yes"},
            ["guide", "weekly"],
        ),
    ],
)
def test_bad_plans_are_400_and_save_nothing(client, alice, amazon_guide, body, fields):
    client.force_login(alice)
    response = create(client, body)
    assert response.status_code == 400 and sorted(response.json()["fields"]) == fields
    assert not Plan.objects.exists()


def test_anonymous_gets_json_401(client, alice):
    plan = Plan.objects.create(
        owner=alice,
        loop_date=timezone.localdate() + timedelta(days=20),
        starts_on=timezone.localdate(),
    )
    for response in [
        create(client, {"loop_date": in_days(10)}),
        client.get(f"/api/v1/plans/{plan.pk}"),
        client.get(f"/api/v1/plans/{plan.pk}.ics"),
    ]:
        assert response.status_code == 401 and response.json()["error"] == "unauthorized"


def test_bob_gets_404_exactly_like_a_missing_plan(client, alice, bob):
    plan = Plan.objects.create(
        owner=alice,
        loop_date=timezone.localdate() + timedelta(days=20),
        starts_on=timezone.localdate(),
    )
    client.force_login(bob)
    for path in [f"/api/v1/plans/{plan.pk}", f"/api/v1/plans/{plan.pk}.ics"]:
        theirs, missing = client.get(path), client.get(path.replace(str(plan.pk), "999999"))
        assert theirs.status_code == missing.status_code == 404
        assert theirs.json()["error"] == missing.json()["error"] == "not_found"


def test_a_session_write_needs_the_csrf_token(alice, amazon_guide):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = create(browser, {"loop_date": in_days(20)})
    assert response.status_code == 403 and response.json()["error"] == "forbidden"
    assert not Plan.objects.exists()
