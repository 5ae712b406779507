"""Ranks all 16 Leadership Principles for a story, and reads which one the question asks about.

Two logistic regressions over whole words and word pairs (TF-IDF, no hand-made
cue lists: a substring list fired "log" on *logistics* and "candid" on
*release candidate*). The question model gives a calibrated distribution over
the principle asked (a generic question spreads it over several); the story
model reads the whole answer and, as a separate block, its action and result
sentences, so what the speaker did weighs more than the scene. The ranking adds
a learned bonus for the asked principle that shrinks when the story clearly
shows another one, then a learned temperature calibrates the result, so that
`PrincipleCheck.confidence` can gate the claim "your story shows X, not Y".
"""

from __future__ import annotations

import functools
import importlib.util
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from loopcoach.analysis import cues
from loopcoach.analysis.linear import LinearModel, shipped_models, softmax

NAMES: dict[str, str] = {
    "customer-obsession": "Customer Obsession",
    "ownership": "Ownership",
    "invent-and-simplify": "Invent and Simplify",
    "are-right-a-lot": "Are Right, A Lot",
    "learn-and-be-curious": "Learn and Be Curious",
    "hire-and-develop-the-best": "Hire and Develop the Best",
    "insist-on-the-highest-standards": "Insist on the Highest Standards",
    "think-big": "Think Big",
    "bias-for-action": "Bias for Action",
    "frugality": "Frugality",
    "earn-trust": "Earn Trust",
    "dive-deep": "Dive Deep",
    "have-backbone-disagree-and-commit": "Have Backbone; Disagree and Commit",
    "deliver-results": "Deliver Results",
    "strive-to-be-earths-best-employer": "Strive to be Earth's Best Employer",
    "success-and-scale-bring-broad-responsibility": "Success and Scale Bring Broad Responsibility",
}
SLUGS = tuple(NAMES)

STOPWORDS = frozenset(
    """a an the and or but so of to in on at by for with from as is was were be been being it its
    this that these those i me my we us our you your he him his she her they them their there then
    than had has have did do does done would could should will can just also very really into out up
    about after before when while which who what how""".split()
)


@dataclass(frozen=True, slots=True)
class PrincipleScore:
    slug: str
    name: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {"slug": self.slug, "name": self.name, "score": round(self.score, 4)}


@dataclass(frozen=True)
class Vocabulary:
    """How a model weighs terms: the inverse document frequency of every term it knows (terms
    outside it are ignored, at training and at run time alike) and how much a term of the scene
    counts against one of the action and result sentences."""

    idf: dict[str, float]
    scene_weight: float = 1.0

    @classmethod
    def of(cls, model: LinearModel | None) -> Vocabulary:
        extra = model.extra if model else {}
        return cls(idf=extra.get("idf", {}), scene_weight=float(extra.get("scene_weight", 1.0)))


def _english_stemmer() -> Any:
    """snowballstemmer's English (Porter 2) stemmer, loaded alone: the package's `__init__`
    imports the stemmers of all its 30 languages, 3 MB in every web process for one of them.
    The package is entered without running its `__init__` just long enough to import the
    English module, so a later `import snowballstemmer` elsewhere still gets the whole
    package (which finds this module already imported)."""
    if "snowballstemmer" in sys.modules:
        return sys.modules["snowballstemmer"].stemmer("english")
    spec = importlib.util.find_spec("snowballstemmer")
    if spec is None:
        raise ModuleNotFoundError("snowballstemmer is not installed")
    sys.modules["snowballstemmer"] = importlib.util.module_from_spec(spec)  # __path__, no code
    try:
        from snowballstemmer.english_stemmer import EnglishStemmer
    finally:
        del sys.modules["snowballstemmer"]
    return EnglishStemmer()


_STEMMER = _english_stemmer()


# Bounded: the words users type are unbounded, and a long-running web process must not grow
# with them; the training vocabulary (a few thousand words) stays in it.
@functools.lru_cache(maxsize=1 << 16)
def _stem_word(token: str) -> str:
    return _STEMMER.stemWord(token)


def stem(token: str) -> str:
    """The Snowball (Porter 2) stem of a word: "negotiated", "negotiation" and "negotiations"
    are one term, which ~70 stories per principle cannot learn one inflection at a time.
    Stop words, numbers and punctuation stay as they are."""
    if token in STOPWORDS or not token.isalpha():
        return token
    return _stem_word(token)


def terms(text: str) -> dict[str, int]:
    """Whole words (without stop words) and adjacent word pairs, with their counts.

    Tokens are whole words, so "logistics" is never "log" and "release candidate" is never
    "candid"; numbers are one placeholder, so "40%" and "12%" look alike.
    """
    toks = [stem(t) for t in cues.tokens(text)]
    counts: dict[str, int] = {}
    for t in toks:
        if t not in STOPWORDS and t != "?":
            counts[t] = counts.get(t, 0) + 1
    for a, b in zip(toks, toks[1:], strict=False):
        if not (a in STOPWORDS and b in STOPWORDS) and "?" not in (a, b):
            pair = a + "_" + b
            counts[pair] = counts.get(pair, 0) + 1
    return counts


def weighted_block(
    counts: Mapping[str, float], prefix: str, vocab: Vocabulary, weight: float = 1.0
) -> dict[str, float]:
    """TF-IDF of one block of text over the known terms, unit length times `weight`.

    Sublinear counts (log(1 + tf)) keep one topic noun repeated seven times from drowning out
    everything else the story says.
    """
    if weight <= 0:
        return {}
    idf = vocab.idf
    vals = {t: math.log1p(c) * idf[t] for t, c in counts.items() if t in idf and c > 0}
    norm = math.sqrt(sum(v * v for v in vals.values())) or 1.0
    scale = weight / norm
    return {prefix + t: v * scale for t, v in vals.items()}


def question_features(question: str, vocab: Vocabulary) -> dict[str, float]:
    return weighted_block(terms(question), "q:", vocab)


def story_features(answer: str, deeds: str | None, vocab: Vocabulary) -> dict[str, float]:
    """Terms of the answer, those of the scene (every sentence but the action and result ones,
    whose text is `deeds`) counted at `scene_weight`: what the speaker did and what came of it
    says which principle a story shows; the setting mostly says what it is about."""
    counts: dict[str, float] = dict(terms(answer))
    if deeds and vocab.scene_weight != 1.0:
        deed_counts, w = terms(deeds), vocab.scene_weight
        counts = {t: d + w * (c - d) for t, c in counts.items() for d in [deed_counts.get(t, 0)]}
    return weighted_block(counts, "w:", vocab)


def deeds_text(sentences: list[str], roles: list[str]) -> str:
    """The action and result sentences: where a story shows its principle."""
    return " ".join(s for s, r in zip(sentences, roles, strict=True) if r in ("action", "result"))


def asked_bonus(
    bonus: float, shrink: float, p_asked: float, probs: dict[str, float], slug: str
) -> float:
    """The bonus for a principle the question asks about (probability `p_asked`).

    It shrinks as the story model grows confident about another principle:
    bonus × p_asked × (1 − the highest story probability of any other principle) ** shrink.
    """
    if not shrink:
        return bonus * p_asked
    other = max((p for s, p in probs.items() if s != slug), default=0.0)
    return bonus * p_asked * (1.0 - other) ** shrink


def calibrated(scores: list[float], temperature: float) -> list[float]:
    return softmax([s / max(temperature, 1e-6) for s in scores])


def asked_distribution(question: str | None, model: LinearModel | None = None) -> dict[str, float]:
    """How likely the question asks about each principle (calibrated); empty without a question."""
    if not question or not question.strip():
        return {}
    model = model or shipped_models().question_principle
    if model is None:
        return {}
    feats = question_features(question, Vocabulary.of(model))
    if not feats:
        return {}
    temperature = float(model.extra.get("temperature", 1.0))
    return dict(zip(model.classes, calibrated(model.scores(feats), temperature), strict=True))


def asked_principle(
    question: str | None, model: LinearModel | None = None
) -> tuple[str | None, float]:
    """The principle a question most likely asks about, and its probability.

    (None, 0) without a question.
    """
    dist = asked_distribution(question, model)
    if not dist:
        return None, 0.0
    slug = max(dist, key=dist.__getitem__)
    return slug, dist[slug]


def story_probabilities(
    answer: str, deeds: str | None, model: LinearModel | None = None
) -> dict[str, float]:
    """The story model alone: which principle the story shows, before the question has a say."""
    model = model or shipped_models().story_principle
    if model is None:
        return {slug: 1 / len(SLUGS) for slug in SLUGS}
    scores = model.scores(story_features(answer, deeds, Vocabulary.of(model)))
    temperature = float(model.extra.get("story_temperature", 1.0))
    return dict(zip(model.classes, calibrated(scores, temperature), strict=True))


def combine(
    probs: dict[str, float],
    asked: dict[str, float],
    bonus: float,
    shrink: float,
    temperature: float,
) -> dict[str, float]:
    """Story probabilities plus the asked-principle bonus, calibrated: the final distribution."""
    raw = {s: math.log(max(probs.get(s, 0.0), 1e-9)) for s in SLUGS}
    for s, p in asked.items():
        if s in raw:
            raw[s] += asked_bonus(bonus, shrink, p, probs, s)
    final = calibrated(list(raw.values()), temperature)
    return dict(zip(raw, final, strict=True))


def rank_principles(
    answer: str,
    asked: dict[str, float],
    deeds: str | None = None,
    model: LinearModel | None = None,
) -> list[PrincipleScore]:
    """All 16 principles, best first; the scores are calibrated probabilities that sum to 1.

    `asked` is how likely the question asks about each principle (one-hot when the caller
    names it); `deeds` is the text of the action and result sentences (see `deeds_text`).
    """
    model = model or shipped_models().story_principle
    return rank_story(story_probabilities(answer, deeds, model), asked, model)


def rank_story(
    story: dict[str, float], asked: dict[str, float], model: LinearModel | None
) -> list[PrincipleScore]:
    """`rank_principles` from the story model's probabilities, when the caller has them: the
    analyzer ranks one story twice (with and without the asked prior) and reads it once."""
    extra = model.extra if model else {}
    final = combine(
        story,
        asked,
        float(extra.get("asked_bonus", 2.0)),
        float(extra.get("bonus_shrink", 0.0)),
        float(extra.get("temperature", 1.0)),
    )
    ordered = sorted(SLUGS, key=lambda s: (-final[s], SLUGS.index(s)))
    return [PrincipleScore(s, NAMES[s], final[s]) for s in ordered]


def mismatch_confidence(ranked: list[PrincipleScore], asked: dict[str, float]) -> float:
    """How likely the story's principle is NOT the one asked: 1 − Σ P(asked = k) · P(shows k).

    A generic question (asked spread over several principles) lowers it: the story can show
    any of them without contradicting the question.
    """
    if not asked:
        return 0.0
    shown = {p.slug: p.score for p in ranked}
    return max(0.0, 1.0 - sum(q * shown.get(s, 0.0) for s, q in asked.items()))


DEFAULT_MISMATCH_THRESHOLD = 0.9


@dataclass(frozen=True, slots=True)
class PrincipleCheck:
    """Does the story show the principle the question asks about, and how sure is that verdict."""

    asked: str | None
    shown: str | None
    confidence: float  # calibrated probability that the story's principle is not the asked one
    threshold: float  # chosen by cross-validation so that a claim is right at least 4 times in 5

    @property
    def differs(self) -> bool:
        return bool(self.asked and self.shown and self.shown != self.asked)

    @property
    def confident(self) -> bool:
        """Say "your story shows X, not Y" only now; below it, at most "your story also shows X"."""
        return self.differs and self.confidence >= self.threshold


def check_principle(
    ranked: list[PrincipleScore], asked: dict[str, float], model: LinearModel | None = None
) -> PrincipleCheck:
    model = model or shipped_models().story_principle
    threshold = float(
        (model.extra if model else {}).get("mismatch_threshold", DEFAULT_MISMATCH_THRESHOLD)
    )
    asked_slug = max(asked, key=asked.__getitem__) if asked else None
    return PrincipleCheck(
        asked=asked_slug,
        shown=ranked[0].slug if ranked else None,
        confidence=mismatch_confidence(ranked, asked),
        threshold=threshold,
    )


def principle_evidence(text: str, model: LinearModel | None = None) -> dict[str, float]:
    """How strongly a piece of the answer (a sentence) points to each principle, by the story
    model's weights for its words, read as a deed; only principles it points towards (> 0)."""
    model = model or shipped_models().story_principle
    if model is None:
        return {}
    scores = model.scores(story_features(text, text, Vocabulary.of(model)))
    scores = [s - b for s, b in zip(scores, model.bias, strict=True)]  # the words' part only
    mean = sum(scores) / len(scores)
    return {slug: s - mean for slug, s in zip(model.classes, scores, strict=True) if s > mean}
