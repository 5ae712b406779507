"""Typed reads from a located YAML document that record problems instead of raising.

A validator asks for `checker.text(("overview",))` and gets the value back,
or a default when it is missing or of the wrong type; each problem is kept
with its file and line so that one run reports every problem at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loopcoach.content.located import Located, Path_

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_TEXT = 20_000


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def describe(path: Path_) -> str:
    parts = []
    for part in path:
        parts.append(f"[{part}]" if isinstance(part, int) else f".{part}")
    return "".join(parts).lstrip(".") or "document"


class Checker:
    def __init__(self, file: Path, document: Located, problems: list[Problem]) -> None:
        self.file = file
        self.document = document
        self.problems = problems
        for line, key in document.duplicate_keys:
            self.problem_at(line, f"duplicate key '{key}'")

    def problem(self, path: Path_, message: str) -> None:
        self.problem_at(self.document.line(path), f"{describe(path)}: {message}")

    def problem_at(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def get(self, path: Path_) -> Any:
        value = self.document.value
        for part in path:
            if isinstance(part, int):
                value = value[part] if isinstance(value, list) and part < len(value) else None
            else:
                value = value.get(part) if isinstance(value, dict) else None
        return value

    def mapping(self, path: Path_, allowed: set[str], required: bool = True) -> dict:
        value = self.get(path)
        if value is None:
            if required:
                self.problem(path, "is missing")
            return {}
        if not isinstance(value, dict):
            self.problem(path, "must be a mapping of fields")
            return {}
        for key in value:
            if key not in allowed:
                self.problem(
                    (*path, key),
                    f"unknown field '{key}' (expected one of: {', '.join(sorted(allowed))})",
                )
        return value

    def items(self, path: Path_, required: bool = True, min_items: int = 0) -> list:
        value = self.get(path)
        if value is None:
            if required:
                self.problem(path, "is missing")
            return []
        if not isinstance(value, list):
            self.problem(path, "must be a list")
            return []
        if len(value) < min_items:
            self.problem(path, f"needs at least {min_items} item(s), has {len(value)}")
        return value

    def text(self, path: Path_, required: bool = True, max_length: int = MAX_TEXT) -> str:
        value = self.get(path)
        if value is None:
            if required:
                self.problem(path, "is missing")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(path, "must be non-empty text")
            return ""
        if len(value) > max_length:
            self.problem(path, f"is too long ({len(value)} characters, at most {max_length})")
        return value.strip()

    def slug(self, path: Path_, required: bool = True) -> str:
        value = self.text(path, required=required, max_length=80)
        if value and not SLUG_RE.match(value):
            self.problem(path, f"'{value}' is not a slug (lowercase words joined by hyphens)")
            return ""
        return value

    def text_list(self, path: Path_, required: bool = True) -> list[str]:
        texts = []
        for index, _ in enumerate(self.items(path, required=required)):
            texts.append(self.text((*path, index)))
        return [text for text in texts if text]

    def slug_list(self, path: Path_, required: bool = True) -> list[str]:
        slugs = []
        for index, _ in enumerate(self.items(path, required=required)):
            slugs.append(self.slug((*path, index)))
        return [slug for slug in slugs if slug]

    def boolean(self, path: Path_, default: bool = False) -> bool:
        value = self.get(path)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(path, "must be true or false")
            return default
        return value

    def choice(self, path: Path_, choices: tuple[str, ...], required: bool = True) -> str:
        value = self.text(path, required=required, max_length=80)
        if value and value not in choices:
            self.problem(path, f"'{value}' is not one of: {', '.join(choices)}")
            return ""
        return value

    def number_list(self, path: Path_, required: bool = True) -> list[float]:
        numbers = []
        for index, value in enumerate(self.items(path, required=required)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                self.problem((*path, index), "must be a non-negative number")
            else:
                numbers.append(value)
        return numbers
