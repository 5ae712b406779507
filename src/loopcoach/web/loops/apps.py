from django.apps import AppConfig


class LoopsConfig(AppConfig):
    name = "loopcoach.web.loops"
    label = "loops"
    verbose_name = "Mock loops"
