"""SQLite's search: FTS5 is asked for the partial matches only when the complete ones are few."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loopcoach.web.questions import search
from loopcoach.web.questions.models import Question

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's FTS5 table (PostgreSQL searches its tsvector index)")


def fts_queries(query: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        found = search.search_questions(Question.objects.active(), query)
        assert found.exists()
    return sum("questions_question_fts MATCH" in q["sql"] for q in queries.captured_queries)


def test_a_full_page_of_complete_matches_needs_no_partial_ones(amazon_guide, monkeypatch):
    monkeypatch.setattr(search, "MAX_RANKED", 3)
    assert fts_queries("team") == 1


def test_few_complete_matches_are_followed_by_partial_ones(amazon_guide):
    assert fts_queries("disagree with your manager") == 2
    ranked = search.search_questions(Question.objects.active(), "rate limiter manager")
    assert ranked.count() >= search.MIN_RESULTS  # the partial matches fill the page
