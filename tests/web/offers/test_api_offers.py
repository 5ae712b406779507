"""POST /api/v1/offers/calculate and GET /api/v1/market-bands."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.web.offers.test_market import FIVE_L6

pytestmark = pytest.mark.django_db

AMAZON = {
    "name": "Amazon L6",
    "base_salary": 200000,
    "sign_on_year1": 110000,
    "sign_on_year2": "90,000",
    "grant_value": 400000,
    "vesting": "amazon",
}
EVEN = {
    "name": "Even",
    "base_salary": 210000,
    "bonus_percent": 15,
    "grant_value": 480000,
    "vesting": "even-cliff",
    "sign_on_year1": 50000,
    "sign_on_payment": "upfront",
}


def post(client, body, **extra):
    return client.post("/api/v1/offers/calculate", body, content_type="application/json", **extra)


def test_it_calculates_an_offer(client):
    data = post(client, AMAZON).json()
    assert [year["total"] for year in data["years"]] == [
        "330000.00",
        "350000.00",
        "360000.00",
        "360000.00",
    ]
    assert data["total"]["total"] == "1400000.00" and len(data["months"]) == 48
    assert data["claw_back"][2] == {"after_month": 3, "received": "27500.00", "owe": "20625.00"}


def test_it_compares_offers(client):
    data = post(client, {"offers": [AMAZON, EVEN]}).json()
    assert [o["total"]["total"] for o in data["offers"]] == ["1400000.00", "1496000.00"]
    assert data["comparison"][-1] == {
        "label": "4-year total",
        "values": ["1400000.00", "1496000.00"],
        "best": 1,
    }


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({**AMAZON, "base_salary": -1}, {"base_salary": "cannot be negative"}),
        (
            {**AMAZON, "grant_value": 1e9},
            {
                "grant_value": "is above 100,000,000: not plausible for a stock grant; "
                "check for an extra zero"
            },
        ),
        (
            {**AMAZON, "vesting": "custom", "custom_percents": [25, 25, 25]},
            {"custom_percents": "add up to 75%, not 100%"},
        ),
        (
            {"offers": [AMAZON, {**EVEN, "base_salary": None}]},
            {"offers.1.base_salary": "is required"},
        ),
        ({"offers": [AMAZON] * 4}, {"offers": "must be a list of 1 to 3 offers"}),
    ],
)
def test_bad_offers_are_400_with_field_errors(client, body, fields):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json()["fields"] == fields and response.json()["error"] == "invalid"


def test_it_wants_a_json_object(client):
    assert client.post("/api/v1/offers/calculate", {"base_salary": 1}).status_code == 415
    assert (
        client.post(
            "/api/v1/offers/calculate", "{nope", content_type="application/json"
        ).status_code
        == 400
    )
    assert (
        client.post("/api/v1/offers/calculate", "[1]", content_type="application/json").status_code
        == 400
    )
    assert client.get("/api/v1/offers/calculate").status_code == 405


def test_it_needs_no_csrf_token(alice):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    assert post(strict, AMAZON).status_code == 200


def test_market_bands(client, tmp_path):
    path = tmp_path / "points.csv"
    path.write_text(FIVE_L6)
    call_command("import_compensation", str(path))
    data = client.get("/api/v1/market-bands", {"company": "amazon", "level": "L6"}).json()
    assert data["min_points"] == 5
    assert data["results"][0]["total"] == {
        "p25": "345000.00",
        "p50": "360000.00",
        "p75": "375000.00",
    }
    assert data["results"][0]["count"] == 5 and data["results"][0]["location"] == "Seattle, WA"
    assert client.get("/api/v1/market-bands", {"level": "L9"}).json()["results"] == []
