"""The prompt carries the answer, the principle's guidance and the analyzer's evidence."""

from __future__ import annotations

import json

from loopcoach.analysis import analyze
from loopcoach.coach.prompt import PrincipleGuidance, coach_messages, evidence

ANSWER = (
    "Our checkout was timing out for 8% of users. I was asked to fix it within a quarter. "
    "I profiled the service, found an N+1 query and rewrote it with a cache. "
    "Timeouts fell to 0.5% and revenue rose by $300K a month."
)
GUIDANCE = PrincipleGuidance(
    name="Dive Deep",
    listen_for=["You went to the data yourself"],
    pitfalls=["Staying at the dashboard level"],
)


def messages() -> list[dict[str, str]]:
    return coach_messages(
        question="Tell me about a time you dove deep.",
        answer=ANSWER,
        analysis=analyze(ANSWER).to_dict(),
        principles=[GUIDANCE],
    )


def test_it_is_a_system_and_a_user_message():
    assert [message["role"] for message in messages()] == ["system", "user"]


def test_the_system_message_asks_for_json_and_forbids_invented_numbers():
    system = messages()[0]["content"]
    assert '"critique"' in system and '"rewrite"' in system and '"follow_ups"' in system
    assert "[X%]" in system and "Never invent a number" in system


def test_the_user_message_carries_answer_guidance_and_evidence():
    user = messages()[1]["content"]
    assert ANSWER in user
    assert "Tell me about a time you dove deep." in user
    assert "You went to the data yourself" in user and "Staying at the dashboard level" in user
    found = json.loads(user.split("Analyzer findings (JSON):\n", 1)[1].split("\n\n", 1)[0])
    assert "8%" in found["metrics"] and found["grade"] in (1, 2, 3, 4)
    assert set(found["star"]) >= {"situation", "task", "action", "result"}


def test_evidence_drops_offsets_and_keeps_the_top_principles():
    found = evidence(analyze(ANSWER).to_dict())
    assert all(isinstance(metric, str) for metric in found["metrics"])
    assert "sentences" not in found
    assert len(found["principles_shown"]) == 3


def test_without_an_analysis_there_is_no_evidence_block():
    user = coach_messages(question="Q?", answer="A.", analysis=None, principles=[])[1]["content"]
    assert "Analyzer findings" not in user and evidence(None) == {}
