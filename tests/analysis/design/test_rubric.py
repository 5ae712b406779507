from __future__ import annotations

import pytest

from loopcoach.analysis.design import analyze_design
from loopcoach.analysis.design.rubric import ITEMS, heading_item

QUESTION = "Design a URL shortening service like Bit.ly."

FOUND = {
    "requirements": "The redirect must respond within 20 ms at p99 and links must never change.",
    "estimates": "Assume 100M new URLs a month, so about 40 writes per second.",
    "api": "The API exposes POST /urls, which returns the short code.",
    "data_model": "One table keyed by code, with long_url and created_at fields.",
    "high_level": "Clients hit a load balancer, then stateless web servers that read from Redis.",
    "scaling": "The table is sharded by code so it spreads evenly.",
    "trade_offs": "I return 302 rather than 301, at the cost of more redirect traffic.",
    "operations": "If Redis fails we read from the database and alarm on-call.",
}
NOT_FOUND = {
    "requirements": "It needs to be highly scalable and reliable.",
    "estimates": "It will have a lot of users and a lot of traffic.",
    "api": "The service is used by many people.",
    "data_model": "We save the links somewhere.",
    "high_level": "We write some code to make short links.",
    "scaling": "It should be good enough.",
    "trade_offs": "We pick the obvious approach.",
    "operations": "Then we ship it.",
}


def covered(text: str, question: str = QUESTION) -> set[str]:
    return set(analyze_design(text, question=question).covered)


@pytest.mark.parametrize("item", sorted(FOUND))
def test_each_item_is_found_when_the_answer_covers_it(item):
    assert item in covered(FOUND[item])


@pytest.mark.parametrize("item", sorted(NOT_FOUND))
def test_each_item_is_not_found_when_the_answer_does_not(item):
    assert item not in covered(NOT_FOUND[item])


def test_the_deep_dive_needs_the_questions_own_concerns():
    deep = (
        "Codes are base62 of a counter handed out in ranges, so there are no collisions. "
        "We answer with a 302 redirect so clicks are counted."
    )
    shallow = "We make short codes somehow and send people to the long URL."
    assert "deep_dive" in covered(deep)
    assert "deep_dive" not in covered(shallow)


def test_a_sentence_under_a_heading_counts_for_that_item():
    text = "Data model\nEach short link is saved with who made it and when it expires."
    assert "data_model" in covered(text)


def test_a_heading_alone_is_not_evidence():
    assert "trade_offs" not in covered("Trade-offs:\n\nRequirements: short links that redirect.")


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("Requirements:", "requirements"),
        ("## Data model", "data_model"),
        ("API", "api"),
        ("Capacity estimates", "estimates"),
        ("The plan is simple.", None),
    ],
)
def test_headings_name_rubric_items(line, item):
    assert heading_item(line) == item


def test_evidence_spans_point_into_the_answer():
    text = " ".join(FOUND.values())
    report = analyze_design(text, question=QUESTION)
    assert [r.item for r in report.rubric] == list(ITEMS)
    for r in report.rubric:
        for span in r.evidence:
            assert text[span.start : span.end] == span.text
