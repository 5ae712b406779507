"""The small value types the analyzer passes around: a span of the answer text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the answer, `text == answer[start:end]`."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "start": self.start, "end": self.end}
