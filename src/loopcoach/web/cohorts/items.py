"""What the coach reads of a shared item: the attempt, the story, or the loop's debrief."""

from __future__ import annotations

from typing import Any

from loopcoach.web.cohorts.models import Share
from loopcoach.web.loops.api import debrief_out
from loopcoach.web.loops.debrief import loop_debrief
from loopcoach.web.practice.models import GRADE_NAMES
from loopcoach.web.stories.models import TEXT_FIELDS

IMPROVEMENTS_SHOWN = 3


def item_out(share: Share) -> dict[str, Any]:
    attempt, story, loop = share.attempt, share.story, share.loop
    if attempt is not None:
        analysis = attempt.analysis or {}
        return {
            "kind": "attempt",
            "id": attempt.pk,
            "question": attempt.question.text,
            "follow_up": attempt.follow_up,
            "answer": attempt.answer,
            "grade": attempt.grade,
            "grade_name": GRADE_NAMES.get(attempt.grade or 0, ""),
            "improvements": [
                item.get("text", "") if isinstance(item, dict) else str(item)
                for item in (analysis.get("improvements") or [])[:IMPROVEMENTS_SHOWN]
            ],
            "created_at": attempt.created_at.isoformat(),
        }
    if story is not None:
        return {
            "kind": "story",
            "id": story.pk,
            "title": story.title,
            "when": story.when,
            **{name: getattr(story, name) for name in TEXT_FIELDS},
            "principles": [p.name for p in story.principles.all()],
            "grade": story.grade,
        }
    assert loop is not None  # the share_one_item constraint
    return {
        "kind": "loop",
        "id": loop.pk,
        "guide": str(loop.guide),
        "debrief": debrief_out(loop_debrief(loop)),
    }
