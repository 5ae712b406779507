"""`check --deploy` with the README's production settings: no HSTS or SSL-redirect warning."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _production_env(tmp_path) -> dict[str, str]:
    """The variables of the README's production block, read from the README itself."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("In production, behind an HTTPS reverse proxy", 1)[1].split("```")[1]
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT / "src"),
        "LOOPCOACH_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "k" * 20 + "-a-long-random-production-key-0123456789-abcdefghijkl",
        "ALLOWED_HOSTS": "loopcoach.example.com",
    }
    for name, value in re.findall(r"([A-Z_]+)=(\S+)", block):
        env[name] = value
    return env


def test_the_production_settings_pass_the_deploy_check(tmp_path):
    env = _production_env(tmp_path)
    assert env["SECURE_SSL_REDIRECT"] == "true" and int(env["SECURE_HSTS_SECONDS"]) > 0
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "ERROR"],
        env={**env, "DJANGO_SETTINGS_MODULE": "loopcoach.web.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = set(re.findall(r"security\.W\d+", result.stderr + result.stdout))
    assert found <= {"security.W021"}, result.stderr  # preload is the operator's choice


def test_the_proxy_header_setting_is_read(tmp_path):
    env = _production_env(tmp_path)
    code = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**env, "DJANGO_SETTINGS_MODULE": "loopcoach.web.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')", result.stderr
