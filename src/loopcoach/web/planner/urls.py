from django.urls import path

from loopcoach.web.planner import views

app_name = "planner"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new", views.plan_new, name="new"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/progress", views.plan_progress_update, name="progress"),
    path("<int:pk>/dates", views.plan_dates, name="dates"),
    path("<int:pk>/delete", views.plan_delete, name="delete"),
    path("<int:pk>.ics", views.plan_ics, name="ics"),
]
