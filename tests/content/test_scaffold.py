"""`loopcoach content new COMPANY ROLE`: a scaffolded pack validates as it is."""

from __future__ import annotations

import shutil

import pytest

from loopcoach.cli import main
from loopcoach.content import read_pack
from loopcoach.content.scaffold import ScaffoldError, scaffold_pack
from tests.conftest import FIXTURE_PACKS


def test_a_scaffolded_pack_validates(tmp_path):
    written = scaffold_pack(tmp_path, "lyft", "qa-engineer")
    assert [path.relative_to(tmp_path).as_posix() for path in written] == [
        "lyft/company.yaml",
        "lyft/qa-engineer/guide.yaml",
        "lyft/qa-engineer/questions.yaml",
    ]
    pack = read_pack(tmp_path / "lyft" / "qa-engineer")
    assert (pack.company.name, pack.guide.role_name) == ("Lyft", "Qa Engineer")


def test_it_keeps_an_existing_company_and_uses_its_principles(tmp_path):
    shutil.copytree(FIXTURE_PACKS / "acme", tmp_path / "acme")
    before = (tmp_path / "acme" / "company.yaml").read_text()
    written = scaffold_pack(tmp_path, "acme", "gadget-engineer", role_name="Gadget Engineer")
    assert (tmp_path / "acme" / "company.yaml").read_text() == before
    assert len(written) == 2
    pack = read_pack(tmp_path / "acme" / "gadget-engineer")
    assert pack.questions[0].principles == ["ship-it"]


def test_display_names_with_yaml_characters_survive(tmp_path):
    scaffold_pack(tmp_path, "acme", "qa", company_name='Acme: "the" #1', role_name="QA: tests")
    pack = read_pack(tmp_path / "acme" / "qa")
    assert (pack.company.name, pack.guide.role_name) == ('Acme: "the" #1', "QA: tests")


@pytest.mark.parametrize(("company", "role"), [("Acme", "qa"), ("acme", "qa_engineer")])
def test_it_refuses_names_that_are_not_slugs(tmp_path, company, role):
    with pytest.raises(ScaffoldError, match="is not a slug"):
        scaffold_pack(tmp_path, company, role)
    assert list(tmp_path.iterdir()) == []


def test_the_command_refuses_to_overwrite_a_pack(tmp_path, capsys):
    assert main(["content", "new", "lyft", "qa-engineer", "--packs", str(tmp_path)]) == 0
    assert "The pack validates" in capsys.readouterr().out
    guide = tmp_path / "lyft" / "qa-engineer" / "guide.yaml"
    guide.write_text(guide.read_text().replace("TODO What the role is.", "Edited."))
    assert main(["content", "new", "lyft", "qa-engineer", "--packs", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert "Edited." in guide.read_text()
    assert main(["content", "validate", str(tmp_path)]) == 0
