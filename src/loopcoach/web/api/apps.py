from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "loopcoach.web.api"
    label = "api"
    verbose_name = "JSON API"
