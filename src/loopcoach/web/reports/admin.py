from django.contrib import admin

from loopcoach.web.reports.models import ModerationAction, Report, ReportedQuestion


class ReportedQuestionInline(admin.TabularInline):
    model = ReportedQuestion
    extra = 0
    fields = ("position", "round_name", "text", "wording", "status", "question", "reason")
    raw_id_fields = ("question",)


class ModerationActionInline(admin.TabularInline):
    model = ModerationAction
    extra = 0
    can_delete = False
    readonly_fields = ("created_at", "moderator_name", "kind", "position", "detail")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False  # the log is written by the moderation services only


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("id", "guide", "month", "level", "status", "created_at")
    list_filter = ("status", "guide")
    raw_id_fields = ("owner",)
    inlines = [ReportedQuestionInline, ModerationActionInline]
