"""Which stories fit a question: principle overlap plus TF-IDF cosine similarity of the words.

The score is 0.6 × the share of the question's principles the story is tagged
with + 0.4 × the cosine similarity of the question's and the story's TF-IDF
vectors (light stems, no filler words). Both parts are explainable, and the
match keeps the shared principles and words so a page can show why.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from loopcoach.search import QUERY_STOPWORDS, WORD_RE, stem

PRINCIPLE_WEIGHT = 0.6
TEXT_WEIGHT = 0.4
USE_THRESHOLD = 0.3  # an answer this like a story (cosine) tells that story
STOPWORDS = QUERY_STOPWORDS | frozenset(
    "we our us they them their this that these those had has have were will would could should "
    "can there then than so but not no all any some into out up over after before also just very "
    "one two give example describe situation".split()
)


@dataclass(frozen=True)
class Candidate:
    id: int
    text: str
    principles: frozenset[str]


@dataclass(frozen=True)
class Match:
    id: int
    score: float
    shared_principles: tuple[str, ...]
    shared_words: tuple[str, ...]


def terms(text: str) -> list[str]:
    return [
        stem(word)
        for word in WORD_RE.findall(text.lower())
        if word not in STOPWORDS and len(word) > 1
    ]


def _surface_words(text: str) -> dict[str, str]:
    """Each stem of TEXT with the first word it came from, to show people words, not stems."""
    surface: dict[str, str] = {}
    for word in WORD_RE.findall(text.lower()):
        surface.setdefault(stem(word), word)
    return surface


def _idf(documents: Sequence[list[str]]) -> dict[str, float]:
    counts = Counter(term for document in documents for term in set(document))
    total = len(documents)
    return {term: math.log((1 + total) / (1 + count)) + 1 for term, count in counts.items()}


def _vector(document: list[str], idf: dict[str, float]) -> dict[str, float]:
    return {term: count * idf.get(term, 1.0) for term, count in Counter(document).items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(weight * b[term] for term, weight in a.items() if term in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def text_similarity(a: str, b: str, corpus: Sequence[str] = ()) -> float:
    """TF-IDF cosine of two texts, with document frequencies from `corpus` plus the two texts."""
    documents = [terms(a), terms(b)] + [terms(text) for text in corpus]
    idf = _idf(documents)
    return _cosine(_vector(documents[0], idf), _vector(documents[1], idf))


def rank_stories(
    question: str,
    question_principles: Sequence[str],
    stories: Sequence[Candidate],
    *,
    limit: int = 3,
    minimum: float = 0.05,
) -> list[Match]:
    """The stories that fit the question best, best first; ties go to the lower id."""
    documents = [terms(question)] + [terms(story.text) for story in stories]
    idf = _idf(documents)
    question_vector = _vector(documents[0], idf)
    surface = _surface_words(question)
    wanted = set(question_principles)
    matches = []
    for story, document in zip(stories, documents[1:], strict=True):
        shared = tuple(p for p in question_principles if p in story.principles)
        overlap = len(shared) / len(wanted) if wanted else 0.0
        cosine = _cosine(question_vector, _vector(document, idf))
        score = PRINCIPLE_WEIGHT * overlap + TEXT_WEIGHT * cosine
        if score >= minimum:
            stems = sorted(set(documents[0]) & set(document), key=lambda t: (-idf[t], t))[:5]
            matches.append(
                Match(story.id, round(score, 3), shared, tuple(surface[t] for t in stems))
            )
    matches.sort(key=lambda match: (-match.score, match.id))
    return matches[:limit]


def count_uses(
    answers: Sequence[str], stories: Sequence[Candidate], *, threshold: float = USE_THRESHOLD
) -> dict[int, int]:
    """How many answers tell each story: an answer tells the story its words are most like,
    when the TF-IDF cosine reaches `threshold`."""
    story_docs = [terms(story.text) for story in stories]
    answer_docs = [terms(answer) for answer in answers]
    idf = _idf(story_docs + answer_docs)
    story_vectors = [_vector(document, idf) for document in story_docs]
    uses = {story.id: 0 for story in stories}
    for document in answer_docs:
        vector = _vector(document, idf)
        scored = [
            (_cosine(vector, story_vector), story.id)
            for story, story_vector in zip(stories, story_vectors, strict=True)
        ]
        best = max(scored, default=(0.0, None))
        if best[1] is not None and best[0] >= threshold:
            uses[best[1]] += 1
    return uses
