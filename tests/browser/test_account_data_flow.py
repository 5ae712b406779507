"""A candidate downloads everything, imports it into a fresh account, and deletes an account;
a coach and a candidate share, comment and take back in a cohort."""

from __future__ import annotations

import json
import zipfile

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

PASSWORD = "alice-Passw0rd!"


def session_cookie(live_server, user) -> dict:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


@pytest.fixture
def alice_with_data(content):
    from django.contrib.auth.models import User

    from loopcoach.web.guides.models import Guide
    from tests.web.portability.conftest import fill_account

    alice = User.objects.create_user("alice", password=PASSWORD)
    guide = Guide.objects.get(company__slug="amazon", role_slug="engineering-manager")
    fill_account(alice, guide)
    return alice


def test_a_candidate_downloads_their_data_and_imports_it_elsewhere(
    page, live_server, alice_with_data, tmp_path
):
    from django.contrib.auth.models import User

    from loopcoach.web.practice.models import Attempt

    page.context.add_cookies([session_cookie(live_server, alice_with_data)])
    page.goto("/accounts/")
    expect(page.get_by_role("heading", name="Your data")).to_be_visible()
    screenshot(page, "account-data")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download my data").click()
    download = download_info.value
    assert download.suggested_filename.startswith("loopcoach-alice-")
    path = tmp_path / "export.zip"
    download.save_as(path)
    with zipfile.ZipFile(path) as archive:
        attempts = json.loads(archive.read("data/attempts.json"))
        assert "The payments outage" in archive.read("stories.md").decode()
    assert len(attempts) == Attempt.objects.filter(user=alice_with_data).count()

    dana = User.objects.create_user("dana", password="dana-Passw0rd!")
    page.context.clear_cookies()
    page.context.add_cookies([session_cookie(live_server, dana)])
    page.goto("/accounts/")
    page.get_by_label("Export ZIP").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    expect(page.locator(".flash-success")).to_contain_text("Imported")
    assert Attempt.objects.filter(user=dana).count() == len(attempts)
    page.get_by_label("Export ZIP").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    expect(page.locator(".flash-success")).to_contain_text("you already had")
    assert Attempt.objects.filter(user=dana).count() == len(attempts)


def test_a_candidate_deletes_their_account(page, phone_page, live_server, alice_with_data):
    from django.contrib.auth.models import User

    page.context.add_cookies([session_cookie(live_server, alice_with_data)])
    page.goto("/accounts/")
    page.get_by_role("link", name="Delete my account…").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Delete your account")
    screenshot(page, "account-delete")
    page.get_by_label("Your password").fill("not-it")
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account and all of it").click()
    expect(page.locator(".field-errors")).to_contain_text("not your password")
    assert User.objects.filter(username="alice").exists()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account and all of it").click()
    expect(page.locator(".flash-success")).to_contain_text("is deleted")
    assert not User.objects.filter(username="alice").exists()
    page.goto("/accounts/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/accounts/")


def test_a_candidate_shares_with_their_coach_who_comments(
    page, phone_page, live_server, alice_with_data
):
    from django.contrib.auth.models import Group, User

    coach = User.objects.create_user("coach", password="coach-Passw0rd!")
    coach.groups.add(Group.objects.get(name="coach"))
    coach_cookie = session_cookie(live_server, coach)
    alice_cookie = session_cookie(live_server, alice_with_data)

    page.context.add_cookies([coach_cookie])
    page.goto("/cohorts/")
    page.get_by_label("Cohort name").fill("Spring cohort")
    page.get_by_role("button", name="Make a cohort").click()
    invite = page.locator("#invite-link").inner_text()
    screenshot(page, "cohort-coach-empty")

    page.context.clear_cookies()
    page.context.add_cookies([alice_cookie])
    page.goto(invite)
    page.get_by_role("button", name="Join the cohort").click()
    page.get_by_label("What to share").select_option(label="The payments outage")
    page.get_by_role("button", name="Share", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("The payments outage")

    page.context.clear_cookies()
    page.context.add_cookies([coach_cookie])
    page.goto("/cohorts/")
    page.get_by_role("link", name="Spring cohort").click()
    page.get_by_role("link", name="The payments outage").click()
    expect(page.locator(".shared-item")).to_contain_text("Payments failed.")
    page.get_by_role("textbox", name="Comment").fill("Put a number on the result.")
    page.get_by_role("button", name="Comment", exact=True).click()
    expect(page.locator(".comment-list")).to_contain_text("Put a number on the result.")
    screenshot(page, "cohort-share-coach")

    phone_page.context.add_cookies([alice_cookie])
    phone_page.goto("/cohorts/")
    expect(phone_page.get_by_role("heading", name="New comments")).to_be_visible()
    screenshot(phone_page, "cohort-notice-phone")
    phone_page.get_by_role("link", name="The payments outage").click()
    expect(phone_page.locator(".comment-list")).to_contain_text("Put a number on the result.")
    phone_page.get_by_role("button", name="Mark as read").click()
    phone_page.goto("/cohorts/")
    expect(phone_page.get_by_role("heading", name="New comments")).to_have_count(0)
    phone_page.get_by_role("link", name="Spring cohort").click()
    phone_page.get_by_role("button", name="Take back").click()
    expect(phone_page.locator(".flash-success")).to_contain_text("Taken back")

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("could not find")
