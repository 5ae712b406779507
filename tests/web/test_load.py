"""Loading packs: idempotent, retiring dropped questions, keeping editors' edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loopcoach.content import read_pack
from loopcoach.web.guides.models import Guide, GuideItem, LoopRound
from loopcoach.web.guides.services import pack_load
from loopcoach.web.questions.models import Question
from tests.conftest import FIXTURE_PACKS

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_PACKS / "acme", tmp_path / "acme")
    return tmp_path / "acme" / "widget-engineer"


def test_it_loads_a_pack_with_every_part(pack_copy):
    report = pack_load(pack=read_pack(pack_copy))
    guide = Guide.objects.get(company__slug="acme", role_slug="widget-engineer")
    assert len(report.created) == 1 + 2 + 1 + 3  # company, principles, guide, questions
    assert guide.questions.count() == 3
    assert [stage.slug for stage in guide.stages.all()] == ["screen", "onsite"]
    assert LoopRound.objects.get(guide=guide, slug="raiser").is_bar_raiser
    assert guide.items.filter(kind=GuideItem.Kind.BE_READY, group="widget-design").count() == 1
    assert guide.vesting == [25, 25, 25, 25]


def test_a_second_load_changes_nothing(pack_copy):
    pack_load(pack=read_pack(pack_copy))
    before = list(
        Question.objects.filter(guide__company__slug="acme").values_list("id", "updated_at")
    )
    report = pack_load(pack=read_pack(pack_copy))
    assert not report.changed
    assert (
        list(Question.objects.filter(guide__company__slug="acme").values_list("id", "updated_at"))
        == before
    )


def test_a_dropped_question_is_retired_not_deleted(pack_copy):
    pack_load(pack=read_pack(pack_copy))
    path = pack_copy / "questions.yaml"
    text = path.read_text()
    path.write_text(text[: text.index("  - key: acme-design-gearbox")])
    report = pack_load(pack=read_pack(pack_copy))
    assert report.retired == ["question acme-design-gearbox"]
    question = Question.objects.get(key="acme-design-gearbox")
    assert question.retired
    assert not Question.objects.active().filter(key="acme-design-gearbox").exists()


def test_a_returning_question_is_restored(pack_copy):
    pack_load(pack=read_pack(pack_copy))
    Question.objects.filter(key="acme-own-bug").update(retired=True)
    pack_load(pack=read_pack(pack_copy))
    assert not Question.objects.get(key="acme-own-bug").retired


def test_an_editors_change_survives_a_reload_of_an_unchanged_pack(pack_copy):
    pack_load(pack=read_pack(pack_copy))
    Question.objects.filter(key="acme-own-bug").update(text="Edited by an editor")
    pack_load(pack=read_pack(pack_copy))
    assert Question.objects.get(key="acme-own-bug").text == "Edited by an editor"


def test_a_changed_pack_entry_replaces_the_row(pack_copy):
    pack_load(pack=read_pack(pack_copy))
    path = pack_copy / "questions.yaml"
    path.write_text(path.read_text().replace("not yours to fix", "nobody owned"))
    report = pack_load(pack=read_pack(pack_copy))
    assert report.updated == ["question acme-own-bug"]
    assert "nobody owned" in Question.objects.get(key="acme-own-bug").text


def test_the_builtin_amazon_pack_is_loaded(amazon_guide):
    assert amazon_guide.company.principles.count() == 16
    assert amazon_guide.rounds.count() == 5
    assert amazon_guide.rounds.filter(is_bar_raiser=True).count() == 1
    covered = {p.slug for r in amazon_guide.rounds.all() for p in r.principles.all()}
    assert len(covered) == 16
