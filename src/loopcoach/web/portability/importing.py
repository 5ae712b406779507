"""Import an export ZIP into an account: all of it or, at the first bad item, none of it.

A row whose key the account already has (it came from this ZIP before, or was made here and
exported) is skipped, so importing twice adds nothing. Every value is checked as the model
checks it (`full_clean`) and against what JSON may smuggle in (NUL, lone surrogates, the
wrong type) before anything is written; a problem names the file, the item and the field.
"""

from __future__ import annotations

import json
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, models, transaction

from loopcoach.web.portability.exporting import FORMAT, VERSION
from loopcoach.web.portability.fields import (
    carried_fields,
    carried_many,
    describe_target,
    is_self_reference,
    related,
)
from loopcoach.web.portability.keys import Keys
from loopcoach.web.portability.models import ImportedKey
from loopcoach.web.portability.registry import ContentRef, Portable, Registry, registry

MAX_KEY_LENGTH = 64
MAX_MEMBERS = 100_000
TEXT_TYPES = {"CharField", "TextField", "SlugField", "EmailField", "URLField"}
INTEGER_TYPES = {
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
}


class ImportProblem(Exception):
    """What is wrong, and where: `data/attempts.json, item 3, field 'grade': …`."""

    def __init__(
        self, message: str, *, file: str = "", item: int | None = None, field: str = ""
    ) -> None:
        self.file, self.item, self.field, self.problem = file, item, field, message
        where = [
            part
            for part in (file, f"item {item}" if item else "", f"field '{field}'" if field else "")
            if part
        ]
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


@dataclass
class Imported:
    created: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def total_created(self) -> int:
        return sum(self.created.values())


def _open(upload: IO[bytes]) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportProblem(
            "The file is not a ZIP archive (export one from an account page)."
        ) from None
    members = archive.infolist()
    limit = settings.LOOPCOACH_IMPORT_MAX_MB * 1024 * 1024
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > 4 * limit:
        raise ImportProblem("The archive holds more than an export of one account can.")
    return archive


def _read_json(archive: zipfile.ZipFile, name: str) -> Any:
    try:
        raw = archive.read(name)
    except KeyError:
        raise ImportProblem("is missing from the archive", file=name) from None
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        raise ImportProblem(f"cannot be read ({exc})", file=name) from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ImportProblem(f"is not valid JSON ({exc})", file=name) from None


def _manifest(archive: zipfile.ZipFile) -> dict:
    manifest = _read_json(archive, "manifest.json")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ImportProblem("is not a loopcoach export's manifest", file="manifest.json")
    if manifest.get("version") != VERSION:
        raise ImportProblem(
            f"has version {manifest.get('version')!r}; this server reads {VERSION}",
            file="manifest.json",
        )
    if not isinstance(manifest.get("data"), dict):
        raise ImportProblem("lists no data files", file="manifest.json")
    return manifest


def _check_text(value: Any) -> None:
    """What PostgreSQL or SQLite would refuse with a 500 instead of a sentence."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("contains a NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("contains a lone surrogate (not valid Unicode)") from None
    elif isinstance(value, list):
        for item in value:
            _check_text(item)
    elif isinstance(value, dict):
        for name, item in value.items():
            _check_text(name)
            _check_text(item)


def _check_type(model_field: models.Field, value: Any) -> None:
    kind = model_field.get_internal_type()
    if value is None:
        if not model_field.null:
            raise ValueError("may not be null")
        return
    wrong = (
        (kind in TEXT_TYPES and not isinstance(value, str))
        or (kind in INTEGER_TYPES and (isinstance(value, bool) or not isinstance(value, int)))
        or (kind == "BooleanField" and not isinstance(value, bool))
        or (kind in {"DateTimeField", "DateField", "DecimalField"} and not isinstance(value, str))
    )
    if wrong:
        raise ValueError(f"has the wrong type ({type(value).__name__})")


class RowReader:
    """Makes the rows of one import, resolving keys to the rows it or the account has."""

    def __init__(self, user: User, reg: Registry, archive: zipfile.ZipFile) -> None:
        self.user, self.registry, self.archive = user, reg, archive
        self.keys = Keys(user)
        self.undo_files: list[Callable[[], object]] = []  # run if the import fails

    def import_file(self, spec: Portable, name: str, rows: Any, imported: Imported) -> None:
        if not isinstance(rows, list):
            raise ImportProblem("must hold a list of rows", file=name)
        self.keys.learn_native(
            spec.model, list(spec.rows_of(self.user).values_list("pk", flat=True))
        )
        deferred: list[tuple[int, dict[str, str], int]] = []
        created = skipped = 0
        for index, row in enumerate(rows, start=1):
            try:
                outcome = self.import_row(spec, row)
            except ImportProblem as exc:
                raise ImportProblem(exc.problem, file=name, item=index, field=exc.field) from None
            if outcome is None:
                skipped += 1
            else:
                created += 1
                pk, self_refs = outcome
                if self_refs:
                    deferred.append((pk, self_refs, index))
        for pk, self_refs, index in deferred:
            values = {}
            for attname, key in self_refs.items():
                target = self.keys.pk_of(spec.model, key)
                if target is None:
                    raise ImportProblem(
                        "points at a row that is not in the export",
                        file=name,
                        item=index,
                        field=attname.removesuffix("_id"),
                    )
                values[attname] = target
            spec.model._default_manager.filter(pk=pk).update(**values)
        imported.created[spec.name], imported.skipped[spec.name] = created, skipped

    def import_row(self, spec: Portable, row: Any) -> tuple[int, dict[str, str]] | None:
        if not isinstance(row, dict):
            raise ImportProblem("is not an object")
        key = row.get("key")
        if not isinstance(key, str) or not 0 < len(key) <= MAX_KEY_LENGTH:
            raise ImportProblem("needs a key of 1 to 64 characters", field="key")
        if self.keys.pk_of(spec.model, key) is not None:
            return None  # imported before, or made here and exported
        if spec.from_export:
            try:
                row = spec.from_export(row, self._pk_or_problem)
            except (KeyError, TypeError, ValueError) as exc:
                raise ImportProblem(f"cannot be read ({exc})") from None
        fields = carried_fields(spec)
        many = carried_many(spec)
        unknown = set(row) - {"key"} - {f.name for f in fields} - {m.name for m in many}
        if unknown:
            raise ImportProblem("is not a field of this kind of row", field=sorted(unknown)[0])
        obj = spec.model()
        if spec.owner_is_direct:
            setattr(obj, spec.owner, self.user)
        self_refs: dict[str, str] = {}
        stamps: dict[str, Any] = {}
        files: list[tuple[models.Field, str]] = []
        for model_field in fields:
            if model_field.name not in row:
                continue
            value = row[model_field.name]
            try:
                self._set(spec, obj, model_field, value, self_refs, stamps, files)
            except (ValueError, ValidationError, ObjectDoesNotExist) as exc:
                raise ImportProblem(_sentence(exc), field=model_field.name) from None
        many_values = {m.name: self._references(m, row.get(m.name, [])) for m in many}
        # A null the export carries was allowed where it was made (a round whose guide round
        # was since deleted); self references are set once every row exists.
        # So was an empty list where the model's default is one (a plan with nothing done).
        nulls = [f.name for f in fields if f.null and row.get(f.name, "") is None]
        nulls += [
            f.name
            for f in fields
            if isinstance(f, models.JSONField) and row.get(f.name) in ([], {})
        ]
        self_fields = [spec.model._meta.get_field(a.removesuffix("_id")).name for a in self_refs]
        self._validate(obj, exclude=nulls + self_fields)
        for model_field, path in files:
            self._attach_file(spec, obj, model_field, path)
        try:
            with transaction.atomic():
                obj.save()
        except (DatabaseError, ValueError) as exc:
            raise ImportProblem(f"the database refused it ({exc})") from None
        if stamps:  # auto_now fields: keep the times the export gave
            spec.model._default_manager.filter(pk=obj.pk).update(**stamps)
        for name, targets in many_values.items():
            getattr(obj, name).set(targets)
        ImportedKey.objects.create(owner=self.user, model=spec.label, object_id=obj.pk, key=key)
        self.keys.add(spec.model, obj.pk, key)
        return obj.pk, self_refs

    def _set(
        self,
        spec: Portable,
        obj: models.Model,
        model_field: models.Field,
        value: Any,
        self_refs: dict[str, str],
        stamps: dict[str, Any],
        files: list[tuple[models.Field, str]],
    ) -> None:
        _check_text(value)
        if model_field.is_relation:
            if value is None:
                if not model_field.null:
                    raise ValueError("may not be null")
                setattr(obj, model_field.attname, None)
            elif not isinstance(value, str):
                raise ValueError("must be a key or reference (a string)")
            elif is_self_reference(spec, model_field):
                self_refs[model_field.attname] = value
            elif describe_target(self.registry, model_field) == "portable":
                setattr(obj, model_field.attname, self._pk_or_problem(related(model_field), value))
            else:
                ref = self.registry.content_of(related(model_field))
                assert ref is not None
                setattr(obj, model_field.name, _content(ref, value))
            return
        if isinstance(model_field, models.FileField) or spec.path_file(model_field.name):
            if value:
                if not isinstance(value, str):
                    raise ValueError("must be the file's path in the archive")
                files.append((model_field, value))
            return
        if not isinstance(model_field, models.JSONField):
            _check_type(model_field, value)
        python = model_field.to_python(value)
        if getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False):
            stamps[model_field.attname] = python
        setattr(obj, model_field.attname, python)

    def _pk_or_problem(self, model: type[models.Model], key: str) -> int:
        pk = self.keys.pk_of(model, key)
        if pk is None:
            raise ValueError(f"points at a {model._meta.verbose_name} that is not in the export")
        return pk

    def _references(self, many: models.ManyToManyField, values: Any) -> list[models.Model]:
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ImportProblem("must be a list of references", field=many.name)
        ref = self.registry.content_of(related(many))
        if ref is None:
            raise ImportProblem("cannot be imported on this server", field=many.name)
        try:
            return [_content(ref, value) for value in values]
        except (ValueError, ObjectDoesNotExist) as exc:
            raise ImportProblem(_sentence(exc), field=many.name) from None

    def _validate(self, obj: models.Model, *, exclude: list[str]) -> None:
        try:
            obj.full_clean(exclude=exclude)
        except ValidationError as exc:
            name, problems = next(iter(exc.message_dict.items()))
            raise ImportProblem(problems[0], field="" if name == "__all__" else name) from None

    def _attach_file(
        self, spec: Portable, obj: models.Model, model_field: models.Field, path: str
    ) -> None:
        try:
            content = self.archive.read(path)
        except KeyError:
            raise ImportProblem(
                f"names {path}, which is not in the archive", field=model_field.name
            ) from None
        path_file = spec.path_file(model_field.name)
        if path_file is not None:
            name = _write_private(path_file.root(), self.user, path, content)
            setattr(obj, model_field.name, name)
            self.undo_files.append(lambda: (path_file.root() / name).unlink(missing_ok=True))
            return
        stored = getattr(obj, model_field.name)
        stored.save(path.rsplit("/", 1)[-1], ContentFile(content), save=False)
        self.undo_files.append(lambda: stored.delete(save=False))


def _write_private(root: Path, user: User, path: str, content: bytes) -> str:
    """Store an imported file as the app stores its own: under the user's folder, readable
    by this server's account only, with a fresh name (never the archive's path)."""
    folder = root / str(user.pk)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    suffix = Path(path).suffix.lower()
    suffix = suffix if suffix[1:].isalnum() and len(suffix) <= 8 else ""
    target = folder / f"{uuid.uuid4().hex}{suffix}"
    target.write_bytes(content)
    target.chmod(0o600)
    return str(target.relative_to(root))


def _content(ref: ContentRef, value: str) -> models.Model:
    try:
        return ref.from_ref(value)
    except ObjectDoesNotExist:
        raise ValueError(f"names {value!r}, which is not on this server") from None


def _sentence(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return str(exc)


def import_account(user: User, upload: IO[bytes]) -> Imported:
    """Import the ZIP `upload` into `user`'s account; ImportProblem if any of it is wrong."""
    reg = registry()
    archive = _open(upload)
    manifest = _manifest(archive)
    imported = Imported()
    reader = RowReader(user, reg, archive)
    try:
        with transaction.atomic():
            for spec in reg.ordered():
                if spec.export_only or spec.name not in manifest["data"]:
                    continue
                name = f"data/{spec.name}.json"
                reader.import_file(spec, name, _read_json(archive, name), imported)
    except BaseException:
        for undo in reader.undo_files:  # the rows are gone with the transaction
            undo()
        raise
    return imported
