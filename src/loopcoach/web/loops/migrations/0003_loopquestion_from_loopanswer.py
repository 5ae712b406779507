"""Every LoopAnswer row's drawn question becomes a LoopQuestion with the same id."""

from django.core.management.color import no_style
from django.db import migrations


def copy_draw(apps, schema_editor):
    """Every LoopAnswer row's drawn question, with its id, so answers can point at it."""
    db = schema_editor.connection.alias
    LoopAnswer = apps.get_model("loops", "LoopAnswer")
    LoopQuestion = apps.get_model("loops", "LoopQuestion")
    LoopQuestion.objects.using(db).bulk_create(
        LoopQuestion(
            id=row.id,
            session_id=row.session_id,
            question_id=row.question_id,
            order=row.order,
            principle_slugs=row.principle_slugs,
            follow_up=row.follow_up,
        )
        for row in LoopAnswer.objects.using(db).order_by("id").iterator()
    )
    # Explicit ids leave PostgreSQL's id sequence behind: move it past them.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [LoopQuestion]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("loops", "0002_loopquestion")]

    operations = [migrations.RunPython(copy_draw, migrations.RunPython.noop, elidable=False)]
