"""What a user may see of cohorts: the coach sees only what was shared with them; a candidate
sees their own shares. Everything else is None or empty, the same as a missing id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Q, QuerySet

from loopcoach.web.cohorts.models import Cohort, Comment, Share


def cohorts_coached(user: User) -> QuerySet[Cohort]:
    return (
        Cohort.objects.filter(coach=user)
        .annotate(
            member_count=Count("memberships", distinct=True),
            share_count=Count("shares", distinct=True),
        )
        .order_by("name", "id")
    )


def cohorts_joined(user: User) -> QuerySet[Cohort]:
    return Cohort.objects.filter(memberships__candidate=user).select_related("coach")


def cohort_for(user: User, pk: int) -> Cohort | None:
    """The cohort, for its coach or one of its members."""
    return (
        Cohort.objects.filter(Q(coach=user) | Q(memberships__candidate=user), pk=pk)
        .select_related("coach")
        .distinct()
        .first()
    )


def shares_visible(user: User) -> QuerySet[Share]:
    return Share.objects.filter(Q(candidate=user) | Q(cohort__coach=user)).select_related(
        "cohort__coach",
        "candidate",
        "attempt__question",
        "story",
        "loop__guide__company",
    )


def share_for(user: User, pk: int) -> Share | None:
    return shares_visible(user).filter(pk=pk).first()


def shares_in(user: User, cohort: Cohort) -> QuerySet[Share]:
    """The coach: everything shared in the cohort; a member: their own shares in it."""
    shares = shares_visible(user).filter(cohort=cohort)
    if cohort.coach_id != user.pk:
        shares = shares.filter(candidate=user)
    return shares.annotate(comment_count=Count("comments")).order_by("-created_at", "-id")


def new_comments(share: Share, user: User) -> QuerySet[Comment]:
    """Comments the candidate has not read yet (written by someone else since they last did)."""
    if share.candidate_id != user.pk:
        return Comment.objects.none()
    unread = share.comments.exclude(author=user)
    return unread.filter(created_at__gt=share.seen_at) if share.seen_at else unread


@dataclass
class Notice:
    share: Share
    count: int


def notices(user: User) -> list[Notice]:
    """The candidate's shares with comments they have not read, newest share first."""
    found = []
    for share in shares_visible(user).filter(candidate=user, comments__isnull=False).distinct():
        count = new_comments(share, user).count()
        if count:
            found.append(Notice(share, count))
    return found


@dataclass
class Thread:
    share: Share
    comments: list[Comment]
    new_count: int


SHARE_KINDS = ("attempt", "story", "loop")


def threads_on(user: User, kind: str, item: Any) -> list[Thread]:
    """The comments on `item` in each cohort its owner shared it in; only for that owner
    (a coach reads them on the share's page, anyone else gets nothing)."""
    if kind not in SHARE_KINDS or not user.is_authenticated or item is None:
        return []
    shares = (
        Share.objects.filter(candidate=user, **{kind: item})
        .select_related("cohort__coach")
        .prefetch_related("comments__author")
        .order_by("created_at", "id")
    )
    return [
        Thread(share, list(share.comments.all()), new_comments(share, user).count())
        for share in shares
    ]
