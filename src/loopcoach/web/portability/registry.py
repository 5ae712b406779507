"""Which models hold a user's data, and how each exports, imports and is deleted.

Each app declares its own in `<app>/portability.py` (imported by `autodiscover`):

    portable(Story, owner="user", markdown=story_markdown)

Every concrete field is carried as it is stored; a foreign key to another portable model
travels as that row's export key, one to shared content (a question, a guide…) as the
content's natural reference, declared once with `content_ref`. A model that only
points at the user through a parent gives the path (`owner="loop__user"`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models
from django.utils.module_loading import autodiscover_modules

Row = dict[str, Any]


@dataclass(frozen=True)
class PathFile:
    """A file a row names by its path under a private folder in a text field (a recording's
    `audio_name` under VOICE_DIR), where a FileField would name it through a storage."""

    field: str
    root: Callable[[], Path]  # the folder the stored name is relative to (read at run time)


@dataclass(frozen=True)
class Portable:
    model: type[models.Model]
    owner: str  # the lookup from the model to its user: "user", "loop__user"
    name: str  # the file in the ZIP: data/<name>.json, <name>.md
    fields: tuple[str, ...] | None = None  # only these (None: every concrete field)
    export_only: bool = False  # listed in the export, never imported (API token names)
    after: tuple[type[models.Model], ...] = ()  # imported after these, beyond its foreign keys
    markdown: Callable[[Iterable[Any]], str] | None = None
    # Fields holding another row's id inside text (a draft's slot "revise-12"): translate it.
    to_export: Callable[[Row, Callable[[type[models.Model], int], str]], Row] | None = None
    from_export: Callable[[Row, Callable[[type[models.Model], str], int]], Row] | None = None
    path_files: tuple[PathFile, ...] = ()
    # How the account deletion removes the rows, when more than a delete is needed (the
    # reported counts an interview report made): called with the user, in the transaction.
    delete: Callable[[Any], object] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def owner_is_direct(self) -> bool:
        return "__" not in self.owner

    def path_file(self, name: str) -> PathFile | None:
        return next((f for f in self.path_files if f.field == name), None)

    def rows_of(self, user: Any) -> models.QuerySet:
        return self.model._default_manager.filter(**{self.owner: user}).order_by("pk")


@dataclass(frozen=True)
class ContentRef:
    """Shared content a user's rows point at, named so another instance with the same packs
    finds it: a question by guide and key, a principle by company and slug."""

    model: type[models.Model]
    to_ref: Callable[[Any], str]
    from_ref: Callable[[str], Any]  # the object, or raises model.DoesNotExist / ValueError


@dataclass
class Registry:
    portables: dict[str, Portable] = field(default_factory=dict)
    contents: dict[str, ContentRef] = field(default_factory=dict)

    def ordered(self) -> list[Portable]:
        """Parents before children, so an import can point each row at rows it made."""
        done: list[Portable] = []
        pending = dict(self.portables)
        while pending:
            ready = [p for p in pending.values() if not _depends_on(p, pending, self)]
            if not ready:
                raise RuntimeError(f"Portable models depend on each other: {sorted(pending)}")
            for portable in sorted(ready, key=lambda p: p.name):
                done.append(portable)
                del pending[portable.label]
        return done

    def portable_of(self, model: type[models.Model]) -> Portable | None:
        return self.portables.get(model._meta.label_lower)

    def content_of(self, model: type[models.Model]) -> ContentRef | None:
        return self.contents.get(model._meta.label_lower)


def _depends_on(portable: Portable, pending: dict[str, Portable], registry: Registry) -> bool:
    if any(model._meta.label_lower in pending for model in portable.after):
        return True
    for model_field in portable.model._meta.get_fields():
        target = target_model(model_field)
        if target is None or target is portable.model or model_field.auto_created:
            continue
        if target._meta.label_lower in pending:
            return True
    return False


def target_model(model_field: Any) -> type[models.Model] | None:
    """The model a relation points at (resolved: apps are loaded by the time this runs)."""
    target = model_field.related_model if model_field.is_relation else None
    return target if isinstance(target, type) else None


REGISTRY = Registry()


def portable(model: type[models.Model], *, owner: str, name: str = "", **options: Any) -> None:
    spec = Portable(model=model, owner=owner, name=name or str(model._meta.model_name), **options)
    REGISTRY.portables[spec.label] = spec


def content_ref(
    model: type[models.Model], *, to_ref: Callable[[Any], str], from_ref: Callable[[str], Any]
) -> None:
    REGISTRY.contents[model._meta.label_lower] = ContentRef(model, to_ref, from_ref)


_discovered = False


def registry() -> Registry:
    """The registry with every installed app's portability module imported."""
    global _discovered
    if not _discovered:
        autodiscover_modules("portability")
        _discovered = True
    return REGISTRY
