"""Tiny typed readers for settings that come from environment variables.

Each refuses a value it cannot read with ImproperlyConfigured naming the
variable and the value (`DEBUG=ture`), so a typo stops the app at start-up
instead of quietly meaning the default. An empty variable counts as unset.
Every setting the app reads is documented in the README's settings table;
`tests/test_docs.py` fails when one is missing there.
"""

from __future__ import annotations

import os
from collections.abc import Collection

from django.core.exceptions import ImproperlyConfigured

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})


def _raw(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def envstr(name: str, default: str) -> str:
    value = _raw(name)
    return default if value is None else value


def envbool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a yes/no value: use true or false (1/0, yes/no, on/off)."
    )


def envint(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={value!r} must be at least {minimum}.")
    return number


def envchoice(name: str, default: str, choices: Collection[str]) -> str:
    """One of `choices`, compared without regard to case and given back as spelled there."""
    value = _raw(name)
    if value is None:
        return default
    spelled = {choice.lower(): choice for choice in choices}
    if value.lower() not in spelled:
        raise ImproperlyConfigured(f"{name}={value!r} is not one of: {', '.join(choices)}.")
    return spelled[value.lower()]


def envlist(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def envsecret(name: str) -> str | None:
    """Read NAME, or the file named by NAME_FILE (for Docker/Kubernetes secrets)."""
    path = _raw(f"{name}_FILE")
    if path is None:
        return _raw(name)
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read().strip() or None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ImproperlyConfigured(f"{name}_FILE={path!r} cannot be read: {reason}.") from None
