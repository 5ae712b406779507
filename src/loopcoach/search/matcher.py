"""Which bank question a reported wording is, or whether it is a new one.

A candidate reports "they asked me about a time i missed a deadline"; the
bank holds "Tell me about a time you failed to meet a commitment." Both are
reduced to the same features: content stems (filler words left out, typos
repaired against the bank's own words), pairs of adjacent stems, and the
concepts they mention (see `concepts`), each weighted by TF-IDF and compared
by cosine similarity. The index is inverted (feature -> the questions that
have it), so ranking reads only the questions that share a feature with the
wording, never every row of the bank.

A wording whose best match is below NEW_QUESTION_THRESHOLD is a new question.
The threshold was chosen on half of the labelled pairs in training/search/
and checked on the other half (figures in training/search/README.md).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Hashable, Iterable

from loopcoach.search import FILLER_WORDS, WORD_RE, stem
from loopcoach.search.concepts import ConceptMap, concept_token
from loopcoach.search.spelling import Speller

NEW_QUESTION_THRESHOLD = 0.35
# A shared concept says more than a shared word, a shared pair of words a little more.
WEIGHTS = {"word": 1.0, "pair": 1.2, "concept": 1.6}
MAX_WORDS = 400
CHEAP_POSTING = (
    2_000  # a reported wording longer than this is cut: it is one question, not an essay
)


class QuestionMatcher:
    def __init__(
        self, questions: Iterable[tuple[Hashable, str]], concepts: ConceptMap | None = None
    ) -> None:
        self.concepts = concepts or ConceptMap()
        items = list(questions)
        # A question may come with several wordings (its text, reported variants): same key.
        self.keys = [key for key, _ in items]
        self._unique_keys = len(set(self.keys)) == len(self.keys)
        # The concepts' words are known words too: "boss" must not be repaired into "bias".
        phrases = [
            phrase for concept in self.concepts.concepts.values() for phrase in concept.phrases
        ]
        texts = [text for _, text in items] + phrases
        self.speller = Speller(word for text in texts for word in WORD_RE.findall(text.lower()))
        documents = [self._features(self._stems(text)) for _, text in items]
        document_frequency = Counter(feature for document in documents for feature in document)
        count = len(documents)
        self._idf = {
            feature: math.log((1 + count) / (1 + frequency)) + 1
            for feature, frequency in document_frequency.items()
        }
        self._unseen_idf = math.log(1 + count) + 1
        self._postings: dict[str, dict[int, float]] = {}
        for number, document in enumerate(documents):
            for feature, weight in self._vector(document).items():
                self._postings.setdefault(feature, {})[number] = weight
        self._max_weight = {
            feature: max(posting.values()) for feature, posting in self._postings.items()
        }

    def __len__(self) -> int:
        return len(self.keys)

    def rank(self, text: str, k: int = 5) -> list[tuple[Hashable, float]]:
        """The K bank questions most like TEXT, best first, with their cosine similarity."""
        query = self._vector(self._features(self._stems(text, repair=True)))
        # With several wordings per question, the first K wordings may be fewer than K questions.
        scores = self._scores(query, k if self._unique_keys else k * 4)
        if not self._unique_keys:
            scores = self._best_wording_per_key(scores)
        best = heapq.nlargest(k, scores.items(), key=lambda item: (item[1], -item[0]))
        return [(self.keys[number], round(score, 4)) for number, score in best if score > 0]

    def _best_wording_per_key(self, scores: dict[int, float]) -> dict[int, float]:
        best: dict[Hashable, tuple[float, int]] = {}
        for number, score in scores.items():
            key = self.keys[number]
            if key not in best or score > best[key][0]:
                best[key] = (score, number)
        return {number: score for score, number in best.values()}

    def _scores(self, query: dict[str, float], k: int) -> dict[int, float]:
        """Cosine similarities, reading the rare features' postings first (the MaxScore idea).

        Once the K-th best score so far is beyond what the features left could add
        up to, no question outside the candidates can reach the first K: the
        common features ("team", "customer") then only update the candidates
        instead of walking posting lists as long as the bank.
        """
        features = sorted(
            (feature for feature in query if feature in self._postings),
            key=lambda feature: len(self._postings[feature]),
        )
        left = sum(query[feature] * self._max_weight[feature] for feature in features)
        scores: dict[int, float] = {}
        for position, feature in enumerate(features):
            weight, posting = query[feature], self._postings[feature]
            if (
                len(posting) > CHEAP_POSTING  # a short list costs less to read than to check
                and len(scores) >= k
                and heapq.nlargest(k, scores.values())[-1] >= left
            ):
                for later in features[position:]:
                    self._update_candidates(scores, query[later], self._postings[later])
                break
            for number, document_weight in posting.items():
                scores[number] = scores.get(number, 0.0) + weight * document_weight
            left -= weight * self._max_weight[feature]
        return scores

    def is_new(self, text: str, threshold: float = NEW_QUESTION_THRESHOLD) -> bool:
        """Whether TEXT asks something the bank does not hold yet."""
        best = self.rank(text, k=1)
        return not best or best[0][1] < threshold

    def repair(self, text: str) -> str:
        """TEXT's words in lower case, each unknown one replaced by the bank word one typo away."""
        return " ".join(self._repair(word) for word in WORD_RE.findall(text.lower())[:MAX_WORDS])

    def _repair(self, word: str) -> str:
        if word in FILLER_WORDS or f"w {stem(word)}" in self._idf:
            return word
        return self.speller.correct(word)

    def _stems(self, text: str, repair: bool = False) -> list[str]:
        words = WORD_RE.findall((self.repair(text) if repair else text).lower())[:MAX_WORDS]
        return [stem(word) for word in words if word not in FILLER_WORDS]

    def _features(self, stems: list[str]) -> Counter[str]:
        features = Counter(f"w {term}" for term in stems)
        features.update(
            f"p {first} {second}" for first, second in zip(stems, stems[1:], strict=False)
        )
        features.update(f"c {concept_token(mention.key)}" for mention in self.concepts.find(stems))
        return features

    @staticmethod
    def _update_candidates(
        scores: dict[int, float], weight: float, posting: dict[int, float]
    ) -> None:
        """Add a feature to the candidates' scores, walking whichever of the two is shorter."""
        if len(posting) < len(scores):
            for number, document_weight in posting.items():
                if number in scores:
                    scores[number] += weight * document_weight
        else:
            for number in scores:
                scores[number] += weight * posting.get(number, 0.0)

    def _vector(self, features: Counter[str]) -> dict[str, float]:
        """TF-IDF weights (sublinear term frequency), scaled to unit length."""
        kinds = {"w": WEIGHTS["word"], "p": WEIGHTS["pair"], "c": WEIGHTS["concept"]}
        vector = {
            feature: kinds[feature[0]]
            * (1 + math.log(count))
            * self._idf.get(feature, self._unseen_idf)
            for feature, count in features.items()
        }
        norm = math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0
        return {feature: weight / norm for feature, weight in vector.items()}


class QueryRepairer:
    """`QuestionMatcher.repair` without the matcher's index: only the bank's words and stems,
    so that search (which ranks in the database) holds a few thousand words per process, not
    the feature vectors of every question in a bank of 100,000."""

    def __init__(self, texts: Iterable[str], concepts: ConceptMap | None = None) -> None:
        words: Counter[str] = Counter()
        self.stems: set[str] = set()
        for text in texts:
            found = WORD_RE.findall(text.lower())
            words.update(found)
            self.stems.update(stem(word) for word in found[:MAX_WORDS] if word not in FILLER_WORDS)
        # The concepts' words are known words too, as in QuestionMatcher.
        for concept in (concepts or ConceptMap()).concepts.values():
            for phrase in concept.phrases:
                words.update(WORD_RE.findall(phrase.lower()))
        self.speller = Speller(words)  # a Counter: its counts are kept

    def repair(self, text: str) -> str:
        """TEXT's words in lower case, each unknown one replaced by the bank word one typo away."""
        return " ".join(self._repair(word) for word in WORD_RE.findall(text.lower())[:MAX_WORDS])

    def _repair(self, word: str) -> str:
        if word in FILLER_WORDS or stem(word) in self.stems:
            return word
        return self.speller.correct(word)
