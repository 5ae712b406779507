from django.urls import path

from loopcoach.web.coach import views

app_name = "coach"
urlpatterns = [
    path("attempts/<int:pk>/ask/", views.ask, name="ask"),
]
