"""Search measured against the labelled everyday queries (training/search/queries.jsonl).

Runs on whichever database the suite runs against: SQLite by default,
PostgreSQL with DATABASE_URL (the figures must hold on both).
"""

from __future__ import annotations

import pytest
from django.db import connection

from loopcoach.search.evaluation import QUERIES_FILE, read_jsonl, search_figures
from loopcoach.web.questions.selectors import QuestionFilters, question_filter

pytestmark = pytest.mark.django_db

QUERIES = read_jsonl(QUERIES_FILE)


def ranked_keys(q: str) -> list[str]:
    return [question.key for question in question_filter(QuestionFilters(q=q))[:10]]


def test_the_labelled_set_is_large_enough_and_names_real_questions(amazon_guide):
    keys = set(amazon_guide.questions.values_list("key", flat=True))
    assert len(QUERIES) >= 80
    assert all(set(query["expected"]) <= keys for query in QUERIES)


def test_everyday_queries_find_their_questions(amazon_guide):
    figures = search_figures(ranked_keys, QUERIES)
    print(connection.vendor, *figures.lines(), sep="\n")
    assert figures.recall_at_5 >= 0.90
    assert figures.mrr >= 0.80
