"""The principles × stories coverage matrix and what it tells the candidate.

- a **gap** is a principle with fewer than two stories: a loop probes each
  principle more than once, and the same story twice is a red flag;
- a **stretched** story is tagged with more than four principles: no story is
  the best example of everything, and interviewers hear the stretch;
- an **overused** story is one the candidate has told in three or more
  practice or mock-loop answers: time to rotate in another one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

GAP_BELOW = 2
STRETCHED_ABOVE = 4
OVERUSED_AT = 3


@dataclass(frozen=True)
class StoryUse:
    id: int
    principles: frozenset[str]
    uses: int = 0  # answers in practice and mock loops that told this story


@dataclass
class CoverageRow:
    slug: str
    name: str
    stories: list[int] = field(default_factory=list)

    @property
    def is_gap(self) -> bool:
        return len(self.stories) < GAP_BELOW


@dataclass
class Coverage:
    rows: list[CoverageRow]
    story_ids: list[int]
    stretched: list[int]
    overused: list[int]

    @property
    def gaps(self) -> list[CoverageRow]:
        return [row for row in self.rows if row.is_gap]

    @property
    def covered(self) -> int:
        return sum(1 for row in self.rows if not row.is_gap)


def story_coverage(principles: Sequence[tuple[str, str]], stories: Sequence[StoryUse]) -> Coverage:
    """`principles` is [(slug, name)] in display order; stories keep their given order."""
    rows = {slug: CoverageRow(slug, name) for slug, name in principles}
    for story in stories:
        for slug in story.principles:
            if slug in rows:
                rows[slug].stories.append(story.id)
    return Coverage(
        rows=list(rows.values()),
        story_ids=[story.id for story in stories],
        stretched=[s.id for s in stories if len(s.principles & rows.keys()) > STRETCHED_ABOVE],
        overused=[s.id for s in stories if s.uses >= OVERUSED_AT],
    )
