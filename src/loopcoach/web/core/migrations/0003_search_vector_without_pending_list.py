"""PostgreSQL: the search index takes each question's words at once (GIN `fastupdate` off).

With fastupdate on, rows inserted or updated since the last vacuum wait in the index's
pending list, which every search reads through in full: after a pack load or `seed_scale`
of 100,000 questions, 5,800 waiting rows made a search's index scan 51 ms instead of 2.4 ms
until autovacuum came. Questions change rarely (a pack load, an admin save), so writing them
into the index at once costs little. The list already there is merged now.
"""

from django.db import migrations

from loopcoach.web.core.migrations._postgresql import on_postgresql

INDEX = "questions_question_search_vector"
FORWARD = [
    f"ALTER INDEX {INDEX} SET (fastupdate = off)",
    f"SELECT gin_clean_pending_list('{INDEX}'::regclass)",
]
BACKWARD = [f"ALTER INDEX {INDEX} RESET (fastupdate)"]


class Migration(migrations.Migration):
    dependencies = [("core", "0002_question_search_vector")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
