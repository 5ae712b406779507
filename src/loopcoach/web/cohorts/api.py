"""/api/v1/cohorts: a coach's cohorts, joining by invitation, sharing an item, comments.

The coach reads only what was shared with them; a candidate only their own shares. Any
other id answers 404, the same as one that does not exist.
"""

from __future__ import annotations

from typing import Any, Literal

from ninja import Router, Schema, Status

from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import PRIVATE_REFUSALS, ApiError, ErrorOut, not_found
from loopcoach.web.api.pagination import Page, PageNumber, paginate
from loopcoach.web.api.schemas import ExactInput, Id
from loopcoach.web.cohorts import selectors, services
from loopcoach.web.cohorts.items import item_out
from loopcoach.web.cohorts.models import Cohort, Comment, Share
from loopcoach.web.core.requests import AuthenticatedRequest

router = Router(tags=["cohorts"], auth=token_or_session)
REFUSED = {409: ErrorOut, **PRIVATE_REFUSALS}


class CohortOut(Schema):
    id: int
    name: str
    coach: str
    role: Literal["coach", "candidate"]
    invite_path: str | None
    members: list[str] | None


class ShareOut(Schema):
    id: int
    cohort: int
    candidate: str
    kind: Literal["attempt", "story", "loop"]
    title: str
    created_at: str
    comments: int
    new_comments: int


class ShareDetailOut(ShareOut):
    item: dict[str, Any]


class CommentOut(Schema):
    id: int
    author: str
    body: str
    created_at: str


class CohortIn(ExactInput):
    name: str


class JoinIn(ExactInput):
    token: str


class ShareIn(ExactInput):
    kind: Literal["attempt", "story", "loop"]
    id: Id


class CommentIn(ExactInput):
    body: str


def _refused(error: services.CohortError) -> ApiError:
    codes = {403: "forbidden", 404: "not_found", 409: "conflict"}
    return ApiError(error.status, codes.get(error.status, "bad_request"), str(error))


def cohort_out(cohort: Cohort, user: Any) -> dict:
    coached = cohort.coach_id == user.pk
    return {
        "id": cohort.pk,
        "name": cohort.name,
        "coach": cohort.coach.username,
        "role": "coach" if coached else "candidate",
        "invite_path": cohort.invite_path() if coached else None,
        "members": [m.candidate.username for m in cohort.memberships.select_related("candidate")]
        if coached
        else None,
    }


def share_out(share: Share, user: Any) -> dict:
    return {
        "id": share.pk,
        "cohort": share.cohort_id,
        "candidate": share.candidate.username,
        "kind": share.kind,
        "title": share.title,
        "created_at": share.created_at.isoformat(),
        "comments": share.comments.count(),
        "new_comments": selectors.new_comments(share, user).count(),
    }


def comment_out(comment: Comment) -> dict:
    return {
        "id": comment.pk,
        "author": comment.author.username,
        "body": comment.body,
        "created_at": comment.created_at.isoformat(),
    }


def _cohort(request: AuthenticatedRequest, pk: int) -> Cohort:
    cohort = selectors.cohort_for(request.user, pk)
    if cohort is None:
        raise not_found(f"No cohort {pk}.")
    return cohort


def _share(request: AuthenticatedRequest, pk: int) -> Share:
    share = selectors.share_for(request.user, pk)
    if share is None:
        raise not_found(f"No share {pk}.")
    return share


@router.get("/cohorts", response={200: Page[CohortOut], **PRIVATE_REFUSALS})
def cohort_list(request: AuthenticatedRequest, page: PageNumber = 1) -> dict:
    """The cohorts the caller coaches, then those they are in."""
    cohorts = [*selectors.cohorts_coached(request.user), *selectors.cohorts_joined(request.user)]
    return paginate(cohorts, page, lambda c: cohort_out(c, request.user))


@router.post("/cohorts", response={201: CohortOut, **REFUSED})
def cohort_create(request: AuthenticatedRequest, body: CohortIn) -> Status[dict]:
    """Make a cohort (coaches only: the "coach" role); send its invite_path to candidates."""
    try:
        cohort = services.cohort_create(coach=request.user, name=body.name)
    except services.CohortError as error:
        raise _refused(error) from None
    return Status(201, cohort_out(cohort, request.user))


@router.post("/cohorts/join", response={200: CohortOut, **REFUSED})
def cohort_join(request: AuthenticatedRequest, body: JoinIn) -> dict:
    """Join a cohort with the token of its invitation link (joining shares nothing)."""
    try:
        membership = services.cohort_join(candidate=request.user, token=body.token)
    except services.CohortError as error:
        raise _refused(error) from None
    return cohort_out(membership.cohort, request.user)


@router.get("/cohorts/{int:pk}", response={200: CohortOut, **PRIVATE_REFUSALS})
def cohort_detail(request: AuthenticatedRequest, pk: int) -> dict:
    return cohort_out(_cohort(request, pk), request.user)


@router.delete("/cohorts/{int:pk}/membership", response={204: None, **PRIVATE_REFUSALS})
def cohort_leave(request: AuthenticatedRequest, pk: int) -> Status[None]:
    """Leave the cohort; everything shared in it is taken back."""
    services.cohort_leave(candidate=request.user, cohort=_cohort(request, pk))
    return Status(204, None)


@router.get("/cohorts/{int:pk}/shares", response={200: Page[ShareOut], **PRIVATE_REFUSALS})
def share_list(request: AuthenticatedRequest, pk: int, page: PageNumber = 1) -> dict:
    """The coach: everything shared in the cohort; a candidate: what they shared there."""
    shares = selectors.shares_in(request.user, _cohort(request, pk))
    return paginate(shares, page, lambda s: share_out(s, request.user))


@router.post("/cohorts/{int:pk}/shares", response={201: ShareOut, 200: ShareOut, **REFUSED})
def share_create(request: AuthenticatedRequest, pk: int, body: ShareIn) -> Status[dict]:
    """Share one of your attempts, stories or finished loops with the coach (201; 200 when it
    was shared already)."""
    try:
        share, created = services.share_create(
            candidate=request.user, cohort=_cohort(request, pk), kind=body.kind, item_id=body.id
        )
    except services.CohortError as error:
        raise _refused(error) from None
    return Status(201 if created else 200, share_out(share, request.user))


@router.get("/cohorts/shares/{int:pk}", response={200: ShareDetailOut, **PRIVATE_REFUSALS})
def share_detail(request: AuthenticatedRequest, pk: int) -> dict:
    share = _share(request, pk)
    return {**share_out(share, request.user), "item": item_out(share)}


@router.delete("/cohorts/shares/{int:pk}", response={204: None, **PRIVATE_REFUSALS})
def share_revoke(request: AuthenticatedRequest, pk: int) -> Status[None]:
    """Take a share back (the candidate who shared it): the coach no longer sees it."""
    try:
        services.share_revoke(candidate=request.user, share=_share(request, pk))
    except services.CohortError as error:
        raise _refused(error) from None
    return Status(204, None)


@router.get(
    "/cohorts/shares/{int:pk}/comments", response={200: Page[CommentOut], **PRIVATE_REFUSALS}
)
def comment_list(request: AuthenticatedRequest, pk: int, page: PageNumber = 1) -> dict:
    share = _share(request, pk)
    return paginate(share.comments.select_related("author"), page, comment_out)


@router.post("/cohorts/shares/{int:pk}/comments", response={201: CommentOut, **REFUSED})
def comment_create(request: AuthenticatedRequest, pk: int, body: CommentIn) -> Status[dict]:
    try:
        comment = services.comment_add(
            author=request.user, share=_share(request, pk), body=body.body
        )
    except services.CohortError as error:
        raise _refused(error) from None
    return Status(201, comment_out(comment))


@router.post("/cohorts/shares/{int:pk}/read", response={200: ShareOut, **PRIVATE_REFUSALS})
def share_read(request: AuthenticatedRequest, pk: int) -> dict:
    """The candidate has read the comments: the notice of new ones goes."""
    share = _share(request, pk)
    services.share_mark_read(candidate=request.user, share=share)
    return share_out(share, request.user)
