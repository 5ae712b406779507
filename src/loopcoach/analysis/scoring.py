"""Scores the analyzer against labelled answers, exactly as the project's evaluate.py does.

The scoring logic is copied from `analysis/evaluate.py` (shared with the
project's labels) so that `loopcoach analysis evaluate` needs no file outside
the package and gives the same figures.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROLES = ["situation", "task", "action", "result", "other"]


def spans_of(sentences: list[dict[str, Any]]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s in sentences:
        out.append((pos, pos + len(s["text"])))
        pos += len(s["text"]) + 1
    return out


def find_spans(text: str, needles: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for n in needles:
        i = text.find(n, pos)
        if i < 0:
            i = text.find(n)
        out.append((i, i + len(n)))
        pos = max(pos, i + len(n)) if i >= 0 else pos
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def macro_f1(pairs: list[tuple[str, str]], labels: list[str]) -> float:
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        if tp + fp + fn == 0:
            continue
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s)


def _ranks(v: list[int]) -> list[float]:
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(v):
        j = i
        while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(xs: list[int], ys: list[int]) -> float:
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = statistics.mean(rx), statistics.mean(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    den = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return num / den if den else 0.0


def qwk(gold: list[int], pred: list[int], k: int = 4) -> float:
    n = len(gold)
    o = [[0] * k for _ in range(k)]
    for g, p in zip(gold, pred, strict=True):
        o[g - 1][p - 1] += 1
    hg = [sum(o[i]) for i in range(k)]
    hp = [sum(o[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            w = (i - j) ** 2 / (k - 1) ** 2
            num += w * o[i][j]
            den += w * hg[i] * hp[j] / n
    return 1 - num / den if den else 0.0


def as_dict(report: Any) -> dict[str, Any]:
    return report if isinstance(report, dict) else report.to_dict()


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def evaluate(rows: list[dict[str, Any]], analyze: Callable[..., Any]) -> dict[str, float]:
    role_pairs: list[tuple[str, str]] = []
    star_hits = star_total = top1 = top3 = mism_n = mism_hit = 0
    m_tp_p = m_pred = m_tp_g = m_gold = 0
    hyp_pairs, own_pairs, grades, times = [], [], [], []
    for r in rows:
        text = " ".join(s["text"] for s in r["sentences"])
        t0 = time.perf_counter()
        rep = as_dict(analyze(text, question=r["question"]))
        times.append(time.perf_counter() - t0)
        pred_sents = rep.get("sentences", [])
        for (a, b), s in zip(spans_of(r["sentences"]), r["sentences"], strict=True):
            best, role = 0, "other"
            for ps in pred_sents:
                o = overlap((a, b), (ps["start"], ps["end"]))
                if o > best:
                    best, role = o, ps.get("role", "other")
            role_pairs.append((s["role"], role))
        gold_roles = {s["role"] for s in r["sentences"]}
        star = rep.get("star", {})
        for comp in ["situation", "task", "action", "result"]:
            star_total += 1
            star_hits += (comp in gold_roles) == bool(star.get(comp))
        ranked = [p["slug"] for p in rep.get("principles", [])]
        top1 += bool(ranked) and ranked[0] == r["principle"]
        top3 += r["principle"] in ranked[:3]
        if r.get("asked_principle") and r["asked_principle"] != r["principle"]:
            mism_n += 1
            mism_hit += bool(ranked) and ranked[0] == r["principle"]
        gold_m = find_spans(text, r["metrics"])
        pred_m = [(m["start"], m["end"]) for m in rep.get("metrics", [])]
        m_pred += len(pred_m)
        m_gold += len(gold_m)
        m_tp_p += sum(1 for p in pred_m if any(overlap(p, g) for g in gold_m))
        m_tp_g += sum(1 for g in gold_m if any(overlap(p, g) for p in pred_m))
        hyp_pairs.append((r["hypothetical"], bool(rep.get("hypothetical"))))
        own_pairs.append((r["ownership"], rep.get("ownership")))
        grades.append((r["grade"], int(rep.get("grade", 0) or 0)))
    n = len(rows)
    prec = m_tp_p / m_pred if m_pred else 0.0
    rec = m_tp_g / m_gold if m_gold else 0.0
    g, p = [a for a, _ in grades], [max(1, min(4, b)) for _, b in grades]
    times_ms = sorted(t * 1000 for t in times)
    return {
        "answers": n,
        "role_accuracy": sum(a == b for a, b in role_pairs) / len(role_pairs),
        "role_macro_f1": macro_f1(role_pairs, ROLES),
        "star_presence_accuracy": star_hits / star_total,
        "principle_top1": top1 / n,
        "principle_top3": top3 / n,
        "principle_top1_off_question": mism_hit / mism_n if mism_n else 0.0,
        "metric_precision": prec,
        "metric_recall": rec,
        "metric_f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "hypothetical_accuracy": sum(a == b for a, b in hyp_pairs) / n,
        "ownership_accuracy": sum(a == b for a, b in own_pairs) / n,
        "grade_exact": sum(a == b for a, b in zip(g, p, strict=True)) / n,
        "grade_within1": sum(abs(a - b) <= 1 for a, b in zip(g, p, strict=True)) / n,
        "grade_spearman": spearman(g, p),
        "grade_qwk": qwk(g, p),
        "latency_ms_median": statistics.median(times_ms),
        "latency_ms_p95": times_ms[int(0.95 * (len(times_ms) - 1))],
    }
