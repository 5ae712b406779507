from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "loopcoach.web.stories"
    label = "stories"
    verbose_name = "Story bank"
