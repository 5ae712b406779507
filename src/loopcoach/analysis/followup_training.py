"""Training for relevance, follow-up intents and follow-up answers (`loopcoach analysis train`).

Like `training.py`, it needs scikit-learn (the `dev` extra) and writes JSON that
the analyzer scores in pure Python:

- `relevance.json` — does a story answer its question (`relevance.py`), from the
  answers under `training/answers/` (`answers_question`, missing = true), the
  hand-chosen pairs of `training/relevance/` (a training story told for another
  question) plus cheap negatives: a story paired with another training question that asks for
  a different situation and a different principle. The threshold is chosen on
  out-of-fold probabilities of the real pairs so that false alarms stay under
  `MAX_FALSE_ALARMS`.
- `follow_up_intent.json` — what a follow-up probes (`intents.py`), from
  `training/followups/intents*.jsonl` and the follow-ups of `followups*.jsonl`.
- `follow_up_answer.json` — `direct`, `specific` and the grade of a follow-up
  answer (`followup.py`), from `training/followups/followups*.jsonl`, with the
  intent probabilities the answer model sees computed out of fold.

Every figure it logs is cross-validated; the development sets are never read.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from loopcoach.analysis import intents, premises, relevance, situations
from loopcoach.analysis.contradiction import find_contradiction
from loopcoach.analysis.followup import Reading, answer_features, banded_grade
from loopcoach.analysis.linear import LinearModel, load_model
from loopcoach.analysis.metrics import find_metrics
from loopcoach.analysis.principles import SLUGS, Vocabulary, deeds_text, story_features
from loopcoach.analysis.scoring import spearman
from loopcoach.analysis.sentences import split_sentences

DEFAULT_OUT = Path(__file__).resolve().parent / "models"
FOLDS = 5
SEED = 17
MAX_FALSE_ALARMS = 0.04  # the bar is 5%; keep a margin for unseen questions
# A reading decides a verdict on its own (`relevance.decisive_readings`) only when it is this
# often right on the labelled pairs (smoothed: one right and one wrong added), and has fired
# often enough to say so.
READING_MIN_PRECISION = 0.85
READING_MIN_FIRES = 6
SYNTHETIC_WEIGHT = 0.5  # a paired-up negative is less certain than a labelled one
SYNTHETIC_WEIGHTS = (0.1, 0.3, 0.5, 1.0)  # tried by cross-validation
SYNTHETIC_SHARE = 1.0  # how many stories also get a mismatched question
STORY_C = 4.0
MIN_GROUPS = 3  # files needed to cross-validate by file
GRADE_FEATURES = frozenset(
    {
        "specifics",
        "any_specific",
        "specific_count",
        "specific_kinds",
        "metrics",
        "any_metric",
        "vague_rate",
        "praise_rate",
        "hypothetical",
        "we_dominates",
        "story_repeat",
        "new_metrics",
        "repeated_metrics",
        "contradiction",
    }
)
# A contradiction reading caps the grade at 1 only where it is right this often on the labelled
# answers (right = the answer is labelled 1), and has fired often enough to say so.
CONTRADICTION_MIN_PRECISION = 0.9
CONTRADICTION_MIN_FIRES = 4


@dataclass
class Pair:
    story_id: str
    question: str
    asked: str | None
    sentences: list[str]
    roles: list[str]
    principle: str
    also: list[str]
    answers: bool
    synthetic: bool = False
    group: str = ""  # the file (author) the story comes from: cross-validation folds by it

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def train(
    data_dir: Path,
    out_dir: Path = DEFAULT_OUT,
    log: Callable[[str], None] = print,
    quick: bool = False,
) -> dict[str, Path]:
    """Train the three models from `data_dir` (training/answers) and its sibling `followups/`."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        pairs = load_pairs(data_dir)
        models = {"asks": fit_asks(pairs, {p.story_id for p in pairs}, log)}
        models["relevance"] = train_relevance(pairs, log, quick)
        fu_dir = data_dir.parent / "followups"
        questions = load_intent_questions(fu_dir)
        answers = load_follow_up_answers(fu_dir)
        if len(questions) >= 20:
            models["follow_up_intent"] = train_intents(questions, log, quick)
        if len(answers) >= 20:
            models["follow_up_answer"] = train_follow_up_answers(answers, questions, log, quick)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, data in models.items():
        path = out_dir / f"{name}.json"
        path.write_text(
            json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8"
        )
        written[name] = path
    log(f"wrote {', '.join(sorted(written))} to {out_dir}")
    return written


def _folds(n: int, k: int = FOLDS, quick: bool = False) -> list[tuple[list[int], list[int]]]:
    idx = list(range(n))
    random.Random(SEED).shuffle(idx)
    k = max(2, min(k, n))
    parts = [idx[i::k] for i in range(k)]
    splits = [
        ([j for p in parts[:i] + parts[i + 1 :] for j in p], part) for i, part in enumerate(parts)
    ]
    return splits[:1] if quick else splits


# ---- relevance -----------------------------------------------------------------------------------


def _group_folds(pairs: Sequence[Pair]) -> dict[str, int]:
    """Story → fold: one fold per training file (author), so no figure is measured on a
    story whose author, wording and question set the model has already seen."""
    groups = sorted({p.group for p in pairs})
    if len(groups) >= MIN_GROUPS:
        return {p.story_id: groups.index(p.group) for p in pairs}
    # Too few files to hold one out (a small corpus): folds by story.
    ids = sorted({p.story_id for p in pairs})
    return {ids[j]: k for k, (_tr, te) in enumerate(_folds(len(ids))) for j in te}


# Answer files whose stories the relevance and ask models do not read (one file name a line,
# `#` comments): `training/relevance/stories-not-trained.txt` says why.
NOT_TRAINED = "stories-not-trained.txt"


def load_pairs(data_dir: Path) -> list[Pair]:
    pairs = []
    skipped = _not_trained(data_dir.parent / "relevance" / NOT_TRAINED)
    for path in sorted(p for p in data_dir.glob("*.jsonl") if p.name not in skipped):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            r = json.loads(line)
            pairs.append(
                Pair(
                    story_id=r.get("id", f"{path.stem}-{n}"),
                    question=r.get("question", ""),
                    asked=r.get("asked_principle"),
                    sentences=[s["text"] for s in r["sentences"]],
                    roles=[s["role"] for s in r["sentences"]],
                    principle=r["principle"],
                    also=list(r.get("principles_also", [])),
                    answers=bool(r.get("answers_question", True)),
                    group=path.stem,
                )
            )
    pairs = [p for p in pairs if p.question]
    return pairs + load_labelled_pairs(data_dir.parent / "relevance", pairs)


def _not_trained(listing: Path) -> frozenset[str]:
    if not listing.is_file():
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in listing.read_text("utf-8").splitlines())
    return frozenset(line for line in lines if line)


def load_labelled_pairs(pairs_dir: Path, stories: Sequence[Pair]) -> list[Pair]:
    """Hand-chosen question/story pairs (`training/relevance/*.jsonl`): a training story told
    for another question, labelled whether it answers it. Each row names its story by id
    (`{"story", "question", "asked_principle", "answers_question"}`), so the story is not
    copied and the principle models see it once; the pair keeps the story's file, so it
    falls in the story's cross-validation fold."""
    by_id = {p.story_id: p for p in stories}
    out = []
    for r in _jsonl(sorted(pairs_dir.glob("*.jsonl"))):
        story = by_id.get(r["story"])
        if story is None:
            raise ValueError(f"{pairs_dir}: no training story with id {r['story']!r}")
        out.append(
            replace(
                story,
                question=r["question"],
                asked=r.get("asked_principle"),
                answers=bool(r["answers_question"]),
            )
        )
    return out


def synthetic_negatives(pairs: Sequence[Pair], rng: random.Random) -> list[Pair]:
    """A story with another story's question that names other situations and another principle.

    Both conditions must hold: a different principle alone is not enough (a disagreement can
    answer an earn-trust question, LABELS.md), and the situations come from the questions, so
    the label does not come from the evidence the model is trained to read."""
    questions = sorted({(p.question, p.asked) for p in pairs if p.asked})
    out = []
    for p in pairs:
        if not p.answers or rng.random() > SYNTHETIC_SHARE:
            continue
        own = {a.code for a in situations.question_asks(p.question)}
        shown = {p.principle, *p.also, p.asked}
        options = [
            (q, asked)
            for q, asked in questions
            if asked not in shown
            and not situations.is_generic(q)
            and not own & {a.code for a in situations.question_asks(q)}
        ]
        if options:
            q, asked = rng.choice(options)
            out.append(replace(p, question=q, asked=asked, answers=False, synthetic=True))
    return out


def _asked_onehot(p: Pair) -> dict[str, float]:
    # The labelled asked principle stands in for the question model (about 0.9 accurate).
    return {p.asked: 1.0} if p.asked in SLUGS else {}


def _story_probs_out_of_fold(pairs: Sequence[Pair], quick: bool) -> dict[str, dict[str, float]]:
    """Story → principle probabilities for each story from a model that did not see it, so the
    relevance model learns how far to trust them on a story it has never seen."""
    from loopcoach.analysis.principles import calibrated
    from loopcoach.analysis.training import fit_logistic

    # The shipped story model's vocabulary, C and temperature, refitted without the fold.
    shipped = load_model("story_principle")
    vocab = Vocabulary.of(shipped)
    c = float(shipped.extra.get("c", STORY_C)) if shipped else STORY_C
    temperature = float(shipped.extra.get("story_temperature", 1.0)) if shipped else 1.0
    stories: dict[str, Pair] = {}
    for p in pairs:
        stories.setdefault(p.story_id, p)
    ids = sorted(stories)
    feats = {
        i: story_features(
            stories[i].text, deeds_text(stories[i].sentences, stories[i].roles), vocab
        )
        for i in ids
    }
    fold_of = _group_folds(list(stories.values()))
    out: dict[str, dict[str, float]] = {}
    for k in sorted(set(fold_of.values())):
        tr = [i for i in ids if fold_of[i] != k]
        model = fit_logistic([feats[i] for i in tr], [stories[i].principle for i in tr], c, True)
        for i in ids:
            if fold_of[i] == k:
                scores = calibrated(model.scores(feats[i]), temperature)
                out[i] = dict(zip(model.classes, scores, strict=True))
    return out


ASK_MIN_STORIES = 6  # an ask told about in fewer stories gets no word model
ASK_C = 1.0
ASK_MIN_DF = 8
ASK_PRUNE = 0.15  # smaller weights barely move a probability and cost time at run time


def _ask_labels(pairs: Sequence[Pair], story_ids: set[str]) -> dict[str, dict[str, int]]:
    """Per story, per ask: 1 when the story was told for a question naming the ask and answers
    it, 0 when its question names other situations or it is labelled off-topic for this one."""
    labels: dict[str, dict[str, int]] = {}
    for p in pairs:
        if p.story_id not in story_ids or p.synthetic:
            continue
        named = {a.code for a in situations.question_asks(p.question)}
        row = labels.setdefault(p.story_id, {})
        for a in situations.ASKS:
            row[a.code] = max(row.get(a.code, 0), int(a.code in named and p.answers))
    return labels


def fit_asks(
    pairs: Sequence[Pair], story_ids: set[str], log: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """One logistic model per ask over the story's words, as one multi-class-shaped JSON whose
    rows are scored independently (`relevance.situation_probabilities`)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    stories = {p.story_id: p for p in pairs if p.story_id in story_ids and not p.synthetic}
    ids = sorted(stories)
    labels = _ask_labels(pairs, set(ids))
    bags = [relevance.story_words(stories[i].sentences, stories[i].roles) for i in ids]
    seen: dict[str, int] = {}
    for bag in bags:
        for word in bag:
            seen[word] = seen.get(word, 0) + 1
    # Words of fewer than ASK_MIN_DF stories only memorise those stories (and fill the JSON).
    bags = [{w: v for w, v in bag.items() if seen[w] >= ASK_MIN_DF} for bag in bags]
    vec = DictVectorizer()
    x = vec.fit_transform(bags)
    names = vec.get_feature_names_out()
    classes, bias, columns = [], [], []
    for a in situations.ASKS:
        y = [labels[i][a.code] for i in ids]
        if sum(y) < ASK_MIN_STORIES or sum(y) == len(y):
            continue
        clf = LogisticRegression(C=ASK_C, max_iter=2000, class_weight="balanced")
        clf.fit(x, y)
        classes.append(a.code)
        bias.append(round(float(clf.intercept_[0]), 5))
        columns.append(clf.coef_[0])
    weights = {}
    for j, name in enumerate(names):
        row = [float(col[j]) for col in columns]
        if row and max(abs(w) for w in row) >= ASK_PRUNE:
            weights[str(name)] = [round(w, 2) for w in row]
    if log:
        log(f"situation word models: {len(classes)} asks over {len(ids)} stories")
    return {"classes": classes, "bias": bias, "weights": weights}


def _asks_out_of_fold(pairs: Sequence[Pair], quick: bool) -> dict[str, dict[str, float]]:
    from loopcoach.analysis.linear import LinearModel, sigmoid

    stories = {p.story_id: p for p in pairs}
    fold_of = _group_folds(pairs)
    out: dict[str, dict[str, float]] = {}
    for k in sorted(set(fold_of.values())):
        model = LinearModel.from_dict(fit_asks(pairs, {i for i in stories if fold_of[i] != k}))
        for i, p in stories.items():
            if fold_of[i] == k:
                scores = model.scores(relevance.story_words(p.sentences, p.roles))
                out[i] = {c: sigmoid(v) for c, v in zip(model.classes, scores, strict=True)}
    return out


def train_relevance(pairs: list[Pair], log: Callable[[str], None], quick: bool) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    rng = random.Random(SEED)
    real = list(pairs)
    fake = synthetic_negatives(real, rng)
    everything = real + fake
    probs = _story_probs_out_of_fold(everything, quick)
    ask_probs = _asks_out_of_fold(everything, quick)
    premise_of = [premises.read_premise(p.question, p.sentences) for p in everything]
    rows = [
        relevance.relevance_features(
            p.question,
            p.sentences,
            p.roles,
            probs[p.story_id],
            _asked_onehot(p),
            ask_probs[p.story_id],
            premise=premise,
        )
        for p, premise in zip(everything, premise_of, strict=True)
    ]
    names = sorted({k for r in rows for k in r})
    x = [[r.get(k, 0.0) for k in names] for r in rows]
    y = [int(p.answers) for p in everything]
    readings = [
        relevance.decisive_readings(p.question, premise, row)
        for p, premise, row in zip(everything, premise_of, rows, strict=True)
    ]
    caps = reading_caps(real, readings[: len(real)], log)
    w = [SYNTHETIC_WEIGHT if p.synthetic else 1.0 for p in everything]
    n_off = sum(not p.answers for p in real)
    log(
        f"relevance: {len(real)} labelled pairs ({n_off} off-topic) + {len(fake)} paired-up "
        "negatives"
    )
    # Folds by file, so a story's own pair and its paired-up negative are never split, and no
    # figure comes from an author whose stories were trained on.
    fold_of = _group_folds(everything)
    # Two kinds of off-topic story to catch: the labelled ones (a story near the question that
    # misses its point) and the paired-up ones (a polished story about something else, the
    # issue's "latency story for a first-90-days question"). The weight of the paired-up ones
    # and C are chosen by the mean of both recalls at the threshold that keeps false alarms,
    # counted on labelled on-topic stories only, under the bar.
    best: tuple[float, ...] | None = None
    for weight in [SYNTHETIC_WEIGHT] if quick else SYNTHETIC_WEIGHTS:
        w = [weight if p.synthetic else 1.0 for p in everything]
        for c in [1.0] if quick else [0.1, 0.3, 1.0, 3.0, 10.0]:
            oof = [0.0] * len(everything)
            for k in [0] if quick else sorted(set(fold_of.values())):
                tr = [i for i, p in enumerate(everything) if fold_of[p.story_id] != k]
                te = [i for i, p in enumerate(everything) if fold_of[p.story_id] == k]
                clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
                clf.fit([x[i] for i in tr], [y[i] for i in tr], sample_weight=[w[i] for i in tr])
                for i, pr in zip(te, clf.predict_proba([x[i] for i in te])[:, 1], strict=True):
                    oof[i] = min([float(pr), *(caps.get(r, 1.0) for r in readings[i])])
            scored = [(oof[i], p.answers) for i, p in enumerate(everything) if not p.synthetic]
            t, recall, alarms = _threshold(scored)
            paired = [oof[i] for i, p in enumerate(everything) if p.synthetic]
            paired_recall = sum(o < t for o in paired) / max(1, len(paired))
            objective = (recall + paired_recall) / 2 - alarms
            if best is None or objective > best[0]:
                best = (objective, weight, c, recall, paired_recall, alarms, t, _auc(scored))
    assert best is not None
    _, weight, c, recall, paired_recall, alarms, threshold, auc = best
    w = [weight if p.synthetic else 1.0 for p in everything]
    log(
        f"relevance: paired weight {weight}, C={c}, threshold {threshold:.3f}: cross-validated "
        f"off-topic recall {recall:.3f} (labelled), {paired_recall:.3f} (paired-up), "
        f"false alarms {alarms:.3f}, AUC {auc:.3f}"
    )
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    clf.fit(x, y, sample_weight=w)
    return {
        "classes": ["answers_question"],
        "bias": [round(float(clf.intercept_[0]), 5)],
        "weights": {n: [round(float(v), 5)] for n, v in zip(names, clf.coef_[0], strict=True)},
        "threshold": round(threshold, 4),
        "caps": caps,
        "c": c,
        "cv_off_topic_recall": round(recall, 4),
        "cv_paired_recall": round(paired_recall, 4),
        "paired_weight": weight,
        "cv_false_alarms": round(alarms, 4),
        "cv_auc": round(auc, 4),
        "pairs": len(real),
        "paired_negatives": len(fake),
    }


def reading_caps(
    real: Sequence[Pair], readings: Sequence[list[str]], log: Callable[[str], None]
) -> dict[str, float]:
    """Per decisive reading, the highest score a story may keep where it fires: one minus how
    often it is right on the labelled pairs. The readings have no fitted parameter, so every
    pair is out of sample; those right less often, or seen too rarely, get no cap."""
    fired: dict[str, list[bool]] = {}
    for pair, found in zip(real, readings, strict=True):
        for reading in found:
            fired.setdefault(reading, []).append(not pair.answers)
    caps = {}
    for reading, right in sorted(fired.items()):
        precision = (sum(right) + 1) / (len(right) + 2)
        decides = len(right) >= READING_MIN_FIRES and precision >= READING_MIN_PRECISION
        log(
            f"relevance: {reading} says {len(right)} labelled stories miss, right in {sum(right)}"
            f"{'; it caps the score' if decides else ''}"
        )
        if decides:
            caps[reading] = round(1.0 - precision, 4)
    return caps


def _threshold(scored: list[tuple[float, bool]]) -> tuple[float, float, float]:
    """The threshold with the best off-topic recall whose false-alarm rate is at most the bar."""
    on = sorted(p for p, gold in scored if gold)
    off = [p for p, gold in scored if not gold]
    best = (0.0, 0.0, 0.0)
    for t in sorted({p for p, _ in scored} | {0.5}):
        alarms = sum(p < t for p in on) / max(1, len(on))
        if alarms > MAX_FALSE_ALARMS:
            break
        recall = sum(p < t for p in off) / max(1, len(off))
        if recall >= best[1]:
            best = (t, recall, alarms)
    return best


def _auc(scored: list[tuple[float, bool]]) -> float:
    on = [p for p, g in scored if g]
    off = [p for p, g in scored if not g]
    if not on or not off:
        return 0.0
    wins = sum((a > b) + 0.5 * (a == b) for a in on for b in off)
    return wins / (len(on) * len(off))


# ---- follow-up intents ---------------------------------------------------------------------------


def _jsonl(paths: Sequence[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as exc:
                    raise ValueError(f"{path}:{n}: not JSON ({exc})") from exc
    return rows


def load_intent_questions(fu_dir: Path) -> list[tuple[str, str]]:
    """(follow-up question, intent) from intents*.jsonl and followups*.jsonl."""
    if not fu_dir.is_dir():
        return []
    out = [(r["follow_up"], r["intent"]) for r in _jsonl(sorted(fu_dir.glob("intents*.jsonl")))]
    out += [
        (r["follow_up"], r["follow_up_intent"])
        for r in _jsonl(sorted(fu_dir.glob("followups*.jsonl")))
    ]
    return [(q, i) for q, i in dict(out).items() if i in intents.INTENTS]


def load_follow_up_answers(fu_dir: Path) -> list[dict[str, Any]]:
    return _jsonl(sorted(fu_dir.glob("followups*.jsonl"))) if fu_dir.is_dir() else []


def _fit_intents(rows: list[tuple[str, str]], c: float) -> LinearModel:
    from loopcoach.analysis.training import fit_logistic

    return fit_logistic(
        [intents.intent_features(q) for q, _ in rows], [i for _, i in rows], c, True, min_count=1
    )


def train_intents(
    rows: list[tuple[str, str]], log: Callable[[str], None], quick: bool
) -> dict[str, Any]:
    from loopcoach.analysis.training import model_json

    best = (-1.0, 1.0)
    for c in [4.0] if quick else [1.0, 4.0, 16.0, 64.0]:
        hits = 0
        for tr, te in _folds(len(rows), quick=quick):
            m = _fit_intents([rows[i] for i in tr], c)
            for i in te:
                p = m.probabilities(intents.intent_features(rows[i][0]))
                hits += m.classes[max(range(len(p)), key=p.__getitem__)] == rows[i][1]
        acc = hits / (len(rows) if not quick else len(_folds(len(rows), quick=True)[0][1]))
        if acc > best[0]:
            best = (acc, c)
    acc, c = best
    log(f"follow-up intent: {len(rows)} questions, C={c}: cross-validated accuracy {acc:.3f}")
    return model_json(_fit_intents(rows, c), c=c, cv_accuracy=round(acc, 4), questions=len(rows))


# ---- follow-up answers ---------------------------------------------------------------------------


def _reading(r: dict[str, Any], intent_probs: dict[str, float]) -> Reading:
    text = r["answer"]
    return Reading(
        text=text,
        sentences=[s.text for s in split_sentences(text)],
        metrics=find_metrics(text),
        intent=max(intents.INTENTS, key=lambda i: intent_probs.get(i, 0.0)),
        intent_probs=intent_probs,
        contradiction=find_contradiction(r.get("story", ""), text),
    )


def contradiction_caps(
    answers: Sequence[dict[str, Any]], log: Callable[[str], None]
) -> tuple[list[str], dict[str, Any]]:
    """The contradiction kinds that may cap the grade: those whose firings are labelled 1 at
    least `CONTRADICTION_MIN_PRECISION` of the time. The reading has no fitted parameter, so
    every answer is out of sample."""
    fired: dict[str, list[bool]] = {}
    for r in answers:
        found = find_contradiction(r.get("story", ""), r["answer"])
        if found:
            fired.setdefault(found.kind, []).append(int(r["grade"]) == 1)
    caps, figures = [], {}
    for kind, right in sorted(fired.items()):
        precision = sum(right) / len(right)
        decides = len(right) >= CONTRADICTION_MIN_FIRES and precision >= CONTRADICTION_MIN_PRECISION
        log(
            f"follow-up contradiction: {kind} fires on {len(right)} answers, {sum(right)} "
            f"labelled 1{'; it caps the grade' if decides else ''}"
        )
        figures[kind] = {"fires": len(right), "right": sum(right)}
        if decides:
            caps.append(kind)
    return caps, figures


def _capped(answer: dict[str, Any], caps: Sequence[str]) -> bool:
    found = find_contradiction(answer.get("story", ""), answer["answer"])
    return found is not None and found.kind in caps


def train_follow_up_answers(
    answers: list[dict[str, Any]],
    questions: list[tuple[str, str]],
    log: Callable[[str], None],
    quick: bool,
) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression, Ridge

    # Intent probabilities from a model that did not see the answer's own follow-up.
    c_intent = 16.0
    splits = _folds(len(answers), quick=False)
    feats: list[dict[str, float]] = [{} for _ in answers]
    for _tr, te in splits:
        held = {answers[i]["follow_up"] for i in te}
        m = _fit_intents([q for q in questions if q[0] not in held], c_intent)
        for i in te:
            r = answers[i]
            probs = dict(
                zip(
                    m.classes, m.probabilities(intents.intent_features(r["follow_up"])), strict=True
                )
            )
            feats[i] = answer_features(
                _reading(r, probs), follow_up=r["follow_up"], story=r.get("story", "")
            )
    names = sorted({k for f in feats for k in f})
    x = [[f.get(k, 0.0) for k in names] for f in feats]
    caps, cap_figures = contradiction_caps(answers, log)
    capped = [_capped(a, caps) for a in answers]
    direct = [int(bool(r["direct"])) for r in answers]
    specific = [int(bool(r["specific"])) for r in answers]
    grades = [int(r["grade"]) for r in answers]

    def binary(y: list[int], c: float) -> tuple[list[float], float]:
        oof = [0.0] * len(y)
        for tr, te in splits:
            clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
            clf.fit([x[i] for i in tr], [y[i] for i in tr])
            for i, p in zip(te, clf.predict_proba([x[i] for i in te])[:, 1], strict=True):
                oof[i] = float(p)
        return oof, sum((p >= 0.5) == bool(t) for p, t in zip(oof, y, strict=True)) / len(y)

    cs = [1.0] if quick else [0.1, 0.3, 1.0, 3.0, 10.0]
    d_c, (d_oof, d_acc) = max(((c, binary(direct, c)) for c in cs), key=lambda t: t[1][1])
    s_c, (s_oof, s_acc) = max(((c, binary(specific, c)) for c in cs), key=lambda t: t[1][1])
    # The grade reads the two verdicts and a few answer-wide features only: with ~150 answers,
    # a grade over every per-intent feature fits the training answers, not new ones.
    g_base = [n for n in names if n in GRADE_FEATURES]
    gx = [
        [f.get(k, 0.0) for k in g_base] + [d, s]
        for f, d, s in zip(feats, d_oof, s_oof, strict=True)
    ]
    g_names = g_base + ["p_direct", "p_specific"]
    best_g: tuple[float, float, tuple[float, float], float, float, float] | None = None
    for alpha in [1.0] if quick else [0.3, 1.0, 3.0, 10.0, 30.0]:
        preds = [0.0] * len(grades)
        for tr, te in splits:
            reg = Ridge(alpha=alpha)
            reg.fit([gx[i] for i in tr], [grades[i] for i in tr])
            for i, p in zip(te, reg.predict([gx[i] for i in te]), strict=True):
                preds[i] = float(p)
        # A capped answer is a 1 whatever the score: the cuts are chosen on the others.
        kept = [i for i, cap in enumerate(capped) if not cap]
        cuts = _band_cuts(
            [preds[i] for i in kept],
            [d_oof[i] for i in kept],
            [s_oof[i] for i in kept],
            [grades[i] for i in kept],
        )
        cut = [
            1 if cap else banded_grade(d, s, p, *cuts)
            for p, d, s, cap in zip(preds, d_oof, s_oof, capped, strict=True)
        ]
        within = sum(abs(a - b) <= 1 for a, b in zip(cut, grades, strict=True)) / len(grades)
        exact = sum(a == b for a, b in zip(cut, grades, strict=True)) / len(grades)
        rho = spearman(grades, cut)
        score = within + 0.5 * exact + rho
        if best_g is None or score > best_g[0]:
            best_g = (score, alpha, cuts, within, exact, rho)
    assert best_g is not None
    _, alpha, cuts, within, exact, rho = best_g
    log(
        f"follow-up answers: {len(answers)} answers; direct C={d_c} accuracy {d_acc:.3f}, "
        f"specific C={s_c} accuracy {s_acc:.3f}; grade alpha={alpha}: within one {within:.3f}, "
        f"exact {exact:.3f}, Spearman {rho:.3f} (all cross-validated)"
    )

    def fit_binary(y: list[int], c: float) -> dict[str, Any]:
        clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        clf.fit(x, y)
        return _part(names, clf.coef_[0], clf.intercept_[0])

    reg = Ridge(alpha=alpha)
    reg.fit(gx, grades)
    grade_part = _part(g_names, reg.coef_, reg.intercept_)
    # [P(direct) cut for 1 vs 2 when not direct, score cut for 3 vs 4]: see banded_grade.
    grade_part["thresholds"] = [round(c, 4) for c in cuts]
    return {
        "classes": ["follow_up"],
        "bias": [0.0],
        "weights": {},
        "direct": fit_binary(direct, d_c),
        "specific": fit_binary(specific, s_c),
        "grade": grade_part,
        "contradiction_caps": caps,
        "contradiction_figures": cap_figures,
        "cv": {
            "direct_accuracy": round(d_acc, 4),
            "specific_accuracy": round(s_acc, 4),
            "grade_within1": round(within, 4),
            "grade_exact": round(exact, 4),
            "grade_spearman": round(rho, 4),
            "answers": len(answers),
        },
    }


def _part(names: Sequence[str], coef: Sequence[float], intercept: float) -> dict[str, Any]:
    return {
        "bias": round(float(intercept), 5),
        "weights": {
            n: round(float(v), 5) for n, v in zip(names, coef, strict=True) if abs(v) >= 1e-4
        },
    }


def _band_cuts(
    preds: list[float], d: list[float], s: list[float], y: list[int]
) -> tuple[float, float]:
    """The two cut points inside the bands that agree best with the labels: on P(direct) for 1
    or 2 when not direct, on the score for 3 or 4 when direct and specific."""
    grid = sorted(set(round(p, 3) for p in preds)) or [0.0]
    evasion_grid = sorted({round(p, 3) for p in d if p < 0.5} | {0.0})

    def agreement(low: float, high: float) -> float:
        got = [banded_grade(a, b, p, low, high) for p, a, b in zip(preds, d, s, strict=True)]
        within = sum(abs(g - t) <= 1 for g, t in zip(got, y, strict=True))
        exact = sum(g == t for g, t in zip(got, y, strict=True))
        return within + exact

    # The bands do not overlap, so each cut is found on its own.
    low = max(evasion_grid, key=lambda c: agreement(c, grid[-1]))
    high = max(grid, key=lambda c: agreement(low, c))
    return low, high
