"""YAML reading that remembers the line of every value.

PyYAML's composer keeps a position mark on each node; we turn the node tree
into plain Python values and keep a map from each value's path (a tuple of
keys and list indexes) to its 1-based line, so that validation errors can
say `guide.yaml:42: …`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Located:
    """A YAML document as plain values plus the line of each path."""

    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[int, str]] = field(default_factory=list)

    def line(self, path: Path_) -> int:
        """The line of PATH, or of its nearest ancestor that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def load_located(path: Path) -> Located:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise YamlSyntaxError(1, f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(line, f"YAML syntax error: {error.problem or error}") from None
    located = Located(value=None)
    if node is not None:
        located.value = _convert(node, (), located)
    return located


def _convert(node: yaml.Node, path: Path_, located: Located) -> Any:
    located.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _construct_scalar(key_node)
            if key in result:
                located.duplicate_keys.append((key_node.start_mark.line + 1, str(key)))
            result[key] = _convert(value_node, (*path, key), located)
            located.lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, index), located) for index, item in enumerate(node.value)]
    return _construct_scalar(node)


def _construct_scalar(node: yaml.Node) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()
