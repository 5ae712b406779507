"""A mock-loop answer becomes an Attempt of its round's drawn question: every answered
LoopAnswer gives one Attempt for the answer and, when given, one for the follow-up answer
(its parent). The texts, times, analysis and grade of the answer are kept. The old
follow-up analysis was of answer and follow-up together (its offsets do not fit the
follow-up alone), so a migrated follow-up answer has none yet: `loopcoach manage
reanalyse` gives it one."""

from django.db import migrations


def answers_to_attempts(apps, schema_editor):
    db = schema_editor.connection.alias
    answers = apps.get_model("loops", "LoopAnswer").objects.using(db)
    attempts = apps.get_model("practice", "Attempt").objects.using(db)
    answered = answers.filter(answered_at__isnull=False).select_related("session__loop")
    for row in answered.order_by("id").iterator():
        common = {
            "user_id": row.session.loop.user_id,
            "question_id": row.question_id,
            "loop_question_id": row.id,
        }
        main = attempts.create(**common, answer=row.answer, analysis=row.analysis, grade=row.grade)
        # created_at is auto_now_add: set the time the answer was really given afterwards.
        attempts.filter(pk=main.pk).update(created_at=row.answered_at)
        if row.follow_up_answered_at:
            follow = attempts.create(
                **common, answer=row.follow_up_answer, parent=main, follow_up=row.follow_up
            )
            attempts.filter(pk=follow.pk).update(created_at=row.follow_up_answered_at)


def attempts_to_answers(apps, schema_editor):
    """Back to LoopAnswer (whose drawn questions loops 0003 put back first)."""
    db = schema_editor.connection.alias
    answers = apps.get_model("loops", "LoopAnswer").objects.using(db)
    in_loops = apps.get_model("practice", "Attempt").objects.using(db).exclude(loop_question=None)
    for attempt in in_loops.filter(parent__isnull=True).iterator():
        answers.filter(pk=attempt.loop_question_id).update(
            answer=attempt.answer,
            answered_at=attempt.created_at,
            analysis=attempt.analysis,
            grade=attempt.grade,
            final_grade=attempt.grade,
        )
    for attempt in in_loops.filter(parent__isnull=False).iterator():
        answers.filter(pk=attempt.loop_question_id).update(
            follow_up_answer=attempt.answer, follow_up_answered_at=attempt.created_at
        )
    in_loops.filter(parent__isnull=False).delete()
    in_loops.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("loops", "0003_loopquestion_from_loopanswer"),
        ("practice", "0002_attempt_loop_question"),
    ]

    operations = [
        migrations.RunPython(answers_to_attempts, attempts_to_answers, elidable=False),
    ]
