"""Make a cohort, share an item, write a comment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from loopcoach.web.cohorts.models import MAX_COMMENT_LENGTH
from loopcoach.web.loops.models import MockLoop
from loopcoach.web.practice.models import Attempt
from loopcoach.web.stories.models import Story

ATTEMPTS_OFFERED = 30


class CohortForm(forms.Form):
    name = forms.CharField(max_length=120, label="Cohort name")


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Comment", max_length=MAX_COMMENT_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )


class ShareForm(forms.Form):
    """One of the candidate's own items, offered as "kind:id": recent attempts, every story,
    every finished loop."""

    item = forms.ChoiceField(label="What to share")

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["item"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = share_choices(user)

    def kind_and_id(self) -> tuple[str, int]:
        kind, _, pk = self.cleaned_data["item"].partition(":")
        return kind, int(pk)


def share_choices(user: User) -> list[tuple[str, list[tuple[str, str]]]]:
    attempts = (
        Attempt.objects.practice()
        .filter(user=user)
        .select_related("question")
        .order_by("-created_at")[:ATTEMPTS_OFFERED]
    )
    loops = [
        loop
        for loop in MockLoop.objects.filter(user=user).select_related("guide__company")
        if loop.is_finished
    ]
    groups = [
        (
            "Answers",
            [
                (f"attempt:{a.pk}", f"{a.created_at:%d %b} · {a.question.text[:80]}")
                for a in attempts
            ],
        ),
        ("Stories", [(f"story:{s.pk}", s.title) for s in Story.objects.filter(user=user)]),
        (
            "Mock loop debriefs",
            [(f"loop:{loop.pk}", f"{loop.created_at:%d %b} · {loop.guide}") for loop in loops],
        ),
    ]
    return [(label, choices) for label, choices in groups if choices]
