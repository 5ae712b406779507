"""Attempts get a `kind` (how they are analysed). Every attempt so far was a story or, with a
parent, a follow-up answer: the follow-ups are marked as such. Reversing drops the column."""

from django.db import migrations, models


def mark_follow_ups(apps, schema_editor):
    attempts = apps.get_model("practice", "Attempt").objects.using(schema_editor.connection.alias)
    attempts.filter(parent__isnull=False).update(kind="follow_up")


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0003_loop_answers_to_attempts"),
    ]

    operations = [
        migrations.AddField(
            model_name="attempt",
            name="kind",
            field=models.CharField(
                choices=[
                    ("story", "Story"),
                    ("follow_up", "Follow-up answer"),
                    ("design", "System design"),
                    ("narrative", "Written narrative"),
                ],
                default="story",
                help_text="How the answer is analysed: a story, a follow-up, a design, a narrative",
                max_length=16,
            ),
        ),
        migrations.RunPython(mark_follow_ups, migrations.RunPython.noop, elidable=True),
    ]
