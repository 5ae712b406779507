from __future__ import annotations

from loopcoach.analysis.narrative.sections import (
    LONG_SENTENCE_WORDS,
    find_long_sentences,
    headings,
    reading_ease,
)
from loopcoach.analysis.sentences import split_sentences


def test_a_sentence_over_the_limit_fires_and_one_at_the_limit_does_not():
    long = " ".join(["word"] * (LONG_SENTENCE_WORDS + 1)) + "."
    ok = " ".join(["word"] * LONG_SENTENCE_WORDS) + "."
    assert [i.kind for i in find_long_sentences(split_sentences(long))] == ["long_sentence"]
    assert find_long_sentences(split_sentences(ok)) == []


def test_headings_are_short_lines_of_their_own():
    text = (
        "Purpose\nThis memo asks for two engineers.\n\n"
        "## Alternatives considered\nNone.\n- Item one\n"
    )
    assert [h.text for h in headings(text)] == ["Purpose", "Alternatives considered"]


def test_plain_words_read_more_easily_than_long_ones():
    easy = reading_ease("we fix the bug and ship it".split(), 1)
    hard = reading_ease(
        "organisational considerations necessitate comprehensive reprioritisation".split(), 1
    )
    assert easy > 80 > 0 > hard
