"""Reading a model's reply into a critique, a rewrite and follow-ups, whatever wraps the JSON.

Models asked for JSON still add a Markdown fence, a sentence before it, or a
trailing remark; small ones spell a list as a string. The parser takes the
first JSON object in the text that has the keys, and refuses anything else with
a sentence saying what was wrong, fit to show on the page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

MAX_CRITIQUE = 4_000
MAX_REWRITE = 8_000
MAX_FOLLOW_UP = 300
MAX_FOLLOW_UPS = 3
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")


class CoachReplyError(ValueError):
    """The model answered, but not with the JSON object asked for. One line, fit to show."""


@dataclass(frozen=True)
class CoachReply:
    critique: str
    rewrite: str
    follow_ups: list[str]


def parse_reply(text: str) -> CoachReply:
    """The coach's reply from a model's message text; CoachReplyError when it holds none."""
    if not text or not text.strip():
        raise CoachReplyError("The model's reply was empty.")
    data = _first_object(text)
    if data is None:
        raise CoachReplyError(f"The model's reply was not the JSON asked for: {_preview(text)}")
    return CoachReply(
        critique=_text_field(data, "critique", MAX_CRITIQUE),
        rewrite=_text_field(data, "rewrite", MAX_REWRITE),
        follow_ups=_follow_ups(data.get("follow_ups")),
    )


def _first_object(text: str) -> dict[str, Any] | None:
    """The first JSON object in `text` with a critique or a rewrite, wherever it starts."""
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", text):
        try:
            value, _ = decoder.raw_decode(text, match.start())
        except ValueError:
            continue
        if isinstance(value, dict) and ({"critique", "rewrite"} & value.keys()):
            return value
    return None


def _text_field(data: dict[str, Any], key: str, limit: int) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CoachReplyError(f"The model's reply has no {key.replace('_', ' ')}.")
    return value.strip()[:limit]


def _follow_ups(value: object) -> list[str]:
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list):
        raise CoachReplyError("The model's reply has no follow-up questions.")
    questions = [_LIST_MARK.sub("", item).strip() for item in value if isinstance(item, str)]
    questions = [question[:MAX_FOLLOW_UP] for question in questions if question]
    if not questions:
        raise CoachReplyError("The model's reply has no follow-up questions.")
    return questions[:MAX_FOLLOW_UPS]


def _preview(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return repr(flat[:limit] + ("…" if len(flat) > limit else ""))
