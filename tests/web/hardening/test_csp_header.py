"""Every page is served with the strict Content-Security-Policy, and no template has inline code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).resolve().parents[3] / "src" / "loopcoach" / "web"


@pytest.mark.parametrize("url", ["/", "/questions/", "/accounts/login/", "/nope/", "/api/v1/docs"])
def test_pages_carry_the_policy(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert directives["script-src"].split()[0] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


def _templates() -> list[Path]:
    return sorted(TEMPLATES.rglob("templates/**/*.html"))


INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)|\son[a-z]+=|\sstyle=|<style")


@pytest.mark.parametrize("path", _templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_has_inline_script_or_style(path):
    found = INLINE.search(path.read_text(encoding="utf-8"))
    assert found is None, f"{path.name}: {found.group() if found else ''}"
