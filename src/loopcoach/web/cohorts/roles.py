"""The four roles, as Django groups with their permissions: assign them in the admin.

get_or_create by name: another app may make the same group (the reports app makes
"moderator"); each adds only the permissions it knows. Made by this app's migration and
again after every `migrate` or `flush` (post_migrate, like Django's own permissions), so
a database emptied by `flush` still has them.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.management import create_permissions

ROLES: dict[str, list[tuple[str, str]]] = {
    "candidate": [
        ("cohorts", "add_share"),
        ("cohorts", "delete_share"),
        ("cohorts", "add_comment"),
    ],
    "coach": [
        ("cohorts", "add_cohort"),
        ("cohorts", "change_cohort"),
        ("cohorts", "view_cohort"),
        ("cohorts", "add_comment"),
    ],
    "moderator": [("questions", "view_question"), ("questions", "change_question")],
    "editor": [
        (app, f"{action}_{model}")
        for app, models in (
            ("guides", ("company", "principle", "guide", "guideitem", "processstage", "loopround")),
            ("questions", ("question",)),
        )
        for model in models
        for action in ("add", "change", "delete", "view")
    ],
}


def role_permissions(apps: Any, pairs: list[tuple[str, str]]) -> list[Any]:
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def roles_ensure(apps: Any) -> None:
    """Make the groups and give them their permissions (`apps`: a migration's or the app
    registry)."""
    for label in ("cohorts", "guides", "questions"):
        try:
            config = apps.get_app_config(label)
        except LookupError:  # migrated back to before this app (after `migrate X zero`)
            continue
        module = getattr(config, "models_module", None)
        config.models_module = module or True  # create_permissions skips apps without one
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = module
    Group = apps.get_model("auth", "Group")
    for name, pairs in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*role_permissions(apps, pairs))


def roles_remove(apps: Any) -> None:
    """Take back the permissions given here; a group left with none goes."""
    Group = apps.get_model("auth", "Group")
    for name, pairs in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.remove(*role_permissions(apps, pairs))
        if not group.permissions.exists():
            group.delete()
