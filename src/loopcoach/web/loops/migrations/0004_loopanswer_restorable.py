"""Nothing forward. Backward, after loops 0005 is undone and LoopAnswer exists again, its
drawn questions come back from LoopQuestion (practice 0003 then puts the answers back)."""

from django.core.management.color import no_style
from django.db import migrations


def restore_draw(apps, schema_editor):
    db = schema_editor.connection.alias
    LoopQuestion = apps.get_model("loops", "LoopQuestion")
    LoopAnswer = apps.get_model("loops", "LoopAnswer")
    LoopAnswer.objects.using(db).bulk_create(
        LoopAnswer(
            id=row.id,
            session_id=row.session_id,
            question_id=row.question_id,
            order=row.order,
            principle_slugs=row.principle_slugs,
            follow_up=row.follow_up,
        )
        for row in LoopQuestion.objects.using(db).order_by("id").iterator()
    )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [LoopAnswer]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("loops", "0003_loopquestion_from_loopanswer"),
        ("practice", "0003_loop_answers_to_attempts"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, restore_draw, elidable=False)]
