"""How fast the matcher ranks a large bank: `python -m loopcoach.search.bench [SIZE]`.

The bank is the real Amazon EM questions plus synthetic ones drawn from their
vocabulary (each word as often as in the real bank), so that posting lists
are as long as a real bank of that size would make them; the wordings
ranked are the labelled paraphrases of training/search/.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass

from loopcoach.content import PACKS_DIR, read_pack
from loopcoach.content.concepts import company_concepts
from loopcoach.search import WORD_RE
from loopcoach.search.evaluation import PAIRS_FILE, read_jsonl
from loopcoach.search.matcher import QuestionMatcher

BANK_SIZE = 100_000
SEED = 14


@dataclass(frozen=True)
class BenchFigures:
    bank_size: int
    build_seconds: float
    queries: int
    median_ms: float
    p95_ms: float
    max_ms: float
    cpu_median_ms: float
    cpu_max_ms: float

    def lines(self) -> list[str]:
        return [
            f"bank of {self.bank_size:,} questions indexed in {self.build_seconds:.1f} s",
            f"rank(text, k=5) over {self.queries} wordings: median {self.median_ms:.1f} ms, "
            f"p95 {self.p95_ms:.1f} ms, max {self.max_ms:.1f} ms",
            # On a busy machine the wall clock counts the time spent waiting for a core.
            f"CPU time per ranking: median {self.cpu_median_ms:.1f} ms, "
            f"max {self.cpu_max_ms:.1f} ms",
        ]


def synthetic_bank(real: list[tuple[str, str]], size: int, seed: int = SEED) -> list[tuple]:
    """REAL plus questions of 8 to 24 words drawn from REAL's words, up to SIZE in all."""
    counts = Counter(word for _, text in real for word in WORD_RE.findall(text.lower()))
    words, weights = list(counts), list(counts.values())
    generator = random.Random(seed)
    bank = list(real)
    for number in range(size - len(real)):
        length = generator.randint(8, 24)
        bank.append((f"synthetic-{number}", " ".join(generator.choices(words, weights, k=length))))
    return bank


def bench(size: int = BANK_SIZE) -> BenchFigures:
    pack = read_pack(PACKS_DIR / "amazon" / "engineering-manager")
    real = [(question.key, question.text) for question in pack.questions]
    bank = synthetic_bank(real, size)
    started = time.perf_counter()
    matcher = QuestionMatcher(bank, company_concepts("amazon"))
    build_seconds = time.perf_counter() - started
    timings, cpu = [], []
    for pair in read_jsonl(PAIRS_FILE):
        started, started_cpu = time.perf_counter(), time.process_time()
        matcher.rank(pair["reported"], k=5)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    timings.sort()
    return BenchFigures(
        bank_size=len(bank),
        build_seconds=build_seconds,
        queries=len(timings),
        median_ms=statistics.median(timings),
        p95_ms=timings[int(len(timings) * 0.95) - 1],
        max_ms=timings[-1],
        cpu_median_ms=statistics.median(cpu),
        cpu_max_ms=max(cpu),
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    size = int(argv[0]) if argv else BANK_SIZE
    print("\n".join(bench(size).lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
