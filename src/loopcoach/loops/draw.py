"""Drawing a mock loop's questions: two or three a round, covering every principle it assesses.

For each round, every combination of two or three candidate questions is
weighed, and the best wins by, in this order: fewest of the round's principles
left uncovered, fewest questions practised recently, most questions the bank
files under this round, fewest questions, then a seeded coin toss — so the
same seed always draws the same loop, and another seed usually another. A
question is drawn at most once per loop. A principle that no remaining
question probes is reported as uncovered instead of failing.

A round may ask for one category of question (`RoundSpec.category`: the
system-design round wants system-design questions, which are answered and
judged as designs): it then draws only from that category while enough such
questions are left, and weighs principles among them.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

MIN_PER_ROUND = 2
MAX_PER_ROUND = 3
CANDIDATES_PER_ROUND = 30  # keeps the search over combinations to a few thousand


@dataclass(frozen=True)
class RoundSpec:
    slug: str
    principles: tuple[str, ...]
    category: str | None = None  # draw only questions of this category (while there are any)


@dataclass(frozen=True)
class BankQuestion:
    id: int
    principles: frozenset[str]
    round: str | None = None
    category: str | None = None


@dataclass
class RoundDraw:
    round: str
    questions: list[int] = field(default_factory=list)
    covered: dict[int, list[str]] = field(
        default_factory=dict
    )  # question id → principles it covers here
    uncovered: list[str] = field(default_factory=list)


def draw_questions(
    rounds: Sequence[RoundSpec],
    bank: Sequence[BankQuestion],
    *,
    seed: int,
    recent: Collection[int] = (),
    min_per_round: int = MIN_PER_ROUND,
    max_per_round: int = MAX_PER_ROUND,
) -> list[RoundDraw]:
    rng = random.Random(seed)
    # One random key per question, drawn in bank order: the seed alone fixes the tie-breaks.
    toss = {question.id: rng.random() for question in sorted(bank, key=lambda q: q.id)}
    recent = set(recent)
    used: set[int] = set()
    draws = []
    for spec in rounds:
        draw = _draw_round(spec, bank, used, recent, toss, min_per_round, max_per_round)
        used.update(draw.questions)
        draws.append(draw)
    return draws


def _draw_round(
    spec: RoundSpec,
    bank: Sequence[BankQuestion],
    used: set[int],
    recent: set[int],
    toss: dict[int, float],
    min_count: int,
    max_count: int,
) -> RoundDraw:
    wanted = set(spec.principles)
    bank = _of_category(spec, bank, used, min_count)

    def preference(question: BankQuestion) -> tuple:
        return (question.id in recent, question.round != spec.slug, toss[question.id])

    candidates = sorted(
        (q for q in bank if q.id not in used and q.principles & wanted), key=preference
    )
    candidates = candidates[:CANDIDATES_PER_ROUND]
    if (
        len(candidates) < min_count
    ):  # too few probe the principles: top up with the round's own questions
        extra = sorted(
            (q for q in bank if q.id not in used and q not in candidates), key=preference
        )
        candidates += extra[: min_count - len(candidates)]

    def key(combo: tuple[BankQuestion, ...]) -> tuple:
        covered = set().union(*(q.principles for q in combo)) & wanted
        return (
            len(wanted - covered),
            sum(q.id in recent for q in combo),
            sum(q.round != spec.slug for q in combo),
            len(combo),
            sum(toss[q.id] for q in combo),
        )

    sizes = range(min(min_count, len(candidates)), min(max_count, len(candidates)) + 1)
    combos = (combo for size in sizes for combo in itertools.combinations(candidates, size))
    best = min(combos, key=key, default=())
    draw = RoundDraw(spec.slug, questions=[q.id for q in best])
    draw.covered = {q.id: [p for p in spec.principles if p in q.principles] for q in best}
    covered = set().union(*(q.principles for q in best)) if best else set()
    draw.uncovered = [p for p in spec.principles if p not in covered]
    return draw


def _of_category(
    spec: RoundSpec, bank: Sequence[BankQuestion], used: set[int], min_count: int
) -> Sequence[BankQuestion]:
    """The questions a round may draw: of its category when it asks for one and at least
    `min_count` of them are left, else the whole bank."""
    if spec.category is None:
        return bank
    own = [q for q in bank if q.category == spec.category]
    return own if sum(q.id not in used for q in own) >= min_count else bank
