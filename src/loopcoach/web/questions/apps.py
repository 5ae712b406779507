from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "loopcoach.web.questions"
    label = "questions"
    verbose_name = "Question bank"

    def ready(self) -> None:
        from loopcoach.web.core.pagecache import watch_content
        from loopcoach.web.questions.models import Question, QuestionVariant

        watch_content(Question, QuestionVariant)
