from django.urls import path

from loopcoach.web.practice import views

app_name = "practice"
urlpatterns = [
    path("", views.hub, name="hub"),
    path("random/", views.random_question, name="random"),
    path("questions/<int:pk>/", views.question, name="question"),
    path("questions/<int:pk>/attempts/", views.attempt_create, name="attempt_create"),
    path("attempts/<int:pk>/", views.attempt_detail, name="attempt"),
    path("attempts/<int:pk>/follow-ups/", views.follow_up_create, name="follow_up_create"),
    path("attempts/<int:pk>/retry/", views.attempt_retry, name="attempt_retry"),
    path("cards/<int:pk>/rating/", views.card_rate, name="card_rate"),
    path("drafts/", views.draft_save, name="draft_save"),
    path("writing/", views.writing, name="writing"),
    path("writing/review/", views.writing_review, name="writing_review"),
    path("history/", views.history, name="history"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("due/", views.due, name="due"),
]
