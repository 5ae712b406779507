"""What training reads and the plumbing every model's training shares.

Labelled answers and questions (LABELS.md format), the cross-validation
splits (by file, so that a figure says how the analyzer does on an author it
has not seen) and the scikit-learn fit exported to the JSON the analyzer
scores in pure Python. Needs scikit-learn only inside the fit functions.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loopcoach.analysis import linear
from loopcoach.analysis.principles import SLUGS

FOLDS = 5
PRUNE_BELOW = 0.01  # weights this small change no decision and only slow down loading
SEED = 13


@dataclass(frozen=True)
class Plan:
    """How thoroughly to train: the full search, or one fold and one setting (for the tests)."""

    folds: int = FOLDS
    quick: bool = False


@dataclass
class Answer:
    id: str
    question: str
    asked: str | None
    sentences: list[str]
    roles: list[str]
    principle: str
    also: list[str]
    hypothetical: bool
    ownership: str
    grade: int
    metrics: list[str]
    source: str = ""  # the file it came from: one author, one fold group
    answers_question: bool = True

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def load_answers(data_dir: Path) -> list[Answer]:
    answers = []
    for path in sorted(data_dir.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                answers.append(_answer(json.loads(line), path.stem, n))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a labelled answer ({exc})") from exc
    return answers


def _answer(r: dict[str, Any], source: str, n: int) -> Answer:
    return Answer(
        id=r.get("id", f"{source}-{n}"),
        question=r.get("question", ""),
        asked=r.get("asked_principle"),
        sentences=[s["text"] for s in r["sentences"]],
        roles=[s["role"] for s in r["sentences"]],
        principle=r["principle"],
        also=[p for p in r.get("principles_also", []) if p != r["principle"]],
        hypothetical=bool(r["hypothetical"]),
        ownership=r["ownership"],
        grade=int(r["grade"]),
        metrics=list(r.get("metrics", [])),
        source=source,
        answers_question=r.get("answers_question", True) is not False,
    )


_WHERE = {"first": (0, 8), "middle": (3, 8), "last": (7, 8)}


def load_extra_sentences(data_dir: Path) -> list[tuple[str, str, int, int]]:
    """Single labelled sentences: (text, role, index, count).

    `where` in the file says where in an answer the sentence sits.
    """
    extra_dir = data_dir.parent / "sentences"
    rows = []
    for path in sorted(extra_dir.glob("*.jsonl")) if extra_dir.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                index, count = _WHERE[r.get("where", "middle")]
                rows.append((r["text"], r["role"], index, count))
    return rows


@dataclass
class Question:
    question: str
    asked: str
    answers: list[str] = field(default_factory=list)  # ids of the answers given to it


def load_questions(data_dir: Path, answers: list[Answer]) -> list[Question]:
    """Questions labelled with the principle they ask about: from the answers, from
    `training/questions/*.jsonl`, and from the content packs' question banks when present.
    A question listed with several principles (a generic one) is one row per principle."""
    out = [Question(a.question, a.asked, [a.id]) for a in answers if a.asked and a.question]
    qdir = data_dir.parent / "questions"
    for path in sorted(qdir.glob("*.jsonl")) if qdir.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out.append(Question(r["question"], r["principle"]))
    out += _content_pack_questions()
    return [q for q in out if q.asked in SLUGS]


def _content_pack_questions() -> list[Question]:
    packs = Path(__file__).resolve().parents[1] / "content" / "packs"
    out: list[Question] = []
    try:
        import yaml
    except ImportError:
        return out
    for path in sorted(packs.glob("**/questions.yaml")) if packs.is_dir() else []:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            continue
        for q in data.get("questions", []) if isinstance(data, dict) else []:
            if isinstance(q, dict) and q.get("category") == "behavioral":
                for slug in q.get("principles") or []:
                    out.append(Question(str(q.get("text", "")), slug))
    return [q for q in out if q.question]


Split = tuple[list[int], list[int]]


def folds(n: int, plan: Plan, groups: list[str] | None = None) -> list[Split]:
    """Train/test index splits over `n` items.

    With `groups` (the file each answer came from) and at least three of them, one split per
    group: every figure is then measured on an author the models have not seen. Otherwise
    `plan.folds` shuffled parts. A quick plan keeps only the first split.
    """
    idx = list(range(n))
    if groups is not None and len(set(groups)) >= 3:
        names = sorted(set(groups))
        parts = [[i for i in idx if groups[i] == g] for g in names]
    else:
        random.Random(SEED).shuffle(idx)
        k = max(2, min(plan.folds, n))
        parts = [idx[i::k] for i in range(k)]
    splits = [
        ([j for p in parts[:i] + parts[i + 1 :] for j in p], part) for i, part in enumerate(parts)
    ]
    return splits[:1] if plan.quick else splits


def fit_logistic(
    rows: list[dict[str, float]],
    labels: list[str],
    c: float,
    balanced: bool,
    weights: list[float] | None = None,
    min_count: int = 2,
    prune: float = PRUNE_BELOW,
    tol: float = 1e-4,
    relative_prune: float = 0.0,
) -> linear.LinearModel:
    """Multinomial logistic regression; features seen in fewer than `min_count` rows are dropped.

    A looser `tol` stops the optimiser earlier: for the wide text models that is 5x faster and
    no less accurate in cross-validation. Weights below `prune`, or below `relative_prune` times
    the largest weight, are dropped: they change few decisions and cost loading and scoring
    time (the cross-validated figures are those of the pruned models)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = _frequent_only(rows, min_count)
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    clf = LogisticRegression(
        C=c, max_iter=3000, tol=tol, class_weight="balanced" if balanced else None
    )
    clf.fit(x, labels, sample_weight=weights)
    threshold = max(prune, relative_prune * float(abs(clf.coef_).max()))
    return _export(vec.get_feature_names_out(), clf.classes_, clf.coef_, clf.intercept_, threshold)


def _frequent_only(rows: list[dict[str, float]], min_count: int) -> list[dict[str, float]]:
    if min_count <= 1:
        return rows
    seen: dict[str, int] = {}
    for r in rows:
        for k in r:
            seen[k] = seen.get(k, 0) + 1
    return [{k: v for k, v in r.items() if seen[k] >= min_count} for r in rows]


def _export(
    names: Any, classes: Any, coef: Any, intercept: Any, prune: float
) -> linear.LinearModel:
    classes = [str(c) for c in classes]
    if len(classes) == 2:  # sklearn keeps one row for two classes; expand to one row per class
        coef = [-coef[0] / 2, coef[0] / 2]
        intercept = [-intercept[0] / 2, intercept[0] / 2]
    weights = {}
    for j, name in enumerate(names):
        row = [float(coef[k][j]) for k in range(len(classes))]
        if max(abs(w) for w in row) >= prune:
            weights[str(name)] = [round(w, 4) for w in row]
    return linear.LinearModel(
        tuple(classes), tuple(round(float(b), 5) for b in intercept), weights, {}
    )


def model_json(model: linear.LinearModel, **extra: Any) -> dict[str, Any]:
    return {
        "classes": list(model.classes),
        "bias": list(model.bias),
        "weights": model.weights,
        **model.extra,
        **extra,
    }
