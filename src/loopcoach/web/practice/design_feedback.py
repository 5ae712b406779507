"""Turns a design answer's or a narrative's analysis JSON into what their feedback panels show.

`analyze_design` gives `"kind": "design"` (rubric items with evidence spans, the question's
expectations, estimates and wrong estimates); `review_narrative` gives `"kind": "narrative"`
(issues with spans, sections with readability, structure, a summary). As for stories
(`feedback.py`), everything is data and the candidate's text is only escaped by the template;
a field that is missing shows less, never breaks the panel.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loopcoach.web.practice.feedback import (
    Piece,
    Remark,
    marked_pieces,
    ordered_spans,
)
from loopcoach.web.practice.models import GRADE_NAMES

# The rubric in the order an interviewer walks it (analysis/design/rubric.py), with the
# section heading a candidate may write for it on the design page.
RUBRIC = {
    "requirements": ("Requirements", "Requirements"),
    "estimates": ("Scale estimates", "Estimates"),
    "api": ("API", "API"),
    "data_model": ("Data model", "Data model"),
    "high_level": ("High-level design", "Design"),
    "deep_dive": ("Deep dive", "Design"),
    "scaling": ("Scaling", "Scaling"),
    "trade_offs": ("Trade-offs", "Trade-offs"),
    "operations": ("Failure modes and operations", "Operations"),
}
HEADINGS = list(dict.fromkeys(heading for _, heading in RUBRIC.values()))
ISSUE_NAMES = {
    "weasel": "weasel word",
    "unsupported_claim": "claim without data",
    "long_sentence": "long sentence",
    "passive_voice": "passive voice",
    "undefined_acronym": "undefined acronym",
    "missing_section": "missing section",
}
SENTENCE_ISSUES = ("unsupported_claim", "long_sentence")  # marked as whole sentences
PART_NAMES = {
    "purpose": "Purpose up front",
    "tenets": "Tenets",
    "problem_data": "The problem, with data",
    "proposal": "The proposal",
    "alternatives": "Alternatives considered",
    "faq": "FAQ",
}


@dataclass(frozen=True)
class Block:
    """A run of the text: a marked sentence (`issue` set) or the text between, with marks."""

    pieces: list[Piece]
    issue: str = ""

    @property
    def issue_name(self) -> str:
        return ISSUE_NAMES.get(self.issue, "")


@dataclass(frozen=True)
class Check:
    """One rubric item or expectation: covered or not, and the sentence that covers it."""

    key: str
    name: str
    covered: bool
    quote: str = ""


@dataclass(frozen=True)
class EstimateCorrection:
    text: str
    expected: str


@dataclass
class DesignFeedback:
    anchor: str
    blocks: list[Block]
    grade: int | None
    grade_name: str
    word_count: int
    rubric: list[Check]
    expectations: list[Check]
    corrections: list[EstimateCorrection]
    story_like: bool
    reasons: list[str] = field(default_factory=list)
    strengths: list[Remark] = field(default_factory=list)
    improvements: list[Remark] = field(default_factory=list)
    follow_ups: list[Remark] = field(default_factory=list)
    panel: str = "design"

    @property
    def is_follow_up(self) -> bool:
        return False

    @property
    def covered_count(self) -> int:
        return sum(c.covered for c in self.rubric)


@dataclass(frozen=True)
class SectionRow:
    name: str
    words: int
    sentences: int
    mean_sentence_words: float
    reading_ease: float


@dataclass
class NarrativeFeedback:
    anchor: str
    blocks: list[Block]
    grade: int | None
    grade_name: str
    word_count: int
    pages: float
    summary: str
    sections: list[SectionRow]
    parts: list[Check]
    issue_counts: list[tuple[str, int]]
    reasons: list[str] = field(default_factory=list)
    strengths: list[Remark] = field(default_factory=list)
    improvements: list[Remark] = field(default_factory=list)
    follow_ups: list[Remark] = field(default_factory=list)
    panel: str = "narrative"

    @property
    def is_follow_up(self) -> bool:
        return False


def build_design(analysis: dict, answer: str, *, anchor: str) -> DesignFeedback:
    grade = analysis.get("grade")
    errors = [e for e in analysis.get("estimate_errors") or [] if isinstance(e, dict)]
    marks = _spans(analysis.get("estimates"), "metric") + _spans(errors, "error")
    return DesignFeedback(
        anchor=anchor,
        blocks=[Block(marked_pieces(answer, 0, len(answer), _unique(marks)))],
        grade=grade,
        grade_name=GRADE_NAMES.get(grade or 0, "Not graded"),
        word_count=int(analysis.get("word_count") or len(answer.split())),
        rubric=[
            _check(row, RUBRIC.get(str(row.get("item")), ("",))[0])
            for row in _rows(analysis, "rubric")
        ],
        expectations=[
            _check(row, str(row.get("label") or "")) for row in _rows(analysis, "expectations")
        ],
        corrections=[
            EstimateCorrection(str(e.get("text") or ""), str(e.get("expected") or ""))
            for e in errors
        ],
        story_like=analysis.get("story_like") is True,
        reasons=[str(r) for r in analysis.get("grade_reasons") or []],
        strengths=_remarks(analysis, "strength"),
        improvements=_remarks(analysis, "improvement"),
        follow_ups=_follow_ups(analysis),
    )


def build_narrative(analysis: dict, text: str, *, anchor: str) -> NarrativeFeedback:
    grade = analysis.get("grade")
    issues = [i for i in analysis.get("issues") or [] if isinstance(i, dict)]
    counts = analysis.get("issue_counts") or {}
    return NarrativeFeedback(
        anchor=anchor,
        blocks=narrative_blocks(text, issues),
        grade=grade,
        grade_name=GRADE_NAMES.get(grade or 0, "Not graded"),
        word_count=int(analysis.get("word_count") or 0),
        pages=float(analysis.get("pages") or 0),
        summary=str(analysis.get("summary") or ""),
        sections=[
            SectionRow(
                str(s.get("name") or "(untitled)"),
                int(s.get("words") or 0),
                int(s.get("sentences") or 0),
                float(s.get("mean_sentence_words") or 0),
                float(s.get("reading_ease") or 0),
            )
            for s in _rows(analysis, "sections")
            if s.get("words")
        ],
        parts=[
            Check(
                str(p.get("part")),
                PART_NAMES.get(str(p.get("part")), str(p.get("part"))),
                bool(p.get("present")),
            )
            for p in _rows(analysis, "structure")
            if p.get("expected") or p.get("present")
        ],
        issue_counts=[(ISSUE_NAMES.get(k, k), int(n)) for k, n in counts.items() if n],
        reasons=[str(r) for r in analysis.get("grade_reasons") or []],
        strengths=_remarks(analysis, "strength"),
        improvements=_remarks(analysis, "improvement"),
    )


def narrative_blocks(text: str, issues: list[dict]) -> list[Block]:
    """The whole text, its flagged sentences as blocks of their own and the word-level issues
    (weasel words, passives, acronyms) marked inside; joined back, the blocks are the text."""
    sentences = ordered_spans(
        sorted((i for i in issues if i.get("kind") in SENTENCE_ISSUES), key=_start), len(text)
    )
    marks = _unique(
        [
            (i["start"], i["end"], str(i["kind"]))
            for i in issues
            if i.get("kind") not in SENTENCE_ISSUES and _has_span(i)
        ]
    )
    blocks, cursor = [], 0
    for sentence in sentences:
        start, end = sentence["start"], sentence["end"]
        if cursor < start:
            blocks.append(Block(marked_pieces(text, cursor, start, marks)))
        blocks.append(Block(marked_pieces(text, start, end, marks), str(sentence["kind"])))
        cursor = end
    if cursor < len(text):
        blocks.append(Block(marked_pieces(text, cursor, len(text), marks)))
    return blocks


def _start(item: dict) -> int:
    return item["start"] if isinstance(item.get("start"), int) else -1


def _has_span(item: dict) -> bool:
    return isinstance(item.get("start"), int) and isinstance(item.get("end"), int)


def _spans(items: object, kind: str) -> list[tuple[int, int, str]]:
    return [
        (i["start"], i["end"], kind)
        for i in items or []  # type: ignore[attr-defined]
        if isinstance(i, dict) and _has_span(i)
    ]


def _unique(marks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One mark per span, a wrong estimate winning over the same span marked as an estimate."""
    best: dict[tuple[int, int], str] = {}
    for start, end, kind in marks:
        if (start, end) not in best or kind == "error":
            best[(start, end)] = kind
    return sorted((start, end, kind) for (start, end), kind in best.items())


def _rows(analysis: dict, key: str) -> list[dict]:
    return [row for row in analysis.get(key) or [] if isinstance(row, dict)]


def _check(row: dict, name: str) -> Check:
    evidence = [e for e in row.get("evidence") or [] if isinstance(e, dict)]
    quote = str(evidence[0].get("text") or "") if evidence else ""
    key = str(row.get("item") or row.get("key") or "")
    return Check(key, name or key, bool(row.get("covered")), quote)


def _remarks(analysis: dict, kind: str) -> list[Remark]:
    detailed = _rows(analysis, "feedback")
    if not detailed:
        key = "strengths" if kind == "strength" else "improvements"
        return [Remark(str(text)) for text in analysis.get(key) or []]
    return [
        Remark(
            str(item["text"]),
            quote="" if (item.get("quote") or "") in item["text"] else str(item.get("quote")),
        )
        for item in detailed
        if item.get("kind") == kind and item.get("text")
    ]


def _follow_ups(analysis: dict) -> list[Remark]:
    detailed = [row for row in _rows(analysis, "follow_up_details") if row.get("question")]
    if detailed:
        return [Remark(str(row["question"])) for row in detailed]
    return [Remark(str(text)) for text in analysis.get("follow_ups") or []]
