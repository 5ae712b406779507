"""`loopcoach manage seed_scale`: a large instance for load tests, on SQLite or PostgreSQL.

Questions are variations of the loaded bank's own questions (so searches find realistic
words) with their principles, in a guide of their own (company `scale`, role `bank`): a pack
load retires the questions of a pack's guide that the pack does not list, and must not
retire these; users share one password hash (hashing
10,000 passwords would take minutes); attempts carry a small analysis like a real one.
Everything goes in with bulk_create in batches, in one transaction per batch, and the
content version is bumped once at the end. Run `loopcoach content load` first.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction

from loopcoach.search import document_terms
from loopcoach.web.core.pagecache import content_changes
from loopcoach.web.guides.models import Company, Guide
from loopcoach.web.practice.models import Attempt
from loopcoach.web.questions.models import Question
from loopcoach.web.stories.models import Story

SETTINGS = [
    "at a startup of twelve people",
    "in a team that had just lost its manager",
    "during a migration to a new datacenter",
    "with a partner team in another time zone",
    "when the budget was cut by half",
    "on a payments service with strict uptime goals",
    "while hiring for two open roles",
    "after a customer escalation",
    "in your first ninety days",
    "across three product lines",
]
ANSWER = (
    "In 2023 I led the checkout team of eight engineers when our p99 latency doubled. "
    "I dug into the traces myself, found a lock held across a network call, and proposed a fix. "
    "I wrote the design, got buy-in from the payments lead, and we shipped it in two weeks. "
    "Latency fell from 900 ms to 180 ms and conversion rose 3%. I learned to measure first."
)
ANALYSIS = {"schema_version": 1, "grade": 3, "word_count": 64, "principles": []}
SEED_PREFIX = "scale-"


class Command(BaseCommand):
    help = "Generate a large instance: questions, users, attempts and stories (sizes as options)."

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=int, default=100_000)
        parser.add_argument("--users", type=int, default=10_000)
        parser.add_argument("--attempts", type=int, default=1_000_000)
        parser.add_argument("--stories", type=int, default=20_000)
        parser.add_argument("--batch", type=int, default=5_000, help="rows per bulk_create")
        parser.add_argument("--seed", type=int, default=13, help="random seed (same data each run)")

    def handle(self, *args: Any, **options: Any) -> None:
        sizes = [options[name] for name in ("questions", "users", "attempts", "stories", "batch")]
        if min(sizes) < 0 or options["batch"] < 1:
            raise CommandError("Sizes must be zero or more, and --batch at least 1.")
        if options["attempts"] and not (options["users"] or User.objects.exists()):
            raise CommandError("Attempts need users: give --users.")
        templates = list(
            Question.objects.exclude(key__startswith=SEED_PREFIX)
            .select_related("guide")
            .prefetch_related("principles")[:2000]
        )
        if not templates:
            raise CommandError("No content loaded: run `loopcoach content load` first.")
        self.batch, self.random = options["batch"], random.Random(options["seed"])
        started = time.perf_counter()
        with content_changes():
            self._step("questions", options["questions"], lambda n: self._questions(templates, n))
        self._step("users", options["users"], self._users)
        self._step("attempts", options["attempts"], self._attempts)
        self._step("stories", options["stories"], self._stories)
        self.stdout.write(f"done in {time.perf_counter() - started:.1f} s")

    def _step(self, what: str, count: int, make: Callable[[int], None]) -> None:
        if not count:
            return
        started = time.perf_counter()
        make(count)
        seconds = time.perf_counter() - started
        self.stdout.write(f"{what}: {count:,} in {seconds:.1f} s ({count / seconds:,.0f} a second)")

    def _batches(self, count: int) -> Iterator[tuple[int, int]]:
        for start in range(0, count, self.batch):
            yield start, min(self.batch, count - start)

    def _questions(self, templates: list[Question], count: int) -> None:
        through = Question.principles.through
        guide = _scale_guide(templates[0].guide)
        offset = Question.objects.filter(key__startswith=SEED_PREFIX).count()
        for start, size in self._batches(count):
            rows, principles = [], []
            for index in range(offset + start, offset + start + size):
                template = self.random.choice(templates)
                text = f"{template.text.rstrip('?.')} {self.random.choice(SETTINGS)}?"
                rows.append(
                    Question(
                        guide=guide,
                        key=f"{SEED_PREFIX}{index}",
                        text=text,
                        category=template.category,
                        source=Question.Source.EDITORIAL,
                        search_document=document_terms(f"{text} {text}"),
                    )
                )
                principles.append([p.pk for p in template.principles.all()])
            with transaction.atomic():
                created = Question.objects.bulk_create(rows)
                links = [
                    through(question_id=question.pk, principle_id=principle)
                    for question, chosen in zip(created, principles, strict=True)
                    for principle in chosen
                ]
                through.objects.bulk_create(links)

    def _users(self, count: int) -> None:
        password = make_password("scale-Passw0rd!")
        offset = User.objects.filter(username__startswith=SEED_PREFIX).count()
        for start, size in self._batches(count):
            names = range(offset + start, offset + start + size)
            User.objects.bulk_create(
                User(
                    username=f"{SEED_PREFIX}{n}",
                    email=f"{SEED_PREFIX}{n}@example.com",
                    password=password,
                )
                for n in names
            )

    def _ids(self, model: type[models.Model], **filters: Any) -> list[int]:
        return list(model._default_manager.filter(**filters).values_list("pk", flat=True))

    def _attempts(self, count: int) -> None:
        users = self._ids(User, username__startswith=SEED_PREFIX) or self._ids(User)
        questions = self._ids(Question, retired=False)
        first_new = (Attempt.objects.aggregate(last=models.Max("pk"))["last"] or 0) + 1
        for _, size in self._batches(count):
            rows = [
                Attempt(
                    user_id=self.random.choice(users),
                    question_id=self.random.choice(questions),
                    answer=ANSWER,
                    analysis=ANALYSIS,
                    grade=self.random.randint(1, 4),
                )
                for _ in range(size)
            ]
            with transaction.atomic():
                Attempt.objects.bulk_create(rows)
        _spread_over_a_year(first_new)

    def _stories(self, count: int) -> None:
        users = self._ids(User, username__startswith=SEED_PREFIX) or self._ids(User)
        for start, size in self._batches(count):
            Story.objects.bulk_create(
                Story(
                    user_id=self.random.choice(users),
                    title=f"Story {start + n}: {self.random.choice(SETTINGS)}",
                    situation=ANSWER[:80],
                    task="Bring latency back under the goal.",
                    action=ANSWER[80:260],
                    result="Latency fell from 900 ms to 180 ms.",
                )
                for n in range(size)
            )


def _scale_guide(model: Guide) -> Guide:
    """The generated questions' guide, its prose copied from a real one."""
    company, _ = Company.objects.get_or_create(
        slug="scale", defaults={"name": "Scale test", "principles_name": "principles"}
    )
    prose = {
        field.name: getattr(model, field.name)
        for field in Guide._meta.concrete_fields
        if field.name
        not in ("id", "company", "role_slug", "role_name", "title", "pack_fingerprint")
    }
    guide, _ = Guide.objects.get_or_create(
        company=company,
        role_slug="bank",
        defaults={**prose, "role_name": "Generated bank", "title": "Scale test: generated bank"},
    )
    return guide


def _spread_over_a_year(first_pk: int) -> None:
    """auto_now_add stamps every new attempt "now": spread them over the last year instead."""
    table = Attempt._meta.db_table
    if connection.vendor == "postgresql":
        shift = "created_at - random() * interval '365 days'"
    else:
        shift = "datetime(created_at, '-' || (abs(random()) % 525600) || ' minutes')"
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET created_at = {shift} WHERE id >= %s", [first_pk])  # noqa: S608
