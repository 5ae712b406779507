"""The calculator page: form, htmx results, comparison, saving privately."""

from __future__ import annotations

import pytest

from loopcoach.web.offers.models import SavedOffer

pytestmark = pytest.mark.django_db

AMAZON = {
    "o1-name": "Amazon L6",
    "o1-base_salary": "200,000",
    "o1-sign_on_year1": "110000",
    "o1-sign_on_year2": "90000",
    "o1-grant_value": "400000",
    "o1-vesting": "amazon",
}
EVEN = {
    "o2-name": "Even co",
    "o2-base_salary": "210000",
    "o2-bonus_percent": "15",
    "o2-grant_value": "480000",
    "o2-vesting": "even-cliff",
    "o2-sign_on_year1": "50000",
    "o2-sign_on_payment": "upfront",
}


def test_it_shows_the_form(client):
    html = client.get("/offers/").content.decode()
    assert 'name="o1-base_salary"' in html and "Amazon 5/15/40/40" in html
    assert 'name="o2-base_salary"' not in html


def test_it_calculates_one_offer(client):
    html = client.post("/offers/", {**AMAZON, "count": "1"}).content.decode()
    for figure in ["$330,000", "$350,000", "$360,000", "$1,400,000"]:
        assert figure in html, figure
    assert "<svg" in html and "Month by month" in html and "repay" in html


def test_htmx_gets_the_fragment(client):
    response = client.post("/offers/", {**AMAZON, "count": "1"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and "$1,400,000" in html
    assert "HX-Request" in response["Vary"]


def test_it_compares_two_offers(client):
    html = client.post("/offers/", {**AMAZON, **EVEN, "count": "2"}).content.decode()
    assert "side by side" in html and "$1,496,000" in html and "highest" in html


def test_add_and_remove_an_offer(client):
    html = client.post("/offers/", {**AMAZON, "count": "1", "action": "add"}).content.decode()
    assert 'name="o2-base_salary"' in html and 'value="Amazon L6"' in html
    html = client.post(
        "/offers/", {**AMAZON, **EVEN, "count": "2", "action": "remove-0"}
    ).content.decode()
    assert 'name="o2-base_salary"' not in html and 'value="Even co"' in html


def test_bad_fields_are_shown_next_to_them(client):
    response = client.post(
        "/offers/",
        {
            **AMAZON,
            "o1-base_salary": "-3",
            "o1-vesting": "custom",
            "o1-custom_percents": "50, 40",
            "count": "1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Base salary cannot be negative" in html
    assert "Percent per year add up to 90%, not 100%" in html
    assert 'aria-invalid="true"' in html


def test_a_guide_link_prefills_the_vesting(client):
    html = client.get("/offers/", {"o1-vesting": "even-cliff", "o1-name": "Acme"}).content.decode()
    assert 'value="Acme"' in html and '<option value="even-cliff" selected>' in html


def test_saving_needs_an_account(client):
    html = client.post(
        "/offers/", {**AMAZON, "count": "1", "action": "save-0"}, follow=True
    ).content.decode()
    assert "Log in to save" in html
    assert not SavedOffer.objects.exists()


def test_alice_saves_and_reopens_an_offer(client, alice):
    client.force_login(alice)
    html = client.post("/offers/", {**AMAZON, "count": "1", "action": "save-0"}).content.decode()
    saved = SavedOffer.objects.get(owner=alice)
    assert saved.name == "Amazon L6" and saved.fields["base_salary"] == "200,000"
    assert "Only you can see it" in html
    html = client.get("/offers/", {"load": saved.pk}).content.decode()
    assert "$1,400,000" in html


def test_bob_cannot_open_or_delete_alices_offer(client, alice, bob):
    saved = SavedOffer.objects.create(
        owner=alice, name="Amazon L6", fields={"base_salary": "200000"}
    )
    client.force_login(bob)
    assert client.get("/offers/", {"load": saved.pk}).status_code == 404
    assert client.get("/offers/", {"load": 999999}).status_code == 404
    assert client.post(f"/offers/saved/{saved.pk}/delete").status_code == 404
    assert SavedOffer.objects.filter(pk=saved.pk).exists()
    assert f"?load={saved.pk}" not in client.get("/offers/").content.decode()


def test_anonymous_cannot_load_saved_offers(client, alice):
    saved = SavedOffer.objects.create(
        owner=alice, name="Amazon L6", fields={"base_salary": "200000"}
    )
    assert client.get("/offers/", {"load": saved.pk}).status_code == 404
    response = client.post(f"/offers/saved/{saved.pk}/delete")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_alice_deletes_her_offer(client, alice):
    saved = SavedOffer.objects.create(
        owner=alice, name="Amazon L6", fields={"base_salary": "200000"}
    )
    client.force_login(alice)
    client.post(f"/offers/saved/{saved.pk}/delete")
    assert not SavedOffer.objects.exists()


def test_an_invalid_offer_is_not_saved(client, alice):
    client.force_login(alice)
    client.post("/offers/", {**AMAZON, "o1-base_salary": "", "count": "1", "action": "save-0"})
    assert not SavedOffer.objects.exists()


def test_the_nav_links_to_offers_and_plan(client):
    html = client.get("/").content.decode()
    assert 'href="/offers/"' in html and 'href="/plan/"' in html
