from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loopcoach.analysis.metrics import find_metrics


def found(text: str) -> list[str]:
    return [m.text for m in find_metrics(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("p99 latency fell from 900 ms to 150 ms.", ["900 ms", "150 ms"]),
        ("Conversion went up 5% and errors fell by forty percent.", ["5%", "forty percent"]),
        ("It saved $1.2M a year.", ["$1.2M"]),
        ("The contract was worth about $3M a year.", ["$3M"]),
        ("Throughput improved 3x.", ["3x"]),
        ("Builds got three times faster.", ["three times"]),
        ("I managed 12 engineers across three teams.", ["12 engineers", "three teams"]),
        ("It served 2 million users.", ["2 million users"]),
        ("We onboarded 200 other merchants.", ["200 other merchants"]),
        ("Support tickets dropped by a third, and costs halved.", ["a third", "halved"]),
        ("We cut the review queue in half.", ["half"]),
        ("Revenue doubled.", ["doubled"]),
        ("Releases shipped in 3 weeks instead of 8.", ["3 weeks", "8"]),
        ("A full test pass went from three days to 4 hours.", ["three days", "4 hours"]),
        # One length of time is one span; a range of two lengths stays two.
        ("The ETL went down to two hours and ten minutes.", ["two hours and ten minutes"]),
        ("Restores took 1 day, 4 hours.", ["1 day, 4 hours"]),
        ("Builds took between 2 hours and 5 hours.", ["2 hours", "5 hours"]),
        ("p99 went from 400 ms and 3 s to 90 ms.", ["400 ms", "3 s", "90 ms"]),
        ("The fleet shrank from 60 hosts to 24.", ["60 hosts", "24"]),
        ("It saved 10 hours a week.", ["10 hours"]),
        # A share as a proportion; a multiplier of an amount just named; a count in digits of
        # what would be talk about the answer in words; a counted noun before a meta word.
        ("I found that one in five calls failed.", ["one in five"]),
        ("The loss was $6,000 instead of ten times that.", ["$6,000", "ten times"]),
        ("The old form had 34 questions.", ["34 questions"]),
        ("I ask three managers which ones they use.", ["three managers"]),
        ("I fixed it with one engineer on a 20-node cluster.", ["one engineer", "20-node cluster"]),
        ("Every account was restored within 36 hours.", ["36 hours"]),
        # multipliers stay metrics; the same words as a frequency do not (see below)
        ("Builds got three times faster.", ["three times"]),
        ("Sign-ups grew three times over.", ["three times"]),
        ("It is twice as fast.", ["twice"]),
        # a duration that is an outcome or a delay, even after "for"
        ("The site was down for 3 days.", ["3 days"]),
        ("The ticket bounced between three teams for two weeks.", ["three teams", "two weeks"]),
        ("A 3-day outage hit 40 stores.", ["3-day", "40 stores"]),
        ("I did it in one day.", ["one day"]),
        ("The rate went from 45 to 10.", ["45", "10"]),
        ("The error rate was over 40% then.", ["40%"]),
        # a count out of a group keeps the group
        ("I moved two of our best analysts onto it.", ["two of our best analysts"]),
        ("I found that four of them were stale.", ["four of them"]),
        # a duration that measures delivery, even after "within"
        ("Within six weeks the delivery rate rose to 99%.", ["99%"]),  # the window is not
        ("Every refund was returned within two hours.", ["two hours"]),
    ],
)
def test_it_finds_metrics(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2021 I joined the payments team.",
        "Two examples come to mind.",
        "It happened three times this year.",
        "Last March we started the migration.",
        "It was the first time we tried it.",
        "The alarm fired at 9:31 on a Monday.",
        "We were on Java 8 and Python 3.11.",
        "I looked at the p95 dashboard.",
        "For two years I worked at a bank.",
        "The deadline was six weeks away.",
        "We had a 30-minute meeting every morning.",
        "Logs are kept with a retention of 30 days.",
        "Two weeks before launch, QA found a bug.",
        "A year later she led the team.",
        "It was a two-way door.",
        "I met one of the senior engineers.",
        "I sat with her for an hour a week.",
        "Patients over 65 were confused.",
        "This was three or four years ago.",
        "Within two hours we found the bad deploy.",
        "We ran a two-week pilot in one store.",
        # identifiers and versions
        "We saw a rise in 502 errors.",
        "Every HTTP 404 went to the old page.",
        "We moved from iOS 15 to Kubernetes 1.28.",
        # ages
        "Most of them were over 65, and they struggled.",
        "She was a 72-year-old patient.",
        "Users aged 18 and up can sign.",
        # clock times and dates
        "The committee only met at ten.",
        "The plates were read between six and ten at night.",
        "I was on site at six every morning.",
        "A florist called at nine in the evening.",
        "The contract ended on 31 March.",
        # frequencies
        "He had been passed over for promotion two times.",
        "I typed the same comment thirty times.",
        "She presented it three times to the committee.",
        "It failed twice.",
        # scene-setting durations and time anchors
        "One night I noticed the queue growing.",
        "One weekend I double-booked the room.",
        "I signed a one-week emergency agreement.",
        "They offered a ten-second refresher.",
        # time spent working, piloting or investigating
        "I worked with her team for two weeks.",
        "We compared results for two weeks.",
        "I let them break it for a week.",
        "I spent three days reading the logs.",
        # deadlines, meeting lengths, configuration values
        "We had to deliver within six weeks.",
        "We had a 15-minute standup.",
        "I set the timeout to 30 seconds.",
        # talk about the answer, selections of things already counted
        "Two examples come to mind.",
        "I'll give you two quick ones.",
        "I asked two precise questions.",
        "Five of the six passed.",
        "The first two went well.",
        # the window an outcome was measured over
        "I tracked every test's pass rate over two weeks.",
        "I kept the old tables as views for a quarter.",
        "I committed the team for the coming half.",
    ],
)
def test_it_ignores_numbers_that_are_not_metrics(text):
    assert found(text) == []


def test_money_stops_at_the_amount():
    assert found("The bill was $410,000 a month.") == ["$410,000"]


def test_offsets_point_into_the_text():
    text = "Errors fell from 18% to 7%."
    for m in find_metrics(text):
        assert text[m.start : m.end] == m.text


@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 ,.%$xkMa-:/abcdefghijklmnopqrstuvwxyz")),
        max_size=200,
    )
)
def test_spans_never_overlap_and_stay_in_the_text(text):
    last = 0
    for m in find_metrics(text):
        assert last <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        last = m.end
