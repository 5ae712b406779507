"""Content packs: the schema of company × role guides, validation and parsing.

Pure Python: reading and checking packs never touches Django. The web layer
(`loopcoach.web.guides.services.content_load`) stores parsed packs in the database.
"""

from __future__ import annotations

from loopcoach.content.packs_dir import PACKS_DIR, find_packs, read_packs
from loopcoach.content.schema import CATEGORIES, Pack, PackError, Problem, read_pack

__all__ = [
    "CATEGORIES",
    "PACKS_DIR",
    "Pack",
    "PackError",
    "Problem",
    "find_packs",
    "read_pack",
    "read_packs",
]
