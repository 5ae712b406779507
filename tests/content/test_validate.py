"""Pack validation: a valid pack reads; each kind of bad pack gives its precise error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loopcoach.content import PACKS_DIR, PackError, find_packs, read_pack
from tests.conftest import FIXTURE_PACKS

ROLE = "acme/widget-engineer"


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_PACKS / "acme", tmp_path / "acme")
    return tmp_path / "acme" / "widget-engineer"


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        read_pack(folder)
    return [str(problem) for problem in caught.value.problems]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


def line_of(path: Path, needle: str) -> int:
    return next(
        number for number, line in enumerate(path.read_text().splitlines(), 1) if needle in line
    )


def test_it_reads_the_fixture_pack():
    pack = read_pack(FIXTURE_PACKS / ROLE)
    assert pack.label == ROLE
    assert [q.key for q in pack.questions] == [
        "acme-ship-fast",
        "acme-own-bug",
        "acme-design-gearbox",
    ]
    assert [r.slug for r in pack.guide.rounds if r.bar_raiser] == ["raiser"]


def test_it_reads_every_builtin_pack():
    folders = find_packs(PACKS_DIR)
    assert folders, "no built-in packs found"
    for folder in folders:
        read_pack(folder)


def test_it_reports_a_missing_file_by_name(pack_copy):
    (pack_copy / "questions.yaml").unlink()
    assert problems_of(pack_copy) == [f"{pack_copy / 'questions.yaml'}:1: file is missing"]


def test_it_reports_yaml_syntax_errors_with_their_line(pack_copy):
    path = pack_copy / "guide.yaml"
    replace_in(path, "tagline: A tiny guide used by the tests.", "tagline: [unclosed")
    (problem,) = problems_of(pack_copy)
    assert problem.startswith(f"{path}:")
    assert "YAML syntax error" in problem


def test_it_reports_an_unknown_principle_at_its_line(pack_copy):
    path = pack_copy / "questions.yaml"
    replace_in(path, "principles: [own-it]", "principles: [own-that]")
    line = line_of(path, "own-that")
    assert problems_of(pack_copy) == [
        f"{path}:{line}: questions[1].principles[0]: unknown principle 'own-that'"
    ]


def test_it_reports_an_unknown_field(pack_copy):
    path = pack_copy / "questions.yaml"
    replace_in(path, "    source: seed", "    sauce: seed\n    source: seed")
    line = line_of(path, "sauce")
    (problem,) = problems_of(pack_copy)
    assert problem.startswith(f"{path}:{line}: questions[0].sauce: unknown field 'sauce'")


def test_it_reports_a_bad_category(pack_copy):
    path = pack_copy / "questions.yaml"
    replace_in(path, "category: system-design", "category: trivia")
    line = line_of(path, "trivia")
    (problem,) = problems_of(pack_copy)
    assert problem.startswith(f"{path}:{line}: questions[2].category: 'trivia' is not one of:")


def test_it_reports_duplicate_question_keys(pack_copy):
    path = pack_copy / "questions.yaml"
    replace_in(path, "key: acme-own-bug", "key: acme-ship-fast")
    second = [
        n
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if "key: acme-ship-fast" in line
    ][1]
    assert problems_of(pack_copy) == [
        f"{path}:{second}: questions[1].key: duplicate question key 'acme-ship-fast'"
    ]


def test_it_reports_vesting_that_does_not_add_up(pack_copy):
    path = pack_copy / "guide.yaml"
    replace_in(path, "vesting: [25, 25, 25, 25]", "vesting: [5, 15, 40, 30]")
    assert problems_of(pack_copy) == [
        f"{path}:{line_of(path, 'vesting:')}: "
        "compensation.vesting: must add up to 100 (adds up to 90)"
    ]


def test_it_requires_exactly_one_bar_raiser(pack_copy):
    path = pack_copy / "guide.yaml"
    replace_in(path, "bar_raiser: false", "bar_raiser: true")
    (problem,) = problems_of(pack_copy)
    assert problem == (
        f"{path}:{line_of(path, 'rounds:')}: "
        "process.loop.rounds: exactly one round must have bar_raiser: true"
    )


def test_it_reports_an_unknown_round_in_a_question(pack_copy):
    path = pack_copy / "questions.yaml"
    replace_in(path, "round: manager", "round: lunch")
    assert problems_of(pack_copy) == [
        f"{path}:{line_of(path, 'lunch')}: questions[0].round: unknown loop round 'lunch'"
    ]


def test_it_reports_a_missing_required_section(pack_copy):
    path = pack_copy / "guide.yaml"
    replace_in(path, "summary: |\n  Good luck.\n", "")
    assert problems_of(pack_copy) == [f"{path}:1: summary: is missing"]


def test_it_reports_a_role_slug_that_does_not_match_its_folder(pack_copy):
    path = pack_copy / "guide.yaml"
    replace_in(path, "slug: widget-engineer", "slug: gadget-engineer")
    (problem,) = problems_of(pack_copy)
    assert (
        problem
        == f"{path}:2: role.slug 'gadget-engineer' must match the folder name 'widget-engineer'"
    )


def test_it_reports_duplicate_yaml_keys(pack_copy):
    path = pack_copy / "guide.yaml"
    replace_in(path, "summary: |", "title: Again\nsummary: |")
    assert f"{path}:{line_of(path, 'title: Again')}: duplicate key 'title'" in problems_of(
        pack_copy
    )


def test_it_rejects_a_binary_file(pack_copy):
    path = pack_copy / "questions.yaml"
    path.write_bytes(b"\xff\xfe\x00binary")
    (problem,) = problems_of(pack_copy)
    assert problem.startswith(f"{path}:1: not UTF-8 text")


def test_it_reports_every_problem_at_once(pack_copy):
    replace_in(pack_copy / "questions.yaml", "category: system-design", "category: trivia")
    replace_in(pack_copy / "guide.yaml", "vesting: [25, 25, 25, 25]", "vesting: [50]")
    assert len(problems_of(pack_copy)) == 2
