"""A round's drawn questions move to LoopQuestion (same ids); their answers move to
practice.Attempt in practice 0002, and loops 0003 drops LoopAnswer."""

import django.db.models.deletion
from django.core.management.color import no_style
from django.db import migrations, models


def copy_draw(apps, schema_editor):
    """Every LoopAnswer row's drawn question, with its id, so answers can point at it."""
    LoopAnswer = apps.get_model("loops", "LoopAnswer")
    LoopQuestion = apps.get_model("loops", "LoopQuestion")
    LoopQuestion.objects.bulk_create(
        LoopQuestion(
            id=row.id,
            session_id=row.session_id,
            question_id=row.question_id,
            order=row.order,
            principle_slugs=row.principle_slugs,
            follow_up=row.follow_up,
        )
        for row in LoopAnswer.objects.order_by("id").iterator()
    )
    # Explicit ids leave PostgreSQL's id sequence behind: move it past them.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [LoopQuestion]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("loops", "0001_initial"),
        ("questions", "0002_search_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="LoopQuestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveIntegerField()),
                (
                    "principle_slugs",
                    models.JSONField(
                        default=list, help_text="The round's principles this question probes"
                    ),
                ),
                (
                    "follow_up",
                    models.TextField(
                        blank=True,
                        help_text="The interviewer's follow-up, chosen once the question is answered",
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="questions.question",
                    ),
                ),
                (
                    "session",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="questions",
                        to="loops.looproundsession",
                    ),
                ),
            ],
            options={
                "ordering": ["session", "order"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("session", "question"), name="unique_round_question"
                    )
                ],
            },
        ),
        migrations.RunPython(copy_draw, migrations.RunPython.noop, elidable=False),
    ]
