"""Export keys: the stable name of one user row across exports and instances.

A row made here is named by an HMAC of its model and id (the same every export, nothing
to store, and no id of this server given away); a row that came from an import keeps
the key it came with (`ImportedKey`), so export → import → export gives the same keys.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import User
from django.db import models
from django.utils.crypto import salted_hmac

from loopcoach.web.portability.models import ImportedKey

SALT = "loopcoach.portability.key"


def native_key(label: str, pk: int) -> str:
    digest = salted_hmac(SALT, f"{label}:{pk}", algorithm="sha256").hexdigest()
    return str(uuid.UUID(digest[:32]))


class Keys:
    """Every key of one user's rows, read once: model label and id ↔ key."""

    def __init__(self, owner: User) -> None:
        self.by_row: dict[tuple[str, int], str] = {}
        self.by_key: dict[tuple[str, str], int] = {}
        for row in ImportedKey.objects.filter(owner=owner):
            self._remember(row.model, row.object_id, row.key)

    def _remember(self, label: str, pk: int, key: str) -> None:
        self.by_row[(label, pk)] = key
        self.by_key[(label, key)] = pk

    def key_of(self, model: type[models.Model], pk: int) -> str:
        label = model._meta.label_lower
        return self.by_row.get((label, pk)) or native_key(label, pk)

    def learn_native(self, model: type[models.Model], pks: list[int]) -> None:
        """Let `pk_of` find rows made here by the key an earlier export gave them."""
        label = model._meta.label_lower
        for pk in pks:
            self.by_key.setdefault((label, native_key(label, pk)), pk)

    def pk_of(self, model: type[models.Model], key: str) -> int | None:
        return self.by_key.get((model._meta.label_lower, key))

    def add(self, model: type[models.Model], pk: int, key: str) -> None:
        self._remember(model._meta.label_lower, pk, key)
