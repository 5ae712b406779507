from __future__ import annotations

import json
from pathlib import Path

import pytest

from loopcoach.analysis import linear
from loopcoach.analysis.training import Plan, load_answers, train

FIXTURES = Path(__file__).parent / "fixtures"
pytest.importorskip("sklearn")


QUICK = Plan(folds=2, quick=True)


def test_it_trains_every_model_on_a_tiny_corpus_and_writes_json(tmp_path):
    messages: list[str] = []
    written = train(FIXTURES / "tiny", tmp_path, log=messages.append, plan=QUICK)
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
    story = json.loads(written["story_principle"].read_text())
    assert {"idf", "scene_weight", "asked_bonus", "temperature", "mismatch_threshold"} <= set(story)


def test_training_is_deterministic(tmp_path):
    first = train(FIXTURES / "tiny", tmp_path / "a", log=lambda _m: None, plan=QUICK)
    second = train(FIXTURES / "tiny", tmp_path / "b", log=lambda _m: None, plan=QUICK)
    for name, path in first.items():
        assert path.read_bytes() == second[name].read_bytes(), name


def test_trained_models_are_passed_in_not_patched(tmp_path):
    from loopcoach.analysis import analyze
    from loopcoach.analysis.linear import Models, shipped_models

    written = train(FIXTURES / "tiny", tmp_path, log=lambda _m: None, plan=QUICK)
    models = Models.from_dicts({n: json.loads(p.read_text()) for n, p in written.items()})
    text = "I rewrote the cache. Latency fell by 40%."
    report = analyze(text, question="Tell me about a time you dove deep.", models=models)
    assert report.grade_inputs is not None
    assert shipped_models().story_principle is not models.story_principle


def test_a_malformed_line_is_reported_with_its_place(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "x"}\n')
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_answers(tmp_path)


def test_too_little_data_is_refused(tmp_path):
    (tmp_path / "empty.jsonl").write_text("")
    with pytest.raises(ValueError, match="at least"):
        train(tmp_path, tmp_path / "out", log=lambda _m: None, plan=QUICK)


def test_top1_is_weighed_at_the_real_share_of_off_question_stories():
    from loopcoach.analysis.principle_training import REAL_OFF_QUESTION_SHARE, _figures
    from loopcoach.analysis.training_data import Answer

    def answer(principle: str, asked: str) -> Answer:
        return Answer("x", "q", asked, ["s"], ["action"], principle, [], False, "i", 3, [])

    # Half the stories are off the question and all of those are read wrong; on the question
    # all are right. Plain top-1 would be 0.5; at one story in five off it is 0.8.
    answers = [answer("ownership", "ownership"), answer("dive-deep", "ownership")]
    finals = [{"ownership": 0.9, "dive-deep": 0.1}, {"ownership": 0.9, "dive-deep": 0.1}]
    top1, top3, off1 = _figures(finals, answers, off=[1])
    assert top1 == pytest.approx(1 - REAL_OFF_QUESTION_SHARE)
    assert off1 == 0.0 and top3 == 1.0


def test_ownership_thresholds_do_not_let_the_common_i_swallow_mixed():
    from loopcoach.analysis.principle_training import Claim
    from loopcoach.analysis.training import HeldOut, train_ownership
    from loopcoach.analysis.training_data import Answer

    def held(ownership: str, actions: list[str]) -> HeldOut:
        roles = ["action"] * len(actions)
        answer = Answer("x", "q", None, actions, roles, "ownership", [], False, ownership, 3, [])
        return HeldOut(answer, {}, actions, actions, False, [], Claim(0.0, False, False, False))

    # Most stories are "I"; some even splits were labelled "i" too. By accuracy, calling
    # every even split "i" wins (24 of 26 right); by macro-F1 the mixed ones must be found.
    alone = ["I fixed it.", "I shipped it."]
    even = ["I fixed it.", "We shipped it."]
    team = ["We fixed it.", "We shipped it."]
    answers = (
        [held("i", alone)] * 16
        + [held("i", even)] * 6
        + [held("mixed", even)] * 2
        + [held("we", team)] * 2
    )
    model = train_ownership(answers, log=lambda _m: None)
    assert model["i_threshold"] > 0.5 and model["we_threshold"] < 0.5
    assert model["cv_accuracy"] < 24 / 26
