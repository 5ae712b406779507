"""Full-text search, on whichever database the suite runs against."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loopcoach.web.questions.models import Question
from loopcoach.web.questions.selectors import QuestionFilters, question_filter

pytestmark = pytest.mark.django_db


def search(q: str, **filters) -> list[str]:
    return [question.text for question in question_filter(QuestionFilters(q=q, **filters))]


def test_rate_limiter_finds_the_seed_question(amazon_guide):
    assert "Design a rate limiter for a high-traffic API." in search("rate limiter")


def test_low_performer_finds_low_performing(amazon_guide):
    assert (
        "Describe a situation where you had to manage a "
        "low-performing employee. What was the outcome?" in search("low performer")
    )


def test_disagree_finds_disagreement(amazon_guide):
    results = search("disagree")
    assert "How do you handle a disagreement between two senior engineers on your team?" in results


def test_the_last_word_matches_as_a_prefix(amazon_guide):
    assert "Design a rate limiter for a high-traffic API." in search("rate lim")


def test_best_match_comes_first(amazon_guide):
    # Both Amazon guides ask for a URL shortener; rank within one guide.
    em = "amazon/engineering-manager"
    assert search("url shortening", guide=em)[0] == "Design a URL shortening service like Bit.ly."


def test_search_combines_with_filters(amazon_guide):
    results = question_filter(QuestionFilters(q="disagree", category="management"))
    assert results and all(question.category == "management" for question in results)


def test_nonsense_finds_nothing(amazon_guide):
    assert search("zzqxv") == []


@pytest.mark.parametrize(
    "query", ['"', "'; DROP TABLE x; --", "*", "NEAR(", "a AND OR", "🙂", "x" * 500]
)
def test_odd_queries_never_fail(amazon_guide, query):
    search(query)


def test_a_question_edited_in_place_is_found_by_its_new_words(amazon_guide):
    from loopcoach.web.guides.services import question_refresh_search

    question = Question.objects.get(text="Design a rate limiter for a high-traffic API.")
    question.text, question.guidance = "Design a quota gateway.", "Quotas per tenant."
    question.save()
    question_refresh_search(question=question)
    assert "Design a quota gateway." in search("quota")
    assert "Design a quota gateway." not in search("rate limiter")


def test_the_same_search_again_is_answered_from_its_cached_ranking(amazon_guide):
    first = search("disagree with your manager")
    with CaptureQueriesContext(connection) as queries:
        assert search("disagree with your manager") == first
    ranking = [q["sql"] for q in queries if "questions_question_fts" in q["sql"]]
    ranking += [q["sql"] for q in queries if "to_tsquery" in q["sql"]]
    assert first and ranking == []  # no full-text query: the ids came from the cache
    behavioral = search("disagree with your manager", category="behavioral")
    assert behavioral and behavioral[0] == first[0]  # filters apply to the cached ranking
    assert {Question.objects.get(text=text).category for text in behavioral} == {"behavioral"}


def test_a_cached_ranking_is_never_stale_after_an_edit(amazon_guide):
    from loopcoach.web.guides.services import question_refresh_search

    assert "Design a quota gateway." not in search("quota gateway")  # ranking cached
    question = Question.objects.get(text="Design a rate limiter for a high-traffic API.")
    question.text = "Design a quota gateway."
    question.save()  # bumps the content version: the next search ranks again
    question_refresh_search(question=question)
    assert "Design a quota gateway." in search("quota gateway")


def keys(q: str, **filters) -> list[str]:
    return [question.key for question in question_filter(QuestionFilters(q=q, **filters))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("missed deadline", "amzn-em-trust-failed-commitment"),
        ("fire someone", "amzn-em-underperforming-manage-out"),
        ("pushback boss", "amzn-em-backbone-disagree-manager"),
        ("conflict with my manager", "amzn-em-backbone-disagree-manager"),
        ("outage", "amzn-em-mgmt-sev1-outage"),
        ("prioritize tech debt", "amzn-em-mgmt-tech-debt-vs-features"),
        ("first 90 days", "amzn-em-mgmt-first-90-days"),
        ("hiring bar", "amzn-em-hiring-raise-the-bar"),
        ("ambiguous requirements", "amzn-em-exec-ambiguous-project"),
    ],
)
def test_the_issues_everyday_words_find_their_question_first(amazon_guide, query, expected):
    assert keys(query)[:1] == [expected]


@pytest.mark.parametrize("query", ["pushback boss", "conflict with my manager"])
def test_disagreeing_with_the_manager_comes_before_a_peer(amazon_guide, query):
    results = keys(query)
    assert "amzn-em-trust-peer-conflict" not in results or results.index(
        "amzn-em-backbone-disagree-manager"
    ) < results.index("amzn-em-trust-peer-conflict")


def test_a_typo_is_repaired_against_the_banks_words(amazon_guide):
    assert keys("tecnical debt")[0] == "amzn-em-mgmt-tech-debt-vs-features"


def test_results_are_ranked_by_relevance_not_by_id(amazon_guide):
    results = keys("outage")
    assert results != sorted(results, key=lambda key: Question.objects.get(key=key).pk)


def test_a_search_with_no_match_suggests_the_nearest_questions(amazon_guide, client):
    response = client.get("/questions/", {"q": "burnout", "category": "system-design"})
    html = response.content.decode()
    assert "No question matches" in html and "These are the nearest" in html
    assert "someone on your team was burning out" in html


def test_a_search_with_nothing_near_says_so(amazon_guide, client):
    html = client.get("/questions/", {"q": "zzqxv"}, headers={"HX-Request": "true"}).content
    assert "No question matches" in html.decode() and "nearest" not in html.decode()
