from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "loopcoach.web.guides"
    label = "guides"
    verbose_name = "Guides and principles"
