"""Command-line pieces for design answers and narratives, wired in by analysis/commands.py.

`analyze_kind(args)` serves `loopcoach analyze --kind design|narrative FILE`;
`register_analysis(sub)` adds `loopcoach analysis evaluate-design` and
`loopcoach analysis bench-design`. Bad input exits with status 2 and one line.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import Any

from loopcoach.analysis.errors import AnalysisInputError

EXIT_BAD_INPUT = 2
SPLITS = ("test", "tune", "all")


def analyze_kind(args: argparse.Namespace, text: str) -> int:
    """Print the design or narrative report for `text` (already read and decoded)."""
    from loopcoach.analysis.design import analyze_design
    from loopcoach.analysis.narrative import review_narrative

    try:
        if args.kind == "design":
            if not args.question:
                raise AnalysisInputError("A design answer needs --question (its text or key).")
            report: Any = analyze_design(text, question=args.question)
        else:
            report = review_narrative(text)
    except AnalysisInputError as exc:
        print(f"loopcoach analyze: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_design(report) if args.kind == "design" else render_narrative(report))
    return 0


def register_analysis(sub: Any) -> None:
    e = sub.add_parser(
        "evaluate-design",
        help="score the design and narrative analyzers on the labelled sets in training/",
    )
    e.add_argument("--design", type=Path, default=Path("training/design/answers.jsonl"))
    e.add_argument("--narratives", type=Path, default=Path("training/narratives/narratives.jsonl"))
    e.add_argument("--split", choices=SPLITS, default="test", help="rows to score (default: test)")
    e.add_argument("--mistakes", action="store_true", help="list every disagreement")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_evaluate_design)
    b = sub.add_parser("bench-design", help="time per design answer and per six-page narrative")
    b.add_argument("--runs", type=int, default=50)
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_bench_design)


def cmd_evaluate_design(args: argparse.Namespace) -> int:
    from loopcoach.analysis.design.evaluation import (
        evaluate_design,
        evaluate_narratives,
        load_rows,
    )

    for path in (args.design, args.narratives):
        if not path.is_file():
            print(f"loopcoach analysis evaluate-design: no such file: {path}", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        design = evaluate_design(load_rows(args.design, args.split))
        narratives = evaluate_narratives(load_rows(args.narratives, args.split))
    except (ValueError, KeyError) as exc:
        print(f"loopcoach analysis evaluate-design: bad labelled row: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps({"split": args.split, "design": design, "narratives": narratives}))
        return 0
    for title, result in (
        (f"design answers ({args.split})", design),
        (f"narratives ({args.split})", narratives),
    ):
        print(title)
        for key, value in result.items():
            if key != "mistakes":
                print(f"  {key:28s} {_figure(value)}")
        if args.mistakes:
            print("\n".join(f"    {m}" for m in result["mistakes"]))
    return 0


def cmd_bench_design(args: argparse.Namespace) -> int:
    from loopcoach.analysis.design import bench

    r = bench.run(runs=max(1, args.runs))
    if args.json:
        print(json.dumps({**r.__dict__, "within_budget": r.within_budget}))
        return 0
    print(
        f"design answer: {r.design_words} words, median {r.design_median_ms:.1f} ms, "
        f"p95 {r.design_p95_ms:.1f} ms"
    )
    print(
        f"narrative: {r.narrative_words} words ({r.narrative_pages:.1f} pages), median "
        f"{r.narrative_median_ms:.1f} ms, p95 {r.narrative_p95_ms:.1f} ms "
        f"(target < {bench.NARRATIVE_BUDGET_MS:.0f} ms)"
    )
    return 0


def render_design(report: Any, width: int = 88) -> str:
    from loopcoach.analysis.design.rubric import NAMES

    lines = [
        f"Grade {report.grade}/4 · {report.word_count} words · "
        f"question: {report.question_key or report.question}"
    ]
    lines += [f"  {r}" for r in report.grade_reasons]
    lines.append("")
    for item in report.rubric:
        mark = "x" if item.covered else " "
        quote = f" — \u201c{_short(item.evidence[0].text)}\u201d" if item.evidence else ""
        lines.append(f"  [{mark}] {NAMES[item.item]}{quote}")
    if report.expectations:
        lines += ["", "What this question calls for:"]
        lines += [f"  [{'x' if e.covered else ' '}] {e.label}" for e in report.expectations]
    for e in report.estimate_errors:
        lines += ["", f"Estimate check: \u201c{e.span.text}\u201d — expected {e.expected}"]
    lines += _list("Strengths", report.strengths, width)
    lines += _list("Improvements", report.improvements, width)
    lines += _list("Follow-up questions", report.follow_ups, width)
    return "\n".join(lines)


def render_narrative(report: Any, width: int = 88) -> str:
    lines = [f"Grade {report.grade}/4 · {report.summary}"]
    lines += [f"  {r}" for r in report.grade_reasons]
    lines += ["", "Sections:"]
    for s in report.sections:
        lines.append(
            f"  {s.name[:40]:40s} {s.words:5d} words · {s.mean_sentence_words:4.1f} words a "
            f"sentence · reading ease {s.reading_ease:5.1f}"
        )
    lines += _list("Improvements", report.improvements, width)
    lines += _list("Strengths", report.strengths, width)
    return "\n".join(lines)


def _list(title: str, items: list[str], width: int) -> list[str]:
    if not items:
        return []
    out = ["", f"{title}:"]
    for item in items:
        out += textwrap.wrap(item, width, initial_indent="  - ", subsequent_indent="    ")
    return out


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _figure(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_figure(v)}" for k, v in value.items())
    return str(value)
