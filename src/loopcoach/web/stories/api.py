"""/api/v1/stories: the story bank over JSON, private to its owner."""

from __future__ import annotations

from typing import Annotated

from ninja import Router, Schema, Status
from pydantic import Field, field_validator

from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import PRIVATE_REFUSALS, ErrorOut, conflict, invalid, not_found
from loopcoach.web.api.pagination import Page, PageNumber, paginate
from loopcoach.web.api.schemas import DeletedOut, Input
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.stories import services
from loopcoach.web.stories.models import MAX_PART_LENGTH, TEXT_FIELDS, Story
from loopcoach.web.stories.selectors import story_get, story_principles, user_coverage, user_stories

router = Router(tags=["stories"], auth=token_or_session)
Part = Annotated[str | None, Field(None, max_length=MAX_PART_LENGTH)]


class StoryIn(Input):
    """A story's fields; on PATCH only those sent change, on PUT those left out become empty."""

    title: Annotated[str | None, Field(None, max_length=200)]
    when: Annotated[str | None, Field(None, max_length=120)]
    situation: Part
    task: Part
    action: Part
    result: Part
    reflection: Part
    principles: list[str] | None = Field(None, description="Principle slugs")

    @field_validator("title")
    @classmethod
    def _title_not_blank(cls, title: str | None) -> str | None:
        if title is not None and not title.strip():
            raise ValueError("cannot be empty")
        return title


class FeedbackOut(Schema):
    strengths: list[str]
    improvements: list[str]
    follow_ups: list[str]
    error: str | None


class SuggestionOut(Schema):
    slug: str
    name: str
    score: float
    share: float = Field(description="The score as a share of the best one's")


class StoryOut(Schema):
    id: int
    title: str
    when: str
    situation: str
    task: str
    action: str
    result: str
    reflection: str
    principles: list[str]
    suggested_principles: list[SuggestionOut]
    grade: int | None
    feedback: FeedbackOut
    url: str
    created_at: str
    updated_at: str


class PrincipleCoverageOut(Schema):
    slug: str
    name: str
    stories: list[int] = Field(description="Ids of the stories that show the principle")
    gap: bool


class StoryUseOut(Schema):
    id: int
    title: str
    principles: list[str]
    uses: int
    stretched: bool
    overused: bool


class CoverageOut(Schema):
    principles: list[PrincipleCoverageOut]
    stories: list[StoryUseOut]
    gaps: list[str]
    covered: int


def story_out(story: Story) -> dict:
    analysis = story.analysis or {}
    return {
        "id": story.pk,
        "title": story.title,
        "when": story.when,
        **{name: getattr(story, name) for name in TEXT_FIELDS},
        "principles": [p.slug for p in story.principles.all()],
        "suggested_principles": story.suggested_principles(),
        "grade": story.grade,
        "feedback": {
            "strengths": analysis.get("strengths", []),
            "improvements": analysis.get("improvements", []),
            "follow_ups": analysis.get("follow_ups", []),
            "error": story.analysis_error or None,
        },
        "url": story.get_absolute_url(),
        "created_at": story.created_at.isoformat(),
        "updated_at": story.updated_at.isoformat(),
    }


def _fields(body: StoryIn) -> dict[str, str]:
    return {
        name: getattr(body, name)
        for name in ("title", "when", *TEXT_FIELDS)
        if getattr(body, name) is not None
    }


def _require_title(body: StoryIn) -> None:
    if body.title is None:
        raise invalid({"title": "is required"})


def _checked_principles(body: StoryIn) -> list[str] | None:
    if body.principles is not None:
        known = set(story_principles().values_list("slug", flat=True))
        unknown = [p for p in body.principles if p not in known]
        if unknown:
            raise invalid({"principles": f"unknown: {', '.join(unknown)}"})
    return body.principles


def _own_story(request: AuthenticatedRequest, pk: int) -> Story:
    story = story_get(user=request.user, pk=pk)
    if story is None:
        raise not_found(f"No story {pk}.")
    return story


@router.get("/stories", response={200: Page[StoryOut], **PRIVATE_REFUSALS})
def story_list(request: AuthenticatedRequest, page: PageNumber = 1) -> dict:
    return paginate(user_stories(request.user), page, story_out)


@router.post("/stories", response={201: StoryOut, 409: ErrorOut, **PRIVATE_REFUSALS})
def story_create(request: AuthenticatedRequest, body: StoryIn) -> Status[dict]:
    """Add a story; it is analysed, and principles it seems to show are suggested."""
    _require_title(body)
    principles = _checked_principles(body)
    try:
        story = services.story_create(user=request.user, data=_fields(body), principles=principles)
    except services.StoryError as error:
        raise conflict(str(error)) from None
    return Status(201, story_out(_own_story(request, story.pk)))


@router.get("/stories/coverage", response={200: CoverageOut, **PRIVATE_REFUSALS})
def story_coverage(request: AuthenticatedRequest) -> dict:
    """Which principles the caller's stories cover, and which stories are stretched or overused."""
    view = user_coverage(request.user)
    coverage = view.coverage
    return {
        "principles": [
            {"slug": row.slug, "name": row.name, "stories": row.stories, "gap": row.is_gap}
            for row in coverage.rows
        ],
        "stories": [
            {
                "id": s.pk,
                "title": s.title,
                "principles": [p.slug for p in s.principles.all()],
                "uses": view.uses.get(s.pk, 0),
                "stretched": s.pk in coverage.stretched,
                "overused": s.pk in coverage.overused,
            }
            for s in view.stories
        ],
        "gaps": [row.slug for row in coverage.gaps],
        "covered": coverage.covered,
    }


@router.get("/stories/{int:pk}", response={200: StoryOut, **PRIVATE_REFUSALS})
def story_detail(request: AuthenticatedRequest, pk: int) -> dict:
    return story_out(_own_story(request, pk))


@router.patch("/stories/{int:pk}", response={200: StoryOut, **PRIVATE_REFUSALS})
def story_patch(request: AuthenticatedRequest, pk: int, body: StoryIn) -> dict:
    """Change the fields sent; the others stay as they are."""
    story = _own_story(request, pk)
    services.story_update(story=story, data=_fields(body), principles=_checked_principles(body))
    return story_out(_own_story(request, pk))


@router.put("/stories/{int:pk}", response={200: StoryOut, **PRIVATE_REFUSALS})
def story_replace(request: AuthenticatedRequest, pk: int, body: StoryIn) -> dict:
    """Replace the whole story: fields left out become empty, principles left out are removed."""
    story = _own_story(request, pk)
    _require_title(body)
    principles = _checked_principles(body) or []
    fields = _fields(body)
    fields = {name: fields.get(name, "") for name in ("title", "when", *TEXT_FIELDS)}
    services.story_update(story=story, data=fields, principles=principles)
    return story_out(_own_story(request, pk))


@router.delete("/stories/{int:pk}", response={200: DeletedOut, **PRIVATE_REFUSALS})
def story_delete(request: AuthenticatedRequest, pk: int) -> dict:
    services.story_delete(story=_own_story(request, pk))
    return {"deleted": pk}
