"""PostgreSQL's search: its index serves every search, straight after the questions change."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loopcoach.web.questions.models import Question
from loopcoach.web.questions.search import search_questions

pytestmark = pytest.mark.django_db

INDEX = "questions_question_search_vector"


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's tsvector index (SQLite searches its FTS5 table)")


def uncached_search(query: str) -> list[str]:
    """The SQL of a search whose ranking is not in the cache yet (a query never asked)."""
    with CaptureQueriesContext(connection) as queries:
        found = search_questions(Question.objects.active(), query)
        found.count()
        list(found[:20])
    return [q["sql"] for q in queries.captured_queries]


def test_the_index_takes_new_words_at_once_without_a_pending_list():
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [INDEX])
        (options,) = cursor.fetchone()
    assert "fastupdate=off" in (options or [])


def test_a_search_finds_its_candidates_through_the_index(amazon_guide):
    candidates = [
        sql for sql in uncached_search("customer obsession escalation") if "to_tsquery" in sql
    ][0]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test bank is small enough to scan
        cursor.execute(f"EXPLAIN {candidates}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert INDEX in plan


def test_a_search_asks_the_index_once_per_query_and_names_its_ids_in_one_array(amazon_guide):
    statements = uncached_search("disagree with your manager")
    from_index = [
        sql for sql in statements if sql.startswith('SELECT id FROM "questions_question"')
    ]
    assert len(from_index) == len(set(from_index)) >= 1
    # Not an IN list and a CASE of hundreds of literals, which took longer to plan than to run.
    ids = '"questions_question"."id"'
    assert not any(f"{ids} IN (" in sql or f"CASE {ids}" in sql for sql in statements)
    assert any(f"{ids} = ANY(" in sql for sql in statements)
