"""The API token cache (issue 13): a hit skips the database, and every way a token stops being
valid — revoked, its user deactivated, deleted or given a new password — clears it at once."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loopcoach.web.accounts import tokencache
from loopcoach.web.accounts.models import ApiToken, token_hash
from loopcoach.web.accounts.services import api_token_create, api_token_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def token_cache(settings):
    settings.API_TOKEN_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def raw(alice):
    return api_token_create(user=alice, name="laptop")[1]


def api_status(client, raw: str) -> int:
    return client.get("/api/v1/attempts", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code


def is_cached(raw: str) -> bool:
    return tokencache.cached_user(token_hash(raw)) is not None


def test_a_second_lookup_is_served_from_the_cache(raw, alice):
    assert api_token_user(raw) == alice
    with CaptureQueriesContext(connection) as queries:
        assert api_token_user(raw) == alice
    assert len(queries) == 0


def test_without_a_shared_cache_every_lookup_reads_the_database(settings, raw, alice):
    settings.API_TOKEN_CACHE = False
    api_token_user(raw)
    with CaptureQueriesContext(connection) as queries:
        assert api_token_user(raw) == alice
    assert len(queries) == 1 and not is_cached(raw)


def test_an_unknown_token_is_not_cached():
    assert api_token_user("lc_not-a-token") is None
    assert not is_cached("lc_not-a-token")


def test_a_revoked_token_is_refused_at_once(client, raw, alice):
    assert api_status(client, raw) == 200 and is_cached(raw)
    client.force_login(alice)
    token = ApiToken.objects.get(user=alice)
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 302
    client.logout()
    assert api_status(client, raw) == 401


def test_a_deactivated_users_token_is_refused_at_once(client, raw, alice):
    assert api_status(client, raw) == 200 and is_cached(raw)
    alice.is_active = False
    alice.save()
    assert api_status(client, raw) == 401


def test_a_deleted_users_token_is_refused_at_once(client, raw, alice):
    assert api_status(client, raw) == 200 and is_cached(raw)
    alice.delete()
    assert api_status(client, raw) == 401


def test_a_password_change_clears_the_users_tokens_from_the_cache(raw, alice):
    other = api_token_create(user=alice, name="ci")[1]
    api_token_user(raw), api_token_user(other)
    assert is_cached(raw) and is_cached(other)
    alice.set_password("a-New-passw0rd")
    alice.save()
    assert not is_cached(raw) and not is_cached(other)
    assert api_token_user(raw) == alice  # still valid: only the cached copy was stale


def test_a_log_in_keeps_the_cache(client, raw, alice):
    api_token_user(raw)
    alice.set_password("a-Long-passw0rd")
    alice.save()
    api_token_user(raw)
    assert client.login(username="alice", password="a-Long-passw0rd")  # stamps last_login
    assert is_cached(raw)


def test_a_revoke_inside_a_transaction_clears_again_on_commit(
    raw, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ApiToken.objects.filter(user=alice).delete()
        tokencache.remember(token_hash(raw), alice)  # a request that read the row before commit
    assert len(callbacks) == 1 and not is_cached(raw)
