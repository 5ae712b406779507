"""`loopcoach serve`, `loopcoach manage …` and the database half of `loopcoach content`."""

from __future__ import annotations

import argparse
import os
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
    serve.set_defaults(func=run_serve)
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


def run_serve(args: argparse.Namespace) -> int:
    setup_django()
    if not args.no_setup:
        prepare()
    from loopcoach.web.wsgi import application

    print(f"loopcoach is running on http://{args.host}:{args.port}/ (Ctrl+C to stop)", flush=True)
    serve_on(application, args.host, args.port, args.threads, reuse_port=args.reuse_port)
    return 0


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
