"""/api/v1/stories: the story bank over JSON, private to its owner."""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_http_methods

from loopcoach.web.api.auth import BadRequest, api_error, api_login_required, json_body
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.stories import services
from loopcoach.web.stories.models import MAX_PART_LENGTH, TEXT_FIELDS, Story
from loopcoach.web.stories.selectors import story_get, story_principles, user_coverage, user_stories


def story_dict(story: Story) -> dict:
    return {
        "id": story.pk,
        "title": story.title,
        "when": story.when,
        **{name: getattr(story, name) for name in TEXT_FIELDS},
        "principles": [p.slug for p in story.principles.all()],
        "suggested_principles": story.suggested_principles(),
        "grade": story.grade,
        "feedback": {
            "strengths": (story.analysis or {}).get("strengths", []),
            "improvements": (story.analysis or {}).get("improvements", []),
            "follow_ups": (story.analysis or {}).get("follow_ups", []),
            "error": story.analysis_error or None,
        },
        "url": story.get_absolute_url(),
        "created_at": story.created_at.isoformat(),
        "updated_at": story.updated_at.isoformat(),
    }


def _validated(data: dict, *, partial: bool) -> tuple[dict, list[str] | None]:
    fields = {}
    for name in ("title", "when", *TEXT_FIELDS):
        if name not in data:
            continue
        value = data[name]
        if not isinstance(value, str):
            raise BadRequest(f"'{name}' must be a string.")
        limit = 200 if name == "title" else 120 if name == "when" else MAX_PART_LENGTH
        if len(value) > limit:
            raise BadRequest(f"'{name}' is longer than {limit} characters.")
        fields[name] = value
    if not partial and not (fields.get("title") or "").strip():
        raise BadRequest("'title' is required.")
    if "title" in fields and not fields["title"].strip():
        raise BadRequest("'title' cannot be empty.")
    principles = data.get("principles")
    if principles is not None:
        if not isinstance(principles, list) or not all(isinstance(p, str) for p in principles):
            raise BadRequest("'principles' must be a list of principle slugs.")
        known = set(story_principles().values_list("slug", flat=True))
        unknown = [p for p in principles if p not in known]
        if unknown:
            raise BadRequest(f"Unknown principles: {', '.join(unknown)}.")
    return fields, principles


@api_login_required
@require_http_methods(["GET", "POST"])
def story_collection(request: AuthenticatedRequest) -> JsonResponse:
    if request.method == "GET":
        return JsonResponse({"results": [story_dict(s) for s in user_stories(request.user)]})
    try:
        fields, principles = _validated(json_body(request), partial=False)
        story = services.story_create(user=request.user, data=fields, principles=principles)
    except BadRequest as error:
        return api_error(400, "bad_request", str(error))
    except services.StoryError as error:
        return api_error(409, "conflict", str(error))
    created = story_get(user=request.user, pk=story.pk)
    assert created is not None  # just written by this user
    return JsonResponse(story_dict(created), status=201)


@api_login_required
@require_http_methods(["GET", "PUT", "PATCH", "DELETE"])
def story_item(request: AuthenticatedRequest, pk: int) -> JsonResponse:
    story = story_get(user=request.user, pk=pk)
    if story is None:
        return api_error(404, "not_found", f"No story {pk}.")
    if request.method == "GET":
        return JsonResponse(story_dict(story))
    if request.method == "DELETE":
        services.story_delete(story=story)
        return JsonResponse({"deleted": pk})
    try:
        fields, principles = _validated(json_body(request), partial=request.method == "PATCH")
    except BadRequest as error:
        return api_error(400, "bad_request", str(error))
    if request.method == "PUT":  # a full replacement: parts left out become empty
        fields = {name: fields.get(name, "") for name in ("title", "when", *TEXT_FIELDS)}
        principles = principles or []
    services.story_update(story=story, data=fields, principles=principles)
    updated = story_get(user=request.user, pk=pk)
    assert updated is not None  # read above, and this request does not delete it
    return JsonResponse(story_dict(updated))


@api_login_required
@require_GET
def story_coverage(request: AuthenticatedRequest) -> JsonResponse:
    view = user_coverage(request.user)
    coverage = view.coverage
    return JsonResponse(
        {
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
    )
