"""Rebuild every question's search document: the question's own words now count twice.

The FTS5 triggers (0002) follow `search_document`, so the SQLite index is
rebuilt with it; PostgreSQL indexes the column itself.
"""

from django.db import migrations

from loopcoach.search import document_terms


def rebuild(apps, schema_editor):
    Question = apps.get_model("questions", "Question")
    categories = dict(Question._meta.get_field("category").choices)
    for question in Question.objects.prefetch_related("principles"):
        parts = [question.text, question.text, question.guidance, categories[question.category]]
        parts += [principle.name for principle in question.principles.all()]
        question.search_document = document_terms(" ".join(parts))
        question.save(update_fields=["search_document"])


class Migration(migrations.Migration):
    dependencies = [("questions", "0002_search_index")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
