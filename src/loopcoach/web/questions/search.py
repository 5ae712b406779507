"""Full-text search over the question bank on either database.

SQLite: an FTS5 table (`questions_question_fts`, created by migration 0002)
kept in step with `Question.search_document` by triggers, ranked by bm25.
PostgreSQL: a `simple` tsvector over the same document, ranked by ts_rank.
Both match the same stems (see `loopcoach.search`), the last word of the
query as a prefix so that search-as-you-type finds "rate lim…".
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from loopcoach.search import query_terms


def search_questions(questions: QuerySet, query: str) -> QuerySet:
    terms = query_terms(query)
    if not terms:
        return questions
    if connection.vendor == "postgresql":
        return _search_postgresql(questions, terms)
    return _search_sqlite(questions, terms)


def _search_sqlite(questions: QuerySet, terms: list[str]) -> QuerySet:
    match = " ".join(f'"{term}"' for term in terms[:-1]) + f' "{terms[-1]}"*'
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM questions_question_fts WHERE questions_question_fts MATCH %s "
            "ORDER BY bm25(questions_question_fts)",
            [match.strip()],
        )
        ranked_ids = [row[0] for row in cursor.fetchall()]
    return _in_rank_order(questions, ranked_ids)


def _search_postgresql(questions: QuerySet, terms: list[str]) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    raw = " & ".join(terms[:-1] + [f"{terms[-1]}:*"])
    query = SearchQuery(raw, config="simple", search_type="raw")
    vector = SearchVector("search_document", config="simple")
    return (
        questions.annotate(search=vector, rank=SearchRank(vector, query))
        .filter(search=query)
        .order_by("-rank", "id")
    )


def _in_rank_order(questions: QuerySet, ranked_ids: list[int]) -> QuerySet:
    from django.db.models import Case, IntegerField, Value, When

    if not ranked_ids:
        return questions.none()
    ordering = Case(
        *[When(pk=pk, then=Value(position)) for position, pk in enumerate(ranked_ids)],
        output_field=IntegerField(),
    )
    return questions.filter(pk__in=ranked_ids).annotate(rank=ordering).order_by("rank")
