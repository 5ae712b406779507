from django.urls import path

from loopcoach.web.tasks import views

app_name = "tasks"
urlpatterns = [
    path("<int:pk>/", views.job_status, name="status"),
    path("<int:pk>/retry/", views.job_retry, name="retry"),
]
