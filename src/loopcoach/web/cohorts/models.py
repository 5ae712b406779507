"""A coach's cohort, its candidates, and what each candidate chose to share with the coach.

Nothing of a candidate reaches the coach except through a `Share` row the candidate made:
one attempt, story or finished mock loop (its debrief), revocable at any time (the row and
its comments go). Leaving a cohort revokes every share in it.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from loopcoach.web.loops.models import MockLoop
from loopcoach.web.practice.models import Attempt
from loopcoach.web.stories.models import Story

MAX_COMMENT_LENGTH = 5000
KINDS = ("attempt", "story", "loop")


def new_invite_token() -> str:
    return secrets.token_urlsafe(24)


class Cohort(models.Model):
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coached_cohorts"
    )
    name = models.CharField(max_length=120)
    invite_token = models.CharField(
        max_length=64, unique=True, default=new_invite_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cohorts:detail", args=[self.pk])

    def invite_path(self) -> str:
        return reverse("cohorts:join", args=[self.invite_token])


class Membership(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "candidate"], name="one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.candidate} in {self.cohort}"


class Share(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="shares")
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_shares"
    )
    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    loop = models.ForeignKey(
        MockLoop, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(
        null=True, blank=True, help_text="When the candidate last read its comments"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(attempt__isnull=False, story__isnull=True, loop__isnull=True)
                    | Q(attempt__isnull=True, story__isnull=False, loop__isnull=True)
                    | Q(attempt__isnull=True, story__isnull=True, loop__isnull=False)
                ),
                name="share_one_item",
            ),
            *(
                models.UniqueConstraint(
                    fields=["cohort", kind],
                    condition=Q(**{f"{kind}__isnull": False}),
                    name=f"share_{kind}_once",
                )
                for kind in KINDS
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} shared in {self.cohort_id}"

    def get_absolute_url(self) -> str:
        return reverse("cohorts:share", args=[self.pk])

    @property
    def kind(self) -> str:
        return next(kind for kind in KINDS if getattr(self, f"{kind}_id"))

    @property
    def kind_label(self) -> str:
        return {"attempt": "Answer", "story": "Story", "loop": "Loop debrief"}[self.kind]

    @property
    def item(self) -> models.Model:
        return getattr(self, self.kind)

    @property
    def title(self) -> str:
        if self.attempt is not None:
            return self.attempt.question.text
        if self.story is not None:
            return self.story.title
        return f"Mock loop debrief · {self.loop.guide if self.loop else ''}"


class Comment(models.Model):
    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_comments"
    )
    body = models.TextField(max_length=MAX_COMMENT_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Comment by {self.author} on share {self.share_id}"
