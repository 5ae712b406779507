from django.apps import AppConfig


class CoachConfig(AppConfig):
    name = "loopcoach.web.coach"
    label = "coach"
    verbose_name = "Coach"
