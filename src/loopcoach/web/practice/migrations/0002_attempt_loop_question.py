"""Attempt.loop_question: a mock-loop answer is an Attempt of its round's drawn question."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("loops", "0002_loopquestion"),
        ("practice", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="attempt",
            name="loop_question",
            field=models.ForeignKey(
                blank=True,
                help_text="For a mock-loop answer: the question drawn for the round",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="attempts",
                to="loops.loopquestion",
            ),
        ),
        migrations.AlterField(
            model_name="attempt",
            name="analysis_error",
            field=models.CharField(
                blank=True,
                help_text="Why there is no analysis (the analyzer's reason)",
                max_length=300,
            ),
        ),
    ]
