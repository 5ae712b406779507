"""For this app's migrations: statements run on PostgreSQL only (SQLite has no such index)."""


def on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run
