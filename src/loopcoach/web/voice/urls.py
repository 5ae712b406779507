from django.urls import path

from loopcoach.web.voice import views

app_name = "voice"
urlpatterns = [
    path("questions/<int:pk>/recordings/", views.recording_create, name="recording_create"),
    path("recordings/<int:pk>/", views.recording_detail, name="recording"),
    path("recordings/<int:pk>/audio/", views.recording_audio, name="audio"),
    path("recordings/<int:pk>/audio/delete/", views.audio_delete, name="audio_delete"),
]
