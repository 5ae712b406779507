"""The report form: rounds as a few fixed slots, one question a line (no script needed)."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from loopcoach.web.guides.models import Guide
from loopcoach.web.reports.models import Report
from loopcoach.web.reports.validation import (
    MAX_NOTES_LENGTH,
    CleanReport,
    ReportInvalid,
    report_clean,
)

ROUND_SLOTS = 5
ROUND_NAMES = ["Phone screen", "Hiring manager", "Bar Raiser", "", ""]


def _guide_choices() -> list[tuple[str, str]]:
    return [(g.path, str(g)) for g in Guide.objects.select_related("company")]


class ReportForm(forms.Form):
    guide = forms.ChoiceField(label="Company and role", choices=())
    level = forms.CharField(
        required=False,
        max_length=60,
        help_text="As you were told it: L6, SDE II, senior…",
    )
    month = forms.CharField(
        label="Month of the interview",
        widget=forms.DateInput(attrs={"type": "month", "placeholder": "2026-10"}),
    )
    location = forms.CharField(required=False, max_length=120, help_text="Optional")
    outcome = forms.ChoiceField(
        required=False, choices=[("", "Not saying")] + list(Report.Outcome.choices)
    )
    notes = forms.CharField(
        required=False,
        max_length=MAX_NOTES_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Private: only you ever see them.",
    )

    def __init__(self, *args: Any, slots: int = ROUND_SLOTS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["guide"]).choices = _guide_choices()
        # A report written through the API may hold more rounds: editing it keeps them all.
        self.slots = max(slots, ROUND_SLOTS)
        for slot in range(self.slots):
            self.fields[f"round_{slot}_name"] = forms.CharField(
                label=f"Round {slot + 1}",
                required=False,
                max_length=120,
                initial=ROUND_NAMES[slot] if slot < len(ROUND_NAMES) else "",
            )
            self.fields[f"round_{slot}_questions"] = forms.CharField(
                label=f"Questions asked in round {slot + 1}",
                required=False,
                widget=forms.Textarea(
                    attrs={"rows": 3, "placeholder": "One question a line, in your own words"}
                ),
            )
        self.clean_report: CleanReport | None = None

    def round_slots(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"round_{n}_name"], self[f"round_{n}_questions"]) for n in range(self.slots)]

    def report_data(self) -> dict:
        data = self.cleaned_data
        company, _, role = (data.get("guide") or "").partition("/")
        rounds = []
        for slot in range(self.slots):
            lines = (data.get(f"round_{slot}_questions") or "").splitlines()
            questions = [line.strip() for line in lines if line.strip()]
            if questions:
                name = data.get(f"round_{slot}_name") or f"Round {slot + 1}"
                rounds.append({"name": name, "questions": questions})
        fields = ("level", "month", "location", "outcome", "notes")
        return {
            "company": company,
            "role": role,
            "rounds": rounds,
            **{name: data.get(name) or "" for name in fields},
        }

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        try:
            self.clean_report = report_clean(self.report_data())
        except ReportInvalid as error:
            for name, problem in error.fields.items():
                field = name if name in self.fields and name != "guide" else None
                label = "Questions" if name.startswith("rounds") else name.capitalize()
                self.add_error(field, problem if field else f"{label}: {problem}")
        return cleaned

    @classmethod
    def initial_from(cls, report: Report) -> dict:
        initial: dict = {
            "guide": report.guide.path,
            "level": report.level,
            "month": report.month_label,
            "location": report.location,
            "outcome": report.outcome,
            "notes": report.notes,
        }
        slots: list[tuple[str, list[str]]] = []
        for reported in report.questions.all():
            if not slots or slots[-1][0] != reported.round_name:
                slots.append((reported.round_name, []))
            slots[-1][1].append(reported.text)
        for slot, (name, questions) in enumerate(slots):
            initial[f"round_{slot}_name"] = name
            initial[f"round_{slot}_questions"] = "\n".join(questions)
        return initial


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("merge", "Merge"), ("new", "New"), ("reject", "Reject")])
    question_id = forms.IntegerField(required=False, min_value=1)
    category = forms.CharField(required=False, max_length=32)
    principles = forms.MultipleChoiceField(required=False, choices=())
    reason = forms.CharField(required=False, max_length=1000)
    wording = forms.CharField(required=False, max_length=2200)

    def __init__(self, *args: Any, principle_slugs: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["principles"]).choices = [
            (slug, slug) for slug in principle_slugs
        ]


class RejectForm(forms.Form):
    reason = forms.CharField(max_length=1000)
