"""The answer analyzer: offline, explainable feedback on behavioral interview answers.

Pure Python, no Django. `analyze(answer, question=...)` returns a Report;
`Report.to_dict()` is the analysis JSON (schema version 1) of DESIGN.md;
`analyze_follow_up(answer, follow_up=..., story=...)` judges an answer to a follow-up;
`analyze_design(answer, question=...)` a system-design answer against its rubric, and
`review_narrative(text)` a written narrative.
"""

from __future__ import annotations

from loopcoach.analysis.analyzer import analyze
from loopcoach.analysis.design import DesignReport, analyze_design
from loopcoach.analysis.errors import AnalysisInputError
from loopcoach.analysis.followup import FollowUpReport, analyze_follow_up
from loopcoach.analysis.narrative import NarrativeReport, review_narrative
from loopcoach.analysis.report import Report

__all__ = [
    "AnalysisInputError",
    "DesignReport",
    "FollowUpReport",
    "NarrativeReport",
    "Report",
    "analyze",
    "analyze_design",
    "analyze_follow_up",
    "review_narrative",
]
