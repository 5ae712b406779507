"""The export key a row came with when it was imported, so a second import of the same ZIP
finds it (no duplicate) and an export of the imported row gives the key it had before."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportedKey(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="imported_keys"
    )
    model = models.CharField(max_length=100, help_text="The row's model, as app_label.model")
    object_id = models.BigIntegerField()
    key = models.CharField(max_length=64, help_text="The row's key in the export it came from")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "model", "key"], name="one_row_per_key"),
            models.UniqueConstraint(fields=["model", "object_id"], name="one_key_per_row"),
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.object_id} ← {self.key}"
