"""Personal API tokens. Only a hash is stored: the token itself is shown once."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models

TOKEN_PREFIX = "lc_"


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=80, help_text="What the token is for, e.g. 'laptop script'")
    hint = models.CharField(
        max_length=16, help_text="The token's first characters, to recognise it"
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"


class LoginFailure(models.Model):
    """Failed log-ins for one username from one address, counted in the database.

    In the database rather than the cache, so that every web process and every
    login form (the site's and /admin/login/) shares one count that survives a
    restart. `user` is set when the username exists, so the row goes with the account.
    """

    username = models.CharField(max_length=150)  # as typed, lower-cased
    ip = models.CharField(max_length=64, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    failures = models.PositiveIntegerField(default=0)
    last_failed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["username", "ip"], name="login_failure_per_address")
        ]
        indexes = [models.Index(fields=["last_failed_at"], name="login_failure_age")]

    def __str__(self) -> str:
        return f"{self.failures} failed log-ins for {self.username} from {self.ip or '?'}"
