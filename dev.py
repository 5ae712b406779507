#!/usr/bin/env python3
"""Set up and run loopcoach from a fresh clone, with nothing but Python 3.11+.

    python3 dev.py serve    # venv + dependencies + database + content, then http://127.0.0.1:8000
    python3 dev.py test     # the test suite (SQLite; PostgreSQL too when TEST_DATABASE_URL is set)
    python3 dev.py check    # ruff format --check, ruff check and mypy, as CI runs them
    python3 dev.py lock     # recompile requirements/*.lock after a change to pyproject.toml

Each creates `.venv` on first use and installs the exact versions of
requirements/app.lock (serve: what the app needs at run time) or
requirements/dev.lock (test, check, lock: the app plus the test, lint, type and
training tools), then loopcoach itself without its dependencies. It installs
again only when pyproject.toml or that lock file changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".loopcoach-installed"
LOCKS = ROOT / "requirements"
CHROMIUM = Path("/usr/bin/chromium")


def fingerprint(profile: str) -> str:
    """`profile` and a hash of what it installs from, as written to the stamp."""
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCKS / f"{profile}.lock"):
        digest.update(path.read_bytes())
    return f"{profile} {digest.hexdigest()}"


# llama.cpp (the coach tests' real model server) builds from source for the CPU it is built on
# by default; on virtual machines that advertise AVX-512 and AMX without granting them, that
# build dies with a general protection fault in libggml-cpu. AVX2 runs on every x86-64 CPU of
# the last decade. Set CMAKE_ARGS yourself to build otherwise.
PORTABLE_LLAMA_BUILD = (
    "-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON "
    "-DGGML_AVX512=OFF"
)


def _build_env() -> dict[str, str]:
    return {"CMAKE_ARGS": PORTABLE_LLAMA_BUILD, **os.environ}


def ensure_venv(profile: str) -> None:
    """A .venv with the `profile` lock ("app" or "dev") and loopcoach installed."""
    if sys.version_info < (3, 11):  # noqa: UP036 -- dev.py runs on whatever python3 the user has
        sys.exit(f"loopcoach needs Python 3.11 or newer (this is {sys.version.split()[0]}).")
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    installed = STAMP.read_text().strip() if STAMP.exists() else ""
    # The dev lock holds every version of the app lock, so it serves the app as well.
    enough = {fingerprint(profile)} | ({fingerprint("dev")} if profile == "app" else set())
    if installed in enough:
        return
    print(f"Installing loopcoach and requirements/{profile}.lock …", flush=True)
    pip = [PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    # No wheel cache: pip keys a built wheel by its source only, so a llama.cpp wheel built
    # once for another CPU would be reused whatever CMAKE_ARGS say.
    run(
        [*pip, "--no-cache-dir", "--require-hashes", "-r", LOCKS / f"{profile}.lock"],
        env=_build_env(),
    )
    run([*pip, "--no-deps", "-e", ROOT])
    STAMP.write_text(fingerprint(profile))


def run(command: list, env: dict | None = None) -> int:
    code = subprocess.call([str(part) for part in command], cwd=ROOT, env=env)
    if code != 0:
        sys.exit(code)
    return code


def scratch_env() -> dict[str, str]:
    """The environment for tests and checks: their secret key and files go to a scratch folder."""
    env = dict(os.environ)
    env.setdefault("LOOPCOACH_DATA_DIR", tempfile.mkdtemp(prefix="loopcoach-test-"))
    return env


def serve(args: list[str]) -> None:
    ensure_venv("app")
    run([BIN / "loopcoach", "serve", *args])


def check(args: list[str]) -> None:
    ensure_venv("dev")
    env = scratch_env()
    print("== ruff format --check ==", flush=True)
    run([BIN / "ruff", "format", "--check", "."], env=env)
    print("== ruff check ==", flush=True)
    run([BIN / "ruff", "check", "."], env=env)
    print("== mypy ==", flush=True)
    run([BIN / "mypy", *args], env=env)


def lock(args: list[str]) -> None:
    """Compile both lock files from pyproject.toml's ranges (`--upgrade`: newest versions)."""
    ensure_venv("dev")
    # One resolution for every platform and Python 3.11+, with hashes; the dev lock is
    # constrained by the app lock so both pin the same version of every shared package.
    compile_ = [BIN / "uv", "pip", "compile", "pyproject.toml", "--universal", "--quiet"]
    compile_ += ["--python-version", "3.11", "--generate-hashes", *args]
    # Relative paths, since each lock's header quotes the command that wrote it.
    app, dev = "requirements/app.lock", "requirements/dev.lock"
    run([*compile_, "-o", app])
    run([*compile_, "--extra", "dev", "--extra", "voice", "-c", app, "-o", dev])


AXE = ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"


def ensure_axe() -> None:
    """axe-core from npm, for the browser tests' accessibility audit (pinned in .ci/node)."""
    if AXE.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        print("Note: npm is missing, so the accessibility audit will fail.", flush=True)
        return
    run([npm, "ci", "--prefix", ROOT / ".ci" / "node", "--no-audit", "--no-fund"])


def test(args: list[str]) -> None:
    ensure_venv("dev")
    ensure_axe()
    env = scratch_env()
    env.pop("DATABASE_URL", None)  # the first pass is always the embedded SQLite default
    if not CHROMIUM.exists():
        print(
            f"Note: {CHROMIUM} is missing, so the browser tests are skipped "
            "(Debian/Ubuntu: sudo apt-get install chromium).",
            flush=True,
        )
    print("== Test suite on SQLite ==", flush=True)
    run([PYTHON, "-m", "pytest", *args], env=env)
    postgres_url = os.environ.get("TEST_DATABASE_URL")
    if postgres_url:
        print("== Test suite on PostgreSQL ==", flush=True)
        run([PYTHON, "-m", "pytest", *args], env={**env, "DATABASE_URL": postgres_url})
    else:
        print("(PostgreSQL pass skipped: set TEST_DATABASE_URL=postgres://… to run it.)")


COMMANDS = {"serve": serve, "test": test, "check": check, "lock": lock}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])
