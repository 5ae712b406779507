"""The lock files pin every dependency pyproject.toml asks for, within its ranges."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.M)
RELOCK = "pyproject.toml and the locks disagree: run `python3 dev.py lock` and commit the locks"


def pins(lock: str) -> dict[str, set[str]]:
    """Name → pinned versions (a universal lock may pin two, one per Python version)."""
    found: dict[str, set[str]] = {}
    for name, version in PIN.findall((ROOT / "requirements" / lock).read_text()):
        found.setdefault(canonicalize_name(name), set()).add(version)
    return found


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [
        ("app.lock", PYPROJECT["dependencies"]),
        ("dev.lock", PYPROJECT["dependencies"] + PYPROJECT["optional-dependencies"]["dev"]),
    ],
)
def test_every_requirement_is_pinned_within_its_range(lock, requirements):
    pinned = pins(lock)
    for line in requirements:
        requirement = Requirement(line)
        versions = pinned.get(canonicalize_name(requirement.name), set())
        assert versions, f"{requirement.name} is not in requirements/{lock}. {RELOCK}"
        outside = {v for v in versions if v not in requirement.specifier}
        assert not outside, (
            f"{lock} pins {requirement.name}=={outside}, not {requirement}. {RELOCK}"
        )


def test_the_dev_lock_pins_the_app_lock_versions():
    app, dev = pins("app.lock"), pins("dev.lock")
    differ = {
        name: (versions, dev.get(name))
        for name, versions in app.items()
        if dev.get(name) != versions
    }
    assert not differ, f"app.lock and dev.lock pin different versions: {differ}. {RELOCK}"


def test_every_pin_has_a_hash():
    for lock in ("app.lock", "dev.lock"):
        text = (ROOT / "requirements" / lock).read_text()
        entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
        assert all("--hash=sha256:" in entry for entry in entries if "==" in entry), lock
