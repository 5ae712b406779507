"""One lockout for every login form, counted in the database: 5 tries, then refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from loopcoach.web.accounts.models import LoginFailure
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

FORMS = ["/accounts/login/", "/admin/login/"]


@pytest.fixture
def staff(db):
    user = make_user("root")
    user.is_staff = user.is_superuser = True
    user.save()
    return user


def _try(client, url, password):
    return client.post(url, {"username": "root", "password": password, "next": "/admin/"})


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", FORMS)
def test_five_failures_lock_every_form(staff, url):
    client = Client()
    for _ in range(5):
        _try(client, url, "wrong")
        assert not _signed_in(client)
    locked = _try(client, url, "root-Passw0rd!")
    assert not _signed_in(client)
    assert "Too many failed attempts" in locked.content.decode()


def test_the_forms_share_one_count(staff):
    client = Client()
    for url in FORMS * 2 + ["/admin/login/"]:
        _try(client, url, "wrong")
    for url in FORMS:
        _try(client, url, "root-Passw0rd!")
        assert not _signed_in(client)


def test_two_processes_and_a_restart_share_the_count(staff):
    """Each Client stands for a process; clearing the cache stands for a restart."""
    for attempt in range(5):
        _try(Client(), FORMS[attempt % 2], "wrong")
        cache.clear()
    client = Client()
    _try(client, "/accounts/login/", "root-Passw0rd!")
    assert not _signed_in(client)
    assert LoginFailure.objects.get(username="root").failures == 5


def test_the_lock_ends_after_the_lockout(staff, settings):
    client = Client()
    for _ in range(5):
        _try(client, "/admin/login/", "wrong")
    old = timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES + 1)
    LoginFailure.objects.update(last_failed_at=old)
    _try(client, "/admin/login/", "root-Passw0rd!")
    assert _signed_in(client)
    assert not LoginFailure.objects.exists()  # a success clears the count


def test_thirty_wrong_admin_passwords_then_the_right_one_is_refused(staff):
    client = Client()
    for _ in range(30):
        _try(client, "/admin/login/", "wrong")
    _try(client, "/admin/login/", "root-Passw0rd!")
    assert not _signed_in(client)


def test_failures_go_with_the_account(staff):
    _try(Client(), "/accounts/login/", "wrong")
    assert LoginFailure.objects.get().user == staff
    staff.delete()
    assert not LoginFailure.objects.exists()
