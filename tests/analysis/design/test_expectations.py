from __future__ import annotations

import re

import pytest
import yaml

from loopcoach.analysis.design.expectations import (
    find_expectation,
    load_expectations,
    parse_expectations,
)
from loopcoach.content.packs_dir import PACKS_DIR

QUESTIONS = PACKS_DIR / "amazon" / "engineering-manager" / "questions.yaml"


def design_questions() -> dict[str, str]:
    doc = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    return {q["key"]: q["text"] for q in doc["questions"] if q["category"] == "system-design"}


def test_every_system_design_question_has_expectations():
    table = load_expectations()
    missing = sorted(set(design_questions()) - set(table))
    assert missing == []
    assert len(design_questions()) >= 28


def test_every_expectation_names_a_bank_question_and_has_items():
    keys = set(design_questions())
    for key, expectation in load_expectations().items():
        assert key in keys
        assert len(expectation.items) >= 4, key
        for item in expectation.items:
            assert item.label and item.ask.endswith("?") and item.patterns


def test_every_pattern_compiles_and_matches_whole_words_only():
    for expectation in load_expectations().values():
        for item in expectation.items:
            for pattern in item.patterns:
                assert isinstance(pattern, re.Pattern)
            assert item.pattern.pattern  # the combined pattern compiles too
    (item,) = [
        i for i in load_expectations()["amzn-em-design-rate-limiter"].items if i.key == "headers"
    ]
    assert item.pattern.search("we return 429 with Retry-After")
    assert not item.pattern.search("retry-afterwards")


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("amzn-em-design-rate-limiter", "amzn-em-design-rate-limiter"),
        ("Design a rate limiter for a high-traffic API.", "amzn-em-design-rate-limiter"),
        ("design a url shortener like bitly", "amzn-em-design-url-shortener"),
        ("How would you design a leaderboard?", "amzn-em-design-game-leaderboard"),
    ],
)
def test_a_question_is_found_by_key_text_or_paraphrase(question, key):
    assert find_expectation(question).question_key == key


@pytest.mark.parametrize("question", ["Tell me about yourself.", "", None])
def test_a_question_outside_the_packs_has_no_expectations(question):
    assert find_expectation(question) is None


def test_a_malformed_file_is_refused():
    with pytest.raises(ValueError, match="expectations"):
        parse_expectations({"items": []}, {})
