"""Delivery figures from word timings: pace, pauses, fillers, length against the target."""

from __future__ import annotations

import pytest

from loopcoach.analysis.delivery import TimedWord, delivery, sentences, timed_words


def words_at(text: str, *, start: float = 0.0, step: float = 0.5, gaps: dict | None = None):
    """One word every `step` seconds; `gaps` adds silence before the word at that index."""
    words, now = [], start
    for index, word in enumerate(text.split()):
        now += (gaps or {}).get(index, 0.0)
        words.append(TimedWord(word, now, now + step * 0.8))
        now += step
    return words


def test_pace_comes_from_the_time_between_the_first_and_last_word():
    words = words_at("one " * 120, start=3.0)  # 120 words at 2 a second, after 3 s of silence
    figures = delivery(words)
    assert figures["words"] == 120
    assert figures["speaking_seconds"] == pytest.approx(59.9, abs=0.1)
    assert figures["words_per_minute"] == 120
    assert figures["length"] == "short"  # under half of two minutes


def test_pauses_over_two_seconds_are_listed_with_the_words_around_them():
    words = words_at("I led the team. Then after a while we shipped", gaps={4: 2.5, 7: 1.5})
    pauses = delivery(words)["pauses"]
    assert len(pauses) == 1  # 1.5 s is a breath, not a pause
    assert pauses[0]["after"] == "I led the team." and pauses[0]["before"] == "Then after a while"
    assert pauses[0]["seconds"] == pytest.approx(2.6, abs=0.05)


def test_fillers_heard_are_found_with_their_time_but_not_like_as_a_verb():
    words = words_at("Um, I like Go. So, uh, we shipped it, like, on time. Hmm.")
    fillers = delivery(words)["fillers"]
    # The analyzer's own rule: "So," leading into "uh" is a filler too.
    assert [f["word"] for f in fillers["heard"]] == ["Um", "So", "uh", "like", "Hmm"]
    assert fillers["heard"][2]["start"] == words[5].start
    assert fillers["count"] == 5


def test_length_against_the_target():
    assert delivery(words_at("w " * 240))["length"] == "on target"  # 2 minutes
    assert delivery(words_at("w " * 400))["length"] == "long"


def test_sentences_carry_their_times_and_stored_rows_read_back():
    rows = [
        {"word": "Hello.", "start": 0.0, "end": 0.4},
        {"word": " ", "start": 0.4, "end": 0.5},
        {"word": "Second", "start": 1.0, "end": 1.3},
        {"word": "one", "start": 1.3, "end": 1.6},
    ]
    words = timed_words(rows)
    assert [w.text for w in words] == ["Hello.", "Second", "one"]
    assert sentences(words) == [
        {"text": "Hello.", "start": 0.0, "end": 0.4},
        {"text": "Second one", "start": 1.0, "end": 1.6},
    ]


def test_no_words_is_an_error_not_zero_figures():
    with pytest.raises(ValueError, match="No words"):
        delivery([])
