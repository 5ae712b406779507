"""Delete an account and everything of it: rows, stored files, API tokens, sessions.

The database part is one transaction; files (a background export's ZIP too) go once it
has committed (a failed deletion keeps them). Rows are deleted through the portability
registry first, so rows that only point at the user with SET_NULL (a market data point)
go too, then the user, whose foreign keys cascade to whatever else holds them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import models, transaction

from loopcoach.web.portability.background import export_files_of
from loopcoach.web.portability.registry import registry


class WrongPassword(Exception):
    pass


def _stored_files(user: User) -> list[Callable[[], object]]:
    """How to remove each file the user's rows hold (FileFields and `path_files`)."""
    found: list[Callable[[], object]] = []
    for spec in registry().ordered():
        file_fields = [
            f for f in spec.model._meta.concrete_fields if isinstance(f, models.FileField)
        ]
        if not file_fields and not spec.path_files:
            continue
        for obj in spec.rows_of(user):
            for model_field in file_fields:
                stored = getattr(obj, model_field.name)
                if stored:
                    found.append(partial(stored.storage.delete, stored.name))
            for path_file in spec.path_files:
                name = getattr(obj, path_file.field)
                if name:
                    found.append(partial((path_file.root() / name).unlink, missing_ok=True))
    return found


def _session_keys(user: User) -> list[str]:
    """The sessions signed in as `user` (the session table keeps the user only inside its data)."""
    keys = []
    for session in Session.objects.iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            keys.append(session.session_key)
    return keys


def account_delete(*, user: User, password: str) -> None:
    """Delete `user` and all of theirs, if `password` is theirs (else WrongPassword)."""
    if not password or not user.check_password(password):
        raise WrongPassword("That is not your password.")
    files = _stored_files(user)
    exports = export_files_of(user)
    with transaction.atomic():
        specs = registry().ordered()
        for spec in specs:  # first, while every row they read is still there
            if spec.delete is not None:
                spec.delete(user)
        for spec in reversed(specs):
            spec.rows_of(user).delete()
        Session.objects.filter(session_key__in=_session_keys(user)).delete()
        user.delete()
        transaction.on_commit(lambda: _remove(files, exports))


def _remove(files: list[Callable[[], object]], exports: list[Path]) -> None:
    for remove in files:
        remove()
    for path in exports:
        path.unlink(missing_ok=True)
