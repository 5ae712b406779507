"""A candidate's stories in an export; `storybank.markdown` writes them for people."""

from __future__ import annotations

from collections.abc import Iterable

from loopcoach.web.portability.registry import portable
from loopcoach.web.practice.portability import checked_analysis
from loopcoach.web.stories.models import TEXT_FIELDS, Story


def _stories_markdown(stories: Iterable[Story]) -> str:
    lines = ["# Your stories", ""]
    for story in stories:
        lines += [f"## {story.title}", ""]
        if story.when:
            lines += [f"*{story.when}*", ""]
        for name in TEXT_FIELDS:
            text = getattr(story, name).strip()
            if text:
                lines += [f"**{name.capitalize()}.** {text}", ""]
        principles = ", ".join(p.name for p in story.principles.all())
        if principles:
            lines += [f"Shows: {principles}", ""]
    return "\n".join(lines)


portable(
    Story,
    owner="user",
    name="stories",
    markdown=_stories_markdown,
    from_export=lambda row, pk_of: checked_analysis(row),
)
