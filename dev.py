#!/usr/bin/env python3
"""Set up and run loopcoach from a fresh clone, with nothing but Python 3.11+.

    python3 dev.py serve    # venv + dependencies + database + content, then http://127.0.0.1:8000
    python3 dev.py test     # the test suite (SQLite; PostgreSQL too when TEST_DATABASE_URL is set)

Both create `.venv` on first use and reinstall only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
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
CHROMIUM = Path("/usr/bin/chromium")


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 -- dev.py runs on whatever python3 the user has
        sys.exit(f"loopcoach needs Python 3.11 or newer (this is {sys.version.split()[0]}).")
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    print("Installing loopcoach and its dependencies (first run only) …", flush=True)
    run([PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([PYTHON, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"])
    STAMP.write_text(wanted)


def run(command: list, env: dict | None = None) -> int:
    code = subprocess.call([str(part) for part in command], cwd=ROOT, env=env)
    if code != 0:
        sys.exit(code)
    return code


def serve(args: list[str]) -> None:
    ensure_venv()
    run([BIN / "loopcoach", "serve", *args])


def test(args: list[str]) -> None:
    ensure_venv()
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)  # the first pass is always the embedded SQLite default
    # The tests' secret key and static files go to a scratch folder, not ./data.
    env.setdefault("LOOPCOACH_DATA_DIR", tempfile.mkdtemp(prefix="loopcoach-test-"))
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


COMMANDS = {"serve": serve, "test": test}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])
