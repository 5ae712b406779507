"""Editors see saved offers only as counts; they manage and import market data points."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from loopcoach.offers import CSV_COLUMNS, CsvImportError
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.offers.models import CompensationDataPoint
from loopcoach.web.offers.services import data_points_import


class CsvUploadForm(forms.Form):
    file = forms.FileField(help_text=f"UTF-8 CSV with the header: {','.join(CSV_COLUMNS)}")


@admin.register(CompensationDataPoint)
class CompensationDataPointAdmin(admin.ModelAdmin):
    list_display = [
        "company",
        "level",
        "location",
        "year",
        "base",
        "stock_per_year",
        "bonus",
        "source",
        "created",
    ]
    list_filter = ["company", "level", "year", "source"]
    search_fields = ["company", "level", "location"]
    readonly_fields = ["submitted_by", "created"]
    change_list_template = "admin/offers/compensationdatapoint/change_list.html"

    def get_urls(self):
        extra = [
            path(
                "import-csv/",
                self.admin_site.admin_view(self.import_csv),
                name="offers_compensationdatapoint_import",
            )
        ]
        return extra + super().get_urls()

    def save_model(self, request, obj, form, change):
        from django.utils.text import slugify

        obj.company_slug = slugify(obj.company)
        if not change:
            obj.submitted_by = request.user
        super().save_model(request, obj, form, change)

    def import_csv(self, request: AuthenticatedRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = CsvUploadForm(request.POST or None, request.FILES or None)
        problems: list[str] = []
        if request.method == "POST" and form.is_valid():
            raw = form.cleaned_data["file"].read()
            try:
                count = data_points_import(text=raw.decode("utf-8-sig"), submitted_by=request.user)
            except UnicodeDecodeError:
                problems = ["the file is not UTF-8 text; save it as “CSV UTF-8”"]
            except CsvImportError as error:
                problems = error.problems
            else:
                self.message_user(request, f"Imported {count} data points.", messages.SUCCESS)
                return redirect("admin:offers_compensationdatapoint_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": "Import compensation data from CSV",
            "form": form,
            "problems": problems,
            "columns": CSV_COLUMNS,
            "opts": self.model._meta,
        }
        return TemplateResponse(
            request, "admin/offers/import_csv.html", context, status=400 if problems else 200
        )
