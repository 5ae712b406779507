from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_roles(sender: AppConfig, **kwargs: Any) -> None:
    from django.apps import apps

    from loopcoach.web.cohorts.roles import roles_ensure

    state = kwargs.get("apps") or apps
    try:
        state.get_model("cohorts", "Cohort")
    except LookupError:  # `migrate cohorts zero`: no roles without the app's tables
        return
    roles_ensure(state)


class CohortsConfig(AppConfig):
    name = "loopcoach.web.cohorts"
    label = "cohorts"
    verbose_name = "Cohorts and coaches"

    def ready(self) -> None:
        # After Django's own permissions (also post_migrate), and again after a `flush`.
        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="cohorts-roles")
