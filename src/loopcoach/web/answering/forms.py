"""The answer box every form that takes an answer uses: its limit is the analyzer's own."""

from __future__ import annotations

from typing import Any

from django import forms

from loopcoach.analysis.validation import MAX_ANSWER_CHARS


class AnswerField(forms.CharField):
    """An answer: at most `MAX_ANSWER_CHARS` characters, kept exactly as typed (offsets in the
    analysis point into it), rendered as a textarea whose `maxlength` comes from here."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 10}))
        super().__init__(max_length=MAX_ANSWER_CHARS, strip=False, **kwargs)

    def validate(self, value: str) -> None:
        super().validate(value)
        if self.required and not value.strip():  # blank is empty, though it is kept unstripped
            raise forms.ValidationError(self.error_messages["required"], code="required")


class AnswerForm(forms.Form):
    """A form with one answer box; pages pass it so that the box's limit comes from the field."""

    answer = AnswerField()
