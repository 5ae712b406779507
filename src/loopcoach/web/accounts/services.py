"""Account workflows: API tokens and the failed-login throttle."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from loopcoach.web.accounts import tokencache
from loopcoach.web.accounts.models import TOKEN_PREFIX, ApiToken, LoginFailure, token_hash

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
    digest = token_hash(raw)
    user = tokencache.cached_user(digest)
    if user is not None:
        return user
    token = ApiToken.objects.select_related("user").filter(digest=digest).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        token.last_used_at = now
        token.save(update_fields=["last_used_at"])
    tokencache.remember(digest, token.user)
    return token.user


def api_token_revoke(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def _lockout() -> timedelta:
    return timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def _login_name(username: str) -> str:
    return username.strip().lower()[:150]


def login_locked(*, username: str, ip: str) -> bool:
    """LOGIN_FAILURE_LIMIT failures, the last less than LOGIN_LOCKOUT_MINUTES ago."""
    return LoginFailure.objects.filter(
        username=_login_name(username),
        ip=ip,
        failures__gte=settings.LOGIN_FAILURE_LIMIT,
        last_failed_at__gt=timezone.now() - _lockout(),
    ).exists()


@transaction.atomic
def login_failed(*, username: str, ip: str) -> None:
    """Count one failure; a count whose last failure is older than the lockout starts again."""
    now, name = timezone.now(), _login_name(username)
    LoginFailure.objects.filter(last_failed_at__lte=now - _lockout()).delete()  # forget old ones
    row, created = LoginFailure.objects.select_for_update().get_or_create(
        username=name,
        ip=ip,
        defaults={
            "failures": 1,
            "last_failed_at": now,
            "user": User.objects.filter(username__iexact=name).first(),
        },
    )
    if not created:
        LoginFailure.objects.filter(pk=row.pk).update(
            failures=F("failures") + 1, last_failed_at=now
        )


def login_succeeded(*, username: str, ip: str) -> None:
    LoginFailure.objects.filter(username=_login_name(username), ip=ip).delete()
