"""Shared fixtures: the built-in content loaded once per test session, named users."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURE_PACKS = Path(__file__).parent / "fixtures" / "packs"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage needs `collectstatic`; tests serve files from the apps.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def load_builtin_content() -> None:
    from loopcoach.content import PACKS_DIR, find_packs, read_pack
    from loopcoach.web.guides.services import pack_load

    for folder in find_packs(PACKS_DIR):
        pack_load(pack=read_pack(folder))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The built-in packs, loaded once; each test runs in a transaction rolled back after it."""
    with django_db_blocker.unblock():
        load_builtin_content()


@pytest.fixture
def amazon_guide(db):
    from loopcoach.web.guides.models import Guide

    return Guide.objects.select_related("company").get(
        company__slug="amazon", role_slug="engineering-manager"
    )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and login lockouts live in the cache: start every test with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def make_user(username: str):
    from django.contrib.auth.models import User

    return User.objects.create_user(
        username=username, email=f"{username}@example.com", password=f"{username}-Passw0rd!"
    )


@pytest.fixture
def alice(db):
    """A candidate who owns what the test looks at."""
    return make_user("alice")


@pytest.fixture
def bob(db):
    """Another candidate, who must see none of alice's rows."""
    return make_user("bob")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """SQLite tests use a file, not memory, so a worker in another process sees their rows."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(settings.DATA_DIR / "test_loopcoach.sqlite3")


def worker_env(**extra: str) -> dict[str, str]:
    """The environment of a `loopcoach worker` process on this test run's database."""
    import os

    from django.db import connection

    from loopcoach.web.settings import DATABASE_URL

    env = {
        **os.environ,
        "PYTHONPATH": f"{Path(__file__).parents[1] / 'src'}:{Path(__file__).parents[1]}",
    }
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{name}"
    else:
        import dj_database_url

        parts = dj_database_url.parse(DATABASE_URL or "")
        env["DATABASE_URL"] = (
            f"postgres://{parts['USER']}@{parts['HOST']}:{parts['PORT'] or 5432}/{name}"
        )
    return {**env, **extra}


@pytest.fixture
def start_worker(transactional_db):
    """Start real `loopcoach worker` processes, each stopped after the test: start_worker(**env)."""
    import subprocess
    import sys

    started: list[subprocess.Popen] = []

    def start(**extra: str) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-m", "loopcoach.cli", "worker", "--interval", "0.1"],
            env=worker_env(**extra),
            cwd=Path(__file__).parents[1],
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
