from django.contrib import admin

from loopcoach.web.guides.models import (
    Company,
    Guide,
    GuideItem,
    LoopRound,
    Principle,
    ProcessStage,
)


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "principles_name"]


@admin.register(Principle)
class PrincipleAdmin(admin.ModelAdmin):
    list_display = ["name", "company", "order", "slug"]
    list_filter = ["company"]
    search_fields = ["name", "summary", "description"]


class GuideItemInline(admin.StackedInline):
    model = GuideItem
    extra = 0


class ProcessStageInline(admin.TabularInline):
    model = ProcessStage
    extra = 0


class LoopRoundInline(admin.StackedInline):
    model = LoopRound
    extra = 0
    filter_horizontal = ["principles"]


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = ["__str__", "title", "loaded_at"]
    inlines = [ProcessStageInline, LoopRoundInline, GuideItemInline]
    readonly_fields = ["loaded_at"]
