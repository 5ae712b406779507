"""The `loopcoach` command: content validate/load and manage."""

from __future__ import annotations

import shutil

import pytest

from loopcoach.cli import main
from tests.conftest import FIXTURE_PACKS


def test_validate_accepts_the_builtin_packs(capsys):
    assert main(["content", "validate"]) == 0
    assert "amazon/engineering-manager: OK" in capsys.readouterr().out


def test_validate_reports_problems_with_file_and_line(tmp_path, capsys):
    shutil.copytree(FIXTURE_PACKS / "acme", tmp_path / "acme")
    path = tmp_path / "acme" / "widget-engineer" / "questions.yaml"
    path.write_text(path.read_text().replace("category: system-design", "category: trivia"))
    assert main(["content", "validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "'trivia' is not one of" in err
    assert "1 problem(s) found." in err


def test_validate_explains_a_missing_path(tmp_path, capsys):
    assert main(["content", "validate", str(tmp_path / "nowhere")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


@pytest.mark.django_db
def test_load_is_idempotent(tmp_path, capsys):
    shutil.copytree(FIXTURE_PACKS / "acme", tmp_path / "acme")
    assert main(["content", "load", str(tmp_path)]) == 0
    assert "acme/widget-engineer: 7 created" in capsys.readouterr().out
    assert main(["content", "load", str(tmp_path)]) == 0
    assert "0 created, 0 updated, 0 retired" in capsys.readouterr().out


@pytest.mark.django_db
def test_load_refuses_an_invalid_pack_and_changes_nothing(tmp_path, capsys):
    from loopcoach.web.guides.models import Company

    shutil.copytree(FIXTURE_PACKS / "acme", tmp_path / "acme")
    path = tmp_path / "acme" / "widget-engineer" / "guide.yaml"
    path.write_text(path.read_text().replace("vesting: [25, 25, 25, 25]", "vesting: [25]"))
    assert main(["content", "load", str(tmp_path)]) == 1
    assert "nothing was loaded" in capsys.readouterr().err
    assert not Company.objects.filter(slug="acme").exists()


def test_manage_runs_django_commands(capsys):
    assert main(["manage", "check"]) == 0
    assert "no issues" in capsys.readouterr().out
