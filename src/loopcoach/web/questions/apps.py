from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "loopcoach.web.questions"
    label = "questions"
    verbose_name = "Question bank"
