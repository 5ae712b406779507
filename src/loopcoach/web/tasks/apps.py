from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "loopcoach.web.tasks"
    label = "tasks"
    verbose_name = "Background tasks"
