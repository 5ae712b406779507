"""The story bank's logic, pure Python (no Django).

`markdown` writes stories as one Markdown file and reads them back without
loss; `similarity` ranks stories against a question (principle overlap plus
TF-IDF cosine); `coverage` builds the principles × stories matrix with its
gaps, stretched stories and overused stories.
"""

from __future__ import annotations

from loopcoach.storybank.coverage import Coverage, CoverageRow, StoryUse, story_coverage
from loopcoach.storybank.markdown import (
    MarkdownError,
    StoryRecord,
    stories_from_markdown,
    stories_to_markdown,
)
from loopcoach.storybank.similarity import (
    Candidate,
    Match,
    count_uses,
    rank_stories,
    text_similarity,
)

__all__ = [
    "Candidate",
    "Coverage",
    "CoverageRow",
    "MarkdownError",
    "Match",
    "StoryRecord",
    "StoryUse",
    "count_uses",
    "rank_stories",
    "stories_from_markdown",
    "stories_to_markdown",
    "story_coverage",
    "text_similarity",
]
