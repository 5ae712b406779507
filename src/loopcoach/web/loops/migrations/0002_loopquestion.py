"""LoopQuestion: a round's drawn question. Loops 0003 fills it from LoopAnswer, practice
0003 moves the answers into practice.Attempt, loops 0005 drops LoopAnswer. (Schema and data
changes are separate migrations: PostgreSQL refuses some DDL after rows changed in the same
transaction.)"""

import django.db.models.deletion
from django.db import migrations, models


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
                        help_text=(
                            "The interviewer's follow-up, chosen once the question is answered"
                        ),
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
    ]
