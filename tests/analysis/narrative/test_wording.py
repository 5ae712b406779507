from __future__ import annotations

import pytest

from loopcoach.analysis.narrative.wording import find_passives, find_weasels


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Latency improved significantly.", ["significantly"]),
        ("We believe this is very important.", ["We believe", "very"]),
        ("It should be able to scale.", ["should be able to"]),
        ("Many teams asked for it, and a lot of them left.", ["Many", "a lot"]),
    ],
)
def test_weasel_words_and_hedges_fire(text, found):
    assert [i.text for i in find_weasels(text)] == found


@pytest.mark.parametrize(
    "text",
    ["Latency fell from 900 ms to 150 ms.", "How many engineers do we need?", "Every team agreed."],
)
def test_weasel_words_do_not_fire_on_plain_facts(text):
    assert find_weasels(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It was decided to delay the launch.", ["was decided"]),
        ("The fix will be prioritized later.", ["be prioritized"]),
        ("The refunds were reprocessed by 14:30.", ["were reprocessed"]),
        ("Decisions often get made in meetings.", ["get made"]),
        ("The option has been considered, including splitting by region.", ["been considered"]),
    ],
)
def test_passive_voice_that_hides_who_acts_fires(text, found):
    assert [i.text for i in find_passives(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "The outage was caused by the certificate expiry.",
        "The guide was written by the platform team.",
        "We are interested in the result.",
        "The sites are unchanged.",
        "Our team decided to delay the launch.",
    ],
)
def test_passive_voice_does_not_fire_with_an_agent_or_an_adjective(text):
    assert find_passives(text) == []
