"""Full-text search over the question bank on either database.

SQLite: an FTS5 table (`questions_question_fts`, created by migration 0002)
kept in step with `Question.search_document` by triggers, ranked by bm25.
PostgreSQL: a `simple` tsvector over the same document, ranked by ts_rank.
Both match the same stems (see `loopcoach.search`) and the same expanded
query (`loopcoach.search.query`: the concept map of the content packs turns
"missed deadline" into "failed to meet a commitment" and its other
spellings). Questions with every part of the query, as spelled, come first;
when they are fewer than MIN_RESULTS, questions with some part, or with the
query's words in any order, follow. The last word is
matched as a prefix so that search-as-you-type finds "rate lim…", and a word
the bank does not know is first repaired if it is one typo from one it does
("tecnical debt").

A query's ranking (the ordered ids of its matches) is kept in the cache under the
content version, so the same search again costs a cache lookup and one query by
primary key, whatever the size of the bank; filters apply to the ranked ids.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Case, IntegerField, QuerySet, Value, When
from django.db.models.expressions import Combinable, RawSQL

from loopcoach.search import QUERY_STOPWORDS, stem
from loopcoach.search.query import Alternative, Slot, expand_query
from loopcoach.web.core.pagecache import content_version
from loopcoach.web.questions.matching import bank_concepts, bank_repairer

MIN_RESULTS = 5
# SQLite ranks in FTS5 and orders the page by the ranked ids: a search shows at most its
# best MAX_RANKED matches, so its cost stays bounded on a bank of 100,000 questions.
MAX_RANKED = 200
# PostgreSQL ranks (ts_rank_cd reads every candidate's vector) at most MAX_CANDIDATES of the
# matching questions, the first the index gives: a word that 12,000 questions of a bank of
# 100,000 contain cost 300 ms to rank in full.
MAX_CANDIDATES = 300
# Words most questions have ("with", "your", "time"): the index reads long lists for them.
COMMON_STEMS = frozenset(stem(word) for word in QUERY_STOPWORDS)
RERANKED = 60  # of more candidates than this, the best by ts_rank are ranked by cover density
RANK_BOUNDED = 32  # ts_rank normalization: rank / (rank + 1), so a phrase bonus of 1 dominates


def search_questions(questions: QuerySet, query: str) -> QuerySet:
    slots = expand_query(bank_repairer().repair(query), bank_concepts())
    if not slots:
        return questions
    digest = hashlib.sha1(query.encode()).hexdigest()
    key = f"search:{connection.vendor}:{content_version()}:{digest}"
    ranking = cache.get(key)
    if ranking is None:
        if connection.vendor == "postgresql":
            ranking = _ranking_postgresql(questions.model.objects.all(), slots)
        else:
            ranking = _ranking_sqlite(slots)
        cache.set(key, ranking, settings.PAGE_CACHE_SECONDS)
    if connection.vendor == "postgresql":
        return _in_rank_order(questions, ranking)
    return _in_rank_order(questions, _sqlite_ids(questions, *ranking))


# -- SQLite FTS5 --------------------------------------------------------------


def _fts_alternative(alternative: Alternative, prefix: bool) -> str:
    if alternative.adjacent:
        return '"' + " ".join(alternative.stems) + '"' + ("*" if prefix else "")
    return "(" + " AND ".join(f'"{term}"' for term in alternative.stems) + ")"


def _fts_slot(slot: Slot, strict: bool) -> str:
    alternatives = slot.strict_alternatives if strict else slot.alternatives
    return "(" + " OR ".join(_fts_alternative(alt, slot.prefix) for alt in alternatives) + ")"


def _fts_ranked_ids(match: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM questions_question_fts WHERE questions_question_fts MATCH %s "
            "ORDER BY bm25(questions_question_fts), rowid LIMIT %s",
            [match, MAX_RANKED],
        )
        return [row[0] for row in cursor.fetchall()]


def _ranking_sqlite(slots: list[Slot]) -> tuple[list[int], list[int]]:
    """The ids with every part of the query, best first, and those with some part."""
    every = _fts_ranked_ids(" AND ".join(_fts_slot(slot, strict=True) for slot in slots))
    if len(every) >= MAX_RANKED:
        return every, []  # a full page of complete matches: `_sqlite_ids` would add none
    some = _fts_ranked_ids(" OR ".join(_fts_slot(slot, strict=False) for slot in slots))
    return every, some


def _sqlite_ids(questions: QuerySet, every: list[int], some: list[int]) -> list[int]:
    """`every`, then, when fewer than MIN_RESULTS of the filtered questions are in it, `some`."""
    if questions.filter(pk__in=every).count() >= MIN_RESULTS:
        return every
    complete = set(every)
    return every + [pk for pk in some if pk not in complete][: MAX_RANKED - len(every)]


def _in_rank_order(questions: QuerySet, ranked_ids: list[int]) -> QuerySet:
    if not ranked_ids:
        return questions.none()
    table = questions.model._meta.db_table
    if connection.vendor == "postgresql":
        # The ids as one array: a CASE of 300 branches and an IN list of 300 took the planner
        # longer (2-8 ms) than the query took to run.
        position = RawSQL(
            f'array_position(%s::bigint[], "{table}"."id")', [_array(ranked_ids)], IntegerField()
        )
        return _among(questions, ranked_ids).annotate(rank=position).order_by("rank")
    # One CASE written as SQL: the ids are integers from FTS5, and building hundreds of
    # When() expressions cost more than the search itself.
    whens = " ".join(f"WHEN {int(pk)} THEN {position}" for position, pk in enumerate(ranked_ids))
    ordering = RawSQL(f'CASE "{table}"."id" {whens} END', [], output_field=IntegerField())
    return questions.filter(pk__in=ranked_ids).annotate(rank=ordering).order_by("rank")


# -- PostgreSQL ---------------------------------------------------------------


def _ts_alternative(alternative: Alternative, prefix: bool) -> str:
    joiner = " <-> " if alternative.adjacent else " & "
    return "(" + joiner.join(alternative.stems) + (":*" if prefix else "") + ")"


def _ts_slot(slot: Slot, strict: bool) -> str:
    alternatives = slot.strict_alternatives if strict else slot.alternatives
    return "(" + " | ".join(_ts_alternative(alt, slot.prefix) for alt in alternatives) + ")"


def _ts_loose(slots: list[Slot], strict: bool) -> str | None:
    """The query with its common words left out and its phrases as plain AND: every question
    that matches the query matches this, which the index answers without reading the long
    lists of "with" or "your" nor each row's word positions. None when a spelling is common
    words only."""
    parts = []
    for slot in slots:
        alternatives = slot.strict_alternatives if strict else slot.alternatives
        loose = []
        for alternative in alternatives:
            stems = [stem for stem in alternative.stems if stem not in COMMON_STEMS]
            if not stems:
                return None
            prefix = slot.prefix and stems[-1] == alternative.stems[-1]
            loose.append("(" + " & ".join(stems) + (":*" if prefix else "") + ")")
        parts.append("(" + " | ".join(loose) + ")")
    return (" & " if strict else " | ").join(parts)


def _ranking_postgresql(questions: QuerySet, slots: list[Slot]) -> list[int]:
    """The ids of the matching active questions, best first (the candidates are active)."""
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField

    def raw(text: str) -> SearchQuery:
        return SearchQuery(text, config="simple", search_type="raw")

    every_text = " & ".join(_ts_slot(slot, strict=True) for slot in slots)
    some_text = " | ".join(_ts_slot(slot, strict=False) for slot in slots)
    every, some = raw(every_text), raw(some_text)
    # The stored, indexed tsvector of `search_document` (core migration 0002).
    table = questions.model._meta.db_table
    vector = RawSQL(f'"{table}"."search_vector"', [], output_field=SearchVectorField())
    found = questions.annotate(search=vector)
    complete = _candidates(table, every_text, _ts_loose(slots, strict=True), MAX_CANDIDATES)
    if len(complete) < MIN_RESULTS:
        candidates = _candidates(table, some_text, _ts_loose(slots, strict=False), MAX_CANDIDATES)
        found = found.annotate(complete=Case(When(search=every, then=Value(1)), default=Value(0)))
    else:
        candidates = complete
        found = found.annotate(complete=Value(1))
    bonus: Combinable = Value(0.0)
    for phrases in filter(None, (_ts_phrases(slot) for slot in slots)):
        bonus += Case(When(search=raw(phrases), then=Value(1.0)), default=Value(0.0))

    def ranked(ids: list[int], *, cover_density: bool) -> list[int]:
        rank = SearchRank(
            vector, some, cover_density=cover_density, normalization=Value(RANK_BOUNDED)
        )
        order = _among(found, ids).annotate(rank=rank + bonus).order_by("-complete", "-rank", "id")
        return list(order.values_list("pk", flat=True))

    if len(candidates) <= RERANKED:
        return ranked(candidates, cover_density=True)
    # Cover density (how close the query's words stand) read 130 µs a row for a query of many
    # phrasings ("disagree with your manager"): 300 candidates took 26 ms. ts_rank, which does
    # not look at positions, takes a tenth of that; it picks the best RERANKED, and only they
    # are ranked by cover density.
    rough = ranked(candidates, cover_density=False)
    return ranked(rough[:RERANKED], cover_density=True) + rough[RERANKED:]


def _among(questions: QuerySet, ids: list[int]) -> QuerySet:
    """The questions whose id is in `ids`, given to PostgreSQL as one array (`= ANY`), which it
    plans in a fraction of the time an IN list of hundreds of values takes."""
    table = questions.model._meta.db_table
    return questions.filter(
        RawSQL(f'"{table}"."id" = ANY(%s::bigint[])', [_array(ids)], BooleanField())
    )


def _array(ids: list[int]) -> str:
    """PostgreSQL's text form of an integer array: psycopg quoted a list of 300 ids one by one."""
    return "{" + ",".join(str(int(pk)) for pk in ids) + "}"


def _candidates(table: str, tsquery: str, loose: str | None, limit: int) -> list[int]:
    """Up to `limit` ids of active questions matching `tsquery`, found by the index through
    `loose` (`_ts_loose`) when there is one, then checked against `tsquery` row by row (as a
    function, so that the planner does not hand it to the index as well)."""
    where = "search_vector @@ to_tsquery('simple', %s)"
    params = [tsquery]
    if loose is not None:
        where += " AND ts_match_vq(search_vector, to_tsquery('simple', %s))"
        params = [loose, tsquery]
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT id FROM "{table}" WHERE NOT retired AND {where} LIMIT %s',  # noqa: S608 -- our table's name
            [*params, limit],
        )
        return [row[0] for row in cursor.fetchall()]


def _ts_phrases(slot: Slot) -> str:
    """The slot's spellings of several words: ts_rank, unlike bm25, gives a phrase no weight
    of its own, so a question that has one ("disagreed with your manager") gets a bonus."""
    phrases = [alt for alt in slot.strict_alternatives if len(alt.stems) > 1]
    return " | ".join(_ts_alternative(alt, prefix=False) for alt in phrases)
