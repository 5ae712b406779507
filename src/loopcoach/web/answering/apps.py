from django.apps import AppConfig


class AnsweringConfig(AppConfig):
    name = "loopcoach.web.answering"
    label = "answering"
    verbose_name = "Answering"
