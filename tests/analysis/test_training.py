from __future__ import annotations

import json
from pathlib import Path

import pytest

from loopcoach.analysis import linear
from loopcoach.analysis.training import load_answers, train

FIXTURES = Path(__file__).parent / "fixtures"
pytest.importorskip("sklearn")


def test_it_trains_every_model_on_a_tiny_corpus_and_writes_json(tmp_path, monkeypatch):
    from loopcoach.analysis import training

    monkeypatch.setattr(training, "FOLDS", 2)
    messages: list[str] = []
    written = train(FIXTURES / "tiny", tmp_path, log=messages.append, quick=True)
    assert set(written) == {
        "roles",
        "question_principle",
        "story_principle",
        "hypothetical",
        "ownership",
        "grade",
    }
    for path in written.values():
        data = json.loads(path.read_text())
        model = linear.LinearModel.from_dict(data)
        assert model.classes and len(model.bias) == len(model.classes)
    assert any("roles" in m for m in messages)


def test_a_malformed_line_is_reported_with_its_place(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "x"}\n')
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_answers(tmp_path)


def test_too_little_data_is_refused(tmp_path):
    (tmp_path / "empty.jsonl").write_text("")
    with pytest.raises(ValueError, match="at least"):
        train(tmp_path, tmp_path / "out", log=lambda _m: None)
