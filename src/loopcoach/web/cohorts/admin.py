from django.contrib import admin

from loopcoach.web.cohorts.models import Cohort, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["candidate"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    """Cohorts and who is in them. What candidates shared is theirs and their coach's only:
    it is not listed here."""

    list_display = ["name", "coach", "created_at"]
    search_fields = ["name", "coach__username"]
    raw_id_fields = ["coach"]
    inlines = [MembershipInline]
