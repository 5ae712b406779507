"""The README documents every setting and every CLI command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
ENV_READ = re.compile(
    r"env(?:str|bool|int|list|secret)\(\s*\"([A-Z_]+)\"|os\.environ\.get\(\"([A-Z_]+)\""
)


def settings_read_by_the_app() -> set[str]:
    names = set()
    for path in [
        ROOT / "src/loopcoach/web/settings.py",
        ROOT / "src/loopcoach/web/commands.py",
        ROOT / "dev.py",
    ]:
        for match in ENV_READ.finditer(path.read_text()):
            names.add(match.group(1) or match.group(2))
    return names


def test_every_setting_is_in_the_readme_table():
    table = set(re.findall(r"^\| `([A-Z_]+)` \|", README, flags=re.M))
    missing = settings_read_by_the_app() - table
    assert not missing, f"document these settings in the README: {sorted(missing)}"


def test_every_top_level_command_is_in_the_readme():
    from loopcoach.cli import build_parser

    parser = build_parser()
    commands = next(action for action in parser._actions if action.dest == "command").choices
    for name in commands:
        assert f"`loopcoach {name}" in README, name


def test_the_quick_start_has_exactly_two_commands():
    section = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == [
        "python3 dev.py serve",
        "python3 dev.py test",
    ]
