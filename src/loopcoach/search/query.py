"""A search query as the databases see it: slots of alternatives, the concept map expanding it.

"conflict with my manager" becomes one slot, because the concept map knows the
phrase, whose alternatives are every spelling of that concept ("disagreed
with your manager", "pushback boss", …); a word the map does not know is a
slot of its own. Each database matches a question that has some alternative
of every slot first, ranked by its own relevance (FTS5 bm25, ts_rank), and
then, when that leaves too few, questions that have some slot.
"""

from __future__ import annotations

from dataclasses import dataclass

from loopcoach.search import WORD_RE, content_stems, stem
from loopcoach.search.concepts import ConceptMap

MAX_QUERY_WORDS = 20


@dataclass(frozen=True)
class Alternative:
    """Stems a question must have: in this order, next to each other, if ADJACENT."""

    stems: tuple[str, ...]
    adjacent: bool = True


@dataclass(frozen=True)
class Slot:
    """One part of the query: any of its alternatives will do."""

    alternatives: tuple[Alternative, ...]
    prefix: bool = False  # the last word of the query, maybe still being typed: "rate lim…"

    @property
    def strict_alternatives(self) -> tuple[Alternative, ...]:
        """The phrases as spelled: "conflict with my manager" is not "manager … conflict"."""
        return tuple(alternative for alternative in self.alternatives if alternative.adjacent)


def expand_query(query: str, concepts: ConceptMap) -> list[Slot]:
    text = " ".join(WORD_RE.findall(query.lower())[:MAX_QUERY_WORDS])
    stems = content_stems(text) or [stem(word) for word in WORD_RE.findall(text)]
    slots: list[Slot] = []
    position = 0
    for mention in concepts.find(stems):
        slots += [_word(term) for term in stems[position : mention.start]]
        # The query's own words, in any order, and every spelling of the concept.
        own_stems = tuple(stems[mention.start : mention.end])
        own = Alternative(own_stems, adjacent=len(own_stems) == 1)
        spellings = [Alternative(spelling) for spelling in concepts.spellings(mention.key)]
        slots.append(Slot(tuple(dict.fromkeys([own, *spellings]))))
        position = mention.end
    slots += [_word(term) for term in stems[position:]]
    slots = list(dict.fromkeys(slots))
    if slots and len(slots[-1].alternatives) == 1 and position < len(stems):
        slots[-1] = Slot(slots[-1].alternatives, prefix=True)
    return slots


def _word(term: str) -> Slot:
    return Slot((Alternative((term,)),))
