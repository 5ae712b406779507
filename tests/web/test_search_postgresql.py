"""PostgreSQL's search: its index serves every search, straight after the questions change."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loopcoach.search.evaluation import QUERIES_FILE, read_jsonl
from loopcoach.web.questions import search
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


def slots_of(query: str):
    from loopcoach.search.query import expand_query
    from loopcoach.web.questions.matching import bank_concepts

    return expand_query(query, bank_concepts())


def test_the_index_is_asked_without_the_common_words():
    loose = search._ts_loose(slots_of("disagree with your manager"), strict=True)
    assert loose is not None and "disagre" in loose and "manag" in loose
    assert not {"with", "your", "<->"} & set(loose.replace("(", " ").replace(")", " ").split())


@pytest.mark.parametrize("strict", [True, False])
def test_asking_the_index_without_common_words_finds_the_same_questions(amazon_guide, strict):
    table = Question._meta.db_table
    checked = 0
    for query in [q["q"] for q in read_jsonl(QUERIES_FILE)]:
        slots = slots_of(query)
        loose = search._ts_loose(slots, strict=strict)
        if not slots or loose is None:
            continue
        joiner = " & " if strict else " | "
        text = joiner.join(search._ts_slot(slot, strict=strict) for slot in slots)
        exact = search._candidates(table, text, None, 10_000)
        assert set(search._candidates(table, text, loose, 10_000)) == set(exact), query
        checked += 1
    assert checked >= 80
