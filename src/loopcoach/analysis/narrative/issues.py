"""One issue found in a narrative: a kind, where it is, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass

ISSUE_KINDS = (
    "weasel",
    "unsupported_claim",
    "long_sentence",
    "passive_voice",
    "undefined_acronym",
    "missing_section",
)
ADVICE = {
    "weasel": "Replace the weasel word or hedge with the fact or number behind it, or cut it.",
    "unsupported_claim": "Back the claim with a number, a comparison or a source.",
    "long_sentence": "Split the sentence: a reader should not need to hold more than one idea.",
    "passive_voice": "Say who acts: the passive hides the owner.",
    "undefined_acronym": "Spell the acronym out the first time it is used.",
    "missing_section": "Add the section a narrative reader expects here.",
}


@dataclass(frozen=True, slots=True)
class Issue:
    kind: str
    start: int | None
    end: int | None
    text: str
    message: str
    section: str | None = None  # for missing_section: which one

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
        }
        if self.section is not None:
            out["section"] = self.section
        return out
