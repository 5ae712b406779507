from __future__ import annotations

from typing import cast

from django import forms

from loopcoach.web.guides.models import Principle
from loopcoach.web.stories.models import MAX_PART_LENGTH
from loopcoach.web.stories.selectors import story_principles

PLACEHOLDERS = {
    "situation": "Where were you, what was going on, what was at stake? Two or three sentences.",
    "task": "What did you have to achieve? Your goal, not the team's.",
    "action": "What did you do — in the first person, step by step, with the decisions you made.",
    "result": "What came of it, in numbers: latency, revenue, attrition, dates.",
    "reflection": "What you learned, or would do differently next time.",
}
MAX_IMPORT_BYTES = 1_000_000


def _text(label: str, name: str, rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_PART_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows, "placeholder": PLACEHOLDERS[name]}),
    )


class StoryForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "placeholder": "e.g. Cut checkout latency by 70% before Prime Day",
                "autocomplete": "off",
            }
        ),
    )
    when = forms.CharField(
        label="When and where",
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "e.g. 2023, payments team"}),
    )
    situation = _text("Situation", "situation")
    task = _text("Task", "task", rows=3)
    action = _text("Action", "action", rows=7)
    result = _text("Result", "result")
    reflection = _text("Reflection", "reflection", rows=3)

    def clean(self):
        cleaned = super().clean() or {}
        if not any(
            (cleaned.get(name) or "").strip() for name in ("situation", "task", "action", "result")
        ):
            raise forms.ValidationError(
                "Write at least one part of the story: situation, task, action or result."
            )
        return cleaned


class PrinciplesForm(forms.Form):
    principles = forms.ModelMultipleChoiceField(
        queryset=Principle.objects.none(),
        required=False,
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        principles = cast(forms.ModelMultipleChoiceField, self.fields["principles"])
        principles.queryset = story_principles()


class ImportForm(forms.Form):
    file = forms.FileField(required=False, label="A Markdown file exported from loopcoach")
    text = forms.CharField(
        required=False,
        label="…or paste its text",
        max_length=MAX_IMPORT_BYTES,
        widget=forms.Textarea(
            attrs={"rows": 8, "placeholder": "# My stories\n\n## A story title\n…"}
        ),
    )

    def clean(self):
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if upload:
            if upload.size > MAX_IMPORT_BYTES:
                raise forms.ValidationError("The file is larger than 1 MB.")
            try:
                cleaned["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError("The file is not UTF-8 text.") from None
        if not (cleaned.get("text") or "").strip():
            raise forms.ValidationError("Choose a file or paste the text of one.")
        return cleaned
