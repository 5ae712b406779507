"""Cohort pages: the list (with the coach's new-cohort form and the candidate's notices), a
cohort, the invitation, a shared item with its comments. Every lookup goes through the
selectors, so an item nobody shared with you is a 404, however its id was typed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from loopcoach.web.cohorts import selectors, services
from loopcoach.web.cohorts.forms import CohortForm, CommentForm, ShareForm
from loopcoach.web.cohorts.items import item_out
from loopcoach.web.cohorts.models import Cohort, Share
from loopcoach.web.core.requests import AuthenticatedRequest


def _cohort_or_404(request: AuthenticatedRequest, pk: int) -> Cohort:
    cohort = selectors.cohort_for(request.user, pk)
    if cohort is None:
        raise Http404("No such cohort.")
    return cohort


def _share_or_404(request: AuthenticatedRequest, pk: int) -> Share:
    share = selectors.share_for(request.user, pk)
    if share is None:
        raise Http404("Nothing shared with you here.")
    return share


@login_required
def cohort_list(request: AuthenticatedRequest) -> HttpResponse:
    context = {
        "coached": selectors.cohorts_coached(request.user),
        "joined": selectors.cohorts_joined(request.user),
        "notices": selectors.notices(request.user),
        "is_coach": services.is_coach(request.user),
        "form": CohortForm(),
    }
    return render(request, "cohorts/cohort_list.html", context)


@login_required
@require_POST
def cohort_new(request: AuthenticatedRequest) -> HttpResponse:
    form = CohortForm(request.POST)
    if form.is_valid():
        try:
            cohort = services.cohort_create(coach=request.user, name=form.cleaned_data["name"])
        except services.CohortError as error:
            if error.status == 403:
                raise Http404(str(error)) from None
            messages.error(request, str(error))
        else:
            messages.success(request, "Cohort made: send its invitation link to your candidates.")
            return redirect(cohort)
    else:
        messages.error(request, "Give the cohort a name of at most 120 characters.")
    return redirect("cohorts:list")


@login_required
def cohort_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = _cohort_or_404(request, pk)
    is_coach = cohort.coach_id == request.user.pk
    context = {
        "cohort": cohort,
        "is_coach": is_coach,
        "shares": selectors.shares_in(request.user, cohort),
        "members": cohort.memberships.select_related("candidate") if is_coach else None,
        "invite_url": request.build_absolute_uri(cohort.invite_path()) if is_coach else "",
        "share_form": None if is_coach else ShareForm(user=request.user),
    }
    return render(request, "cohorts/cohort_detail.html", context)


@login_required
def cohort_join(request: AuthenticatedRequest, token: str) -> HttpResponse:
    cohort = Cohort.objects.select_related("coach").filter(invite_token=token).first()
    if cohort is None:
        raise Http404("This invitation link is not valid.")
    if request.method == "POST":
        try:
            membership = services.cohort_join(candidate=request.user, token=token)
        except services.CohortError as error:
            messages.error(request, str(error))
            return redirect("cohorts:list")
        messages.success(
            request, f"You joined {cohort.name}. Nothing is shared until you share it."
        )
        return redirect(membership.cohort)
    return render(request, "cohorts/cohort_join.html", {"cohort": cohort})


@login_required
@require_POST
def cohort_leave(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = _cohort_or_404(request, pk)
    services.cohort_leave(candidate=request.user, cohort=cohort)
    messages.success(request, f"You left {cohort.name}; everything you shared there is taken back.")
    return redirect("cohorts:list")


@login_required
@require_POST
def cohort_invite_renew(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = _cohort_or_404(request, pk)
    if cohort.coach_id != request.user.pk:
        raise Http404("No such cohort.")
    services.cohort_invite_renew(cohort=cohort)
    messages.success(request, "A new invitation link: the old one no longer works.")
    return redirect(cohort)


@login_required
@require_POST
def share_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = _cohort_or_404(request, pk)
    form = ShareForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, "Choose one of your answers, stories or finished loops.")
        return redirect(cohort)
    kind, item_id = form.kind_and_id()
    try:
        share, created = services.share_create(
            candidate=request.user, cohort=cohort, kind=kind, item_id=item_id
        )
    except services.CohortError as error:
        messages.error(request, str(error))
        return redirect(cohort)
    messages.success(
        request, f"Shared with {cohort.coach.username}." if created else "Already shared."
    )
    return redirect(share)


@login_required
def share_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    share = _share_or_404(request, pk)
    context = {
        "share": share,
        "item": item_out(share),
        "comments": share.comments.select_related("author"),
        "new_count": selectors.new_comments(share, request.user).count(),
        "is_candidate": share.candidate_id == request.user.pk,
        "form": CommentForm(),
    }
    return render(request, "cohorts/share_detail.html", context)


@login_required
@require_POST
def share_comment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    share = _share_or_404(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(author=request.user, share=share, body=form.cleaned_data["body"])
        except services.CohortError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, "Write a comment of at most 5,000 characters.")
    return redirect(share)


@login_required
@require_POST
def share_read(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    share = _share_or_404(request, pk)
    services.share_mark_read(candidate=request.user, share=share)
    return redirect(share)


@login_required
@require_POST
def share_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    share = _share_or_404(request, pk)
    try:
        services.share_revoke(candidate=request.user, share=share)
    except services.CohortError:
        raise Http404("Nothing of yours shared here.") from None
    messages.success(
        request, "Taken back: your coach no longer sees it, and its comments are gone."
    )
    return redirect("cohorts:detail", share.cohort_id)
