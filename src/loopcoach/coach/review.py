"""Coaching one answer end to end: messages → one completion → parsed reply → numbers checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loopcoach.coach.client import Endpoint, chat_completion
from loopcoach.coach.facts import Segment, invented_numbers, marked_segments
from loopcoach.coach.prompt import PrincipleGuidance, coach_messages
from loopcoach.coach.reply import parse_reply


@dataclass(frozen=True)
class CoachReview:
    """What the page shows: the reply, the rewrite cut into plain and invented pieces."""

    model: str
    critique: str
    rewrite: str
    rewrite_segments: list[Segment]
    follow_ups: list[str]

    @property
    def invented(self) -> list[str]:
        return [segment.text for segment in self.rewrite_segments if segment.invented]

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "critique": self.critique,
            "rewrite": self.rewrite,
            "rewrite_segments": [segment.to_dict() for segment in self.rewrite_segments],
            "invented": self.invented,
            "follow_ups": self.follow_ups,
        }


def coach_answer(
    endpoint: Endpoint,
    *,
    question: str,
    answer: str,
    analysis: dict[str, Any] | None,
    principles: list[PrincipleGuidance],
) -> CoachReview:
    """Ask the model; CoachServerError or CoachReplyError (both one line) when it cannot say."""
    messages = coach_messages(
        question=question, answer=answer, analysis=analysis, principles=principles
    )
    reply = parse_reply(chat_completion(endpoint, messages))
    invented = invented_numbers(reply.rewrite, answer=answer)
    return CoachReview(
        model=endpoint.model,
        critique=reply.critique,
        rewrite=reply.rewrite,
        rewrite_segments=marked_segments(reply.rewrite, invented),
        follow_ups=reply.follow_ups,
    )
