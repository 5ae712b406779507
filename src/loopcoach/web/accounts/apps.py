from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "loopcoach.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
