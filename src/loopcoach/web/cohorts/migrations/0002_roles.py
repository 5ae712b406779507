"""The four roles as groups with their permissions, assignable to a user in the admin.

get_or_create by name: another app's migration may make the same group (the reports app
makes "moderator"); each only adds the permissions it knows, and unmaking removes only the
permissions this one added, never a group another app still gives permissions to.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
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


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def make_roles(apps, schema_editor):
    # Permissions are made after all migrations ran; make them now so the groups can hold them.
    for label in ("cohorts", "guides", "questions"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name, pairs in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, pairs))


def unmake_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, pairs in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.remove(*_permissions(apps, pairs))
        if not group.permissions.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("guides", "0001_initial"),
        ("questions", "0003_rebuild_search_documents"),
    ]

    operations = [migrations.RunPython(make_roles, unmake_roles)]
