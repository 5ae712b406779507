"""The site's URLs: one include per app."""

from django.contrib import admin
from django.urls import include, path

from loopcoach.web.accounts.forms import ThrottledAdminLoginForm

admin.site.site_header = "loopcoach editors"
admin.site.site_title = "loopcoach admin"
admin.site.login_form = ThrottledAdminLoginForm  # the same lockout as /accounts/login/

urlpatterns = [
    path("", include("loopcoach.web.core.urls")),
    path("guides/", include("loopcoach.web.guides.urls")),
    path("questions/", include("loopcoach.web.questions.urls")),
    path("offers/", include("loopcoach.web.offers.urls")),
    path("plan/", include("loopcoach.web.planner.urls")),
    path("accounts/", include("loopcoach.web.accounts.urls")),
    path("practice/", include("loopcoach.web.practice.urls")),
    path("stories/", include("loopcoach.web.stories.urls")),
    path("loops/", include("loopcoach.web.loops.urls")),
    path("reports/", include("loopcoach.web.reports.urls")),
    path("moderation/", include("loopcoach.web.reports.moderation_urls")),
    path("cohorts/", include("loopcoach.web.cohorts.urls")),
    path("tasks/", include("loopcoach.web.tasks.urls")),
    path("coach/", include("loopcoach.web.coach.urls")),
    path("voice/", include("loopcoach.web.voice.urls")),
    path("api/v1/", include("loopcoach.web.api.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "loopcoach.web.core.views.not_found"
handler500 = "loopcoach.web.core.views.server_error"
