"""What a web process holds: the stacks it rarely needs stay unimported until used, and the
objects made at start are frozen out of the garbage collector's full collections."""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

from loopcoach.web import commands
from loopcoach.web.bench import load

SRC = Path(__file__).resolve().parents[2] / "src"
LOADED = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loopcoach.web.settings")
import django
django.setup()
from django.urls import get_resolver
from loopcoach.web.wsgi import application
get_resolver().url_patterns
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_the_loaded_app_has_not_imported_the_coach_client_nor_the_calendar():
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    run = subprocess.run([sys.executable, "-c", LOADED], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    loaded = set(run.stdout.split())
    assert "loopcoach" in loaded and "django" in loaded
    assert not loaded & {"httpx", "icalendar", "torch", "faster_whisper", "av", "ctranslate2"}


def test_the_analyzer_loads_the_english_stemmer_alone_and_the_package_stays_whole():
    script = (
        "import sys; from loopcoach.analysis.principles import stem; print(stem('negotiated'), "
        "sorted(m for m in sys.modules if m.startswith('snowballstemmer')));"
        "import snowballstemmer; print(snowballstemmer.stemmer('french').stemWord('chanteuses'))"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    first, second = run.stdout.splitlines()
    assert first == (
        "negoti ['snowballstemmer.among', 'snowballstemmer.basestemmer', "
        "'snowballstemmer.english_stemmer']"
    )
    assert second == "chanteux"


def test_settling_freezes_what_the_start_made_and_reads_the_analyzers_models():
    from loopcoach.analysis import linear

    linear.shipped_model.cache_clear()
    try:
        commands.settle()
        assert gc.get_freeze_count() > 10_000
        shipped = resources.files(linear.MODELS_PACKAGE).iterdir()
        names = [entry.name for entry in shipped if entry.name.endswith(".json")]
        assert len(names) >= 10 and linear.shipped_model.cache_info().currsize == len(names)
    finally:
        gc.unfreeze()


def test_the_bench_starts_its_servers_with_one_malloc_arena(monkeypatch):
    started = []

    class Server:
        def __init__(self, command, **kwargs):
            started.append(kwargs["env"])

    monkeypatch.setattr(load.subprocess, "Popen", Server)
    monkeypatch.setattr(load, "_wait_until_up", lambda url, servers: None)
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    args = argparse.Namespace(threads=8, processes=2)
    load._start(args, 8600, app=True)
    assert [env["MALLOC_ARENA_MAX"] for env in started] == ["1", "1"]
