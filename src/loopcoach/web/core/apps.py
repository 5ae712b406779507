from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "loopcoach.web.core"
    label = "core"
    verbose_name = "loopcoach"
