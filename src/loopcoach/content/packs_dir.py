"""Where packs live, how to find them under a folder, and reading them all."""

from __future__ import annotations

from pathlib import Path

from loopcoach.content.schema import Pack, PackError, read_pack

PACKS_DIR = Path(__file__).resolve().parent / "packs"


def find_packs(root: Path) -> list[Path]:
    """Every role folder (one holding guide.yaml) under ROOT, or ROOT itself."""
    root = Path(root)
    if (root / "guide.yaml").is_file():
        return [root]
    return sorted(path.parent for path in root.rglob("guide.yaml"))


def read_packs(root: Path) -> tuple[list[Pack], list[str]]:
    """Every pack under ROOT, and every problem found in them (as `file:line: message`)."""
    if not root.exists():
        return [], [f"{root}: no such file or folder"]
    folders = find_packs(root)
    if not folders:
        return [], [f"{root}: no guide.yaml found (a pack is a role folder holding guide.yaml)"]
    packs: list[Pack] = []
    problems: list[str] = []
    for folder in folders:
        try:
            packs.append(read_pack(folder))
        except PackError as error:
            problems += [str(problem) for problem in error.problems]
    # Imported here: the concept map's loader reads PACKS_DIR from this module.
    from loopcoach.content.concepts import CONCEPTS_FILE, read_concepts

    for concepts in sorted({folder.parent / CONCEPTS_FILE for folder in folders}):
        try:
            if concepts.is_file():
                read_concepts(concepts)
        except PackError as error:
            problems += [str(problem) for problem in error.problems]
    return packs, problems
