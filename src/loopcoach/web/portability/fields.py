"""One row ↔ its JSON object in an export, field by field, for any portable model."""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any

from django.db import models

from loopcoach.web.portability.registry import Portable, Registry, target_model


def carried_fields(spec: Portable) -> list[models.Field]:
    """The concrete fields an export carries: all but the id and the direct owner."""
    chosen = []
    for model_field in spec.model._meta.concrete_fields:
        if model_field.primary_key or (spec.owner_is_direct and model_field.name == spec.owner):
            continue
        if spec.fields is None or model_field.name in spec.fields:
            chosen.append(model_field)
    return chosen


def carried_many(spec: Portable) -> list[models.ManyToManyField]:
    if spec.fields is not None:
        return [m for m in spec.model._meta.many_to_many if m.name in spec.fields]
    return list(spec.model._meta.many_to_many)


def plain_value(value: Any) -> Any:
    """A stored value as JSON: times and dates in ISO 8601, decimals as strings."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def is_self_reference(spec: Portable, model_field: models.Field) -> bool:
    return model_field.is_relation and model_field.related_model is spec.model


def file_path(spec: Portable, key: str, model_field: models.Field, stored_name: str) -> str:
    """Where a row's file sits in the ZIP: files/<model>/<key>/<field>-<its own name>."""
    base = stored_name.rsplit("/", 1)[-1]
    return f"files/{spec.name}/{key}/{model_field.name}-{base}"


def related(model_field: models.Field) -> type[models.Model]:
    target = target_model(model_field)
    assert target is not None, model_field
    return target


def describe_target(registry: Registry, model_field: models.Field) -> str:
    target = related(model_field)
    if registry.portable_of(target):
        return "portable"
    if registry.content_of(target):
        return "content"
    raise RuntimeError(
        f"{model_field.model._meta.label}.{model_field.name} points at "
        f"{target._meta.label}: register it as portable or as content"
    )
