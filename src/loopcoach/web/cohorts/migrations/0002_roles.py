"""The four roles as groups with their permissions (see loopcoach.web.cohorts.roles)."""

from django.db import migrations

from loopcoach.web.cohorts.roles import roles_ensure, roles_remove


def make_roles(apps, schema_editor):
    roles_ensure(apps)


def unmake_roles(apps, schema_editor):
    roles_remove(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("guides", "0001_initial"),
        ("questions", "0003_rebuild_search_documents"),
    ]

    operations = [migrations.RunPython(make_roles, unmake_roles)]
