"""`loopcoach serve`, `loopcoach manage …` and the database half of `loopcoach content`."""

from __future__ import annotations

import argparse
import os
import sys

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
        "--no-setup",
        action="store_true",
        help="skip migrate/content load/collectstatic (for extra web processes)",
    )
    serve.set_defaults(func=run_serve)
    subparsers.add_parser(
        "manage", help="run any Django management command: loopcoach manage --help"
    )


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
    from waitress import serve

    from loopcoach.web.wsgi import application

    print(f"loopcoach is running on http://{args.host}:{args.port}/ (Ctrl+C to stop)", flush=True)
    serve(application, host=args.host, port=args.port, threads=args.threads, ident="loopcoach")
    return 0


if __name__ == "__main__":
    sys.exit(run_manage(sys.argv[1:]))
