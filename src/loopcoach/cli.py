"""The `loopcoach` command line.

Each area registers its own subcommands, so this module only wires them
together: `analyze`/`analysis` come from the analyzer, `content` from the
content packs (its `load` from the web layer, which owns the database),
`serve`/`manage` from the web layer.
"""

from __future__ import annotations

import argparse
import sys

from django.core.exceptions import ImproperlyConfigured

from loopcoach import __version__


def build_parser() -> argparse.ArgumentParser:
    from loopcoach.analysis import commands as analysis_commands
    from loopcoach.content import commands as content_commands
    from loopcoach.web import commands as web_commands

    parser = argparse.ArgumentParser(
        prog="loopcoach",
        description="Self-hosted interview preparation: guides, questions, instant feedback.",
    )
    parser.add_argument("--version", action="version", version=f"loopcoach {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    web_commands.register(subparsers)
    content_commands.register(subparsers, load=web_commands.run_content_load)
    analysis_commands.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["manage"]:
            # Hand everything after `manage` to Django untouched (its own --help, options…).
            from loopcoach.web.commands import run_manage

            return run_manage(argv[1:])
        args = build_parser().parse_args(argv)
        return args.func(args) or 0
    except ImproperlyConfigured as error:  # a bad setting: say which, without a traceback
        print(f"loopcoach: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
