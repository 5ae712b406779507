"""The matcher of reported wordings, measured on the labelled pairs of training/search/."""

from __future__ import annotations

import pytest

from loopcoach.content import PACKS_DIR, read_pack
from loopcoach.content.concepts import company_concepts
from loopcoach.search.bench import bench, synthetic_bank
from loopcoach.search.evaluation import (
    PAIRS_FILE,
    choose_threshold,
    is_tuning,
    matching_figures,
    read_jsonl,
)
from loopcoach.search.matcher import NEW_QUESTION_THRESHOLD, QuestionMatcher

PAIRS = read_jsonl(PAIRS_FILE)
BANK = read_pack(PACKS_DIR / "amazon" / "engineering-manager").questions


@pytest.fixture(scope="module")
def matcher() -> QuestionMatcher:
    return QuestionMatcher([(q.key, q.text) for q in BANK], company_concepts("amazon"))


def test_the_labelled_pairs_are_enough_and_name_real_questions():
    keys = {question.key for question in BANK}
    new = [pair for pair in PAIRS if pair["expected_key"] is None]
    assert len(PAIRS) >= 150 and len(new) >= 40
    assert all(pair["expected_key"] in keys for pair in PAIRS if pair["expected_key"])


def test_the_threshold_is_the_one_the_tuning_half_chooses(matcher):
    tuning = [pair for pair in PAIRS if is_tuning(pair)]
    assert abs(choose_threshold(matcher, tuning) - NEW_QUESTION_THRESHOLD) <= 0.02


def test_the_held_out_half_meets_the_targets(matcher):
    held_out = [pair for pair in PAIRS if not is_tuning(pair)]
    figures = matching_figures(matcher, held_out, NEW_QUESTION_THRESHOLD)
    print(*figures.lines(), sep="\n")
    assert figures.paraphrases >= 50 and figures.new_questions >= 10
    assert figures.first_right >= 0.90
    assert figures.new_recognised >= 0.90


def test_a_paraphrase_with_typos_finds_its_question(matcher):
    best = matcher.rank("they asked about a time i faild to meet a comitment", k=1)
    assert best[0][0] == "amzn-em-trust-failed-commitment"
    assert best[0][1] >= NEW_QUESTION_THRESHOLD


def test_everyday_words_reach_the_banks_words_through_the_concepts(matcher):
    assert matcher.rank("a time you missed a deadline", k=1)[0][0] == (
        "amzn-em-trust-failed-commitment"
    )
    assert matcher.rank("pushback boss", k=1)[0][0] == "amzn-em-backbone-disagree-manager"


def test_a_new_question_is_recognised_as_new(matcher):
    assert matcher.is_new("design a parking lot system")
    assert not matcher.is_new("design a url shortener like tinyurl")


def test_nothing_in_common_ranks_nothing(matcher):
    assert matcher.rank("zzqxv", k=5) == []
    assert matcher.rank("", k=5) == []


def test_similarities_are_cosines_best_first(matcher):
    ranked = matcher.rank("how do you prioritize tech debt against features", k=5)
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score <= 1 for score in scores)
    assert matcher.rank(BANK[0].text, k=1) == [(BANK[0].key, 1.0)]


def test_the_synthetic_bank_keeps_the_real_questions_and_is_reproducible():
    real = [(q.key, q.text) for q in BANK]
    bank = synthetic_bank(real, 500)
    assert len(bank) == 500 and bank[: len(real)] == real
    assert bank == synthetic_bank(real, 500)


def test_the_bench_ranks_quickly():
    figures = bench(5_000)
    assert figures.bank_size == 5_000 and figures.queries == len(PAIRS)
    assert figures.median_ms < 100


def test_a_question_with_several_wordings_is_ranked_once_by_its_best():
    matcher = QuestionMatcher(
        [("q1", "Design a URL shortener."), ("q1", "Design tinyurl."), ("q2", "Design a cache.")]
    )
    assert [key for key, _ in matcher.rank("design tinyurl", k=3)] == ["q1", "q2"]
    assert matcher.rank("design tinyurl", k=1)[0][1] == 1.0
