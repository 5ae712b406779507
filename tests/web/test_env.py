"""Settings helpers: typed values, and a clear refusal of a value they cannot read."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from loopcoach.web.env import envbool, envchoice, envint, envlist, envsecret, envstr


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("true", True), ("TRUE", True), ("1", True), ("Yes", True), (" on ", True),
     ("false", False), ("False", False), ("0", False), ("NO", False), ("off", False)],
)  # fmt: skip
def test_it_reads_every_spelling_of_a_boolean(monkeypatch, raw, expected):
    monkeypatch.setenv("DEBUG", raw)
    assert envbool("DEBUG", not expected) is expected


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_it_takes_the_default_when_a_variable_is_unset_or_empty(monkeypatch, raw):
    for name in ("DEBUG", "PORT", "LEVEL", "HOSTS", "NAME"):
        if raw is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, raw)
    assert envbool("DEBUG", True) is True
    assert envint("PORT", 587) == 587
    assert envchoice("LEVEL", "WARNING", ["INFO", "WARNING"]) == "WARNING"
    assert envlist("HOSTS", ["localhost"]) == ["localhost"]
    assert envstr("NAME", "fallback") == "fallback"


def test_it_refuses_a_misspelt_boolean_naming_the_variable_and_value(monkeypatch):
    monkeypatch.setenv("DEBUG", "ture")
    with pytest.raises(ImproperlyConfigured, match=r"^DEBUG='ture' is not a yes/no value"):
        envbool("DEBUG", False)


@pytest.mark.parametrize("raw", ["eight", "8.5", "0x10", "1e3"])
def test_it_refuses_an_integer_it_cannot_read(monkeypatch, raw):
    monkeypatch.setenv("LOOPCOACH_PORT", raw)
    with pytest.raises(ImproperlyConfigured, match=rf"^LOOPCOACH_PORT='{raw}' is not a whole"):
        envint("LOOPCOACH_PORT", 8000)


def test_it_reads_an_integer_and_checks_its_minimum(monkeypatch):
    monkeypatch.setenv("LOOPCOACH_API_PAGE_SIZE", " 50 ")
    assert envint("LOOPCOACH_API_PAGE_SIZE", 20, minimum=1) == 50
    monkeypatch.setenv("LOOPCOACH_API_PAGE_SIZE", "0")
    with pytest.raises(
        ImproperlyConfigured, match="LOOPCOACH_API_PAGE_SIZE='0' must be at least 1"
    ):
        envint("LOOPCOACH_API_PAGE_SIZE", 20, minimum=1)


def test_a_choice_is_read_without_regard_to_case_and_refused_when_unknown(monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "debug")
    assert envchoice("LOG_LEVEL", "WARNING", ["DEBUG", "WARNING"]) == "DEBUG"
    monkeypatch.setenv("LOG_LEVEL", "loud")
    with pytest.raises(ImproperlyConfigured, match="LOG_LEVEL='loud' is not one of: DEBUG, WARN"):
        envchoice("LOG_LEVEL", "WARNING", ["DEBUG", "WARNING"])


def test_a_list_drops_blanks_and_spaces(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", " a.example, ,b.example,")
    assert envlist("ALLOWED_HOSTS", []) == ["a.example", "b.example"]


def test_a_secret_comes_from_its_file_before_the_variable(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("from-the-file\n")
    monkeypatch.setenv("SECRET_KEY", "from-the-variable")
    assert envsecret("SECRET_KEY") == "from-the-variable"
    monkeypatch.setenv("SECRET_KEY_FILE", str(secret))
    assert envsecret("SECRET_KEY") == "from-the-file"


def test_a_secret_file_that_cannot_be_read_is_refused(monkeypatch, tmp_path):
    missing = tmp_path / "nowhere"
    monkeypatch.setenv("EMAIL_HOST_PASSWORD_FILE", str(missing))
    with pytest.raises(ImproperlyConfigured, match=r"^EMAIL_HOST_PASSWORD_FILE='.*nowhere' cannot"):
        envsecret("EMAIL_HOST_PASSWORD")


def test_the_command_line_reports_a_bad_setting_without_a_traceback(monkeypatch, capsys):
    from loopcoach.cli import main

    monkeypatch.setenv("LOOPCOACH_PORT", "eighty")
    assert main(["serve", "--help"]) == 2
    assert capsys.readouterr().err == "loopcoach: LOOPCOACH_PORT='eighty' is not a whole number.\n"


def test_the_settings_module_refuses_debug_ture(tmp_path):
    env = {**os.environ, "DEBUG": "ture", "LOOPCOACH_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", "import loopcoach.web.settings"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: DEBUG='ture' is not a yes/no value" in result.stderr
