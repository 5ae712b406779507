from django.apps import AppConfig


class PlannerConfig(AppConfig):
    name = "loopcoach.web.planner"
    label = "planner"
    verbose_name = "Preparation plans"
