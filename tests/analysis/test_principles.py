from __future__ import annotations

import pytest

from loopcoach.analysis.linear import shipped_models
from loopcoach.analysis.principles import (
    NAMES,
    PrincipleCheck,
    PrincipleScore,
    asked_bonus,
    asked_distribution,
    asked_principle,
    check_principle,
    deeds_text,
    mismatch_confidence,
    principle_evidence,
    rank_principles,
    stem,
    terms,
)

FRUGAL_STORY = (
    "Our cloud bill had doubled in a year and we had no budget for more servers. I "
    "went through every service's spend and found idle test environments costing "
    "$20,000 a month. I wrote a job that shut them down at night and moved logs to "
    "cheaper storage. We cut the bill by 30% without buying anything new."
)


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        (
            "Tell me about a time you disagreed with your manager.",
            "have-backbone-disagree-and-commit",
        ),
        ("Tell me about a time you went out of your way for a customer.", "customer-obsession"),
        ("Describe a time you had to find the root cause of a hard problem.", "dive-deep"),
        ("Tell me about a time you mentored someone on your team.", "hire-and-develop-the-best"),
        ("Tell me about a time you did more with less.", "frugality"),
    ],
)
def test_it_reads_the_principle_a_question_asks_about(question, slug):
    assert asked_principle(question)[0] == slug


def test_without_a_question_nothing_is_asked():
    assert asked_principle(None) == (None, 0.0)
    assert asked_principle("   ") == (None, 0.0)


def test_a_generic_question_spreads_over_several_principles():
    specific = asked_distribution("Tell me about a time you disagreed with your manager.")
    generic = asked_distribution("Tell me about a time you failed.")
    assert max(generic.values()) < max(specific.values())
    assert max(generic.values()) < 0.6
    assert sum(p >= 0.05 for p in generic.values()) >= 3


def test_the_question_distribution_is_a_probability_distribution():
    dist = asked_distribution("Tell me about your proudest achievement.")
    assert sorted(dist) == sorted(NAMES)
    assert sum(dist.values()) == pytest.approx(1.0)


def test_it_ranks_all_sixteen_principles_best_first():
    ranked = rank_principles(FRUGAL_STORY, {})
    assert sorted(p.slug for p in ranked) == sorted(NAMES)
    assert [p.score for p in ranked] == sorted((p.score for p in ranked), reverse=True)
    assert abs(sum(p.score for p in ranked) - 1) < 1e-6
    assert "frugality" in [p.slug for p in ranked[:3]]


VAGUE_STORY = (
    "I talked to the other team about the plan and we agreed on the next steps, "
    "and the project went fine."
)


def test_the_asked_principle_lifts_but_does_not_decide_alone():
    # A story that shows little: the question's principle lifts it.
    plain = {p.slug: p.score for p in rank_principles(VAGUE_STORY, {})}
    asked = {p.slug: p.score for p in rank_principles(VAGUE_STORY, {"earn-trust": 1.0})}
    assert asked["earn-trust"] > plain["earn-trust"]
    # A story that clearly shows another principle: the bonus shrinks, it never lowers it, and
    # the story's own principle stays first.
    plain = {p.slug: p.score for p in rank_principles(FRUGAL_STORY, {})}
    ranked = rank_principles(FRUGAL_STORY, {"earn-trust": 1.0})
    assert {p.slug: p.score for p in ranked}["earn-trust"] >= plain["earn-trust"]
    assert ranked[0].slug == "frugality"


# ---- whole words, not substrings ------------------------------------------------------------


def test_features_are_whole_words_and_word_pairs():
    found = terms("Our logistics team tested the release candidate.")
    # Whole words, by their stems: never a substring ("log" in "logistics").
    assert stem("logistics") in found and "log" not in found and "logs" not in found
    assert stem("release") + "_" + stem("candidate") in found
    assert "the" not in found  # stop words alone carry no principle


def test_stems_join_the_forms_of_one_word_only():
    assert stem("negotiated") == stem("negotiation") == stem("negotiations")
    assert stem("tested") == stem("tests") == "test"
    assert stem("logistics") != stem("log") and stem("customer") != stem("custody")
    assert stem("we") == "we" and stem("40%") == "40%"  # stop words and numbers stay


@pytest.mark.parametrize(
    ("sentence", "not_slug"),
    [
        ("I tested the release candidate on three test environments.", "earn-trust"),
        ("I moved our logistics partner to a crash-free build.", "dive-deep"),
        ("I fixed the Cancel button on the checkout page.", "frugality"),
    ],
)
def test_topic_words_that_only_look_like_a_cue_do_not_fire_it(sentence, not_slug):
    evidence = principle_evidence(sentence)
    assert max(evidence, key=evidence.__getitem__) != not_slug


CUSTOMER_SCENE_DEEP_DEEDS = (
    "A customer, one of our largest customer accounts, said the customer invoices were wrong. "
    "The customer success team told the customer it was a customer problem, and the customer "
    "was unhappy. "
    "I pulled the raw billing logs and traced every line item through the queries. "
    "I found that a currency conversion ran twice on refunds and reproduced it in a test. "
    "I dug into the root cause, wrote the analysis and fixed the double conversion; "
    "the discrepancy never came back."
)
ROLES = ["situation", "situation", "action", "action", "action"]


def test_a_topic_noun_repeated_seven_times_does_not_beat_the_deeds():
    sentences = [s.strip() + "." for s in CUSTOMER_SCENE_DEEP_DEEDS.split(". ") if s.strip()]
    sentences = [s.rstrip(".") + "." for s in sentences]
    deeds = deeds_text(sentences, ROLES[: len(sentences)])
    ranked = [p.slug for p in rank_principles(CUSTOMER_SCENE_DEEP_DEEDS, {}, deeds)]
    assert ranked[0] == "dive-deep"
    assert ranked.index("dive-deep") < ranked.index("customer-obsession")


def test_deeds_are_the_action_and_result_sentences():
    assert (
        deeds_text(["A.", "B.", "C.", "D."], ["situation", "action", "result", "other"]) == "B. C."
    )


# ---- the asked-principle bonus and the mismatch claim --------------------------------------------


def test_the_bonus_shrinks_when_the_story_clearly_shows_another_principle():
    unsure = {"customer-obsession": 0.3, "dive-deep": 0.3, "frugality": 0.4}
    sure = {"customer-obsession": 0.05, "dive-deep": 0.9, "frugality": 0.05}
    assert asked_bonus(3.0, 0.0, 1.0, sure, "customer-obsession") == 3.0
    assert asked_bonus(3.0, 1.0, 1.0, sure, "customer-obsession") < asked_bonus(
        3.0, 1.0, 1.0, unsure, "customer-obsession"
    )
    assert asked_bonus(3.0, 1.0, 0.5, unsure, "customer-obsession") == pytest.approx(
        0.5 * 3.0 * 0.6
    )


def _ranked(**scores: float) -> list[PrincipleScore]:
    pairs = sorted(((k.replace("_", "-"), v) for k, v in scores.items()), key=lambda kv: -kv[1])
    return [PrincipleScore(s, NAMES[s], p) for s, p in pairs]


def test_mismatch_confidence_is_the_chance_the_story_shows_none_of_the_asked():
    ranked = _ranked(dive_deep=0.7, customer_obsession=0.2, frugality=0.1)
    assert mismatch_confidence(ranked, {"customer-obsession": 1.0}) == pytest.approx(0.8)
    # a generic question, spread over two principles the story may show: less sure of a mismatch
    spread = {"customer-obsession": 0.5, "dive-deep": 0.5}
    assert mismatch_confidence(ranked, spread) == pytest.approx(0.55)
    assert mismatch_confidence(ranked, {}) == 0.0


def test_a_mismatch_is_claimed_only_above_the_threshold():
    ranked = _ranked(dive_deep=0.7, customer_obsession=0.2, frugality=0.1)
    check = check_principle(ranked, {"customer-obsession": 1.0})
    assert check.asked == "customer-obsession" and check.shown == "dive-deep" and check.differs
    assert check.confident == (check.confidence >= check.threshold)
    assert PrincipleCheck("frugality", "dive-deep", 0.95, 0.9).confident
    assert not PrincipleCheck("frugality", "dive-deep", 0.85, 0.9).confident
    assert not PrincipleCheck("dive-deep", "dive-deep", 0.99, 0.9).confident


def test_the_shipped_threshold_was_chosen_by_training():
    model = shipped_models().story_principle
    assert model is not None
    threshold = model.extra["mismatch_threshold"]
    assert 0.5 <= threshold <= 1.0
