"""The 1-4 grade of a narrative (docs/design-labels.md, narratives `grade`).

Two judgements, and the grade is the lower: the wording (issues per 100
words, so a six-pager is not punished for its length, with weasel words and
claims without data weighing most) and the structure (each missing part
costs a grade; a well-written text with the wrong shape is still a 2).
Thresholds tuned on the `tune` split of training/narratives/narratives.jsonl.
"""

from __future__ import annotations

STRONG_DENSITY = 1.6  # weighted wording issues per 100 words
PASSING_DENSITY = 2.5
WEAK_DENSITY = 12.0
STRONG_VAGUE_DENSITY = 0.3  # weasel words and claims without data per 100 words
PASSING_CLAIM_DENSITY = 1.0  # claims without data per 100 words
# A long sentence is harder to read, not wrong: it weighs half of the other issues.
WEIGHTS = {"long_sentence": 0.5}


def grade_narrative(counts: dict[str, int], words: int, expected: int) -> tuple[int, list[str]]:
    missing = counts.get("missing_section", 0)
    claims = counts.get("unsupported_claim", 0)
    vague = claims + counts.get("weasel", 0)
    wording = sum(n for kind, n in counts.items() if kind != "missing_section")
    weighted = sum(WEIGHTS.get(k, 1.0) * n for k, n in counts.items() if k != "missing_section")
    density = 100 * weighted / max(1, words)
    vague_density = 100 * vague / max(1, words)
    reasons = [
        f"{wording} wording issues in {words} words ({density:.1f} per 100 words, long "
        "sentences counted as half).",
        f"{expected - missing} of the {expected} expected parts are there.",
    ]
    if vague_density <= STRONG_VAGUE_DENSITY and density <= STRONG_DENSITY:
        by_wording = 4
    elif density <= PASSING_DENSITY and 100 * claims / max(1, words) <= PASSING_CLAIM_DENSITY:
        by_wording = 3
    elif density <= WEAK_DENSITY:
        by_wording = 2
    else:
        by_wording = 1
    by_structure = max(2, 4 - missing)
    if missing == expected and claims >= 2:  # no purpose, no data, no proposal: only claims
        by_structure = 1
    return min(by_wording, by_structure), reasons
