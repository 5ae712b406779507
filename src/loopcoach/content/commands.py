"""`loopcoach content validate|load [PATH]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from loopcoach.content.concepts import CONCEPTS_FILE, read_concepts
from loopcoach.content.packs_dir import PACKS_DIR, find_packs
from loopcoach.content.schema import Pack, PackError, read_pack


def register(subparsers: argparse._SubParsersAction) -> None:
    content = subparsers.add_parser("content", help="validate and load content packs")
    actions = content.add_subparsers(dest="action", metavar="ACTION", required=True)
    validate = actions.add_parser(
        "validate", help="check packs; print every problem as file:line: message"
    )
    validate.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=PACKS_DIR,
        help="a pack's role folder, or a folder of packs (default: the built-in packs)",
    )
    validate.set_defaults(func=run_validate)
    load = actions.add_parser(
        "load", help="validate, then upsert packs into the database (idempotent)"
    )
    load.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=PACKS_DIR,
        help="a pack's role folder, or a folder of packs (default: the built-in packs)",
    )
    load.set_defaults(func=run_load)


def read_packs(root: Path) -> tuple[list[Pack], list[str]]:
    """Every pack under ROOT, and every problem found in them."""
    if not root.exists():
        return [], [f"{root}: no such file or folder"]
    folders = find_packs(root)
    if not folders:
        return [], [f"{root}: no guide.yaml found (a pack is a role folder holding guide.yaml)"]
    packs, problems = [], []
    for folder in folders:
        try:
            packs.append(read_pack(folder))
        except PackError as error:
            problems += [str(problem) for problem in error.problems]
    for concepts in sorted({folder.parent / CONCEPTS_FILE for folder in folders}):
        try:
            if concepts.is_file():
                read_concepts(concepts)
        except PackError as error:
            problems += [str(problem) for problem in error.problems]
    return packs, problems


def run_validate(args: argparse.Namespace) -> int:
    packs, problems = read_packs(args.path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    for pack in packs:
        print(
            f"{pack.label}: OK ({len(pack.company.principles)} principles, {len(pack.questions)} questions)"
        )
    return 0


def run_load(args: argparse.Namespace) -> int:
    packs, problems = read_packs(args.path)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) found; nothing was loaded.", file=sys.stderr)
        return 1
    from loopcoach.web.commands import setup_django

    setup_django()
    from loopcoach.web.guides.services import pack_load

    for pack in packs:
        print(pack_load(pack=pack).summary())
    return 0
