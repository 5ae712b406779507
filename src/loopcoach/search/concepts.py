"""Concepts: groups of phrases that mean the same thing in an interview question.

A content pack keeps them as data (`packs/<company>/concepts.yaml`, read by
`loopcoach.content.concepts`). Here they are only matched: a phrase is known
by its content stems (filler words left out), so "missed a deadline" and
"missed deadlines" are the same phrase, and a text mentions a concept when
one of its phrases occurs in it as consecutive content stems.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from loopcoach.search import WORD_RE, content_stems, stem


@dataclass(frozen=True)
class Concept:
    key: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """Concept KEY found over the content stems [start, end) of a text."""

    key: str
    start: int
    end: int


def phrase_key(phrase: str) -> tuple[str, ...]:
    """What identifies a phrase: its content stems (or all its stems if every word is filler)."""
    return tuple(content_stems(phrase)) or tuple(
        stem(word) for word in WORD_RE.findall(phrase.lower())
    )


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """Every stem of the phrase in order, filler words included: how a document spells it."""
    return tuple(stem(word) for word in WORD_RE.findall(phrase.lower()))


class ConceptMap:
    def __init__(self, concepts: Iterable[Concept] = ()) -> None:
        self.concepts = {concept.key: concept for concept in concepts}
        self._by_phrase: dict[tuple[str, ...], str] = {}
        for concept in self.concepts.values():
            for phrase in concept.phrases:
                self._by_phrase.setdefault(phrase_key(phrase), concept.key)
        self._longest = max((len(key) for key in self._by_phrase), default=0)

    def __len__(self) -> int:
        return len(self.concepts)

    def find(self, stems: Sequence[str]) -> list[Mention]:
        """The concepts STEMS mention, longest phrase first at each position, without overlap."""
        mentions, start = [], 0
        while start < len(stems):
            for length in range(min(self._longest, len(stems) - start), 0, -1):
                key = self._by_phrase.get(tuple(stems[start : start + length]))
                if key:
                    mentions.append(Mention(key, start, start + length))
                    start += length
                    break
            else:
                start += 1
        return mentions

    def spellings(self, key: str) -> list[tuple[str, ...]]:
        """The concept's phrases as documents spell them (every stem), without repeats."""
        return list(dict.fromkeys(phrase_stems(phrase) for phrase in self.concepts[key].phrases))


def concept_token(key: str) -> str:
    """A single index word standing for the concept (letters only, so every tokenizer keeps it)."""
    return "cx" + key.replace("-", "")
