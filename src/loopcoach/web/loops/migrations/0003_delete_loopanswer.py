"""LoopAnswer goes: its drawn questions are LoopQuestions (loops 0002), its answers are
Attempts (practice 0002). Going back, the drawn questions are put back first."""

from django.core.management.color import no_style
from django.db import migrations


def restore_draw(apps, schema_editor):
    LoopQuestion = apps.get_model("loops", "LoopQuestion")
    LoopAnswer = apps.get_model("loops", "LoopAnswer")
    LoopAnswer.objects.bulk_create(
        LoopAnswer(
            id=row.id,
            session_id=row.session_id,
            question_id=row.question_id,
            order=row.order,
            principle_slugs=row.principle_slugs,
            follow_up=row.follow_up,
        )
        for row in LoopQuestion.objects.order_by("id").iterator()
    )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [LoopAnswer]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("loops", "0002_loopquestion"),
        ("practice", "0002_attempt_loop_question"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_draw, elidable=False),
        migrations.DeleteModel(name="LoopAnswer"),
    ]
