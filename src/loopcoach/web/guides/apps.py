from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "loopcoach.web.guides"
    label = "guides"
    verbose_name = "Guides and principles"

    def ready(self) -> None:
        from loopcoach.web.core.pagecache import watch_content
        from loopcoach.web.guides import models

        watch_content(
            models.Company,
            models.Principle,
            models.Guide,
            models.GuideItem,
            models.ProcessStage,
            models.LoopRound,
        )
