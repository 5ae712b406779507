"""Writing stories: create, update, confirm tags, delete, and the Markdown export and import."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import transaction

from loopcoach.storybank import StoryRecord, stories_from_markdown, stories_to_markdown
from loopcoach.web.answering.services import answer_analyse
from loopcoach.web.stories.models import TEXT_FIELDS, Story
from loopcoach.web.stories.selectors import story_principles, user_stories

MAX_STORIES_PER_USER = 300
EDITABLE_FIELDS = ("title", "when", *TEXT_FIELDS)


class StoryError(Exception):
    """A story write that cannot be done; the message is fit to show the user."""


def _clean(data: dict) -> dict:
    cleaned = {
        name: str(data.get(name) or "").replace("\r\n", "\n").strip() for name in EDITABLE_FIELDS
    }
    cleaned["title"] = " ".join(cleaned["title"].split())
    cleaned["when"] = " ".join(cleaned["when"].split())
    return cleaned


def story_analyse(*, story: Story) -> Story:
    """Run the analyzer over the saved story as it would be told (the answering workflow's
    analysis step); keep the report, or why there is none."""
    analysis = answer_analyse(answer=story.text, what=f"story {story.pk}")
    story.analysis, story.analysis_error = analysis.report, analysis.error
    story.save(update_fields=["analysis", "analysis_error"])
    return story


def _principles_by_slug(slugs: list[str]) -> tuple[list, list[str]]:
    known = {p.slug: p for p in story_principles()}
    return [known[s] for s in dict.fromkeys(slugs) if s in known], [
        s for s in slugs if s not in known
    ]


@transaction.atomic
def story_create(*, user: User, data: dict, principles: list[str] | None = None) -> Story:
    if Story.objects.filter(user=user).count() >= MAX_STORIES_PER_USER:
        raise StoryError(f"You already have {MAX_STORIES_PER_USER} stories; delete one first.")
    story = Story.objects.create(user=user, **_clean(data))
    if principles is not None:
        story.principles.set(_principles_by_slug(principles)[0])
    return story_analyse(story=story)


@transaction.atomic
def story_update(*, story: Story, data: dict, principles: list[str] | None = None) -> Story:
    for name, value in _clean({**{n: getattr(story, n) for n in EDITABLE_FIELDS}, **data}).items():
        setattr(story, name, value)
    story.save(update_fields=[*EDITABLE_FIELDS, "updated_at"])
    if principles is not None:
        story.principles.set(_principles_by_slug(principles)[0])
    return story_analyse(story=story)


def story_confirm_principles(*, story: Story, principles: list[str]) -> Story:
    story.principles.set(_principles_by_slug(principles)[0])
    return story


def story_delete(*, story: Story) -> None:
    story.delete()


def _record(story: Story) -> StoryRecord:
    return StoryRecord(
        title=story.title,
        when=story.when,
        principles=[p.slug for p in story.principles.all()],
        **{name: getattr(story, name) for name in TEXT_FIELDS},
    )


def stories_export(*, user: User) -> str:
    return stories_to_markdown([_record(story) for story in user_stories(user)])


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    unknown_principles: list[str] = field(default_factory=list)


@transaction.atomic
def stories_import(*, user: User, text: str) -> ImportResult:
    """Read a Markdown export back: a story whose title matches one of the user's is updated,
    others are created. Raises MarkdownError (nothing changes) on a malformed file."""
    records = stories_from_markdown(text)
    existing = {story.title: story for story in user_stories(user)}
    result = ImportResult()
    for record in records:
        data = {name: getattr(record, name) for name in EDITABLE_FIELDS}
        principles, unknown = _principles_by_slug(record.principles)
        result.unknown_principles += [s for s in unknown if s not in result.unknown_principles]
        story = existing.get(" ".join(record.title.split()))
        if story is None:
            existing[record.title] = story_create(
                user=user, data=data, principles=[p.slug for p in principles]
            )
            result.created += 1
        elif _record(story) == StoryRecord(**{**data, "principles": [p.slug for p in principles]}):
            result.unchanged += 1
        else:
            story_update(story=story, data=data, principles=[p.slug for p in principles])
            result.updated += 1
    return result
