"""Cohorts in an export: the cohorts a coach runs, the ones a candidate is in, their shares
and the comments each wrote; never the shared items of someone else. Not imported: a
cohort, its members and its comments live on the server they were made on."""

from __future__ import annotations

from loopcoach.web.cohorts.models import Cohort, Comment, Membership, Share
from loopcoach.web.portability.registry import portable

portable(
    Cohort, owner="coach", name="cohorts_coached", fields=("name", "created_at"), export_only=True
)
portable(
    Membership,
    owner="candidate",
    name="cohort_memberships",
    fields=("joined_at",),
    export_only=True,
)
portable(
    Share,
    owner="candidate",
    name="cohort_shares",
    fields=("attempt", "story", "loop", "created_at"),
    export_only=True,
)
portable(
    Comment, owner="author", name="cohort_comments", fields=("body", "created_at"), export_only=True
)
