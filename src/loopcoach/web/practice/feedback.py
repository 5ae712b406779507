"""Turns an attempt's analysis JSON into what the feedback panel shows.

The analysis is the analyzer's JSON (DESIGN.md, schema version 1). Fields
beyond the required ones (per-remark evidence, grade reasons, follow-up
anchors) are used when present; without them the panel shows less, never
breaks. Everything here is data: the answer comes out as segments and
pieces (`Segment`, `Piece`) that the template marks up, so the candidate's
own text is only ever escaped by the template engine.

A follow-up answer's analysis (`"kind": "follow_up"`, from `analyze_follow_up`) becomes a
`FollowUpFeedback`: it is not a STAR story, so none of the story's parts apply to it. Every
judgement the panel shows comes from the analyzer's own gated remarks and flags; the panel adds
no verdict of its own (no "missing task" unless the analyzer says so, no praise for fitting the
principle on a hypothetical or off-topic answer).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from loopcoach.web.practice.models import GRADE_NAMES

if TYPE_CHECKING:
    from loopcoach.web.practice.design_feedback import DesignFeedback, NarrativeFeedback

ROLES = {
    "situation": "Situation",
    "task": "Task",
    "action": "Action",
    "result": "Result",
    "other": "Other",
}
STAR = ["situation", "task", "action", "result"]
MISSING_ADVICE = {
    "situation": "Set the scene in a sentence or two: where, when, what was at stake.",
    "task": "Say what you had to achieve, and why it was yours to do.",
    "action": "Spend most of the answer on what you did, step by step, in the first person.",
    "result": "End with what came of it, with a number if you can, and what you learned.",
}
# The analyzer's remark code that says a STAR part is lacking: its advice shows only then.
MISSING_CODES = {
    "situation": "no-situation",
    "task": "no-task",
    "action": "low-action-share",
    "result": "no-result",
}
MARKS = {
    "metric": "number",
    "filler": "filler word",
    "hedge": "hedge",
    # design answers and narratives (design_feedback.py)
    "error": "estimate that does not add up",
    "weasel": "weasel word or hedge",
    "passive_voice": "passive voice: who acts?",
    "undefined_acronym": "acronym used before it is defined",
}
# What a follow-up of each intent (LABELS.md) asks for, in the candidate's words.
INTENT_WORDS = {
    "decision": "why you chose it and what else you weighed",
    "conflict": "what the other person said and how it was settled",
    "measurement": "how you measured it",
    "scope": "what you personally did",
    "specific_example": "a real example of it",
    "learning": "what you would do differently",
    "detail": "a concrete detail",
}


@dataclass(frozen=True)
class Piece:
    """A run of the answer's text; `mark` is "metric", "filler" or "hedge" for a marked one."""

    text: str
    mark: str = ""

    @property
    def title(self) -> str:
        return MARKS.get(self.mark, "")


@dataclass(frozen=True)
class Segment:
    """A sentence of the answer with its STAR role (0-based `index`), or the text between two
    sentences (`role` empty)."""

    pieces: list[Piece]
    role: str = ""
    index: int = 0

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, "")


@dataclass
class Remark:
    text: str
    sentence: int | None = None  # 0-based index into the sentences
    quote: str = ""


@dataclass
class Feedback:
    anchor: str  # prefix of the sentence ids, unique on the page
    segments: list[Segment]
    grade: int | None
    grade_name: str
    reasons_for: list[str] = field(default_factory=list)
    reasons_against: list[str] = field(default_factory=list)
    star: list[tuple[str, str, bool]] = field(default_factory=list)  # (role, name, present)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (name, advice)
    action_share: int | None = None
    metrics: list[str] = field(default_factory=list)
    fillers: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    pronoun_i: int = 0
    pronoun_we: int = 0
    ownership: str = ""
    hypothetical: bool = False
    shown: dict | None = None
    asked: dict | None = None
    runners_up: list[dict] = field(default_factory=list)
    strengths: list[Remark] = field(default_factory=list)
    improvements: list[Remark] = field(default_factory=list)
    follow_ups: list[Remark] = field(default_factory=list)
    word_count: int = 0
    speaking: str = ""
    off_topic: bool = False  # the story does not answer the question (relevance)
    off_topic_reason: str = ""
    principle_mismatch: bool = False  # the analyzer is confident the story shows another
    asks_for_number: bool = False  # the analyzer's remarks say the result lacks a number
    panel: str = "story"  # which template shows it

    @property
    def is_follow_up(self) -> bool:
        return False

    @property
    def principle_matches(self) -> bool | None:
        if not self.asked or not self.shown:
            return None
        return self.asked["slug"] == self.shown["slug"]

    @property
    def praises_fit(self) -> bool:
        """Fitting the principle is praise only for a real story that answers the question."""
        return bool(self.principle_matches) and not self.hypothetical and not self.off_topic


@dataclass
class FollowUpFeedback:
    """The feedback on an answer to a follow-up question: judged as one, not as a story."""

    anchor: str
    answer: str
    grade: int | None
    grade_name: str
    intent: str
    intent_words: str
    direct: bool
    specific: bool
    metrics: list[str] = field(default_factory=list)
    strengths: list[Remark] = field(default_factory=list)
    improvements: list[Remark] = field(default_factory=list)
    follow_ups: list[Remark] = field(default_factory=list)
    word_count: int = 0
    speaking: str = ""
    panel: str = "follow_up"

    @property
    def is_follow_up(self) -> bool:
        return True


def build(
    analysis: dict, answer: str, *, anchor: str, asked_names: dict[str, str] | None = None
) -> Feedback | FollowUpFeedback | DesignFeedback | NarrativeFeedback:
    """The panel's data for an analysis, by its `kind`: a story's, a follow-up answer's, a
    design answer's or a narrative's."""
    # Imported here: design_feedback builds on this module's pieces and remarks.
    from loopcoach.web.practice.design_feedback import build_design, build_narrative

    kind = analysis.get("kind")
    if kind == "follow_up":
        return build_follow_up(analysis, answer, anchor=anchor)
    if kind == "design":
        return build_design(analysis, answer, anchor=anchor)
    if kind == "narrative":
        return build_narrative(analysis, answer, anchor=anchor)
    return build_story(analysis, answer, anchor=anchor, asked_names=asked_names)


def build_follow_up(analysis: dict, answer: str, *, anchor: str) -> FollowUpFeedback:
    grade = analysis.get("grade")
    intent = str(analysis.get("intent") or "")
    strengths, improvements = _remarks(analysis, [])
    words = len(answer.split())
    return FollowUpFeedback(
        anchor=anchor,
        answer=answer,
        grade=grade,
        grade_name=GRADE_NAMES.get(grade or 0, "Not graded"),
        intent=intent,
        intent_words=INTENT_WORDS.get(intent, "more about your story"),
        direct=bool(analysis.get("direct")),
        specific=bool(analysis.get("specific")),
        metrics=[m.get("text", "") for m in analysis.get("metrics") or []],
        strengths=strengths,
        improvements=improvements,
        follow_ups=_follow_ups(analysis, []),
        word_count=int(analysis.get("word_count") or words),
        speaking=_minutes(analysis.get("speaking_seconds")),
    )


def build_story(
    analysis: dict, answer: str, *, anchor: str, asked_names: dict[str, str] | None = None
) -> Feedback:
    sentences = analysis.get("sentences") or []
    star = analysis.get("star") or {}
    pronouns = analysis.get("pronouns") or {}
    principles = [p for p in analysis.get("principles") or [] if p.get("slug")]
    reasons = [str(r) for r in analysis.get("grade_reasons") or []]
    grade = analysis.get("grade")
    codes = remark_codes(analysis)
    relevance = analysis.get("relevance") or {}
    feedback = Feedback(
        anchor=anchor,
        segments=answer_segments(answer, sentences, _marks(analysis)),
        grade=grade,
        grade_name=GRADE_NAMES.get(grade or 0, "Not graded"),
        reasons_for=[_sentence(r[1:]) for r in reasons if r.startswith("+")],
        reasons_against=[_sentence(r[1:]) for r in reasons if r.startswith("-")]
        + [_sentence(r) for r in reasons if not r.startswith(("+", "-"))],
        star=[(role, ROLES[role], bool(star.get(role))) for role in STAR if role in star],
        missing=[
            (ROLES[role], MISSING_ADVICE[role])
            for role in STAR
            if role in star and not star[role] and MISSING_CODES[role] in codes
        ],
        action_share=round(100 * star["action_share"])
        if isinstance(star.get("action_share"), int | float)
        else None,
        metrics=[m.get("text", "") for m in analysis.get("metrics") or []],
        fillers=[m.get("text", "") for m in analysis.get("fillers") or []],
        hedges=[m.get("text", "") for m in analysis.get("hedges") or []],
        pronoun_i=int(pronouns.get("i", 0)),
        pronoun_we=int(pronouns.get("we", 0)),
        ownership=analysis.get("ownership") or "",
        hypothetical=bool(analysis.get("hypothetical")),
        shown=principles[0] if principles and principles[0].get("score", 0) > 0 else None,
        runners_up=principles[1:3],
        word_count=int(analysis.get("word_count") or 0),
        speaking=_minutes(analysis.get("speaking_seconds")),
        off_topic=relevance.get("answers_question") is False,
        off_topic_reason=str(relevance.get("reason") or ""),
        principle_mismatch=analysis.get("principle_mismatch") is True,
        asks_for_number="result-without-number" in codes,
    )
    asked = analysis.get("asked_principle")
    if asked:
        names = {p["slug"]: p.get("name", p["slug"]) for p in principles} | (asked_names or {})
        feedback.asked = {"slug": asked, "name": names.get(asked, asked)}
    feedback.strengths, feedback.improvements = _remarks(analysis, sentences)
    feedback.follow_ups = _follow_ups(analysis, sentences)
    return feedback


def remark_codes(analysis: dict) -> set[str]:
    """The codes of the analyzer's remarks on this answer (each fired only when true)."""
    return {
        str(item["code"])
        for item in analysis.get("feedback") or []
        if isinstance(item, dict) and item.get("code")
    }


def answer_segments(
    answer: str, sentences: list[dict], marks: list[tuple[int, int, str]]
) -> list[Segment]:
    """The whole answer, cut into its sentences (with their roles and marks) and the text
    between them; joined back, the pieces are the answer exactly."""
    segments, cursor = [], 0
    for index, sentence in enumerate(ordered_spans(sentences, len(answer))):
        start, end = sentence["start"], sentence["end"]
        if cursor < start:
            segments.append(Segment([Piece(answer[cursor:start])]))
        role = str(sentence["role"]) if sentence.get("role") in ROLES else "other"
        segments.append(Segment(marked_pieces(answer, start, end, marks), role, index))
        cursor = end
    if cursor < len(answer):
        segments.append(Segment([Piece(answer[cursor:])]))
    return segments


def ordered_spans(sentences: list[dict], length: int) -> list[dict]:
    """Sentences with usable offsets, in order and not overlapping."""
    kept, cursor = [], 0
    for sentence in sentences:
        start, end = sentence.get("start"), sentence.get("end")
        if isinstance(start, int) and isinstance(end, int) and cursor <= start < end <= length:
            kept.append(sentence)
            cursor = end
    return kept


def _marks(analysis: dict) -> list[tuple[int, int, str]]:
    spans = []
    for kind, key in (("metric", "metrics"), ("filler", "fillers"), ("hedge", "hedges")):
        for span in analysis.get(key) or []:
            if isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
                spans.append((span["start"], span["end"], kind))
    return sorted(spans)


def marked_pieces(
    answer: str, start: int, end: int, marks: list[tuple[int, int, str]]
) -> list[Piece]:
    pieces, cursor = [], start
    for mark_start, mark_end, kind in marks:
        if mark_start < cursor or mark_end > end or mark_start >= mark_end:
            continue  # outside this sentence, or overlapping a mark already placed
        if cursor < mark_start:
            pieces.append(Piece(answer[cursor:mark_start]))
        pieces.append(Piece(answer[mark_start:mark_end], kind))
        cursor = mark_end
    if cursor < end:
        pieces.append(Piece(answer[cursor:end]))
    return pieces


def _sentence_at(sentences: list[dict], offset: object) -> int | None:
    if not isinstance(offset, int):
        return None
    for index, sentence in enumerate(sentences):
        if sentence.get("start", -1) <= offset < sentence.get("end", -1):
            return index
    return None


def _pointer(item: dict, sentences: list[dict]) -> int | None:
    index = item.get("sentence_index")
    if isinstance(index, int) and 0 <= index < len(sentences):
        return index
    return _sentence_at(sentences, item.get("start"))


def _remarks(analysis: dict, sentences: list[dict]) -> tuple[list[Remark], list[Remark]]:
    detailed = [
        item
        for item in analysis.get("feedback") or []
        if isinstance(item, dict) and item.get("text")
    ]
    if not detailed:
        return (
            [Remark(str(t)) for t in analysis.get("strengths") or []],
            [Remark(str(t)) for t in analysis.get("improvements") or []],
        )
    strengths: list[Remark] = []
    improvements: list[Remark] = []
    for item in detailed:
        quote = item.get("quote") or ""
        remark = Remark(
            item["text"], _pointer(item, sentences), "" if quote in item["text"] else quote
        )
        (strengths if item.get("kind") == "strength" else improvements).append(remark)
    return strengths, improvements


def _follow_ups(analysis: dict, sentences: list[dict]) -> list[Remark]:
    detailed = [
        item
        for item in analysis.get("follow_up_details") or []
        if isinstance(item, dict) and item.get("question")
    ]
    if detailed:
        return [Remark(item["question"], _pointer(item, sentences)) for item in detailed]
    return [Remark(str(text)) for text in analysis.get("follow_ups") or []]


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def _minutes(seconds: object) -> str:
    if not isinstance(seconds, int | float):
        return ""
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"
