"""A short-lived cache of which user an API token belongs to (issue 13).

Finding the token's row and its user was ~15% of an API answer's CPU. The cache is keyed by
the token's hash (never the token), lives only where every process shares it (Redis), and is
cleared as soon as the answer could change: the token revoked (or its user deleted), the user
saved (deactivated, password changed). A change that skips Django's signals — a queryset
`update()` in a shell — is seen within TOKEN_CACHE_SECONDS.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import transaction

TOKEN_CACHE_SECONDS = 60  # well under the 5 minutes `last_used_at` is kept to, so it stays true


def enabled() -> bool:
    # A per-process cache could not be cleared in the other processes when a token is revoked.
    return bool(settings.API_TOKEN_CACHE)


def _key(digest: str) -> str:
    return f"apitoken:{digest}"


def cached_user(digest: str) -> User | None:
    return cache.get(_key(digest)) if enabled() else None


def remember(digest: str, user: User) -> None:
    if enabled():
        cache.set(_key(digest), user, TOKEN_CACHE_SECONDS)


def forget(digests: Iterable[str]) -> None:
    """Clear now, and again once the change commits: a request that read the row before the
    commit could have put the old answer back in between."""
    keys = [_key(digest) for digest in digests]
    if not keys or not enabled():
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
