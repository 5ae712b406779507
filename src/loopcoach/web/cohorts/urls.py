from __future__ import annotations

from django.urls import path

from loopcoach.web.cohorts import views

app_name = "cohorts"

urlpatterns = [
    path("", views.cohort_list, name="list"),
    path("new/", views.cohort_new, name="new"),
    path("join/<str:token>/", views.cohort_join, name="join"),
    path("<int:pk>/", views.cohort_detail, name="detail"),
    path("<int:pk>/leave/", views.cohort_leave, name="leave"),
    path("<int:pk>/invite/", views.cohort_invite_renew, name="invite_renew"),
    path("<int:pk>/share/", views.share_new, name="share_new"),
    path("shares/<int:pk>/", views.share_detail, name="share"),
    path("shares/<int:pk>/comments/", views.share_comment, name="share_comment"),
    path("shares/<int:pk>/read/", views.share_read, name="share_read"),
    path("shares/<int:pk>/revoke/", views.share_revoke, name="share_revoke"),
]
