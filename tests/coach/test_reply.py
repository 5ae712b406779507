"""Reading the model's reply: the JSON wherever it is, a clear sentence when it is not there."""

from __future__ import annotations

import json

import pytest

from loopcoach.coach.reply import MAX_FOLLOW_UPS, CoachReplyError, parse_reply

GOOD = {
    "critique": "Say what you did.",
    "rewrite": "I cut latency by 40%.",
    "follow_ups": ["How did you measure it?", "What would you change?"],
}


def test_it_reads_a_plain_json_object():
    reply = parse_reply(json.dumps(GOOD))
    assert reply.critique == "Say what you did."
    assert reply.rewrite == "I cut latency by 40%."
    assert reply.follow_ups == GOOD["follow_ups"]


@pytest.mark.parametrize(
    "wrapped",
    [
        "```json\n{}\n```",
        "Here is my review:\n{}\nHope it helps!",
        '{{"note": "not this one"}} then {}',
    ],
)
def test_it_finds_the_object_inside_prose_or_a_fence(wrapped):
    assert parse_reply(wrapped.format(json.dumps(GOOD))).rewrite == GOOD["rewrite"]


def test_follow_ups_as_one_string_become_a_list_without_bullets():
    reply = parse_reply(json.dumps({**GOOD, "follow_ups": "1. Why?\n- How?\n\n* Who?"}))
    assert reply.follow_ups == ["Why?", "How?", "Who?"]


def test_at_most_three_follow_ups_are_kept():
    reply = parse_reply(json.dumps({**GOOD, "follow_ups": [f"Q{i}?" for i in range(6)]}))
    assert len(reply.follow_ups) == MAX_FOLLOW_UPS


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("I think the answer is fine.", "not the JSON"),
        ('{"critique": "x", "rewrite": "y"', "not the JSON"),  # cut off
        ("[1, 2, 3]", "not the JSON"),
        (json.dumps({**GOOD, "critique": ""}), "no critique"),
        (json.dumps({**GOOD, "rewrite": 42}), "no rewrite"),
        (json.dumps({**GOOD, "follow_ups": []}), "no follow-up"),
        (json.dumps({**GOOD, "follow_ups": {"a": 1}}), "no follow-up"),
        ("\x00\x01binary{", "not the JSON"),
    ],
)
def test_a_malformed_reply_is_refused_with_a_reason(text, says):
    with pytest.raises(CoachReplyError, match=says):
        parse_reply(text)


def test_a_huge_reply_is_cut_to_its_limits():
    reply = parse_reply(json.dumps({**GOOD, "rewrite": "word " * 10_000}))
    assert len(reply.rewrite) <= 8_000
