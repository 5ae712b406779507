"""The analyzer's command line: `loopcoach analyze` and `loopcoach analysis bench|train|evaluate`.

`register(subparsers)` is called by loopcoach.cli; every subcommand sets
`func(args) -> int`. Bad input exits with status 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from loopcoach.analysis.design import commands as design_commands
from loopcoach.analysis.errors import AnalysisInputError
from loopcoach.analysis.principles import NAMES

DEFAULT_DATA = Path("training/answers")
DEFAULT_EVAL_SET = Path("../shared/analysis/dev-set.jsonl")
EXIT_BAD_INPUT = 2


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "analyze", help="analyse a behavioral answer (a file, or - for stdin)"
    )
    p.add_argument(
        "file", nargs="?", default="-", help="answer text file, or - to read stdin (default)"
    )
    p.add_argument("--question", help="the question the answer replies to")
    p.add_argument(
        "--kind",
        choices=["story", "design", "narrative"],
        default="story",
        help="a behavioral story (default), a system-design answer or a written narrative",
    )
    p.add_argument(
        "--principle",
        choices=sorted(NAMES),
        metavar="SLUG",
        help="the principle the question asks about",
    )
    p.add_argument(
        "--json", action="store_true", help="print the analysis JSON instead of a readable report"
    )
    p.set_defaults(func=cmd_analyze)

    a = subparsers.add_parser("analysis", help="benchmark, train and evaluate the analyzer")
    sub = a.add_subparsers(dest="analysis_command", metavar="ACTION", required=True)
    design_commands.register_analysis(sub)
    b = sub.add_parser("bench", help="time per ~300-word answer and process start time")
    b.add_argument("--runs", type=int, default=200)
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_bench)
    t = sub.add_parser(
        "train", help="train the models from labelled answers and write them into the package"
    )
    t.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="directory of *.jsonl labelled answers"
    )
    t.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write the model JSON (default: the package)",
    )
    t.set_defaults(func=cmd_train)
    e = sub.add_parser(
        "evaluate", help="score the analyzer on a labelled set (as analysis/evaluate.py does)"
    )
    e.add_argument("set", nargs="?", type=Path, default=DEFAULT_EVAL_SET)
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_evaluate)


def _read_answer(source: str) -> str:
    from loopcoach.analysis.validation import decode_answer

    if source == "-":
        return decode_answer(sys.stdin.buffer.read())
    path = Path(source)
    if not path.is_file():
        raise AnalysisInputError(f"No such file: {source}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AnalysisInputError(f"Cannot read {source}: {exc.strerror}") from None
    return decode_answer(data)


def cmd_analyze(args: argparse.Namespace) -> int:
    from loopcoach.analysis import analyze

    if args.kind != "story":
        try:
            text = _read_answer(args.file)
        except AnalysisInputError as exc:
            print(f"loopcoach analyze: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        return design_commands.analyze_kind(args, text)
    try:
        report = analyze(_read_answer(args.file), question=args.question, principle=args.principle)
    except AnalysisInputError as exc:
        print(f"loopcoach analyze: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        from loopcoach.analysis.text_report import render

        print(render(report))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from loopcoach.analysis import bench

    r = bench.run(runs=max(1, args.runs))
    if args.json:
        print(json.dumps(r.__dict__))
        return 0
    print(f"answer: {r.words} words, {r.runs} runs on one core")
    print(
        f"analysis per answer: median {r.median_ms:.2f} "
        f"ms, p95 {r.p95_ms:.2f} ms (target median ≤ 10 ms)"
    )
    print(f"import + model load + first analysis: {r.import_and_load_s:.3f} s")
    print(f"fresh process start to first result: {r.process_start_s:.3f} s (target ≤ 0.3 s)")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    try:
        from loopcoach.analysis import followup_training
        from loopcoach.analysis.training import DEFAULT_OUT, train
    except ImportError as exc:  # pragma: no cover - depends on the environment
        print(
            f"loopcoach analysis train: needs the dev extra (scikit-learn, numpy): {exc}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if not args.data.is_dir():
        print(f"loopcoach analysis train: no such directory: {args.data}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        train(args.data, args.out or DEFAULT_OUT)
        # The relevance and follow-up models read the same answers (and `followups/` beside them).
        followup_training.train(args.data, args.out or followup_training.DEFAULT_OUT)
    except ValueError as exc:
        print(f"loopcoach analysis train: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from loopcoach.analysis import analyze
    from loopcoach.analysis.scoring import evaluate, load_rows

    if not args.set.is_file():
        print(f"loopcoach analysis evaluate: no such file: {args.set}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        rows = load_rows(args.set)
    except (ValueError, UnicodeDecodeError) as exc:
        print(f"loopcoach analysis evaluate: {args.set} is not JSON lines: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = evaluate(rows, analyze)
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:28s} {v:.3f}" if isinstance(v, float) else f"{k:28s} {v}")
    return 0
