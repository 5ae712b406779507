"""Query expansion, spelling repair and concept matching (pure)."""

from __future__ import annotations

from loopcoach.search.concepts import Concept, ConceptMap
from loopcoach.search.query import Alternative, expand_query
from loopcoach.search.spelling import Speller

CONCEPTS = ConceptMap(
    [
        Concept("disagree", ("disagree", "conflict", "push back")),
        Concept("disagree-with-manager", ("disagreed with your manager", "pushback boss")),
    ]
)


def test_the_longest_phrase_wins():
    mentions = CONCEPTS.find(["pushback", "boss", "conflict"])
    assert [(m.key, m.start, m.end) for m in mentions] == [
        ("disagree-with-manager", 0, 2),
        ("disagree", 2, 3),
    ]


def test_a_concept_slot_holds_every_spelling_and_the_querys_own_words():
    (slot,) = expand_query("pushback boss", CONCEPTS)
    assert Alternative(("pushback", "boss"), adjacent=False) in slot.alternatives
    assert Alternative(("disagre", "with", "your", "manag")) in slot.strict_alternatives
    assert Alternative(("pushback", "boss"), adjacent=False) not in slot.strict_alternatives


def test_a_plain_last_word_is_a_prefix_and_filler_words_go():
    slots = expand_query("tell me about the rate lim", CONCEPTS)
    assert [slot.alternatives[0].stems for slot in slots] == [("rat",), ("lim",)]
    assert [slot.prefix for slot in slots] == [False, True]


def test_a_query_of_filler_words_keeps_them_and_odd_input_expands_to_nothing():
    assert expand_query("how", CONCEPTS)[0].alternatives[0].stems == ("how",)
    assert expand_query("🙂 *", CONCEPTS) == []


def test_one_typo_is_repaired_with_the_most_frequent_word():
    speller = Speller(["management", "management", "commitment", "outage"])
    assert speller.correct("managment") == "management"
    assert speller.correct("comitment") == "commitment"
    assert speller.correct("outtage") == "outage"
    assert speller.correct("zebra") == "zebra"
    assert speller.correct("boss") == "boss"  # too short to guess
