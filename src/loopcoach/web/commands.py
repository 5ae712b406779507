"""`loopcoach serve` and `loopcoach manage …`."""

from __future__ import annotations

import argparse
import os
import sys


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loopcoach.web.settings")
    import django

    django.setup()


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser(
        "serve", help="migrate, load content, collect static files and serve with waitress"
    )
    serve.add_argument("--host", default=os.environ.get("LOOPCOACH_HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("LOOPCOACH_PORT", "8000")))
    serve.add_argument("--threads", type=int, default=int(os.environ.get("LOOPCOACH_THREADS", "8")))
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


def prepare() -> None:
    """Bring the database and static files up to date: safe to run on every start."""
    from django.core.management import call_command

    from loopcoach.content import PACKS_DIR
    from loopcoach.content.commands import read_packs
    from loopcoach.web.guides.services import pack_load

    call_command("migrate", interactive=False, verbosity=0)
    packs, problems = read_packs(PACKS_DIR)
    if problems:
        raise SystemExit("The built-in content packs are invalid:\n" + "\n".join(problems))
    for pack in packs:
        print(pack_load(pack=pack).summary())
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
