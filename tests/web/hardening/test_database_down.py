"""With the database unreachable: branded 503 pages, JSON 503 from the API, /healthz 503."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from loopcoach.web.core.views import server_error

ROOT = Path(__file__).resolve().parents[3]
PROBE = Path(__file__).with_name("dbdown_probe.py")


def _answers(tmp_path, database: dict[str, str]) -> dict[str, list]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "LOOPCOACH_DATA_DIR": str(tmp_path / "data"),
        "SECRET_KEY": "a-test-key-for-the-database-down-probe",
        "DJANGO_SETTINGS_MODULE": "loopcoach.web.settings",
        **database,
    }
    result = subprocess.run(
        [sys.executable, str(PROBE)], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


CLOSED_PORT = {"DATABASE_URL": "postgres://postgres@127.0.0.1:8169/lc_harden_none"}


@pytest.fixture(params=["postgres-closed-port", "sqlite-missing-folder"])
def answers(request, tmp_path):
    if request.param == "postgres-closed-port":
        return _answers(tmp_path, CLOSED_PORT)
    # The SQLite file lives in the data folder; a file in place of the folder cannot be opened.
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "loopcoach.sqlite3").mkdir()
    return _answers(tmp_path, {})


def test_every_page_is_the_branded_503(answers):
    pages = {path: a for path, a in answers.items() if not path.startswith(("/api/", "/healthz"))}
    pages.pop("POST /api/v1/stories")
    assert pages
    for path, (status, content_type, body) in pages.items():
        assert status == 503, path
        assert content_type.startswith("text/html"), path
        assert "loopcoach is back in a moment" in body and "app.css" in body, path
        assert "Traceback" not in body and "Server Error (500)" not in body, path


def test_the_api_answers_json_503(answers):
    for path in ("/api/v1/questions", "/api/v1/stories", "POST /api/v1/stories"):
        status, content_type, body = answers[path]
        assert status == 503, path
        assert content_type == "application/json", path
        assert json.loads(body)["error"] == "unavailable"


def test_healthz_is_503(answers):
    status, _, body = answers["/healthz"]
    assert status == 503
    assert json.loads(body)["status"] == "unavailable"


def test_any_other_failure_is_the_branded_500(rf):
    request = rf.get("/questions/")
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(request)
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    api = rf.get("/api/v1/questions")
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(api)
    assert response.status_code == 500 and json.loads(response.content)["error"] == "server_error"
