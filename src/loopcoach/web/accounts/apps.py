from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "loopcoach.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from loopcoach.web.accounts import signals  # noqa: F401  (connects the receivers)
