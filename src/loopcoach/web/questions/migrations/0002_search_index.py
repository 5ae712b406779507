"""The full-text index of the question bank.

On SQLite: an FTS5 table over `search_document`, kept in step by triggers so
that every write path (loader, admin, later services) keeps it current.
On PostgreSQL: a GIN index over the same `simple` tsvector the search uses.
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE questions_question_fts USING fts5("
    "search_document, content='questions_question', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER questions_question_fts_insert AFTER INSERT ON questions_question BEGIN INSERT "
    "INTO questions_question_fts(rowid, search_document) VALUES (new.id, new.search_document); END",
    "CREATE TRIGGER questions_question_fts_delete AFTER DELETE ON questions_question BEGIN "
    "INSERT INTO questions_question_fts(questions_question_fts, rowid, search_document) "
    "VALUES ('delete', old.id, old.search_document); END",
    "CREATE TRIGGER questions_question_fts_update AFTER UPDATE OF search_document ON "
    "questions_question BEGIN INSERT INTO questions_question_fts(questions_question_fts, "
    "rowid, search_document) VALUES ('delete', old.id, old.search_document); INSERT INTO "
    "questions_question_fts(rowid, search_document) VALUES (new.id, new.search_document); END",
    "INSERT INTO questions_question_fts(questions_question_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS questions_question_fts_update",
    "DROP TRIGGER IF EXISTS questions_question_fts_delete",
    "DROP TRIGGER IF EXISTS questions_question_fts_insert",
    "DROP TABLE IF EXISTS questions_question_fts",
]
TRIGGER_NAMES = [
    "questions_question_fts_insert",
    "questions_question_fts_delete",
    "questions_question_fts_update",
]
POSTGRES_CREATE = [
    "CREATE INDEX questions_question_search ON questions_question "
    "USING GIN (to_tsvector('simple'::regconfig, COALESCE(search_document, '')))",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS questions_question_search"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("questions", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
