from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "loopcoach.web.voice"
    label = "voice"
    verbose_name = "Voice answers"

    def ready(self) -> None:
        from loopcoach.web.voice import signals  # noqa: F401 -- deletes audio files with their rows
