from django.contrib import admin

from loopcoach.web.accounts.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "hint", "created_at", "last_used_at"]
    search_fields = ["name", "user__username"]
    readonly_fields = ["hint", "created_at", "last_used_at"]
