"""The optional LLM coach, pure: the prompt, the OpenAI-compatible call, the reply, the fact check.

No Django. `coach_answer` asks one model about one answer and returns the
critique, the rewrite with any number it invented marked, and follow-ups;
the web layer stores the result and runs it as a background task.
"""

from __future__ import annotations

from loopcoach.coach.client import CoachServerError, Endpoint, chat_completion
from loopcoach.coach.facts import Segment, invented_numbers, marked_segments
from loopcoach.coach.prompt import PrincipleGuidance, coach_messages
from loopcoach.coach.reply import CoachReply, CoachReplyError, parse_reply
from loopcoach.coach.review import CoachReview, coach_answer

__all__ = [
    "CoachReply",
    "CoachReplyError",
    "CoachReview",
    "CoachServerError",
    "Endpoint",
    "PrincipleGuidance",
    "Segment",
    "chat_completion",
    "coach_answer",
    "coach_messages",
    "invented_numbers",
    "marked_segments",
    "parse_reply",
]
