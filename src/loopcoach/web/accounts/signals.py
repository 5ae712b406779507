"""Clear the API token cache (`tokencache`) when a token or its user changes."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from loopcoach.web.accounts import tokencache
from loopcoach.web.accounts.models import ApiToken


@receiver(post_delete, sender=ApiToken, dispatch_uid="apitoken-forget-revoked")
def token_deleted(sender: type[ApiToken], instance: ApiToken, **kwargs: Any) -> None:
    tokencache.forget([instance.digest])  # revoked, or its user deleted (cascade)


@receiver(post_save, sender=User, dispatch_uid="apitoken-forget-user-changed")
def user_saved(
    sender: type[User], instance: User, update_fields: Any = None, **kwargs: Any
) -> None:
    # Deactivated, password changed, renamed: the cached copy is stale. A log-in only stamps
    # last_login, which the API does not read.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    if tokencache.enabled():
        digests = ApiToken.objects.filter(user=instance).values_list("digest", flat=True)
        tokencache.forget(list(digests))
