"""`loopcoach content validate|load [PATH]`.

Validating is pure; loading needs the database, so the web layer hands in the
`load` action (`loopcoach.web.commands.run_content_load`) and this module
never imports Django.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from loopcoach.content.packs_dir import PACKS_DIR, read_packs
from loopcoach.content.scaffold import register_new

PATH_HELP = "a pack's role folder, or a folder of packs (default: the built-in packs)"


def register(
    subparsers: argparse._SubParsersAction, *, load: Callable[[argparse.Namespace], int]
) -> None:
    content = subparsers.add_parser("content", help="validate and load content packs")
    actions = content.add_subparsers(dest="action", metavar="ACTION", required=True)
    validate = actions.add_parser(
        "validate", help="check packs; print every problem as file:line: message"
    )
    validate.add_argument("path", nargs="?", type=Path, default=PACKS_DIR, help=PATH_HELP)
    validate.set_defaults(func=run_validate)
    loader = actions.add_parser(
        "load", help="validate, then upsert packs into the database (idempotent)"
    )
    loader.add_argument("path", nargs="?", type=Path, default=PACKS_DIR, help=PATH_HELP)
    loader.set_defaults(func=load)
    register_new(actions, PACKS_DIR)


def print_problems(problems: list[str], outcome: str) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) found{outcome}.", file=sys.stderr)


def run_validate(args: argparse.Namespace) -> int:
    packs, problems = read_packs(args.path)
    if problems:
        print_problems(problems, "")
        return 1
    for pack in packs:
        print(
            f"{pack.label}: OK ({len(pack.company.principles)} "
            f"principles, {len(pack.questions)} questions)"
        )
    return 0
