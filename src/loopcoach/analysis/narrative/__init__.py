"""Written narratives: weasel words, claims without data, readability, passive voice,
acronyms and the expected structure, each with spans, a summary and a grade.

Pure Python, no Django. `review_narrative(text)` returns a NarrativeReport;
`to_dict()` is the narrative JSON of DESIGN.md (schema version 1).
"""

from __future__ import annotations

from loopcoach.analysis.narrative.issues import ISSUE_KINDS
from loopcoach.analysis.narrative.report import NarrativeReport
from loopcoach.analysis.narrative.reviewer import review_narrative

__all__ = ["ISSUE_KINDS", "NarrativeReport", "review_narrative"]
