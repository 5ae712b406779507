"""`loopcoach serve`, `loopcoach manage …` and the database half of `loopcoach content`."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable

from loopcoach.web.env import envint, envstr


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loopcoach.web.settings")
    import django

    django.setup()


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser(
        "serve", help="migrate, load content, collect static files and serve with waitress"
    )
    serve.add_argument("--host", default=envstr("LOOPCOACH_HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=envint("LOOPCOACH_PORT", 8000, minimum=1))
    serve.add_argument("--threads", type=int, default=envint("LOOPCOACH_THREADS", 8, minimum=1))
    serve.add_argument(
        "--reuse-port",
        action="store_true",
        help="share the port with other `serve` processes (Linux SO_REUSEPORT spreads connections)",
    )
    serve.add_argument(
        "--no-setup",
        action="store_true",
        help="skip migrate/content load/collectstatic (for extra web processes)",
    )
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="do not start a background worker beside the web server (it starts one on SQLite)",
    )
    serve.set_defaults(func=run_serve)
    worker = subparsers.add_parser(
        "worker", help="run a background worker (transcription, the coach); as many as you like"
    )
    worker.add_argument(
        "--interval",
        type=float,
        default=0.2,
        help="seconds between looks at an empty database queue (default 0.2)",
    )
    worker.add_argument(
        "--batch", action="store_true", help="run the queued tasks, then exit when none is left"
    )
    worker.set_defaults(func=run_worker)
    voice = subparsers.add_parser("voice", help="voice answers: measure the transcription")
    voice_commands = voice.add_subparsers(dest="voice_command", metavar="COMMAND", required=True)
    bench = voice_commands.add_parser(
        "bench", help="speed, word error rate and memory of the transcription, on espeak-ng speech"
    )
    bench.add_argument(
        "--latency",
        action="store_true",
        help="also time submit → 'Transcribing' with a real worker on this database",
    )
    bench.add_argument("--json", action="store_true", help="print the figures as JSON too")
    bench.set_defaults(func=run_voice_bench)
    subparsers.add_parser(
        "manage", help="run any Django management command: loopcoach manage --help"
    )
    from loopcoach.web.bench import load as bench_load

    bench_load.register(subparsers)


def run_manage(argv: list[str]) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["loopcoach manage", *argv])
    return 0


def run_content_load(args: argparse.Namespace) -> int:
    """`loopcoach content load [PATH]`: validate, then upsert; exit 1 with the problems."""
    from loopcoach.content.commands import print_problems

    setup_django()
    from loopcoach.web.guides.services import ContentInvalid, content_load

    try:
        reports = content_load(root=args.path)
    except ContentInvalid as invalid:
        print_problems(invalid.problems, "; nothing was loaded")
        return 1
    for report in reports:
        print(report.summary())
    return 0


def prepare() -> None:
    """Bring the database and static files up to date: safe to run on every start."""
    from django.core.management import call_command

    from loopcoach.web.guides.services import ContentInvalid, content_load

    call_command("migrate", interactive=False, verbosity=0)
    try:
        reports = content_load()
    except ContentInvalid as invalid:
        raise SystemExit(
            "The built-in content packs are invalid:\n" + "\n".join(invalid.problems)
        ) from None
    for report in reports:
        print(report.summary())
    call_command("collectstatic", interactive=False, verbosity=0)


def run_worker(args: argparse.Namespace) -> int:
    setup_django()
    from loopcoach.web.tasks.worker import run_worker as work

    work(interval=args.interval, batch=args.batch)
    return 0


def run_voice_bench(args: argparse.Namespace) -> int:
    import json

    setup_django()
    from loopcoach.web.voice import bench

    figures = bench.run()
    if args.latency:
        figures["latency"] = bench.measure_latency()
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0


def _embedded_default() -> bool:
    """SQLite and no Redis: the one-person install, where `serve` alone must do everything."""
    from django.conf import settings

    return (
        settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") and not settings.TASKS_ON_REDIS
    )


def start_worker_beside() -> subprocess.Popen:
    """A `loopcoach worker` in its own process: a transcription never holds up a web request."""
    return subprocess.Popen([sys.executable, "-m", "loopcoach.cli", "worker"])


def run_serve(args: argparse.Namespace) -> int:
    setup_django()
    if not args.no_setup:
        prepare()
    from loopcoach.web.wsgi import application

    settle()
    worker = None if args.no_worker or not _embedded_default() else start_worker_beside()
    print(f"loopcoach is running on http://{args.host}:{args.port}/ (Ctrl+C to stop)", flush=True)
    try:
        serve_on(application, args.host, args.port, args.threads, reuse_port=args.reuse_port)
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
    return 0


def settle() -> None:
    """Once the app is loaded, before serving: import every view (the URL patterns) and read the
    analyzer's models (the first answers waited for them, and they were parsed amid eight
    threads' request garbage), then hide the objects made so far from the garbage collector
    (`gc.freeze`). They live as long as the process, and every full collection under load
    walked all of them again."""
    import gc

    from django.urls import get_resolver

    from loopcoach.analysis.linear import preload_shipped_models

    get_resolver().url_patterns  # noqa: B018 -- read to import every view now
    preload_shipped_models()
    gc.collect()
    gc.freeze()


def serve_on(
    application: Callable, host: str, port: int, threads: int, *, reuse_port: bool
) -> None:
    """Serve with waitress; with `reuse_port`, on a socket other processes may bind too."""
    from waitress import serve

    if not reuse_port:
        serve(application, host=host, port=port, threads=threads, ident="loopcoach")
        return
    import socket

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    serve(application, sockets=[sock], threads=threads, ident="loopcoach")


if __name__ == "__main__":
    sys.exit(run_manage(sys.argv[1:]))
