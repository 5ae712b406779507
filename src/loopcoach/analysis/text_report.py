"""The readable report `loopcoach analyze` prints: what a candidate reads after answering."""

from __future__ import annotations

import textwrap

from loopcoach.analysis.principles import NAMES
from loopcoach.analysis.report import Report

_MARK = {"situation": "S", "task": "T", "action": "A", "result": "R", "other": "·"}


def render(report: Report, width: int = 88) -> str:
    lines = [
        f"Grade {report.grade}/4 · {report.word_count} words · about "
        f"{report.speaking_seconds // 60}:{report.speaking_seconds % 60:02d} "
        f"spoken · ownership: {report.ownership}"
        + (" · HYPOTHETICAL" if report.hypothetical else ""),
    ]
    lines += [f"  {r}" for r in report.grade_reasons]
    star = " ".join(f"{k}:{'yes' if v else 'NO'}" for k, v in report.star.items())
    lines += ["", f"STAR  {star}  ·  actions take {report.action_share:.0%} of the answer"]
    for s in report.sentences:
        lines += textwrap.wrap(
            s.text, width, initial_indent=f"  [{_MARK[s.role]}] ", subsequent_indent="      "
        )
    top = ", ".join(f"{p.name} ({p.score:.2f})" for p in report.principles[:3])
    lines += ["", f"Principles shown: {top}"]
    if report.asked_principle:
        check = report.principle_check
        note = (
            "differs from"
            if report.principle_mismatch
            else "may differ from"
            if check and check.differs
            else "matches"
        )
        lines.append(
            f"  the story {note} the principle asked about: {NAMES[report.asked_principle]}"
        )
    numbers = ", ".join(m.text for m in report.metrics) or "none"
    lines += [f"Numbers: {numbers}", f"I / we: {report.pronouns.i} / {report.pronouns.we}"]
    if report.fillers:
        lines.append(
            f"Fillers: {len(report.fillers)} "
            f"({', '.join(sorted({f.text.lower() for f in report.fillers}))})"
        )
    if report.hedges:
        lines.append(
            f"Hedges: {len(report.hedges)} "
            f"({', '.join(sorted({h.text.lower() for h in report.hedges}))})"
        )
    for title, items in (
        ("Strengths", report.strengths),
        ("To improve", report.improvements),
        ("Follow-up questions", report.follow_ups),
    ):
        if items:
            lines += ["", title]
            for item in items:
                lines += textwrap.wrap(item, width, initial_indent="  - ", subsequent_indent="    ")
    return "\n".join(lines)
