"""PostgreSQL: keep each question's tsvector in a stored generated column, indexed.

Ranking recomputed `to_tsvector(search_document)` for every matching row (700 ms for a
word 12,000 of 100,000 questions contain); a stored vector is read, not rebuilt. The
column is PostgreSQL's alone and not a model field: search.py names it, and the database
fills it, so no code writes it. SQLite keeps its FTS5 table (questions migration 0002).
"""

from django.db import migrations

from loopcoach.web.core.migrations._postgresql import on_postgresql

CREATE = [
    "ALTER TABLE questions_question ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple'::regconfig, COALESCE(search_document, ''))) STORED",
    "CREATE INDEX questions_question_search_vector ON questions_question USING GIN (search_vector)",
    "DROP INDEX IF EXISTS questions_question_search",
]
DROP = [
    "CREATE INDEX questions_question_search ON questions_question "
    "USING GIN (to_tsvector('simple'::regconfig, COALESCE(search_document, '')))",
    "DROP INDEX IF EXISTS questions_question_search_vector",
    "ALTER TABLE questions_question DROP COLUMN IF EXISTS search_vector",
]


class Migration(migrations.Migration):
    # In core, not questions, so it merges beside the other branches' question migrations.
    dependencies = [
        ("core", "0001_content_version"),
        ("questions", "0003_rebuild_search_documents"),
    ]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
