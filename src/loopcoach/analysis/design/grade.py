"""The 1-4 grade of a design answer, with its reasons (docs/design-labels.md, `grade`)."""

from __future__ import annotations

from dataclasses import dataclass

MIN_WORDS = 60  # shorter than this, no design can be told
STRONG_ITEMS = 8  # of the nine rubric items
PASSING_ITEMS = 5
WEAK_ITEMS = 2
STRONG_EXPECTED_SHARE = 0.6  # of the question's own expectations
PASSING_EXPECTED_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class GradeInput:
    words: int
    covered: frozenset[str]
    expected_share: float | None  # None: the question has no expectations in the packs
    estimate_errors: int
    story_like: bool


def grade_design(g: GradeInput) -> tuple[int, list[str]]:
    """The grade and the reasons for it, most important first."""
    n = len(g.covered)
    share = g.expected_share
    if g.story_like:
        return 1, [
            "The answer tells a story instead of designing the system the question asks for."
        ]
    if g.words < MIN_WORDS or n <= WEAK_ITEMS:
        return 1, [
            f"The answer covers {n} of the 9 rubric items; there is no design to assess yet."
        ]
    reasons = [f"The answer covers {n} of the 9 rubric items."]
    if share is not None:
        reasons.append(f"It covers {share:.0%} of what this question's strong answers cover.")
    if n < PASSING_ITEMS or (share is not None and share < PASSING_EXPECTED_SHARE):
        return 2, reasons
    grade = 3
    if n >= STRONG_ITEMS and (share is None or share >= STRONG_EXPECTED_SHARE):
        grade = 4
    if g.estimate_errors and grade == 4:
        grade = 3
        reasons.append("A back-of-the-envelope figure is wrong, which costs a strong answer its 4.")
    return grade, reasons
