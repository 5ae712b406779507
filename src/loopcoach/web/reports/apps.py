from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "loopcoach.web.reports"
    label = "reports"
    verbose_name = "Interview reports"
