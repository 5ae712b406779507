from __future__ import annotations

from typing import cast

from django import forms

from loopcoach.web.guides.models import Guide
from loopcoach.web.loops.models import PRACTICE_MINUTES


class StartForm(forms.Form):
    guide = forms.ModelChoiceField(queryset=Guide.objects.none(), empty_label=None)
    length = forms.ChoiceField(label="Round length", widget=forms.RadioSelect, initial="practice")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        guides = Guide.objects.filter(rounds__isnull=False).select_related("company").distinct()
        cast(forms.ModelChoiceField, self.fields["guide"]).queryset = guides
        self.fields["guide"].initial = guides.first()
        cast(forms.ChoiceField, self.fields["length"]).choices = [
            ("practice", f"Practice: {PRACTICE_MINUTES} minutes a round"),
            ("real", "Real length: as the guide says (45–60 minutes)"),
        ]

    def minutes(self) -> int:
        guide = self.cleaned_data["guide"]
        if self.cleaned_data["length"] == "real":
            return guide.round_minutes_max
        return PRACTICE_MINUTES
