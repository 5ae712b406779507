"""Account workflows: API tokens and the failed-login throttle."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from loopcoach.web.accounts.models import TOKEN_PREFIX, ApiToken, token_hash
from loopcoach.web.core import ratelimit

MAX_TOKENS_PER_USER = 20


class TokenLimitReached(Exception):
    pass


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token; return it with its secret, which
    is never stored and cannot be shown again."""
    if ApiToken.objects.filter(user=user).count() >= MAX_TOKENS_PER_USER:
        raise TokenLimitReached(f"You already have {MAX_TOKENS_PER_USER} tokens; revoke one first.")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:80] or "API token", hint=raw[:8], digest=token_hash(raw)
    )
    return token, raw


def api_token_user(raw: str) -> User | None:
    """The active user a presented token belongs to, or None."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(digest=token_hash(raw)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        token.last_used_at = now
        token.save(update_fields=["last_used_at"])
    return token.user


def api_token_revoke(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def _login_key(username: str, ip: str) -> str:
    return f"login:{username.strip().lower()}:{ip}"


def login_locked(*, username: str, ip: str) -> bool:
    return ratelimit.count(_login_key(username, ip)) >= settings.LOGIN_FAILURE_LIMIT


def login_failed(*, username: str, ip: str) -> None:
    ratelimit.hit(_login_key(username, ip), window_seconds=settings.LOGIN_LOCKOUT_MINUTES * 60)


def login_succeeded(*, username: str, ip: str) -> None:
    ratelimit.reset(_login_key(username, ip))
