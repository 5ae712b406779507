"""QueryRepairer repairs a search exactly as the matcher would, without the matcher's index."""

from __future__ import annotations

from loopcoach.content import PACKS_DIR
from loopcoach.content.concepts import all_concepts
from loopcoach.search.matcher import QueryRepairer, QuestionMatcher

BANK = [
    "Tell me about a time you paid down technical debt.",
    "Describe a time you disagreed with your manager.",
    "How would you design a rate limiter?",
    "Tell me about a time you missed a deadline.",
]
QUERIES = ["tecnical debt", "disagred with my boss", "rate limter", "um missed deadlnie", "", "zzz"]


def test_it_repairs_like_the_matcher():
    concepts = all_concepts(PACKS_DIR)
    matcher = QuestionMatcher(enumerate(BANK), concepts)
    repairer = QueryRepairer(BANK, concepts)
    for query in QUERIES:
        assert repairer.repair(query) == matcher.repair(query), query
    assert repairer.repair("tecnical debt") == "technical debt"
