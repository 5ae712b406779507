"""Measures analyze_design and review_narrative against the labelled sets in training/.

`evaluate_design(rows)` and `evaluate_narratives(rows)` take parsed JSON lines
(docs/design-labels.md) and return figures: rubric-item F1 (micro over
answer × item), estimate-error recall and false alarms, grade Spearman; for
narratives, issue F1 per kind and grade Spearman. `split` picks `tune` or
`test` rows, so the figures that are reported come from rows never tuned on.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from loopcoach.analysis.design.analyzer import analyze_design
from loopcoach.analysis.design.rubric import ITEMS
from loopcoach.analysis.scoring import spearman

DESIGN_SET = Path("training/design/answers.jsonl")
NARRATIVE_SET = Path("training/narratives/narratives.jsonl")


def load_rows(path: Path, split: str | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split in (None, "all") or r.get("split") == split]


def evaluate_design(rows: list[dict[str, Any]]) -> dict[str, Any]:
    tp = fp = fn = 0
    per_item = {item: [0, 0, 0] for item in ITEMS}
    seeded = found = false_alarms = 0
    gold_grades, grades = [], []
    mistakes: list[str] = []
    started = time.perf_counter()
    for row in rows:
        report = analyze_design(row["answer"], question=row["question"])
        predicted = set(report.covered)
        gold = set(row["rubric"])
        for item in ITEMS:
            counts = per_item[item]
            if item in predicted and item in gold:
                tp, counts[0] = tp + 1, counts[0] + 1
            elif item in predicted:
                fp, counts[1] = fp + 1, counts[1] + 1
                mistakes.append(f"{row['id']}: {item} found but not labelled")
            elif item in gold:
                fn, counts[2] = fn + 1, counts[2] + 1
                mistakes.append(f"{row['id']}: {item} labelled but not found")
        spans = [(e.span.start, e.span.end) for e in report.estimate_errors]
        gold_spans = [_locate(row["answer"], e["text"]) for e in row["estimate_errors"]]
        seeded += len(gold_spans)
        found += sum(1 for g in gold_spans if any(_overlaps(g, s) for s in spans))
        alarms = [s for s in spans if not any(_overlaps(g, s) for g in gold_spans)]
        false_alarms += len(alarms)
        mistakes.extend(f"{row['id']}: false alarm {row['answer'][a:b]!r}" for a, b in alarms)
        gold_grades.append(int(row["grade"]))
        grades.append(report.grade)
        if report.grade != row["grade"]:
            mistakes.append(f"{row['id']}: grade {report.grade}, labelled {row['grade']}")
    elapsed = time.perf_counter() - started
    return {
        "answers": len(rows),
        "questions": len({r["question_key"] for r in rows}),
        "rubric_f1": _f1(tp, fp, fn),
        "rubric_f1_per_item": {item: round(_f1(*c), 3) for item, c in per_item.items()},
        "estimate_errors_seeded": seeded,
        "estimate_errors_found": found,
        "estimate_false_alarms": false_alarms,
        "grade_spearman": spearman(gold_grades, grades) if len(rows) > 1 else 0.0,
        "grade_exact": _share(gold_grades, grades, 0),
        "grade_within_one": _share(gold_grades, grades, 1),
        "ms_per_answer": 1000 * elapsed / max(1, len(rows)),
        "mistakes": mistakes,
    }


def evaluate_narratives(rows: list[dict[str, Any]]) -> dict[str, Any]:
    from loopcoach.analysis.narrative import ISSUE_KINDS, review_narrative

    counts = {kind: [0, 0, 0] for kind in ISSUE_KINDS}
    gold_grades, grades = [], []
    mistakes: list[str] = []
    started = time.perf_counter()
    for row in rows:
        report = review_narrative(row["text"])
        gold = [(i["kind"], _gold_place(row["text"], i)) for i in row["issues"]]
        got = [(i.kind, _got_place(i)) for i in report.issues]
        used: set[int] = set()
        for kind, place in got:
            match = next(
                (
                    n
                    for n, (k, g) in enumerate(gold)
                    if n not in used and k == kind and _same_place(g, place)
                ),
                None,
            )
            if match is None:
                counts[kind][1] += 1
                mistakes.append(f"{row['id']}: {kind} found, not labelled: {_text(row, place)!r}")
            else:
                used.add(match)
                counts[kind][0] += 1
        for n, (kind, span) in enumerate(gold):
            if n not in used:
                counts[kind][2] += 1
                mistakes.append(f"{row['id']}: {kind} labelled, not found: {_text(row, span)!r}")
        gold_grades.append(int(row["grade"]))
        grades.append(report.grade)
        if report.grade != row["grade"]:
            mistakes.append(f"{row['id']}: grade {report.grade}, labelled {row['grade']}")
    elapsed = time.perf_counter() - started
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        "narratives": len(rows),
        "issue_f1": _f1(*total),
        "issue_f1_per_kind": {k: round(_f1(*c), 3) for k, c in counts.items() if any(c)},
        "grade_spearman": spearman(gold_grades, grades) if len(rows) > 1 else 0.0,
        "grade_exact": _share(gold_grades, grades, 0),
        "grade_within_one": _share(gold_grades, grades, 1),
        "ms_per_narrative": 1000 * elapsed / max(1, len(rows)),
        "mistakes": mistakes,
    }


def _locate(text: str, needle: str) -> tuple[int, int]:
    if not needle:
        return (0, 0)
    i = text.find(needle)
    return (i, i + len(needle)) if i >= 0 else (-1, -1)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _gold_place(text: str, issue: dict[str, Any]) -> tuple[int, int] | str:
    """Where a labelled issue is: its span, or for a missing section the section's name."""
    if issue["kind"] == "missing_section":
        return issue["section"]
    if "start" in issue:
        return (issue["start"], issue["end"])
    return _locate(text, issue["text"])


def _got_place(issue: Any) -> tuple[int, int] | str:
    return issue.section if issue.kind == "missing_section" else (issue.start, issue.end)


def _same_place(gold: tuple[int, int] | str, got: tuple[int, int] | str) -> bool:
    if isinstance(gold, str) or isinstance(got, str):
        return gold == got
    return _overlaps(gold, got)


def _text(row: dict[str, Any], place: tuple[int, int] | str) -> str:
    return place if isinstance(place, str) else row["text"][place[0] : place[1]][:80]


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 0.0 if fp or fn else 1.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def _share(gold: list[int], got: list[int], within: int) -> float:
    return sum(abs(a - b) <= within for a, b in zip(gold, got, strict=True)) / max(1, len(gold))
