"""The pure packages never import Django or the web layer, not even inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PURE = [
    "analysis",
    "coach",
    "content",
    "loops",
    "offers",
    "planner",
    "repetition",
    "search",
    "storybank",
]
FORBIDDEN = ("django", "loopcoach.web")


def modules_of(name: str) -> list[Path]:
    package = SRC / "loopcoach" / name
    if package.is_dir():
        return sorted(package.rglob("*.py"))
    return [package.with_suffix(".py")]


def imported_names(path: Path, src: Path = SRC) -> list[tuple[int, str]]:
    """Every module `path` imports, relative imports made absolute, with its line."""
    parts = list(path.relative_to(src).with_suffix("").parts)
    package = parts if parts[-1] == "__init__" else parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            found.append((node.lineno, ".".join([*base, *filter(None, [node.module])])))
    return found


def forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


@pytest.mark.parametrize("name", PURE)
def test_a_pure_package_imports_neither_django_nor_the_web_layer(name):
    paths = modules_of(name)
    assert paths and all(path.exists() for path in paths), f"no module for {name}"
    offences = [
        f"{path.relative_to(SRC)}:{line}: imports {module}"
        for path in paths
        for line, module in imported_names(path)
        if forbidden(module)
    ]
    assert not offences, "\n".join(offences)


def test_the_scan_sees_lazy_and_relative_imports(tmp_path):
    module = tmp_path / "loopcoach" / "content" / "sneaky.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "from loopcoach.content import schema\n"
        "def f():\n    from ..web import commands\n    import django.db\n"
    )
    names = imported_names(module, src=tmp_path)
    assert names == [(1, "loopcoach.content"), (3, "loopcoach.web"), (4, "django.db")]
    assert [forbidden(name) for _, name in names] == [False, True, True]
