"""The answer analyzer: offline, explainable feedback on behavioral interview answers.

Pure Python, no Django. `analyze(answer, question=...)` returns a Report;
`Report.to_dict()` is the analysis JSON (schema version 1) of DESIGN.md;
`analyze_follow_up(answer, follow_up=..., story=...)` judges an answer to a follow-up.
"""

from __future__ import annotations

from loopcoach.analysis.analyzer import analyze
from loopcoach.analysis.errors import AnalysisInputError
from loopcoach.analysis.followup import FollowUpReport, analyze_follow_up
from loopcoach.analysis.report import Report

__all__ = ["AnalysisInputError", "FollowUpReport", "Report", "analyze", "analyze_follow_up"]
