"""Sign up, log in (with a lockout after repeated failures), passwords, API tokens."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import CommandError, call_command

from loopcoach.web.accounts.models import ApiToken
from loopcoach.web.accounts.services import api_token_user

pytestmark = pytest.mark.django_db


def test_it_signs_up_and_logs_in(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "dana",
            "email": "dana@example.com",
            "password1": "a-Long-passw0rd",
            "password2": "a-Long-passw0rd",
        },
    )
    assert (
        response.status_code == 302 and response["Location"] == "/accounts/welcome/"
    )  # the first-run page
    assert User.objects.get(username="dana")
    assert client.get("/practice/").status_code == 200


def test_signup_applies_the_password_validators(client):
    response = client.post(
        "/accounts/signup/", {"username": "dana", "password1": "12345678", "password2": "12345678"}
    )
    assert response.status_code == 400 and "too common" in response.content.decode()
    assert not User.objects.filter(username="dana").exists()


def test_signup_can_be_closed(client, settings):
    settings.SIGNUP_OPEN = False
    assert client.get("/accounts/signup/").status_code == 404


def test_it_logs_in_and_out(client, alice):
    response = client.post("/accounts/login/", {"username": "alice", "password": "alice-Passw0rd!"})
    assert response.status_code == 302
    assert client.get("/accounts/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/accounts/").status_code == 302


def test_repeated_failures_lock_the_login(client, alice, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
        assert "Please enter a correct username" in response.content.decode()
    locked = client.post("/accounts/login/", {"username": "alice", "password": "alice-Passw0rd!"})
    assert locked.status_code == 200 and "Too many failed attempts" in locked.content.decode()
    elsewhere = client.post(
        "/accounts/login/",
        {"username": "alice", "password": "alice-Passw0rd!"},
        REMOTE_ADDR="10.9.9.9",
    )
    assert elsewhere.status_code == 302  # the lock is per username and address


def test_a_success_clears_the_failures(client, alice, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert (
        client.post(
            "/accounts/login/", {"username": "alice", "password": "alice-Passw0rd!"}
        ).status_code
        == 302
    )
    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert (
        client.post(
            "/accounts/login/", {"username": "alice", "password": "alice-Passw0rd!"}
        ).status_code
        == 302
    )


def test_password_change(client, alice):
    client.force_login(alice)
    response = client.post(
        "/accounts/password/",
        {
            "old_password": "alice-Passw0rd!",
            "new_password1": "another-Passw0rd",
            "new_password2": "another-Passw0rd",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("another-Passw0rd")


def test_password_reset_by_email(client, alice):
    response = client.post("/accounts/password/reset/", {"email": "alice@example.com"})
    assert response.status_code == 302 and len(mail.outbox) == 1
    link = re.search(
        r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body
    ).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"new_password1": "reset-Passw0rd", "new_password2": "reset-Passw0rd"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("reset-Passw0rd")


def test_the_account_page_shows_a_new_token_once(client, alice):
    client.force_login(alice)
    html = client.post("/accounts/", {"name": "laptop"}).content.decode()
    raw = re.search(r'id="new-token">([^<]+)<', html).group(1)
    assert api_token_user(raw) == alice
    token = ApiToken.objects.get(user=alice)
    assert token.digest != raw and raw not in client.get("/accounts/").content.decode()


def test_a_revoked_token_stops_working(client, alice, bob):
    client.force_login(alice)
    html = client.post("/accounts/", {"name": "laptop"}).content.decode()
    raw = re.search(r'id="new-token">([^<]+)<', html).group(1)
    token = ApiToken.objects.get(user=alice)
    client.force_login(bob)
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(alice)
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 302
    assert api_token_user(raw) is None


def test_the_command_creates_a_token(alice):
    out = StringIO()
    call_command("create_api_token", "alice", "--name", "ci", stdout=out)
    raw = out.getvalue().strip()
    assert raw.startswith("lc_") and api_token_user(raw) == alice
    with pytest.raises(CommandError, match="No user"):
        call_command("create_api_token", "nobody")


def test_an_inactive_users_token_is_refused(alice):
    out = StringIO()
    call_command("create_api_token", "alice", stdout=out)
    alice.is_active = False
    alice.save()
    assert api_token_user(out.getvalue().strip()) is None
