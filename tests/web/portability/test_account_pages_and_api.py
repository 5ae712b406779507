"""The account page's export, import and delete, and /api/v1/account/…: each only ever acts
on the signed-in user's own data."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from loopcoach.web.accounts.services import api_token_create
from loopcoach.web.practice.models import Attempt
from loopcoach.web.stories.models import Story
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def zip_names(content: bytes) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return set(archive.namelist())


def test_the_account_page_offers_export_import_and_delete(client, alice):
    client.force_login(alice)
    page = client.get("/accounts/").content.decode()
    assert 'action="/accounts/export/"' in page and 'action="/accounts/import/"' in page
    assert 'href="/accounts/delete/"' in page


def test_the_page_downloads_the_users_own_zip(client, busy_alice, alice, bob):
    Story.objects.create(user=bob, title="Bob's own story")
    client.force_login(alice)
    response = client.post("/accounts/export/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert 'filename="loopcoach-alice-' in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert "data/attempts.json" in zip_names(content) and b"Bob's own story" not in content


def test_export_is_a_post_and_needs_a_sign_in(client, alice):
    assert client.post("/accounts/export/").status_code == 302
    client.force_login(alice)
    assert client.get("/accounts/export/").status_code == 405


def test_the_page_imports_and_says_how_much(client, busy_alice, alice):
    client.force_login(alice)
    archive = b"".join(client.post("/accounts/export/").streaming_content)
    carol = make_user("carol")
    client.force_login(carol)
    response = client.post(
        "/accounts/import/", {"archive": SimpleUploadedFile("export.zip", archive)}, follow=True
    )
    assert "Imported" in response.content.decode()
    assert Attempt.objects.filter(user=carol).count() == Attempt.objects.filter(user=alice).count()


def test_a_bad_upload_on_the_page_imports_nothing(client, alice):
    client.force_login(alice)
    response = client.post(
        "/accounts/import/", {"archive": SimpleUploadedFile("x.zip", b"not a zip")}
    )
    assert response.status_code == 400
    assert "Nothing was imported. The file is not a ZIP" in response.content.decode()


def test_the_delete_page_wants_the_password_and_the_confirmation(client, busy_alice, alice):
    client.force_login(alice)
    assert client.get("/accounts/delete/").status_code == 200
    wrong = client.post("/accounts/delete/", {"password": "nope", "confirm": "on"})
    assert wrong.status_code == 400 and "not your password" in wrong.content.decode()
    unconfirmed = client.post("/accounts/delete/", {"password": "alice-Passw0rd!"})
    assert unconfirmed.status_code == 400
    assert User.objects.filter(username="alice").exists()
    done = client.post("/accounts/delete/", {"password": "alice-Passw0rd!", "confirm": "on"})
    assert done.status_code == 302 and not User.objects.filter(username="alice").exists()
    assert client.get("/accounts/").status_code == 302  # signed out


def test_the_api_exports_with_a_token(client, busy_alice, alice):
    _, raw = api_token_create(user=alice, name="script")
    response = client.get("/api/v1/account/export", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    content = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        tokens = json.loads(archive.read("data/api_tokens.json"))
    assert {t["name"] for t in tokens} == {"laptop", "script"} and raw.encode() not in content


def test_the_api_refuses_without_a_sign_in(client):
    assert client.get("/api/v1/account/export").status_code == 401
    assert client.delete("/api/v1/account").status_code == 401
    assert client.post("/api/v1/account/import").status_code == 401


def test_the_api_imports_and_reports_a_bad_item(client, busy_alice, alice):
    _, raw = api_token_create(user=alice, name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    archive = b"".join(client.get("/api/v1/account/export", **auth).streaming_content)
    carol = make_user("carol")
    _, carols = api_token_create(user=carol, name="script")
    carol_auth = {"HTTP_AUTHORIZATION": f"Bearer {carols}"}
    first = client.post(
        "/api/v1/account/import", {"archive": SimpleUploadedFile("e.zip", archive)}, **carol_auth
    )
    assert first.status_code == 200 and first.json()["created"]["stories"] == 1
    again = client.post(
        "/api/v1/account/import", {"archive": SimpleUploadedFile("e.zip", archive)}, **carol_auth
    )
    assert sum(again.json()["created"].values()) == 0 and again.json()["skipped"]["stories"] == 1
    bad = client.post(
        "/api/v1/account/import", {"archive": SimpleUploadedFile("e.zip", b"PK")}, **carol_auth
    )
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_import"


def test_the_api_deletes_only_with_the_password(client, busy_alice, alice, bob):
    _, raw = api_token_create(user=alice, name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    wrong = client.delete(
        "/api/v1/account", {"password": "bob-Passw0rd!"}, content_type="application/json", **auth
    )
    assert wrong.status_code == 403 and wrong.json()["error"] == "wrong_password"
    missing = client.delete("/api/v1/account", {}, content_type="application/json", **auth)
    assert missing.status_code == 400
    done = client.delete(
        "/api/v1/account", {"password": "alice-Passw0rd!"}, content_type="application/json", **auth
    )
    assert done.status_code == 204
    assert not User.objects.filter(username="alice").exists()
    assert User.objects.filter(username="bob").exists()
    assert client.get("/api/v1/me", **auth).status_code == 401  # the token went with it


def test_a_session_delete_needs_the_csrf_token(alice):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(alice)
    response = csrf_client.delete(
        "/api/v1/account", {"password": "alice-Passw0rd!"}, content_type="application/json"
    )
    assert response.status_code == 403 and User.objects.filter(username="alice").exists()
