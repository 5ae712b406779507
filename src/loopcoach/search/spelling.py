"""Typo repair against a known vocabulary ("managment", "comitment", "outtage").

One edit (a letter missing, added, changed, or two letters swapped) is found
through the words' single-letter deletions, the idea behind SymSpell: a word
and a misspelling one edit apart share a deletion. A lookup is a few dict
reads, whatever the size of the vocabulary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

MIN_LENGTH = 5  # shorter words have too many neighbours one edit away ("cost", "host", "most")


def _deletions(word: str) -> set[str]:
    return {word[:index] + word[index + 1 :] for index in range(len(word))}


class Speller:
    def __init__(self, words: Iterable[str]) -> None:
        self.counts = Counter(words)
        self._by_deletion: dict[str, set[str]] = {}
        for word in self.counts:
            if len(word) >= MIN_LENGTH - 1:
                for key in _deletions(word) | {word}:
                    self._by_deletion.setdefault(key, set()).add(word)

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def correct(self, word: str) -> str:
        """The most frequent known word one edit from WORD, or WORD itself."""
        if word in self.counts or len(word) < MIN_LENGTH or word.isdigit():
            return word
        candidates: set[str] = set()
        for key in _deletions(word) | {word}:
            candidates |= self._by_deletion.get(key, set())
        candidates = {candidate for candidate in candidates if abs(len(candidate) - len(word)) <= 1}
        if not candidates:
            return word
        return max(sorted(candidates), key=self.counts.__getitem__)
