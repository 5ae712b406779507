from django.urls import path

from loopcoach.web.api import views

app_name = "api"
urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("guides", views.guide_list, name="guides"),
    path("guides/<slug:company>/<slug:role>", views.guide_detail, name="guide"),
    path("questions", views.question_list, name="questions"),
    path("questions/<int:pk>", views.question_detail, name="question"),
]
