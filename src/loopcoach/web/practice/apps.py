from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "loopcoach.web.practice"
    label = "practice"
    verbose_name = "Practice"
