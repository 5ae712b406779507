from django.urls import path

from loopcoach.web.reports import moderation_views as views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/questions/<int:n>/", views.decide, name="decide"),
    path("reports/<int:pk>/reject/", views.reject, name="reject"),
]
