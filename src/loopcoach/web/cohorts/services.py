"""Cohort workflows. Every one checks who may do it: only a coach (the `cohorts.add_cohort`
permission, given by the "coach" group) makes a cohort; only a member shares, and only
their own items; only the cohort's coach and the item's candidate comment."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from loopcoach.web.cohorts.models import MAX_COMMENT_LENGTH, Cohort, Comment, Membership, Share
from loopcoach.web.loops.models import MockLoop
from loopcoach.web.practice.models import Attempt
from loopcoach.web.stories.models import Story

MAX_COHORTS_PER_COACH = 50
MAX_NAME_LENGTH = 120
ITEM_MODELS: dict[str, tuple[type[models.Model], str]] = {
    "attempt": (Attempt, "user"),
    "story": (Story, "user"),
    "loop": (MockLoop, "user"),
}


class CohortError(Exception):
    """A refusal with a sentence for the candidate or coach; `status` for the API."""

    status = 400

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _clean_text(value: object, *, what: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CohortError(f"Write the {what}.")
    text = value.strip()
    if len(text) > limit:
        raise CohortError(f"The {what} is longer than {limit:,} characters.")
    if "\x00" in text or any("\ud800" <= ch <= "\udfff" for ch in text):
        raise CohortError(f"The {what} contains a character that is not text.")
    return text


def is_coach(user: User) -> bool:
    return user.has_perm("cohorts.add_cohort")


def cohort_create(*, coach: User, name: object) -> Cohort:
    if not is_coach(coach):
        raise CohortError("Only a coach can make a cohort: ask an administrator.", status=403)
    if Cohort.objects.filter(coach=coach).count() >= MAX_COHORTS_PER_COACH:
        raise CohortError(f"You run {MAX_COHORTS_PER_COACH} cohorts already.", status=409)
    return Cohort.objects.create(
        coach=coach, name=_clean_text(name, what="cohort's name", limit=MAX_NAME_LENGTH)
    )


def cohort_join(*, candidate: User, token: str) -> Membership:
    cohort = Cohort.objects.filter(invite_token=token).first() if token else None
    if cohort is None:
        raise CohortError(
            "This invitation link is not valid (ask your coach for a new one).", status=404
        )
    if cohort.coach_id == candidate.pk:
        raise CohortError("You coach this cohort: candidates join it.", status=409)
    membership, _ = Membership.objects.get_or_create(cohort=cohort, candidate=candidate)
    return membership


@transaction.atomic
def cohort_leave(*, candidate: User, cohort: Cohort) -> None:
    """Leave, taking back everything shared in the cohort."""
    Share.objects.filter(cohort=cohort, candidate=candidate).delete()
    Membership.objects.filter(cohort=cohort, candidate=candidate).delete()


def cohort_invite_renew(*, cohort: Cohort) -> Cohort:
    """A new link; the old one stops working (members stay)."""
    from loopcoach.web.cohorts.models import new_invite_token

    cohort.invite_token = new_invite_token()
    cohort.save(update_fields=["invite_token"])
    return cohort


def _own_item(candidate: User, kind: str, item_id: int) -> models.Model:
    if kind not in ITEM_MODELS:
        raise CohortError("Share an attempt, a story or a loop.")
    model, owner = ITEM_MODELS[kind]
    item = model._default_manager.filter(pk=item_id, **{owner: candidate}).first()
    if item is None:  # someone else's item reads exactly like one that does not exist
        raise CohortError(f"You have no {kind} {item_id}.", status=404)
    if isinstance(item, MockLoop) and not item.is_finished:
        raise CohortError(
            "Share a loop once it is over: its debrief is what the coach reads.", status=409
        )
    return item


def share_create(*, candidate: User, cohort: Cohort, kind: str, item_id: int) -> tuple[Share, bool]:
    """Share one of the candidate's items with the cohort's coach (again: the same share)."""
    if not Membership.objects.filter(cohort=cohort, candidate=candidate).exists():
        raise CohortError(f"You are not in cohort {cohort.pk}.", status=404)
    item = _own_item(candidate, kind, item_id)
    existing = Share.objects.filter(cohort=cohort, **{kind: item}).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            return Share.objects.create(cohort=cohort, candidate=candidate, **{kind: item}), True
    except IntegrityError:  # shared at the same moment by another request
        return Share.objects.get(cohort=cohort, **{kind: item}), False


def share_revoke(*, candidate: User, share: Share) -> None:
    if share.candidate_id != candidate.pk:
        raise CohortError("Only the candidate who shared it can take it back.", status=403)
    share.delete()


def may_comment(user: User, share: Share) -> bool:
    return user.pk in (share.candidate_id, share.cohort.coach_id)


def comment_add(*, author: User, share: Share, body: object) -> Comment:
    if not may_comment(author, share):
        raise CohortError("Only the coach and the candidate comment here.", status=403)
    text = _clean_text(body, what="comment", limit=MAX_COMMENT_LENGTH)
    comment = Comment.objects.create(share=share, author=author, body=text)
    if author.pk == share.candidate_id:  # one's own reply reads everything before it
        share_mark_read(candidate=author, share=share)
    return comment


def share_mark_read(*, candidate: User, share: Share) -> None:
    if share.candidate_id == candidate.pk:
        share.seen_at = timezone.now()
        share.save(update_fields=["seen_at"])
