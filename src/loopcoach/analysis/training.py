"""`loopcoach analysis train`: fits the analyzer's models and writes them as JSON into the package.

Training needs scikit-learn and numpy (the `dev` extra); the analyzer itself
scores the JSON with pure Python. Reads every `*.jsonl` under the data
directory (LABELS.md format, one answer a line) and optional sentence-level
extras (`{"text", "role"}` lines) under a sibling `sentences/` directory.
Hyper-parameters are picked by cross-validation over answers, never by the
development set.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loopcoach.analysis import linear
from loopcoach.analysis.principles import (
    SLUGS,
    asked_bonus,
    deeds_text,
    question_features,
    story_features,
)
from loopcoach.analysis.roles import ROLES, role_probabilities, sentence_features, viterbi
from loopcoach.analysis.scoring import spearman

DEFAULT_OUT = Path(__file__).resolve().parent / "models"
FOLDS = 5
PRUNE_BELOW = 0.01  # weights this small change no decision and only slow down loading
SEED = 13


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
                r = json.loads(line)
                answers.append(
                    Answer(
                        id=r.get("id", f"{path.stem}-{n}"),
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
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a labelled answer ({exc})") from exc
    return answers


_WHERE = {"first": (0, 8), "middle": (3, 8), "last": (7, 8)}


def load_extra_sentences(data_dir: Path) -> list[tuple[str, str, int, int]]:
    """Single labelled sentences: (text, role, index,
    count); `where` says where in an answer it sits."""
    extra_dir = data_dir.parent / "sentences"
    rows = []
    for path in sorted(extra_dir.glob("*.jsonl")) if extra_dir.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                index, count = _WHERE[r.get("where", "middle")]
                rows.append((r["text"], r["role"], index, count))
    return rows


def _extra_rows(extra: list[tuple[str, str, int, int]]) -> tuple[list[dict[str, float]], list[str]]:
    from loopcoach.analysis.metrics import find_metrics

    return (
        [sentence_features(t, i, n, bool(find_metrics(t))) for t, _, i, n in extra],
        [r for _, r, _, _ in extra],
    )


_quick = False  # set only inside train(quick=True): one fold instead of FOLDS, for tests


def folds(items: list[Any], k: int | None = None) -> list[tuple[list[int], list[int]]]:
    """Train/test index splits over answers; with a quick run, just the first split."""
    idx = list(range(len(items)))
    random.Random(SEED).shuffle(idx)
    k = max(2, min(k or FOLDS, len(items)))
    parts = [idx[i::k] for i in range(k)]
    splits = [
        ([j for p in parts[:i] + parts[i + 1 :] for j in p], part) for i, part in enumerate(parts)
    ]
    return splits[:1] if _quick else splits


# ---- generic sklearn helpers (imported lazily so the analyzer never needs sklearn) -------------


def fit_logistic(
    rows: list[dict[str, float]],
    labels: list[str],
    c: float,
    balanced: bool,
    weights: list[float] | None = None,
    min_count: int = 2,
) -> linear.LinearModel:
    """Multinomial logistic regression; features seen in fewer than `min_count` rows are dropped."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = _frequent_only(rows, min_count)
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced" if balanced else None)
    clf.fit(x, labels, sample_weight=weights)
    return _export(vec.get_feature_names_out(), clf.classes_, clf.coef_, clf.intercept_)


def _frequent_only(rows: list[dict[str, float]], min_count: int) -> list[dict[str, float]]:
    if min_count <= 1:
        return rows
    seen: dict[str, int] = {}
    for r in rows:
        for k in r:
            seen[k] = seen.get(k, 0) + 1
    return [{k: v for k, v in r.items() if seen[k] >= min_count} for r in rows]


def _export(names: list[str], classes: Any, coef: Any, intercept: Any) -> linear.LinearModel:
    classes = [str(c) for c in classes]
    if len(classes) == 2:  # sklearn keeps one row for two classes; expand to one row per class
        coef = [-coef[0] / 2, coef[0] / 2]
        intercept = [-intercept[0] / 2, intercept[0] / 2]
    weights = {}
    for j, name in enumerate(names):
        row = [float(coef[k][j]) for k in range(len(classes))]
        if max(abs(w) for w in row) >= PRUNE_BELOW:
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


# ---- sentence roles ------------------------------------------------------------------------------


def _role_rows(answers: list[Answer]) -> tuple[list[dict[str, float]], list[str]]:
    from loopcoach.analysis.metrics import find_metrics

    rows, labels = [], []
    for a in answers:
        n = len(a.sentences)
        for i, (s, r) in enumerate(zip(a.sentences, a.roles, strict=True)):
            rows.append(sentence_features(s, i, n, bool(find_metrics(s))))
            labels.append(r)
    return rows, labels


def _transitions(answers: list[Answer]) -> tuple[list[list[float]], list[float]]:
    k = len(ROLES)
    counts = [[1.0] * k for _ in range(k)]
    start = [1.0] * k
    for a in answers:
        start[ROLES.index(a.roles[0])] += 1
        for x, y in zip(a.roles, a.roles[1:], strict=False):
            counts[ROLES.index(x)][ROLES.index(y)] += 1
    # log P(next | prev) relative to log P(next): what order adds beyond how common a role is.
    col = [sum(counts[i][j] for i in range(k)) for j in range(k)]
    total = sum(col)
    trans = [
        [
            round(math.log(counts[i][j] / sum(counts[i])) - math.log(col[j] / total), 4)
            for j in range(k)
        ]
        for i in range(k)
    ]
    start_total = sum(start)
    start_lp = [
        round(math.log(start[j] / start_total) - math.log(col[j] / total), 4) for j in range(k)
    ]
    return trans, start_lp


def _with_order(
    model: linear.LinearModel, answers: list[Answer], weight: float
) -> linear.LinearModel:
    trans, start = _transitions(answers)
    # Reorder to the model's class order.
    order = [ROLES.index(c) for c in model.classes]
    trans = [[trans[i][j] for j in order] for i in order]
    start = [start[j] for j in order]
    extra = {"transitions": trans, "start": start, "transition_weight": weight}
    return linear.LinearModel(model.classes, model.bias, model.weights, extra)


def _macro_f1(pairs: list[tuple[str, str]]) -> float:
    f1s = []
    for lab in ROLES:
        tp = sum(g == lab and p == lab for g, p in pairs)
        fp = sum(g != lab and p == lab for g, p in pairs)
        fn = sum(g == lab and p != lab for g, p in pairs)
        if tp + fp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s) if f1s else 0.0


def _predict_roles(model: linear.LinearModel, a: Answer) -> list[str]:
    from loopcoach.analysis.metrics import find_metrics

    flags = [bool(find_metrics(s)) for s in a.sentences]
    return viterbi(role_probabilities(a.sentences, flags, model), model)


def train_roles(
    answers: list[Answer],
    extra: list[tuple[str, str, int, int]],
    log: Callable[[str], None],
    quick: bool = False,
) -> dict[str, Any]:
    grid_c, grid_w = ([2.0], [0.3]) if quick else ([1.0, 2.0, 4.0], [0.0, 0.3, 0.6])
    results = {}
    for c in grid_c:
        for balanced in (True,):
            pairs_by_w: dict[float, list[tuple[str, str]]] = {w: [] for w in grid_w}
            for train_idx, test_idx in folds(answers):
                train = [answers[i] for i in train_idx]
                rows, labels = _role_rows(train)
                extra_x, extra_y = _extra_rows(extra)
                rows += extra_x
                labels += extra_y
                base = fit_logistic(rows, labels, c, balanced)
                for w in grid_w:
                    model = _with_order(base, train, w)
                    for i in test_idx:
                        pairs_by_w[w] += list(
                            zip(answers[i].roles, _predict_roles(model, answers[i]), strict=True)
                        )
            for w in grid_w:
                results[(c, balanced, w)] = _macro_f1(pairs_by_w[w])
    (c, balanced, w), best = max(results.items(), key=lambda kv: kv[1])
    log(
        f"roles: cross-validated macro-F1 {best:.3f} (C={c}, balanced={balanced}, order weight={w})"
    )
    rows, labels = _role_rows(answers)
    extra_x, extra_y = _extra_rows(extra)
    rows += extra_x
    labels += extra_y
    model = _with_order(fit_logistic(rows, labels, c, balanced), answers, w)
    return model_json(model, cv_macro_f1=round(best, 4), c=c, balanced=balanced)


# ---- principles ----------------------------------------------------------------------------------


@dataclass
class Question:
    question: str
    asked: str


def load_questions(data_dir: Path, answers: list[Answer]) -> list[Question]:
    """Questions labelled with the principle they ask about: from the answers, from
    `training/questions/*.jsonl`, and from the content packs' question banks when present."""
    out = [Question(a.question, a.asked) for a in answers if a.asked and a.question]
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


def train_question_model(
    questions: list[Question], log: Callable[[str], None], quick: bool = False
) -> dict[str, Any]:
    labelled = questions
    best_c, best_acc = 1.0, -1.0
    for c in [1.0] if quick else [0.5, 1.0, 4.0, 16.0]:
        hits = 0
        for tr, te in folds(labelled):
            m = fit_logistic(
                [question_features(labelled[i].question) for i in tr],
                [labelled[i].asked for i in tr],
                c,
                False,
            )
            for i in te:
                p = m.probabilities(question_features(labelled[i].question))
                hits += m.classes[max(range(len(p)), key=p.__getitem__)] == labelled[i].asked
        acc = hits / len(labelled)
        if acc > best_acc:
            best_c, best_acc = c, acc
    log(f"question → asked principle: cross-validated accuracy {best_acc:.3f} (C={best_c})")
    m = fit_logistic(
        [question_features(a.question) for a in labelled],
        [a.asked for a in labelled],
        best_c,
        False,
    )
    return model_json(m, cv_accuracy=round(best_acc, 4), c=best_c)


def _held_out_question_dists(
    answers: list[Answer], questions: list[Question], c: float
) -> dict[str, dict[str, float]]:
    """What the question model says about each answer's
    question when it has not seen that question."""
    out: dict[str, dict[str, float]] = {}
    for _train_idx, te in folds(answers):
        unseen = {answers[i].question for i in te}
        train_q = [q for q in questions if q.question not in unseen]
        m = fit_logistic(
            [question_features(q.question) for q in train_q], [q.asked for q in train_q], c, False
        )
        for i in te:
            if answers[i].question:
                out[answers[i].id] = dict(
                    zip(
                        m.classes,
                        m.probabilities(question_features(answers[i].question)),
                        strict=True,
                    )
                )
    return out


def _story_feats(a: Answer) -> dict[str, float]:
    # Labelled roles stand in for the role model's (about 0.9 accurate) at run time.
    return story_features(a.text, deeds_text(a.sentences, a.roles))


def _rank(
    probs: dict[str, float], asked: dict[str, float], bonus: float, shrink: float
) -> list[str]:
    raw = {s: math.log(max(p, 1e-9)) for s, p in probs.items()}
    for s in SLUGS:
        raw.setdefault(s, math.log(1e-9))
    for s, p in asked.items():
        raw[s] = raw.get(s, math.log(1e-9)) + asked_bonus(bonus, shrink, p, probs, s)
    return sorted(raw, key=lambda s: -raw[s])


# How the bonus for the asked principle is chosen: overall top-1 and top-3, plus top-1 on the
# answers whose story shows another principle than asked (which the bonus works against).
OFF_QUESTION_WEIGHT = 0.5


def train_story_model(
    answers: list[Answer],
    asked_of: Callable[[Answer], dict[str, float]],
    log: Callable[[str], None],
    quick: bool = False,
) -> dict[str, Any]:
    bonuses = [2.0] if quick else [0.0, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0]
    shrinks = [0.0] if quick else [0.0, 0.5, 1.0, 2.0, 3.0]
    feats = [_story_feats(a) for a in answers]
    off = [i for i, a in enumerate(answers) if a.asked and a.asked != a.principle]
    best: tuple[float, ...] = (-1.0, 1.0, 2.0, 0.0)
    for c in [4.0] if quick else [0.5, 1.0, 2.0, 4.0, 16.0]:
        probs: list[dict[str, float]] = [{} for _ in answers]
        for tr, te in folds(answers):
            m = _fit_story([answers[i] for i in tr], c, [feats[i] for i in tr])
            for i in te:
                probs[i] = dict(zip(m.classes, m.probabilities(feats[i]), strict=True))
        for b in bonuses:
            for g in shrinks:
                ranked = [_rank(probs[i], asked_of(a), b, g) for i, a in enumerate(answers)]
                top1 = sum(r[0] == a.principle for r, a in zip(ranked, answers, strict=True)) / len(
                    answers
                )
                top3 = sum(
                    a.principle in r[:3] for r, a in zip(ranked, answers, strict=True)
                ) / len(answers)
                off1 = sum(ranked[i][0] == answers[i].principle for i in off) / max(1, len(off))
                score = top1 + 0.5 * top3 + OFF_QUESTION_WEIGHT * off1
                if score > best[0]:
                    best = (score, c, b, g, top1, top3, off1)
                if g in (0.0, 1.0) and b in (0.0, 2.0, 3.0, 4.0):
                    log(
                        f"  story model C={c} bonus={b} shrink={g}: top-1 "
                        f"{top1:.3f} top-3 {top3:.3f} off-question top-1 {off1:.3f}"
                    )
    _, c, bonus, shrink, *figures = best
    top1, top3, off1 = figures if figures else (0.0, 0.0, 0.0)
    log(
        f"story → principle: C={c}, asked-principle bonus {bonus}, "
        f"shrink {shrink}: cross-validated top-1 {top1:.3f} top-3 "
        f"{top3:.3f}, off-question top-1 {off1:.3f} ({len(off)} answers)"
    )
    return model_json(
        _fit_story(answers, c),
        asked_bonus=bonus,
        bonus_shrink=shrink,
        c=c,
        cv_top1=round(top1, 4),
        cv_top3=round(top3, 4),
        cv_off_question_top1=round(off1, 4),
    )


ALSO_WEIGHT = 0.3


def _fit_story(
    answers: list[Answer], c: float, feats_of: list[dict[str, float]] | None = None
) -> linear.LinearModel:
    """The main principle counts fully; the other clear ones (`principles_also`) a little."""
    rows, labels, weights = [], [], []
    for n, a in enumerate(answers):
        feats = feats_of[n] if feats_of is not None else _story_feats(a)
        for slug, w in [(a.principle, 1.0)] + [(p, ALSO_WEIGHT) for p in a.also]:
            rows.append(feats)
            labels.append(slug)
            weights.append(w)
    return fit_logistic(rows, labels, c, True, weights=weights)


# ---- hypothetical, ownership, grade --------------------------------------------------------------


def train_hypothetical(answers: list[Answer], log: Callable[[str], None]) -> dict[str, Any]:
    from loopcoach.analysis.hypothetical import hypothetical_features

    rows = [hypothetical_features(a.sentences) for a in answers]
    labels = ["yes" if a.hypothetical else "no" for a in answers]
    if len(set(labels)) < 2:
        raise ValueError("the hypothetical model needs both hypothetical and real-event answers")
    hits = tested = 0
    for tr, te in folds(answers):
        if len({labels[i] for i in tr}) < 2:
            continue  # a fold without one of the classes says nothing
        m = fit_logistic([rows[i] for i in tr], [labels[i] for i in tr], 4.0, False, min_count=1)
        for i in te:
            hits += _binary(m, rows[i]) == (labels[i] == "yes")
            tested += 1
    log(f"hypothetical: cross-validated accuracy {hits / max(1, tested):.3f}")
    m = fit_logistic(rows, labels, 4.0, False, min_count=1)
    yes = m.classes.index("yes")
    weights = {k: [round(v[yes] - v[1 - yes], 5)] for k, v in m.weights.items()}
    return {
        "classes": ["yes"],
        "bias": [round(m.bias[yes] - m.bias[1 - yes], 5)],
        "weights": weights,
    }


def _binary(m: linear.LinearModel, row: dict[str, float]) -> bool:
    p = m.probabilities(row)
    return p[m.classes.index("yes")] >= 0.5


@contextmanager
def models_in_use(models: dict[str, dict[str, Any]]) -> Iterator[None]:
    """Make the analyzer score with freshly trained models (used only while training)."""
    original = linear.load_model
    built = {name: linear.LinearModel.from_dict(data) for name, data in models.items()}

    def patched(name: str) -> linear.LinearModel | None:
        return built[name] if name in built else original(name)

    import loopcoach.analysis.grading as grading_mod
    import loopcoach.analysis.hypothetical as hyp_mod
    import loopcoach.analysis.principles as principles_mod
    import loopcoach.analysis.pronouns as pronouns_mod
    import loopcoach.analysis.roles as roles_mod

    mods = [linear, grading_mod, hyp_mod, principles_mod, pronouns_mod, roles_mod]
    saved = [m.load_model for m in mods]
    for m in mods:
        m.load_model = patched  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for m, s in zip(mods, saved, strict=True):
            m.load_model = s  # type: ignore[attr-defined]


def out_of_fold_inputs(
    answers: list[Answer], fit_all: Callable[[list[Answer]], dict[str, dict[str, Any]]]
) -> tuple[list[dict[str, float]], list[tuple[list[str], list[str]]], list[Answer]]:
    """Grade inputs for each answer as the analyzer
    would compute them with models not trained on it."""
    from loopcoach.analysis import analyzer
    from loopcoach.analysis.grading import grade_features

    captured: dict[int, dict[str, float]] = {}
    owners: dict[int, tuple[list[str], list[str]]] = {}
    for tr, te in folds(answers):
        models = fit_all([answers[i] for i in tr])
        with models_in_use(models), _capture_grade_inputs() as seen:
            for i in te:
                a = answers[i]
                report = analyzer.analyze(a.text, question=a.question)
                captured[i] = grade_features(seen[-1])
                owners[i] = (
                    [s.text for s in report.sentences if s.role == "action"],
                    [s.text for s in report.sentences],
                )
    covered = sorted(captured)  # every answer, except in a quick run
    return (
        [captured[i] for i in covered],
        [owners[i] for i in covered],
        [answers[i] for i in covered],
    )


@contextmanager
def _capture_grade_inputs() -> Iterator[list[Any]]:
    import loopcoach.analysis.analyzer as analyzer_mod

    seen: list[Any] = []
    original = analyzer_mod.grade

    def spy(inputs):
        seen.append(inputs)
        return original(inputs)

    analyzer_mod.grade = spy
    try:
        yield seen
    finally:
        analyzer_mod.grade = original


def train_ownership(
    owners: list[tuple[list[str], list[str]]], answers: list[Answer], log: Callable[[str], None]
) -> dict[str, Any]:
    from loopcoach.analysis import pronouns

    best = (-1.0, 0.6, 0.35)
    for hi in [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]:
        for lo in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45]:
            if lo >= hi:
                continue
            hits = sum(
                pronouns.decide_ownership(act, allx, i_threshold=hi, we_threshold=lo) == a.ownership
                for (act, allx), a in zip(owners, answers, strict=True)
            )
            if hits / len(answers) > best[0]:
                best = (hits / len(answers), hi, lo)
    log(f"ownership: accuracy {best[0]:.3f} with I-share ≥ {best[1]} → i, ≤ {best[2]} → we")
    return {
        "classes": ["i"],
        "bias": [0.0],
        "weights": {},
        "i_threshold": best[1],
        "we_threshold": best[2],
    }


def train_grade(
    rows: list[dict[str, float]], answers: list[Answer], log: Callable[[str], None]
) -> dict[str, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import Ridge

    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    y = [a.grade for a in answers]
    best: tuple[float, float, Any] | None = None
    for alpha in [0.3, 1.0, 3.0, 10.0]:
        preds = [0.0] * len(answers)
        for tr, te in folds(answers):
            reg = Ridge(alpha=alpha).fit(x[tr], [y[i] for i in tr])
            for i, p in zip(te, reg.predict(x[te]), strict=True):
                preds[i] = float(p)
        cuts = _best_cuts(preds, y)
        score = _grade_score(preds, y, cuts)
        if best is None or score > best[0]:
            best = (score, alpha, cuts)
    assert best is not None  # the loop above ran at least once
    score, alpha, cuts = best
    log(f"grade: cross-validated score {score:.3f} (ridge alpha={alpha}, thresholds {cuts})")
    reg = Ridge(alpha=alpha).fit(x, y)
    names = list(vec.get_feature_names_out())
    means = {n: round(float(v), 5) for n, v in zip(names, x.mean(axis=0).A1, strict=True)}
    return {
        "classes": ["grade"],
        "bias": [round(float(reg.intercept_), 5)],
        "weights": {n: [round(float(w), 5)] for n, w in zip(names, reg.coef_, strict=True)},
        "thresholds": cuts,
        "feature_means": means,
    }


def _best_cuts(preds: list[float], y: list[int]) -> list[float]:
    cuts = [1.5, 2.5, 3.5]
    for _ in range(3):  # coordinate ascent over the three thresholds
        for k in range(3):
            lo = cuts[k - 1] + 0.05 if k else 0.5
            hi = cuts[k + 1] - 0.05 if k < 2 else 4.5
            candidates = [lo + (hi - lo) * t / 40 for t in range(41)]
            cuts[k] = max(
                candidates, key=lambda c: _grade_score(preds, y, cuts[:k] + [c] + cuts[k + 1 :])
            )
    return [round(c, 3) for c in cuts]


def _grade_score(preds: list[float], y: list[int], cuts: list[float]) -> float:
    g = [1 + sum(p >= c for c in cuts) for p in preds]
    within = sum(abs(a - b) <= 1 for a, b in zip(g, y, strict=True)) / len(y)
    exact = sum(a == b for a, b in zip(g, y, strict=True)) / len(y)
    return within + 0.5 * exact + spearman(g, y)


# ---- the whole run -------------------------------------------------------------------------------


def train(
    data_dir: Path,
    out_dir: Path = DEFAULT_OUT,
    log: Callable[[str], None] = print,
    quick: bool = False,
) -> dict[str, Path]:
    """Train every model from the answers in `data_dir`; write `<name>.json` files into `out_dir`.

    `quick` skips the hyper-parameter search (used by the tests on a tiny corpus)."""
    from threadpoolctl import threadpool_limits

    # The models are small; BLAS threads only fight each other (and other processes) here.
    global _quick
    _quick = quick
    try:
        with threadpool_limits(limits=1):
            return _train(data_dir, out_dir, log, quick)
    finally:
        _quick = False


def _train(
    data_dir: Path, out_dir: Path, log: Callable[[str], None], quick: bool
) -> dict[str, Path]:
    answers = load_answers(data_dir)
    if len(answers) < 10:
        raise ValueError(f"{data_dir}: need at least 10 labelled answers, found {len(answers)}")
    extra = load_extra_sentences(data_dir)
    log(
        f"training on {len(answers)} answers, {sum(len(a.sentences) for a in answers)} sentences"
        f" (+{len(extra)} extra sentences) from {data_dir}"
    )
    models: dict[str, dict[str, Any]] = {}
    models["roles"] = train_roles(answers, extra, log, quick)
    questions = load_questions(data_dir, answers)
    log(f"{len(questions)} labelled questions for the asked-principle model")
    models["question_principle"] = train_question_model(questions, log, quick)
    held_out = _held_out_question_dists(answers, questions, models["question_principle"]["c"])

    def asked_of(a: Answer) -> dict[str, float]:
        return held_out.get(a.id, {})

    models["story_principle"] = train_story_model(answers, asked_of, log, quick)
    models["hypothetical"] = train_hypothetical(answers, log)

    def fit_all(subset: list[Answer]) -> dict[str, dict[str, Any]]:
        quiet = lambda _msg: None  # noqa: E731
        sub = {
            "roles": _fit_roles_fixed(subset, extra, models["roles"]),
            "question_principle": models["question_principle"],
            "story_principle": _fit_story_fixed(subset, models["story_principle"]),
            "hypothetical": _hypothetical_or(subset, models["hypothetical"], quiet),
        }
        return sub

    rows, owners, covered = out_of_fold_inputs(answers, fit_all)
    models["ownership"] = train_ownership(owners, covered, log)
    models["grade"] = train_grade(rows, covered, log)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, data in models.items():
        path = out_dir / f"{name}.json"
        path.write_text(
            json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8"
        )
        written[name] = path
    log(f"wrote {len(written)} models to {out_dir}")
    return written


def _hypothetical_or(
    subset: list[Answer], fallback: dict[str, Any], log: Callable[[str], None]
) -> dict[str, Any]:
    try:
        return train_hypothetical(subset, log)
    except ValueError:
        return fallback


def _fit_roles_fixed(
    subset: list[Answer], extra: list[tuple[str, str, int, int]], chosen: dict[str, Any]
) -> dict[str, Any]:
    rows, labels = _role_rows(subset)
    extra_x, extra_y = _extra_rows(extra)
    rows += extra_x
    labels += extra_y
    c, balanced = chosen.get("c", 1.0), chosen.get("balanced", True)
    model = _with_order(
        fit_logistic(rows, labels, c, balanced), subset, chosen["transition_weight"]
    )
    return model_json(model)


def _fit_story_fixed(subset: list[Answer], chosen: dict[str, Any]) -> dict[str, Any]:
    return model_json(
        _fit_story(subset, chosen.get("c", 4.0)),
        asked_bonus=chosen["asked_bonus"],
        bonus_shrink=chosen.get("bonus_shrink", 0.0),
    )
