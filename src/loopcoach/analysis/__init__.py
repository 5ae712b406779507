"""The answer analyzer: offline, explainable feedback on behavioral interview answers.

Pure Python, no Django. `analyze(answer, question=...)` returns a Report;
`Report.to_dict()` is the analysis JSON (schema version 1) of DESIGN.md.
"""

from __future__ import annotations

from loopcoach.analysis.analyzer import analyze
from loopcoach.analysis.design import DesignReport, analyze_design
from loopcoach.analysis.errors import AnalysisInputError
from loopcoach.analysis.narrative import NarrativeReport, review_narrative
from loopcoach.analysis.report import Report

__all__ = [
    "AnalysisInputError",
    "DesignReport",
    "NarrativeReport",
    "Report",
    "analyze",
    "analyze_design",
    "review_narrative",
]
