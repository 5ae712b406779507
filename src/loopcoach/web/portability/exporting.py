"""Everything a user has, as one ZIP: data/*.json for machines, *.md for people, files/…

Layout (format version 1):
  manifest.json          format, version, when, the files and how many rows each holds
  README.md              what is in the ZIP, for a person
  data/<name>.json       a list of rows; each has a stable "key" (see keys.py)
  <name>.md              the same rows to read
  files/<name>/<key>/…   stored files (audio recordings)
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

from loopcoach.web.portability.fields import (
    carried_fields,
    carried_many,
    describe_target,
    file_path,
    plain_value,
    related,
)
from loopcoach.web.portability.keys import Keys
from loopcoach.web.portability.registry import Portable, Registry, Row, registry

FORMAT = "loopcoach-export"
VERSION = 1

Progress = Callable[[float, str], None]


@dataclass
class Exported:
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0


class RowWriter:
    """Turns one user's rows into export rows, reading each content reference once."""

    def __init__(self, user: User, reg: Registry) -> None:
        self.keys = Keys(user)
        self.registry = reg
        self._refs: dict[tuple[str, int], str] = {}
        # (path in the ZIP, what to read it from: a FieldFile or a Path, both `.open("rb")`)
        self.files: list[tuple[str, Any]] = []

    def row(self, spec: Portable, obj: models.Model) -> Row:
        key = self.keys.key_of(spec.model, obj.pk)
        data: Row = {"key": key}
        for model_field in carried_fields(spec):
            data[model_field.name] = self.value(spec, key, obj, model_field)
        for many in carried_many(spec):
            data[many.name] = sorted(
                self.reference(many, item) for item in getattr(obj, many.name).all()
            )
        return spec.to_export(data, self.keys.key_of) if spec.to_export else data

    def value(self, spec: Portable, key: str, obj: models.Model, model_field: models.Field) -> Any:
        if model_field.is_relation:
            pk = getattr(obj, model_field.attname)
            if pk is None:
                return None
            if describe_target(self.registry, model_field) == "portable":
                return self.keys.key_of(related(model_field), pk)
            return self.reference(model_field, getattr(obj, model_field.name))
        path_file = spec.path_file(model_field.name)
        if path_file is not None:
            name = getattr(obj, model_field.name)
            source = path_file.root() / name if name else None
            if source is None or not source.is_file():
                return ""  # deleted by its owner (or by hand): nothing to carry
            # Named by the row's key, not the stored name (a fresh one on each import), so
            # export → import → export gives the same path.
            path = f"files/{spec.name}/{key}/{model_field.name}{source.suffix}"
            self.files.append((path, source))
            return path
        if isinstance(model_field, models.FileField):
            stored = getattr(obj, model_field.name)
            if not stored:
                return ""
            path = file_path(spec, key, model_field, stored.name)
            self.files.append((path, stored))
            return path
        return plain_value(model_field.value_from_object(obj))

    def reference(self, model_field: models.Field, target: models.Model) -> str:
        cache_key = (target._meta.label_lower, target.pk)
        if cache_key not in self._refs:
            ref = self.registry.content_of(type(target))
            if ref is None:
                describe_target(self.registry, model_field)  # raises, naming the field
                raise AssertionError
            self._refs[cache_key] = ref.to_ref(target)
        return self._refs[cache_key]


def export_size(user: User) -> int:
    """How many rows an export of `user` holds: large ones are built in the background."""
    return sum(spec.rows_of(user).count() for spec in registry().ordered())


def _queryset(spec: Portable, user: User) -> models.QuerySet:
    many = [m.name for m in carried_many(spec)]
    return spec.rows_of(user).prefetch_related(*many)


def _markdown(spec: Portable, rows: list[Row], objects: list[models.Model]) -> str:
    if spec.markdown:
        return spec.markdown(objects)
    title = str(spec.model._meta.verbose_name_plural).capitalize()
    lines = [f"# {title}", ""]
    for row in rows:
        lines += [f"## {row['key']}", ""]
        lines += [
            f"- **{name}**: {json.dumps(value, ensure_ascii=False)}"
            for name, value in row.items()
            if name != "key"
        ]
        lines.append("")
    return "\n".join(lines)


def _readme(user: User, counts: dict[str, int], when: str) -> str:
    lines = [
        f"# Everything {user.get_username()} had on loopcoach",
        "",
        f"Exported {when}. Each `*.md` file is one kind of thing, to read; `data/*.json` holds "
        "the same for a program, and `files/` the recordings. Import the ZIP on another "
        "loopcoach server from its account page.",
        "",
        "| file | rows |",
        "| --- | --- |",
    ]
    lines += [f"| {name}.md | {count} |" for name, count in counts.items()]
    return "\n".join(lines) + "\n"


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def export_account(user: User, out: IO[bytes], *, progress: Progress | None = None) -> Exported:
    """Write the ZIP of everything `user` has to `out`."""
    reg = registry()
    writer = RowWriter(user, reg)
    exported = Exported()
    specs = reg.ordered()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for done, spec in enumerate(specs):
            objects = list(_queryset(spec, user))
            rows = [writer.row(spec, obj) for obj in objects]
            archive.writestr(f"data/{spec.name}.json", _dump(rows))
            archive.writestr(f"{spec.name}.md", _markdown(spec, rows, objects))
            exported.counts[spec.name] = len(rows)
            if progress:
                progress((done + 1) / (len(specs) + 1), f"Exported {spec.name}")
        for path, stored in writer.files:
            with stored.open("rb") as source, archive.open(path, "w") as target:
                shutil.copyfileobj(source, target)
            exported.files += 1
        when = timezone.now().isoformat(timespec="seconds")
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": when,
            "data": {
                spec.name: {"model": spec.label, "rows": exported.counts[spec.name]}
                for spec in specs
            },
            "files": exported.files,
        }
        archive.writestr("manifest.json", _dump(manifest))
        archive.writestr("README.md", _readme(user, exported.counts, when))
    return exported
