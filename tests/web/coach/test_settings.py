"""The coach's settings: off when unset, and a half-set or malformed one stops the app."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from loopcoach.web.coach.services import coach_endpoint


def settings_error(tmp_path, **env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", "import loopcoach.web.settings"],
        env={**os.environ, "LOOPCOACH_DATA_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    return result.stderr


@pytest.mark.parametrize(
    "env",
    [
        {"LOOPCOACH_LLM_BASE_URL": "http://127.0.0.1:11434/v1"},
        {"LOOPCOACH_LLM_MODEL": "llama3.2"},
    ],
)
def test_half_a_coach_is_refused(tmp_path, env):
    assert "needs both LOOPCOACH_LLM_BASE_URL and LOOPCOACH_LLM_MODEL" in settings_error(
        tmp_path, **env
    )


def test_a_base_url_that_is_not_http_is_refused(tmp_path):
    stderr = settings_error(
        tmp_path, LOOPCOACH_LLM_BASE_URL="localhost:11434", LOOPCOACH_LLM_MODEL="m"
    )
    assert (
        "LOOPCOACH_LLM_BASE_URL='localhost:11434' is not an http:// or https:// address" in stderr
    )


def test_unset_means_off(settings):
    settings.LLM_BASE_URL, settings.LLM_MODEL = "", ""
    assert coach_endpoint() is None


def test_the_endpoint_carries_every_setting(settings):
    settings.LLM_BASE_URL, settings.LLM_MODEL = "http://127.0.0.1:11434/v1/", "llama3.2"
    settings.LLM_API_KEY, settings.LLM_TIMEOUT_SECONDS = "sk-1", 30
    endpoint = coach_endpoint()
    assert endpoint is not None and endpoint.url == "http://127.0.0.1:11434/v1/chat/completions"
    assert (endpoint.model, endpoint.api_key, endpoint.timeout_seconds) == ("llama3.2", "sk-1", 30)
