from django.contrib import admin

from loopcoach.web.guides.services import question_refresh_search
from loopcoach.web.questions.models import Question, QuestionVariant


class QuestionVariantInline(admin.TabularInline):
    model = QuestionVariant
    extra = 0
    fields = ["text", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "guide", "category", "source", "round", "times_reported", "retired"]
    list_filter = ["guide", "category", "source", "retired", "round__slug", "principles"]
    search_fields = ["text", "key", "guidance"]
    filter_horizontal = ["principles"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [QuestionVariantInline]

    def save_related(self, request, form, formsets, change):
        # The search document includes principle names,
        # which are saved here, after the question itself.
        super().save_related(request, form, formsets, change)
        question_refresh_search(question=form.instance)
