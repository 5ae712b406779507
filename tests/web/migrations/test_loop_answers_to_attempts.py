"""Migrating mock-loop answers into Attempt (loops 0002-0005, practice 0002-0003) keeps
every answer, and migrating back restores them. Runs in a database of its own, on whichever
engine the suite runs on (SQLite, or PostgreSQL with DATABASE_URL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import load_backend

pytestmark = pytest.mark.django_db

ALIAS = "migration_check"
BEFORE = [("loops", "0001_initial"), ("practice", "0001_initial")]
AFTER = [("loops", "0005_delete_loopanswer"), ("practice", "0003_loop_answers_to_attempts")]
GIVEN = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def scratch(tmp_path):
    """An empty database beside the test database, dropped afterwards."""
    default = connections["default"]
    config = {**default.settings_dict}
    if default.vendor == "sqlite":
        config["NAME"] = str(tmp_path / "migrations.sqlite3")
    else:
        config["NAME"] = f"{default.settings_dict['NAME']}_migrations"
        _postgres(default, f'DROP DATABASE IF EXISTS "{config["NAME"]}"')
        _postgres(default, f'CREATE DATABASE "{config["NAME"]}"')
    # A connection made here, not a configured alias: Django's test isolation allows it.
    connections[ALIAS] = load_backend(config["ENGINE"]).DatabaseWrapper(config, alias=ALIAS)
    try:
        yield connections[ALIAS]
    finally:
        connections[ALIAS].close()
        del connections[ALIAS]
        if default.vendor != "sqlite":
            _postgres(default, f'DROP DATABASE IF EXISTS "{config["NAME"]}"')


def _postgres(default, sql: str) -> None:
    with default._nodb_cursor() as cursor:  # CREATE DATABASE runs outside any transaction
        cursor.execute(sql)


def _migrate(connection, targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _old_loop(apps) -> dict:
    """A loop in the old shape: one answered question with its follow-up answered, one answered
    without it, one never answered."""
    user = apps.get_model("auth", "User").objects.using(ALIAS).create(username="alice")
    company = apps.get_model("guides", "Company").objects.using(ALIAS).create(slug="a", name="A")
    guide = (
        apps.get_model("guides", "Guide")
        .objects.using(ALIAS)
        .create(company=company, role_slug="em", role_name="EM", title="EM", tagline="t")
    )
    questions = [
        apps.get_model("questions", "Question")
        .objects.using(ALIAS)
        .create(guide=guide, text=f"Question {n}?", key=f"q{n}", category="behavioral")
        for n in range(3)
    ]
    loop = (
        apps.get_model("loops", "MockLoop")
        .objects.using(ALIAS)
        .create(user=user, guide=guide, seed=1)
    )
    session = (
        apps.get_model("loops", "LoopRoundSession")
        .objects.using(ALIAS)
        .create(loop=loop, order=1, slug="r", name="R", interviewer="I", minutes=15)
    )
    answers = apps.get_model("loops", "LoopAnswer").objects.using(ALIAS)
    full = answers.create(
        session=session,
        question=questions[0],
        order=1,
        principle_slugs=["dive-deep"],
        answer="I profiled it myself.",
        answered_at=GIVEN,
        analysis={"grade": 3},
        grade=3,
        follow_up="How did you measure it?",
        follow_up_answer="With tracing.",
        follow_up_answered_at=GIVEN + timedelta(minutes=2),
        follow_up_analysis={"grade": 4},
        final_grade=4,
    )
    half = answers.create(
        session=session,
        question=questions[1],
        order=2,
        answer="We shipped it.",
        answered_at=GIVEN,
        grade=None,
        follow_up="What did you do?",
    )
    blank = answers.create(session=session, question=questions[2], order=3)
    return {"user": user.pk, "full": full.pk, "half": half.pk, "blank": blank.pk}


def test_every_loop_answer_becomes_an_attempt_and_comes_back(scratch):
    ids = _old_loop(_migrate(scratch, BEFORE))

    apps = _migrate(scratch, AFTER)
    drawn = apps.get_model("loops", "LoopQuestion").objects.using(ALIAS)
    assert sorted(drawn.values_list("pk", "order")) == [
        (ids["full"], 1),
        (ids["half"], 2),
        (ids["blank"], 3),
    ]
    assert drawn.get(pk=ids["full"]).principle_slugs == ["dive-deep"]
    assert drawn.get(pk=ids["half"]).follow_up == "What did you do?"
    attempts = apps.get_model("practice", "Attempt").objects.using(ALIAS)
    assert attempts.count() == 3 and set(attempts.values_list("user_id", flat=True)) == {
        ids["user"]
    }
    main = attempts.get(loop_question_id=ids["full"], parent=None)
    assert (main.answer, main.grade, main.analysis, main.created_at) == (
        "I profiled it myself.",
        3,
        {"grade": 3},
        GIVEN,
    )
    follow = attempts.get(loop_question_id=ids["full"], parent=main)
    assert (follow.answer, follow.follow_up, follow.created_at) == (
        "With tracing.",
        "How did you measure it?",
        GIVEN + timedelta(minutes=2),
    )
    assert attempts.get(loop_question_id=ids["half"]).answer == "We shipped it."
    assert not attempts.filter(loop_question_id=ids["blank"]).exists()
    # A new drawn question gets a fresh id (PostgreSQL's sequence moved past the copied ones).
    session = drawn.get(pk=ids["full"]).session
    later = (
        apps.get_model("loops", "LoopRoundSession")
        .objects.using(ALIAS)
        .create(loop_id=session.loop_id, order=2, slug="s", name="S", interviewer="J", minutes=15)
    )
    assert drawn.create(session=later, question_id=main.question_id, order=1).pk > max(ids.values())
    drawn.filter(session=later).delete()

    apps = _migrate(scratch, BEFORE)
    answers = apps.get_model("loops", "LoopAnswer").objects.using(ALIAS)
    full = answers.get(pk=ids["full"])
    assert (full.answer, full.answered_at, full.grade, full.follow_up_answer) == (
        "I profiled it myself.",
        GIVEN,
        3,
        "With tracing.",
    )
    assert full.follow_up == "How did you measure it?" and full.principle_slugs == ["dive-deep"]
    assert answers.get(pk=ids["half"]).answer == "We shipped it."
    assert answers.get(pk=ids["blank"]).answered_at is None
    assert not apps.get_model("practice", "Attempt").objects.using(ALIAS).exists()
