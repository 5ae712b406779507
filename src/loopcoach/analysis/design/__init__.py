"""System-design answers: rubric coverage, estimate checking, question expectations, a grade.

Pure Python, no Django. `analyze_design(answer, question=...)` returns a
DesignReport; `to_dict()` is the design JSON of DESIGN.md (schema version 1).
"""

from __future__ import annotations

from loopcoach.analysis.design.analyzer import analyze_design
from loopcoach.analysis.design.report import DesignReport

__all__ = ["DesignReport", "analyze_design"]
