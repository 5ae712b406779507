"""Where packs live and how to find them under a folder."""

from __future__ import annotations

from pathlib import Path

PACKS_DIR = Path(__file__).resolve().parent / "packs"


def find_packs(root: Path) -> list[Path]:
    """Every role folder (one holding guide.yaml) under ROOT, or ROOT itself."""
    root = Path(root)
    if (root / "guide.yaml").is_file():
        return [root]
    return sorted(path.parent for path in root.rglob("guide.yaml"))
