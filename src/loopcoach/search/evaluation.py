"""Figures for the matcher and for search, from the labelled sets in training/search/.

Pairs are `{"reported": text, "expected_key": key or null}` (null: a new
question); queries are `{"q": text, "expected": [keys]}`. Both are read
here so that the tests, the training script and the web command measure the
same thing in the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

from loopcoach.search.matcher import QuestionMatcher

LABELLED_DIR = Path(__file__).resolve().parents[3] / "training" / "search"
PAIRS_FILE = LABELLED_DIR / "pairs.jsonl"
QUERIES_FILE = LABELLED_DIR / "queries.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def is_tuning(pair: dict) -> bool:
    """Half of the pairs, fixed by the wording itself, choose the threshold; the rest check it."""
    return hashlib.sha256(pair["reported"].encode("utf-8")).digest()[0] % 2 == 0


@dataclass(frozen=True)
class MatchingFigures:
    paraphrases: int
    new_questions: int
    first_right: float  # share of paraphrases whose bank question is ranked first
    matched_at_threshold: float  # share of paraphrases ranked first and above the threshold
    new_recognised: float  # share of new questions whose best match is below the threshold
    threshold: float

    def lines(self) -> list[str]:
        return [
            f"paraphrases {self.paraphrases}, new questions {self.new_questions}, "
            f"threshold {self.threshold:.2f}",
            f"right question ranked first: {self.first_right:.1%}",
            f"right question first and above the threshold: {self.matched_at_threshold:.1%}",
            f"new questions recognised as new: {self.new_recognised:.1%}",
        ]


def matching_figures(
    matcher: QuestionMatcher, pairs: Sequence[dict], threshold: float
) -> MatchingFigures:
    paraphrases = [pair for pair in pairs if pair["expected_key"]]
    new = [pair for pair in pairs if not pair["expected_key"]]
    first, above = 0, 0
    for pair in paraphrases:
        best = matcher.rank(pair["reported"], k=1)
        if best and best[0][0] == pair["expected_key"]:
            first += 1
            above += best[0][1] >= threshold
    recognised = sum(matcher.is_new(pair["reported"], threshold) for pair in new)
    return MatchingFigures(
        paraphrases=len(paraphrases),
        new_questions=len(new),
        first_right=first / max(len(paraphrases), 1),
        matched_at_threshold=above / max(len(paraphrases), 1),
        new_recognised=recognised / max(len(new), 1),
        threshold=threshold,
    )


def choose_threshold(matcher: QuestionMatcher, pairs: Sequence[dict]) -> float:
    """The cut-off that best separates paraphrases (kept) from new questions (kept apart)."""
    best_scores = [(matcher.rank(pair["reported"], k=1) or [(None, 0.0)])[0] for pair in pairs]
    candidates = sorted({round(score, 2) for _, score in best_scores} | {0.0})

    def correct(threshold: float) -> int:
        right = 0
        for pair, (key, score) in zip(pairs, best_scores, strict=True):
            if pair["expected_key"]:
                right += key == pair["expected_key"] and score >= threshold
            else:
                right += score < threshold
        return right

    # Among equally good cut-offs take the middle one: furthest from both kinds of mistake.
    best = max(correct(threshold) for threshold in candidates)
    tied = [threshold for threshold in candidates if correct(threshold) == best]
    return round((tied[0] + tied[-1]) / 2, 2)


@dataclass(frozen=True)
class SearchFigures:
    queries: int
    recall_at_5: float
    mrr: float
    misses: tuple[str, ...]

    def lines(self) -> list[str]:
        lines = [
            f"queries {self.queries}: recall@5 {self.recall_at_5:.3f}, MRR {self.mrr:.3f}",
        ]
        return lines + [f"  weak: {miss}" for miss in self.misses]


def search_figures(
    search: Callable[[str], Sequence[Hashable]], queries: Sequence[dict], k: int = 5
) -> SearchFigures:
    """Recall@K (share of each query's expected questions in its first K) and MRR."""
    recall, reciprocal, misses = 0.0, 0.0, []
    for query in queries:
        ranked = list(search(query["q"]))
        expected = set(query["expected"])
        found = len(expected & set(ranked[:k])) / len(expected)
        ranks = [position for position, key in enumerate(ranked, 1) if key in expected]
        recall += found
        reciprocal += 1 / ranks[0] if ranks else 0.0
        if found < 1 or not ranks or ranks[0] > 1:
            misses.append(f"{query['q']!r}: first expected at {ranks[0] if ranks else '-'}")
    count = max(len(queries), 1)
    return SearchFigures(len(queries), recall / count, reciprocal / count, tuple(misses))
