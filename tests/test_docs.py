"""The README documents every route, CLI command and option and setting, and nothing else.

Routes come from the URLconf (for a django-ninja API, from the routes and
methods the NinjaAPI reports); commands and options from cli.py's argparse
parsers and the project's own management commands; settings from the code
that reads them. The README side is read from its tables.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}
ENV_READ = re.compile(
    r"env(?:str|bool|int|list|secret|choice)\(\s*\"([A-Z_]+)\""
    r"|os\.(?:environ\.get|getenv)\(\"([A-Z_]+)\""
)


# ---- the README's tables -------------------------------------------------------------------------


def table_rows(heading: str) -> list[list[str]]:
    """The body rows of the table under `## heading`, as cells (`\\|` stays inside a cell)."""
    section = README.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line.strip() for line in section.splitlines() if line.strip().startswith("|")]
    rows = [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines]
    return [row for row in rows[1:] if not set(row[0]) <= set("-: ")]


def spans(cell: str) -> list[str]:
    return [span.replace("\\|", "|") for span in re.findall(r"`([^`]+)`", cell)]


def documented_routes() -> dict[str, set[str]]:
    """Path (placeholders as {}) → the methods the README gives it (none for a page)."""
    routes: dict[str, set[str]] = {}
    for heading in ("Pages", "JSON API"):
        for row in table_rows(heading):
            pending: set[str] = set()
            for span in spans(row[0]):
                words = span.split()
                pending |= {word.rstrip(",") for word in words if word.rstrip(",") in METHODS}
                paths = [word for word in words if word.startswith("/")]
                for path in paths:
                    routes.setdefault(normalised(path), set()).update(pending)
                if paths:
                    pending = set()
    return routes


def documented_commands() -> dict[str, set[str]]:
    """`loopcoach` command words ("content load") → the options its README row shows."""
    commands: dict[str, set[str]] = {}
    for row in table_rows("Command line"):
        for span in spans(row[0]):
            words = span.split()
            if words[:1] != ["loopcoach"]:
                continue
            command = []
            for word in words[1:]:
                if not re.fullmatch(r"[a-z][a-z0-9_-]*", word):
                    break
                command.append(word)
            options = set(re.findall(r"--[a-z][a-z0-9-]*", span))
            commands.setdefault(" ".join(command), set()).update(options)
    return commands


# ---- what exists ---------------------------------------------------------------------------------


def normalised(path: str) -> str:
    path = "/" + path.split("?", 1)[0].lstrip("^/")
    return re.sub(r"<[^>]+>|\{[^}]+\}", "{}", path)


def ninja_apis() -> list:
    """Every NinjaAPI the project defines (none while the API is plain Django views)."""
    try:
        from ninja import NinjaAPI
    except ImportError:
        return []
    apis = []
    for name, module in list(sys.modules.items()):
        if name.startswith("loopcoach."):
            for value in list(vars(module).values()):
                if isinstance(value, NinjaAPI) and value not in apis:
                    apis.append(value)
    return apis


def existing_routes() -> dict[str, set[str] | None]:
    """Path → its methods as a NinjaAPI reports them, or None for a Django view."""
    from django.urls import URLPattern, URLResolver, get_resolver

    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 -- imports every URLconf, so every NinjaAPI is defined
    apis = ninja_apis()
    namespaces = {api.urls_namespace for api in apis}
    routes: dict[str, set[str] | None] = {}

    def walk(patterns: list, prefix: str, in_api: bool) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if route == "admin/":  # Django's admin: one entry, not its hundred pages
                    routes[normalised(route)] = None
                    continue
                in_this_api = pattern.namespace in namespaces or pattern.app_name in namespaces
                walk(pattern.url_patterns, route, in_api or in_this_api)
            elif in_api and pattern.name == "api-root":
                continue  # django-ninja's bare prefix, which only points at the docs
            elif isinstance(pattern, URLPattern):
                # An API's own pages (its OpenAPI JSON, its docs) are read with GET.
                routes[normalised(route)] = {"GET"} if in_api else None

    walk(resolver.url_patterns, "", False)
    for api in apis:
        for path, operations in api.get_openapi_schema()["paths"].items():
            methods = {method.upper() for method in operations} & METHODS
            routes[normalised(path)] = methods
    return routes


def existing_commands() -> dict[str, set[str]]:
    """`loopcoach` command words → their options, and the project's management commands."""
    from django.core.management import get_commands, load_command_class

    from loopcoach.cli import build_parser

    commands: dict[str, set[str]] = {}

    def walk(parser: argparse.ArgumentParser, words: list[str]) -> None:
        children = [
            action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
        ]
        options = {
            option
            for action in parser._actions
            for option in action.option_strings
            if option.startswith("--") and option != "--help"
        }
        if options or not children:
            commands[" ".join(words)] = options
        for action in children:
            for name, child in action.choices.items():
                walk(child, [*words, name])

    walk(build_parser(), [])
    for name, app in get_commands().items():
        if app.startswith("loopcoach."):
            parser = load_command_class(app, name).create_parser("loopcoach manage", name)
            own = {action.dest for action in parser._actions} - DJANGO_COMMON_DESTS
            commands[f"manage {name}"] = {
                option
                for action in parser._actions
                if action.dest in own
                for option in action.option_strings
                if option.startswith("--")
            }
    return commands


# Options every Django management command has (--verbosity, --settings, …).
DJANGO_COMMON_DESTS = {
    "help",
    "version",
    "verbosity",
    "settings",
    "pythonpath",
    "traceback",
    "no_color",
    "force_color",
    "skip_checks",
}


def settings_read_by_the_app() -> set[str]:
    paths = [ROOT / "dev.py", *(ROOT / "src").rglob("*.py"), *(ROOT / "tests").rglob("conftest.py")]
    names = set()
    for path in paths:
        for match in ENV_READ.finditer(path.read_text(encoding="utf-8")):
            names.add(match.group(1) or match.group(2))
    return names


# ---- the tests -----------------------------------------------------------------------------------


def test_every_route_is_in_the_readme():
    documented = documented_routes()
    missing = [
        f"{' '.join(sorted(methods or []))} {path}".strip()
        for path, methods in existing_routes().items()
        if path not in documented or (methods and not methods <= documented[path])
    ]
    assert not missing, f"document these routes in the README's tables: {sorted(missing)}"


def test_the_readme_lists_no_route_that_does_not_exist():
    existing = existing_routes()
    extra = [
        f"{' '.join(sorted(methods))} {path}".strip()
        for path, methods in documented_routes().items()
        if path not in existing or (existing[path] and not methods <= existing[path])
    ]
    assert not extra, f"the README lists routes that do not exist: {sorted(extra)}"


def test_every_command_and_option_is_in_the_readme():
    documented = documented_commands()
    missing = [
        f"loopcoach {command} {' '.join(sorted(options - documented.get(command, set())))}"
        for command, options in existing_commands().items()
        if command not in documented or not options <= documented[command]
    ]
    assert not missing, f"document these in the README's command table: {sorted(missing)}"


def test_the_readme_lists_no_command_or_option_that_does_not_exist():
    existing = existing_commands()
    generic = {"manage"}  # `loopcoach manage COMMAND …` stands for any Django command
    extra = [
        f"loopcoach {command} {' '.join(sorted(options - existing.get(command, set())))}"
        for command, options in documented_commands().items()
        if command not in generic and (command not in existing or not options <= existing[command])
    ]
    assert not extra, f"the README lists commands or options that do not exist: {sorted(extra)}"


def test_every_setting_is_in_the_readme_table_and_nothing_else():
    table = {re.sub(r"`", "", row[0]) for row in table_rows("Settings")}
    read = settings_read_by_the_app()
    assert not read - table, f"document these settings in the README: {sorted(read - table)}"
    assert not table - read, f"the README lists settings nothing reads: {sorted(table - read)}"


def test_the_quick_start_has_exactly_two_commands():
    section = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == [
        "python3 dev.py serve",
        "python3 dev.py test",
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("`GET /api/v1/loops`, `POST /api/v1/loops`", {"/api/v1/loops": {"GET", "POST"}}),
        ("`GET`, `PUT`, `DELETE /api/v1/stories/{id}`",
         {"/api/v1/stories/{}": {"GET", "PUT", "DELETE"}}),
        ("`GET /api/v1/questions?q=&page=`", {"/api/v1/questions": {"GET"}}),
        ("`/plan/{id}.ics`", {"/plan/{}.ics": set()}),
    ],
)  # fmt: skip
def test_the_readme_parser_reads_every_way_a_route_is_written(monkeypatch, cell, expected):
    table = f"\n## Pages\n\n| path | what |\n| --- | --- |\n| {cell} | x |\n\n## JSON API\n"
    monkeypatch.setattr(sys.modules[__name__], "README", table)
    assert documented_routes() == expected
