from django.urls import path

from loopcoach.web.loops import views

app_name = "loops"
urlpatterns = [
    path("", views.loop_list, name="list"),
    path("<int:pk>/", views.loop_detail, name="detail"),
    path("<int:pk>/end/", views.loop_end, name="end"),
    path("<int:pk>/debrief/", views.debrief, name="debrief"),
    path("<int:pk>/delete/", views.loop_delete, name="delete"),
    path("<int:pk>/rounds/<int:order>/", views.round_detail, name="round"),
    path("<int:pk>/rounds/<int:order>/start/", views.round_start, name="round_start"),
    path("<int:pk>/rounds/<int:order>/leave/", views.round_leave, name="round_leave"),
    path("<int:pk>/rounds/<int:order>/end/", views.round_end, name="round_end"),
    path(
        "<int:pk>/rounds/<int:order>/answers/<int:answer_pk>/", views.answer_create, name="answer"
    ),
]
