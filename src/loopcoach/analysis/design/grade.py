"""The 1-4 grade of a design answer, with its reasons (docs/design-labels.md, `grade`).

Thresholds tuned on the `tune` split of training/design/answers.jsonl. Length
stands in for depth: nobody covers a question's trade-offs and failure modes
in eighty words, and a strong answer in a 45-minute round runs to hundreds.
"""

from __future__ import annotations

from dataclasses import dataclass

WEAK_ITEMS = 1  # at most this many of the nine rubric items: no design yet
PASSING_ITEMS = 4
FOCUSED_ITEMS = 3  # enough when the answer covers most of what the question is about
STRONG_ITEMS = 6
PASSING_WORDS = 70
STRONG_WORDS = 200
PASSING_EXPECTED_SHARE = 0.4  # of the question's own expectations
FOCUSED_EXPECTED_SHARE = 0.6
STRONG_EXPECTED_SHARE = 0.8


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
    # A question outside the packs has no expectations: judge it on the general rubric alone.
    share = 1.0 if g.expected_share is None else g.expected_share
    if g.story_like:
        return 1, [
            "The answer tells a story instead of designing the system the question asks for."
        ]
    if n <= WEAK_ITEMS:
        return 1, [
            f"The answer covers {n} of the 9 rubric items: there is no design to assess yet."
        ]
    reasons = [f"The answer covers {n} of the 9 rubric items."]
    if g.expected_share is not None:
        reasons.append(f"It covers {share:.0%} of what a strong answer to this question covers.")
    deep = "deep_dive" in g.covered or g.expected_share is None
    broad = n >= PASSING_ITEMS and share >= PASSING_EXPECTED_SHARE
    focused = n >= FOCUSED_ITEMS and share >= FOCUSED_EXPECTED_SHARE
    if not (deep and g.words >= PASSING_WORDS and (broad or focused)):
        reasons.append(
            "It stays at the surface: the part this question is about is not worked out."
        )
        return 2, reasons
    if n >= STRONG_ITEMS and g.words >= STRONG_WORDS and share >= STRONG_EXPECTED_SHARE:
        if not g.estimate_errors:
            return 4, reasons
        reasons.append("A back-of-the-envelope figure is wrong, which costs a strong answer its 4.")
    return 3, reasons
