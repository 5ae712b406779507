"""Ranking stories for a question, and the coverage matrix."""

from __future__ import annotations

from loopcoach.storybank import Candidate, StoryUse, rank_stories, story_coverage, text_similarity
from loopcoach.storybank.coverage import OVERUSED_AT


def test_similar_texts_score_higher_than_unrelated_ones():
    question = "Tell me about a time you disagreed with your manager"
    assert text_similarity(
        question, "I disagreed with my manager about the launch"
    ) > text_similarity(question, "We cut the cloud bill by renegotiating contracts")


def test_rank_stories_weighs_principles_and_words():
    stories = [
        Candidate(1, "We cut the AWS bill by 40% by renegotiating", frozenset({"frugality"})),
        Candidate(
            2, "I disagreed with my director about the launch date and committed", frozenset()
        ),
        Candidate(
            3,
            "I pushed back on my manager's plan with data",
            frozenset({"have-backbone-disagree-and-commit"}),
        ),
    ]
    ranked = rank_stories(
        "Tell me about a time you disagreed with your manager",
        ["have-backbone-disagree-and-commit"],
        stories,
    )
    assert [m.id for m in ranked][:2] == [3, 2]
    assert ranked[0].shared_principles == ("have-backbone-disagree-and-commit",)
    assert "manager" in ranked[0].shared_words and "disagreed" in ranked[1].shared_words
    assert 1 not in [m.id for m in ranked]


def test_rank_stories_of_nothing_is_empty():
    assert rank_stories("anything", ["ownership"], []) == []


def test_coverage_finds_gaps_stretched_and_overused_stories():
    principles = [(f"p{i}", f"P{i}") for i in range(6)]
    stories = [
        StoryUse(1, frozenset({"p0", "p1"})),
        StoryUse(2, frozenset({"p0", "p1", "p2", "p3", "p4"}), uses=OVERUSED_AT),
        StoryUse(3, frozenset({"p0", "unknown"}), uses=OVERUSED_AT - 1),
    ]
    coverage = story_coverage(principles, stories)
    assert [row.stories for row in coverage.rows][:2] == [[1, 2, 3], [1, 2]]
    assert [row.slug for row in coverage.gaps] == ["p2", "p3", "p4", "p5"]
    assert coverage.covered == 2
    assert coverage.stretched == [2] and coverage.overused == [2]


def test_count_uses_gives_each_answer_to_its_closest_story():
    from loopcoach.storybank import count_uses

    stories = [
        Candidate(1, "I cut the AWS bill by renegotiating the reserved instances", frozenset()),
        Candidate(2, "I hired a senior engineer and coached two juniors", frozenset()),
    ]
    answers = [
        "We renegotiated reserved instances and the AWS bill fell",
        "I coached two juniors",
        "Something about a bug in production",
    ]
    assert count_uses(answers, stories) == {1: 1, 2: 1}
