from __future__ import annotations

import pytest

from loopcoach.analysis.design.estimates import TOLERANCE, check_estimates


def errors(text: str) -> list[tuple[str, str]]:
    return [(e.span.text, e.expected) for e in check_estimates(text)]


@pytest.mark.parametrize(
    "text",
    [
        "We have 100 M daily users making 10 requests a day, about 11,600 requests per second.",
        "100 M daily users × 10 requests a day = 11,574 requests per second.",
        "1 billion requests a day is about 12k QPS.",
        "100M new URLs a month × 500 bytes × 5 years = 3 TB.",
        "Each user stores 1 MB, so 100M users need 100 TB.",
        "The cache hit rate is 80%, so of 10k QPS only 2k QPS reach the database.",
        "Average is 11,600 QPS, so at peak we plan for 35k QPS.",
        "11,600 QPS / 1,000 QPS per server = 12 servers.",
        "200,000 hosts send 500 series every 10 seconds, "
        "so 200,000 × 500 / 10 = 10 million data points per second.",
        "With 20,000 chats open and a message every 15 seconds per chat, "
        "that is about 1,300 messages per second.",
        "1 billion requests a day is about 12k QPS; each response is 2 KB so egress is 24 MB/s.",
    ],
)
def test_a_correct_estimate_is_never_flagged(text):
    assert errors(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "expected"),
    [
        (
            "100 M daily users × 10 requests a day = 1 M requests per second.",
            "1 M requests per second",
            "about 11,600 requests per second",
        ),
        (
            "With 100M daily users and 10 requests each a day, that is 1 billion requests a day, "
            "or about 1 M requests per second.",
            "1 M requests per second",
            "about 11,600 requests per second",
        ),
        ("100M new URLs a month × 500 bytes × 5 years = 3 PB.", "3 PB", "about 3.04 TB"),
        ("Each user stores 1 MB, so 100M users need 100 GB.", "100 GB", "about 100 TB"),
        ("If 10 million people watch at 5 Mbps, that's 5 Tbps.", "5 Tbps", "about 50 Tbps"),
        (
            "A billion pages a month is about 40,000 pages per second.",
            "40,000 pages per second",
            "about 386 pages per second",
        ),
    ],
)
def test_a_wrong_estimate_is_pointed_out_with_the_corrected_figure(text, wrong, expected):
    assert errors(text) == [(wrong, expected)]


def test_rounding_within_the_tolerance_is_accepted_and_beyond_it_is_not():
    # 1 billion a day is 11,574 per second.
    close = 11_574 * (TOLERANCE - 0.1)
    far = 11_574 * (TOLERANCE + 1)
    assert errors(f"1 billion requests a day = {close:,.0f} requests per second.") == []
    assert errors(f"1 billion requests a day = {far:,.0f} requests per second.") != []


def test_numbers_that_are_not_a_calculation_are_left_alone():
    text = "We have 100M users, so we need 3 data centers and 20% headroom; p99 under 200 ms."
    assert errors(text) == []


def test_a_new_paragraph_starts_a_new_calculation():
    text = "We store 5 TB of photos.\n\nThe API serves 20,000 requests per second."
    assert errors(text) == []


def test_the_error_json_has_the_span_and_the_expected_figure():
    text = "100 M daily users × 10 requests a day = 1 M requests per second."
    (e,) = check_estimates(text)
    d = e.to_dict()
    assert d == {"text": "1 M requests per second", "start": 40, "end": 63, "expected": e.expected}
    assert text[d["start"] : d["end"]] == d["text"]


@pytest.mark.parametrize(
    "text",
    [
        "The database is 2 TB, so at 100 MB per second the copy takes about 6 hours.",
        "Copying 10 TB at 1 GB per second takes about 3 hours.",
        "Reading 100 GB at 200 MB per second takes 500 seconds.",
        "The 4 TB index rebuild at 400 MB per second finishes in about 3 hours.",
        "A billion pages at 4,000 pages per second takes about 3 days.",
        # Durations that are targets or timeouts, not arithmetic, are left alone.
        "A 100 ms timeout and 3 retries mean a caller waits at most 300 ms.",
        "The target is that a failover of the 2 TB primary finishes in 30 seconds.",
        "We replicate 5 GB per second; a region failover takes about 2 minutes.",
    ],
)
def test_a_time_to_move_an_amount_at_a_rate_that_adds_up_is_accepted(text):
    assert errors(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "expected"),
    [
        (
            "The database is 2 TB, so at 100 MB per second the copy takes about 20 seconds.",
            "20 seconds",
            "about 5.56 hours",
        ),
        (
            "Copying 10 TB at 1 GB per second takes about 10 minutes.",
            "10 minutes",
            "about 2.78 hours",
        ),
        (
            "Replaying a 50 GB log at 10 MB per second takes about 5 minutes.",
            "5 minutes",
            "about 1.39 hours",
        ),
        (
            "A billion pages at 4,000 pages per second takes about 3 hours.",
            "3 hours",
            "about 2.89 days",
        ),
    ],
)
def test_a_time_its_amount_and_rate_contradict_is_corrected(text, wrong, expected):
    assert errors(text) == [(wrong, expected)]
