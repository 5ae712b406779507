"""Rules that reach beyond one field: related guides, pay estimates per level, example answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loopcoach.content import PACKS_DIR, PackError, find_packs, read_pack
from loopcoach.content.scaffold import scaffold_pack
from tests.conftest import FIXTURE_PACKS

LEVEL = """\
  levels:
    - level: L5
      base: 150000
      stock_per_year: 50000
      sign_on: 20000
      total: 220000
      source: A published survey; an estimate
      as_of: "2024-06"
"""

EXAMPLE_ANSWER = " ".join(["I shipped the widget and measured it."] * 30)


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_PACKS / "acme", tmp_path / "acme")
    return tmp_path


def guide_of(packs: Path) -> Path:
    return packs / "acme" / "widget-engineer" / "guide.yaml"


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        read_pack(folder)
    return [problem.message for problem in caught.value.problems]


def set_related(packs: Path, company: str, role: str) -> None:
    path = guide_of(packs)
    related = f"related:\n  - company: {company}\n    role: {role}\n    blurb: See also.\n"
    path.write_text(path.read_text().replace("related: []\n", related))


def add_levels(packs: Path, levels: str = LEVEL) -> None:
    path = guide_of(packs)
    text = path.read_text()
    marker = "related: []\n"
    path.write_text(text.replace(marker, levels + marker))


def write_examples(packs: Path, body: str) -> Path:
    path = packs / "acme" / "widget-engineer" / "examples.yaml"
    path.write_text(body)
    return path


def example(key: str, answer: str = EXAMPLE_ANSWER, strengths: int = 3) -> str:
    points = "".join(f"      - Point {n}.\n" for n in range(strengths))
    return f"  - key: {key}\n    answer: {answer}\n    strengths:\n{points}"


# -- related guides ---------------------------------------------------------------


def test_it_rejects_a_related_guide_that_does_not_exist(packs):
    set_related(packs, "Lyft", "QA Engineer")
    (problem,) = problems_of(packs / "acme" / "widget-engineer")
    assert problem.startswith("related[0]: no 'Lyft × QA Engineer' guide")


def test_it_accepts_a_related_guide_that_exists_beside_it(packs):
    scaffold_pack(packs, "acme", "gadget-engineer")
    set_related(packs, "Acme", "Gadget Engineer")
    assert read_pack(packs / "acme" / "widget-engineer").guide.related[0].role == "Gadget Engineer"


def test_it_rejects_a_guide_listing_itself_as_related(packs):
    set_related(packs, "Acme", "Widget Engineer")
    assert problems_of(packs / "acme" / "widget-engineer") == [
        "related[0]: a guide cannot list itself as related"
    ]


def test_builtin_related_guides_are_the_other_amazon_guide():
    related = {
        read_pack(folder).guide.role_name: [r.role for r in read_pack(folder).guide.related]
        for folder in find_packs(PACKS_DIR / "amazon")
    }
    assert related == {
        "Engineering Manager": ["Software Development Engineer"],
        "Software Development Engineer": ["Engineering Manager"],
    }


# -- compensation levels ----------------------------------------------------------


def test_it_reads_pay_estimates_per_level(packs):
    add_levels(packs)
    (level,) = read_pack(packs / "acme" / "widget-engineer").guide.compensation_levels
    assert (level.level, level.total, level.as_of) == ("L5", 220000, "2024-06")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("total: 220000", "total: 230000", "levels[0].total: must equal base + stock_per_year"),
        ('as_of: "2024-06"', 'as_of: "June 2024"', "levels[0].as_of: 'June 2024' is not a month"),
        ("sign_on: 20000", "sign_on: lots", "levels[0].sign_on: must be a whole, non-negative"),
        ("      source: A published survey; an estimate\n", "", "levels[0].source: is missing"),
    ],
)
def test_it_rejects_a_bad_pay_estimate(packs, old, new, message):
    assert old in LEVEL
    add_levels(packs, LEVEL.replace(old, new))
    problems = problems_of(packs / "acme" / "widget-engineer")
    assert any(message in problem for problem in problems), problems


def test_builtin_guides_have_sourced_estimates_for_their_levels():
    levels = {
        read_pack(folder).guide.role_slug: read_pack(folder).guide.compensation_levels
        for folder in find_packs(PACKS_DIR / "amazon")
    }
    assert [level.level for level in levels["engineering-manager"]] == ["L5", "L6", "L7"]
    assert [level.level for level in levels["software-development-engineer"]] == ["L4", "L5", "L6"]
    for level in [*levels["engineering-manager"], *levels["software-development-engineer"]]:
        assert "estimate" in level.source


# -- example answers --------------------------------------------------------------


def test_it_reads_example_answers(packs):
    write_examples(packs, "examples:\n" + example("acme-own-bug"))
    (read,) = read_pack(packs / "acme" / "widget-engineer").examples
    assert read.key == "acme-own-bug"
    assert len(read.strengths) == 3


def test_it_rejects_an_example_for_an_unknown_question(packs):
    path = write_examples(packs, "examples:\n" + example("acme-no-such-question"))
    assert problems_of(packs / "acme" / "widget-engineer") == [
        "examples[0].key: no question with key 'acme-no-such-question' in questions.yaml"
    ]
    assert path.is_file()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (example("acme-own-bug", answer="Too short."), "has 2 words; an example needs 150-350"),
        (example("acme-own-bug", answer=f"{EXAMPLE_ANSWER} {EXAMPLE_ANSWER}"), "has 420 words"),
        (example("acme-own-bug", strengths=2), "strengths: needs 3-5 points, has 2"),
        (example("acme-own-bug", strengths=6), "strengths: needs 3-5 points, has 6"),
        (example("acme-own-bug") + example("acme-own-bug"), "a second example for 'acme-own-bug'"),
        (example("acme-own-bug").replace(f"answer: {EXAMPLE_ANSWER}", "answer: ''"), "non-empty"),
    ],
)
def test_it_rejects_a_bad_example(packs, body, message):
    write_examples(packs, "examples:\n" + body)
    problems = problems_of(packs / "acme" / "widget-engineer")
    assert any(message in problem for problem in problems), problems


def test_every_builtin_example_answers_a_question_of_its_pack():
    for folder in find_packs(PACKS_DIR):
        pack = read_pack(folder)
        keys = {question.key for question in pack.questions}
        assert {example.key for example in pack.examples} <= keys, pack.label


def test_every_em_seed_question_has_an_example_and_forty_more_exist():
    pack = read_pack(PACKS_DIR / "amazon" / "engineering-manager")
    seeds = {question.key for question in pack.questions if question.source == "seed"}
    examples = {example.key for example in pack.examples}
    assert seeds <= examples
    assert len(examples - seeds) >= 40


def test_the_sde_guide_has_enough_questions_and_examples():
    pack = read_pack(PACKS_DIR / "amazon" / "software-development-engineer")
    categories = {question.category for question in pack.questions}
    assert len(pack.questions) >= 80
    assert {"coding", "system-design", "behavioral"} <= categories
    assert len(pack.examples) >= 15
