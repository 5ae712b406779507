"""`loopcoach bench load`: the served app under a bounded load, against a bare Django view.

It starts N `loopcoach serve` processes sharing one port (SO_REUSEPORT) on 127.0.0.1, and
N bare-Django processes served the same way on the next port, then drives each scenario
with `wrk` (C, so the load generator takes little of the CPU the servers need on a small
machine; the Lua script in this folder picks paths, API tokens and questions at random).
It prints requests per second, p50/p95/p99, errors, the ratio to the bare view measured
in the same run, the servers' memory after the load, and the issue's targets met or not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

LUA = Path(__file__).with_name("load.lua")
SEARCHES = [
    "disagree with your manager",
    "missed deadline",
    "rate limiter",
    "hiring",
    "customer escalation",
    "technical debt",
    "conflict",
    "data to make a decision",
    "underperforming engineer",
    "bias for action",
]
BENCH_USERS = 50
ERROR_KINDS = ("connect", "read", "write", "status", "timeout")  # as wrk counts them


@dataclass
class Result:
    name: str
    requests: int
    seconds: float
    errors: int
    p50: float
    p95: float
    p99: float
    kinds: str = ""  # which errors, when there are any ("timeout 3, status 1")

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def register(subparsers: argparse._SubParsersAction) -> None:
    bench = subparsers.add_parser("bench", help="load tests of the served app")
    sub = bench.add_subparsers(dest="bench_command", metavar="BENCH", required=True)
    load = sub.add_parser("load", help="serve the app with N processes and measure it under load")
    load.add_argument("--processes", type=int, default=2, help="web processes (default 2)")
    load.add_argument("--threads", type=int, default=8, help="threads per process (default 8)")
    load.add_argument("--connections", type=int, default=50, help="open connections (default 50)")
    load.add_argument("--seconds", type=int, default=10, help="seconds per scenario (default 10)")
    load.add_argument(
        "--mixed-connections", type=int, default=200, help="users of the mixed scenario"
    )
    load.add_argument("--mixed-seconds", type=int, default=20, help="length of the mixed run")
    load.add_argument("--port", type=int, default=8140, help="app port; the bare view uses +1")
    load.add_argument("--url", default="", help="drive an app already running here instead")
    load.add_argument(
        "--strict", action="store_true", help="exit 1 on any error or lost answer (the CI smoke)"
    )
    load.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not shutil.which("wrk"):
        print("loopcoach bench load needs wrk (apt-get install wrk)", file=sys.stderr)
        return 2
    if min(args.processes, args.threads, args.connections, args.seconds) < 1:
        print("loopcoach bench load: sizes must be at least 1", file=sys.stderr)
        return 2
    from loopcoach.web.commands import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import connection

    if not args.url:  # the schema and static files `serve --no-setup` expects; no pack load
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)

    work = Path(tempfile.mkdtemp(prefix="loopcoach-bench-"))
    plan = _prepare(work)
    print(
        f"database: {connection.vendor}; {plan['questions']:,} questions, {args.processes} "
        f"processes x {args.threads} threads, {args.connections} connections, "
        f"{args.seconds} s per scenario; load generator: wrk",
        flush=True,
    )
    searches = _search_timings()
    print(
        f"search in-process over {plan['questions']:,} questions: p50 {searches[0]:.1f} ms, "
        f"p95 {searches[1]:.1f} ms",
        flush=True,
    )
    app_url = args.url or f"http://127.0.0.1:{args.port}"
    servers = [] if args.url else _start(args, args.port, app=True)
    bare = _start(args, args.port + 1, app=False)
    try:
        results = _scenarios(args, app_url, f"http://127.0.0.1:{args.port + 1}", plan, work)
        memory = [_rss_mb(server.pid) for server in servers]
    finally:
        for server in servers + bare:
            server.terminate()
        for server in servers + bare:
            server.wait(timeout=10)
    _report(results, searches, memory)
    failed = sum(result.errors for result in results) or plan["lost"]
    return 1 if args.strict and failed else 0


def _prepare(work: Path) -> dict:
    """Bench users with fresh API tokens, and the files of paths and ids the Lua script reads."""
    from django.contrib.auth.models import User

    from loopcoach.web.accounts.models import ApiToken
    from loopcoach.web.accounts.services import api_token_create
    from loopcoach.web.guides.models import Guide
    from loopcoach.web.practice.models import Attempt
    from loopcoach.web.questions.models import Question

    guide = Guide.objects.select_related("company").first()
    if guide is None:
        raise SystemExit("No content loaded: run `loopcoach content load` first.")
    users = [User.objects.get_or_create(username=f"bench-{n}")[0] for n in range(BENCH_USERS)]
    ApiToken.objects.filter(user__in=users).delete()
    tokens = [api_token_create(user=user, name="bench")[1] for user in users]
    question_ids = list(Question.objects.active().order_by("?").values_list("pk", flat=True)[:200])
    files = {
        "tokens": tokens,
        "questions": [str(pk) for pk in question_ids],
        "guide": [guide.get_absolute_url()],
        "bank": ["/questions/"],
        "question": [f"/questions/{pk}/" for pk in question_ids],
        "search": [f"/api/v1/questions?q={q.replace(' ', '+')}" for q in SEARCHES],
        "bare": ["/"],
    }
    files["mixed"] = files["guide"] + files["bank"] + files["question"][:50] + files["search"]
    for name, lines in files.items():
        (work / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {
        "questions": Question.objects.count(),
        "users": users,
        "attempts": lambda: Attempt.objects.filter(user__in=users).count(),
    }


def _search_timings(runs: int = 5) -> tuple[float, float]:
    """p50 and p95, in ms, of a bank search as the bank page runs it (count and first page)."""
    from loopcoach.web.questions.models import Question
    from loopcoach.web.questions.search import search_questions

    timings = []
    for _ in range(runs):
        for query in SEARCHES:
            started = time.perf_counter()
            found = search_questions(Question.objects.active(), query)
            found.count()
            list(found[:25])
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def _start(args: argparse.Namespace, port: int, *, app: bool) -> list[subprocess.Popen]:
    if app:
        command = [
            sys.executable,
            "-m",
            "loopcoach.cli",
            "serve",
            "--no-setup",
            "--no-worker",
            "--reuse-port",
        ]
    else:
        command = [sys.executable, "-m", "loopcoach.web.bench.bare"]
    command += ["--port", str(port), "--threads", str(args.threads)]
    # As deploy/loopcoach-web@.service starts them: glibc's malloc keeps one arena, instead of
    # one per thread that allocates (a process ended a mixed load at 121 MB instead of 131-140).
    env = {"MALLOC_ARENA_MAX": "1", **os.environ}
    servers = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env) for _ in range(args.processes)
    ]
    _wait_until_up(f"http://127.0.0.1:{port}/" + ("healthz" if app else ""), servers)
    return servers


def _wait_until_up(url: str, servers: list[subprocess.Popen], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(server.poll() is not None for server in servers):
            raise SystemExit(f"a server for {url} exited at start")
        try:
            with urllib.request.urlopen(url, timeout=2):
                time.sleep(1.0)  # let every process of the group finish starting
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


def _wrk(url: str, mode: str, paths: Path, work: Path, connections: int, seconds: int) -> dict:
    threads = max(1, min(2, connections))
    command = [
        "wrk",
        "-t",
        str(threads),
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "--timeout",
        "5s",
        "-s",
        str(LUA),
        url,
        "--",
        mode,
        str(paths),
        str(work / "tokens"),
        str(work / "questions"),
        "0.2",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


def _result(name: str, raw: dict) -> Result:
    errors = sum(raw[kind] for kind in ERROR_KINDS)
    return Result(
        name,
        raw["requests"],
        raw["duration_us"] / 1e6,
        errors,
        raw["p50"] / 1000,
        raw["p95"] / 1000,
        raw["p99"] / 1000,
        ", ".join(f"{kind} {raw[kind]}" for kind in ERROR_KINDS if raw[kind]),
    )


def _scenarios(
    args: argparse.Namespace, app_url: str, bare_url: str, plan: dict, work: Path
) -> list[Result]:
    results = []
    runs = [
        ("bare Django view", bare_url, "get", "bare"),
        ("guide page", app_url, "get", "guide"),
        ("question bank", app_url, "get", "bank"),
        ("question pages", app_url, "get", "question"),
        ("search (API)", app_url, "get", "search"),
    ]
    for name, url, mode, paths in runs:
        # Not measured: each process builds its caches (pages, the bank's words for search:
        # seconds at 100,000 questions) on the first requests after a start or a content change.
        _wrk(url, mode, work / paths, work, min(8, args.connections), 3)
        results.append(
            _result(name, _wrk(url, mode, work / paths, work, args.connections, args.seconds))
        )
        print(_line(results[-1], results[0]), flush=True)
    before = plan["attempts"]()
    raw = _wrk(app_url, "post", work / "questions", work, args.connections, args.seconds)
    results.append(_result("POST /api/v1/attempts", raw))
    plan["lost"] = _check_saved("POST", raw, plan["attempts"]() - before)
    print(_line(results[-1], results[0]), flush=True)
    before = plan["attempts"]()
    raw = _wrk(app_url, "mixed", work / "mixed", work, args.mixed_connections, args.mixed_seconds)
    results.append(_result(f"mixed, {args.mixed_connections} users", raw))
    print(_line(results[-1], results[0]), flush=True)
    print(f"  mixed: {plan['attempts']() - before:,} answers saved during the run", flush=True)
    return results


def _check_saved(name: str, raw: dict, saved: int) -> bool:
    """Every answer the server acknowledged (wrk counts non-2xx as status errors) is stored;
    True if some are missing."""
    acknowledged = raw["requests"] - raw["status"]
    verdict = "ok" if saved >= acknowledged else "LOST ANSWERS"
    print(f"  {name}: {acknowledged:,} acknowledged, {saved:,} rows added: {verdict}", flush=True)
    return saved < acknowledged


def _line(result: Result, bare: Result) -> str:
    ratio = result.rps / bare.rps if bare.rps else 0
    return (
        f"{result.name:26s} {result.rps:8.0f} rps  p50 {result.p50:7.1f} ms  p95 "
        f"{result.p95:7.1f} ms  p99 {result.p99:7.1f} ms  errors {result.errors:5d}  "
        f"{ratio:6.1%} of bare" + (f"  ({result.kinds})" if result.kinds else "")
    )


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _report(results: list[Result], searches: tuple[float, float], memory: list[float]) -> None:
    by_name = {result.name: result for result in results}
    bare = results[0]
    targets = []
    for name in ("guide page", "question bank", "question pages"):
        page = by_name[name]
        targets.append(
            (
                f"{name}: >= 50% of bare rps, p99 < 50 ms",
                page.rps >= 0.5 * bare.rps and page.p99 < 50,
            )
        )
    targets.append(("search on the bank: p95 < 20 ms (in-process)", searches[1] < 20))
    post = by_name["POST /api/v1/attempts"]
    targets.append(
        ("POST /api/v1/attempts: >= 150/s, p99 < 250 ms", post.rps >= 150 and post.p99 < 250)
    )
    mixed = results[-1]
    targets.append((f"{mixed.name}: 0 errors, p99 < 1 s", mixed.errors == 0 and mixed.p99 < 1000))
    if memory:
        print("web process memory after the load: " + ", ".join(f"{mb:.0f} MB" for mb in memory))
        targets.append(("web process memory <= 150 MB", max(memory) <= 150))
    print("targets (issue 13):")
    for text, met in targets:
        print(f"  {'met ' if met else 'MISS'}  {text}")
