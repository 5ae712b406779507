"""A candidate's attempts, review cards and drafts in an export."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from django.db import models

from loopcoach.web.portability.registry import Row, portable
from loopcoach.web.practice.models import GRADE_NAMES, Attempt, Draft, ReviewCard

# A draft's slot names the attempt it revises or follows up: its id here, its key in a ZIP.
SLOT_ID = re.compile(r"^(revise-|follow-)(\d+)(-\d+)?$")
SLOT_KEY = re.compile(r"^(revise-|follow-)([0-9a-f-]{1,64})(-\d+)?$")


def _slot_to_export(row: Row, key_of: Callable[[type[models.Model], int], str]) -> Row:
    match = SLOT_ID.match(row["slot"])
    if match:
        row["slot"] = f"{match[1]}{key_of(Attempt, int(match[2]))}{match[3] or ''}"
    return row


def _slot_from_export(row: Row, pk_of: Callable[[type[models.Model], str], int]) -> Row:
    slot = row.get("slot")
    match = SLOT_KEY.match(slot) if isinstance(slot, str) else None
    if match:
        row = {**row, "slot": f"{match[1]}{pk_of(Attempt, match[2])}{match[3] or ''}"}
    return row


def checked_analysis(row: Row) -> Row:
    """The pages read an analysis as the analyzer wrote it: refuse one that cannot be."""
    analysis, grade = row.get("analysis"), row.get("grade")
    if analysis is not None and not isinstance(analysis, dict):
        raise ValueError("'analysis' must be the analyzer's report (an object) or null")
    if grade is not None and grade not in GRADE_NAMES:
        raise ValueError(f"'grade' must be one of {sorted(GRADE_NAMES)} or null")
    if analysis and analysis.get("grade") not in (None, *GRADE_NAMES):
        raise ValueError("the analysis's 'grade' must be 1 to 4")
    return row


def _attempt_from_export(row: Row, pk_of: Callable[[type[models.Model], str], int]) -> Row:
    return checked_analysis(row)


def _attempts_markdown(attempts: Iterable[Attempt]) -> str:
    lines = ["# Your answers", ""]
    for attempt in attempts:
        grade = GRADE_NAMES.get(attempt.grade or 0, "not graded")
        asked = attempt.follow_up or attempt.question.text
        lines += [
            f"## {asked}",
            "",
            f"{attempt.created_at:%Y-%m-%d %H:%M} · version {attempt.version} · {grade}",
            "",
            attempt.answer,
            "",
        ]
    return "\n".join(lines)


portable(
    Attempt,
    owner="user",
    name="attempts",
    markdown=_attempts_markdown,
    from_export=_attempt_from_export,
)
portable(ReviewCard, owner="user", name="review_cards")
portable(
    Draft,
    owner="user",
    name="drafts",
    after=(Attempt,),
    to_export=_slot_to_export,
    from_export=_slot_from_export,
)
