"""The story bank pages: list with coverage, a story with its feedback, edit, import and export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from loopcoach.storybank import MarkdownError
from loopcoach.storybank.coverage import GAP_BELOW, OVERUSED_AT, STRETCHED_ABOVE
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.stories import services
from loopcoach.web.stories.forms import ImportForm, PrinciplesForm, StoryForm
from loopcoach.web.stories.models import Story
from loopcoach.web.stories.selectors import story_get, story_principles, user_coverage


def _own_story(request: AuthenticatedRequest, pk: int) -> Story:
    story = story_get(user=request.user, pk=pk)
    if story is None:
        raise Http404("No such story.")
    return story


def _thresholds() -> dict:
    return {"gap_below": GAP_BELOW, "stretched_above": STRETCHED_ABOVE, "overused_at": OVERUSED_AT}


@login_required
def story_list(request: AuthenticatedRequest) -> HttpResponse:
    view = user_coverage(request.user)
    return render(request, "stories/story_list.html", {"view": view, **_thresholds()})


@login_required
def coverage(request: AuthenticatedRequest) -> HttpResponse:
    view = user_coverage(request.user)
    return render(request, "stories/coverage.html", {"view": view, **_thresholds()})


@login_required
@require_http_methods(["GET", "POST"])
def story_create(request: AuthenticatedRequest) -> HttpResponse:
    form = StoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            story = services.story_create(user=request.user, data=form.cleaned_data)
        except services.StoryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Story saved. Confirm the principles it shows below.")
            return redirect(story)
    return render(request, "stories/story_form.html", {"form": form, "story": None})


@login_required
@require_http_methods(["GET", "POST"])
def story_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    story = _own_story(request, pk)
    initial = {name: getattr(story, name) for name in services.EDITABLE_FIELDS}
    form = StoryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.story_update(story=story, data=form.cleaned_data)
        messages.success(request, "Story updated; its feedback is fresh.")
        return redirect(story)
    return render(request, "stories/story_form.html", {"form": form, "story": story})


@login_required
def story_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    story = _own_story(request, pk)
    confirmed = {p.slug for p in story.principles.all()}
    suggested = story.suggested_principles()
    # Before the candidate has confirmed anything, the analyzer's suggestions come pre-ticked.
    ticked = confirmed or {s["slug"] for s in suggested}
    scores = {p["slug"]: p["score"] for p in (story.analysis or {}).get("principles", [])}
    choices = [
        {
            "principle": p,
            "checked": p.slug in ticked,
            "suggested": p.slug in {s["slug"] for s in suggested},
            "score": scores.get(p.slug),
        }
        for p in story_principles()
    ]
    return render(
        request,
        "stories/story_detail.html",
        {
            "story": story,
            "suggested": suggested,
            "choices": choices,
            "confirmed": confirmed,
            "stretched": len(confirmed) > STRETCHED_ABOVE,
            "stretched_above": STRETCHED_ABOVE,
        },
    )


@login_required
@require_POST
def story_principles_confirm(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    story = _own_story(request, pk)
    form = PrinciplesForm(request.POST)
    if form.is_valid():
        services.story_confirm_principles(
            story=story, principles=[p.slug for p in form.cleaned_data["principles"]]
        )
        count = len(form.cleaned_data["principles"])
        messages.success(request, f"Tagged with {count} principle{'s' if count != 1 else ''}.")
    else:
        messages.error(request, "Those principles are not known.")
    return redirect(story)


@login_required
@require_http_methods(["GET", "POST"])
def story_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    story = _own_story(request, pk)
    if request.method == "POST":
        title = story.title
        services.story_delete(story=story)
        messages.success(request, f"Deleted “{title}”.")
        return redirect("stories:list")
    return render(request, "stories/story_confirm_delete.html", {"story": story})


@login_required
def story_export(request: AuthenticatedRequest) -> HttpResponse:
    response = HttpResponse(
        services.stories_export(user=request.user), content_type="text/markdown; charset=utf-8"
    )
    filename = f"loopcoach-stories-{timezone.localdate():%Y-%m-%d}.md"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def story_import(request: AuthenticatedRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.stories_import(user=request.user, text=form.cleaned_data["text"])
        except MarkdownError as error:
            form.add_error(None, f"Nothing was imported: {error}")
        except services.StoryError as error:
            form.add_error(None, f"Nothing was imported: {error}")
        else:
            summary = (
                f"Imported: {result.created} new, {result.updated} updated, "
                f"{result.unchanged} unchanged."
            )
            if result.unknown_principles:
                summary += f" Unknown principles skipped: {', '.join(result.unknown_principles)}."
            messages.success(request, summary)
            return redirect("stories:list")
    return render(request, "stories/story_import.html", {"form": form})
