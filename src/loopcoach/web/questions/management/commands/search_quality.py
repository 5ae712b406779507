"""`loopcoach manage search_quality`: the matching and search figures on this database.

Prints the matcher's figures on the labelled pairs (threshold chosen on one
half, checked on the other), then recall@5 and MRR of the bank's search for
the labelled everyday queries, on whichever database is configured
(`DATABASE_URL` for PostgreSQL). Run it against a loaded database
(`loopcoach content load`).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from loopcoach.content import PACKS_DIR, read_pack
from loopcoach.content.concepts import company_concepts
from loopcoach.search.bench import bench as matcher_bench
from loopcoach.search.evaluation import (
    PAIRS_FILE,
    QUERIES_FILE,
    choose_threshold,
    is_tuning,
    matching_figures,
    read_jsonl,
    search_figures,
)
from loopcoach.search.matcher import NEW_QUESTION_THRESHOLD, QuestionMatcher
from loopcoach.web.questions.models import Question
from loopcoach.web.questions.selectors import QuestionFilters, question_filter


class Command(BaseCommand):
    help = "Measure the matcher of reported questions and the bank's search on this database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bench",
            type=int,
            metavar="SIZE",
            default=0,
            help="also time the matcher on a synthetic bank of SIZE questions (100000)",
        )

    def handle(self, *args: object, bench: int = 0, **options: object) -> None:
        if not Question.objects.active().filter(key__startswith="amzn-em-").exists():
            raise CommandError("The Amazon EM pack is not loaded: run `loopcoach content load`.")
        self._matching()
        self._search()
        if bench:
            if not 1_000 <= bench <= 1_000_000:
                raise CommandError("--bench takes a bank size from 1,000 to 1,000,000.")
            self.stdout.write("Matcher speed:")
            for line in matcher_bench(bench).lines():
                self.stdout.write(f"  {line}")

    def _matching(self) -> None:
        pack = read_pack(PACKS_DIR / "amazon" / "engineering-manager")
        matcher = QuestionMatcher(
            [(question.key, question.text) for question in pack.questions],
            company_concepts("amazon"),
        )
        pairs = read_jsonl(PAIRS_FILE)
        tuning = [pair for pair in pairs if is_tuning(pair)]
        held_out = [pair for pair in pairs if not is_tuning(pair)]
        chosen = choose_threshold(matcher, tuning)
        self.stdout.write(
            f"Matching ({len(pairs)} labelled pairs): threshold chosen on {len(tuning)}: "
            f"{chosen:.2f} (in use: {NEW_QUESTION_THRESHOLD:.2f})"
        )
        for name, part in (("held out", held_out), ("tuning", tuning)):
            figures = matching_figures(matcher, part, NEW_QUESTION_THRESHOLD)
            self.stdout.write(f"  {name}: " + "; ".join(figures.lines()))

    def _search(self) -> None:
        def ranked(q: str) -> list[str]:
            return [question.key for question in question_filter(QuestionFilters(q=q))[:10]]

        figures = search_figures(ranked, read_jsonl(QUERIES_FILE))
        self.stdout.write(f"Search on {connection.vendor}:")
        for line in figures.lines():
            self.stdout.write(f"  {line}")
