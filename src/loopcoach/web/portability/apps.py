from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "loopcoach.web.portability"
    label = "portability"
    verbose_name = "Export, import and account deletion"
