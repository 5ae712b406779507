from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "loopcoach.web.cohorts"
    label = "cohorts"
    verbose_name = "Cohorts and coaches"
