"""The relevance and follow-up models train on a small corpus and load as the analyzer reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from loopcoach.analysis import followup_training, linear

pytest.importorskip("sklearn")
TINY = Path(__file__).parent / "fixtures" / "tiny" / "answers.jsonl"
FOLLOW_UPS = [
    (
        "How did you measure that?",
        "measurement",
        "I compared the logs for two weeks before and after.",
        True,
        True,
        3,
    ),
    (
        "What did you personally do?",
        "scope",
        "It was a team effort, we all helped.",
        False,
        False,
        1,
    ),
    (
        "Why that option?",
        "decision",
        "Because the other option cost twice as much, $4,000 a month.",
        True,
        True,
        4,
    ),
    (
        "What would you do differently?",
        "learning",
        "I would involve finance a week earlier.",
        True,
        True,
        3,
    ),
    ("What did she say?", "conflict", "She said it was fine, I think.", False, False, 2),
]


def _corpus(tmp_path: Path) -> Path:
    answers = tmp_path / "answers"
    answers.mkdir()
    shutil.copy(TINY, answers / "answers.jsonl")
    rows = [json.loads(line) for line in TINY.read_text().splitlines() if line.strip()]
    off = dict(
        rows[0],
        id="off-1",
        answers_question=False,
        question="Tell me about a time you hired someone.",
    )
    (answers / "off.jsonl").write_text(json.dumps(off) + "\n")
    fu = tmp_path / "followups"
    fu.mkdir()
    lines = []
    for n in range(6):  # the same few, worded alike, are enough to check the plumbing
        for q, intent, answer, direct, specific, grade in FOLLOW_UPS:
            lines.append(
                {
                    "id": f"fu-{n}-{intent}",
                    "question": "Tell me about a time.",
                    "story": rows[0]["sentences"][0]["text"],
                    "follow_up": f"{q} ({n})",
                    "follow_up_intent": intent,
                    "answer": answer,
                    "direct": direct,
                    "specific": specific,
                    "metrics": [],
                    "grade": grade,
                }
            )
    (fu / "followups-t.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines))
    (fu / "intents-t.jsonl").write_text(
        "".join(json.dumps({"follow_up": q, "intent": i}) + "\n" for q, i, *_ in FOLLOW_UPS)
    )
    return answers


def test_it_trains_the_relevance_and_follow_up_models(tmp_path):
    messages: list[str] = []
    out = tmp_path / "models"
    written = followup_training.train(_corpus(tmp_path), out, log=messages.append, quick=True)
    assert set(written) == {"asks", "relevance", "follow_up_intent", "follow_up_answer"}
    for path in written.values():
        model = linear.LinearModel.from_dict(json.loads(path.read_text()))
        assert len(model.bias) == len(model.classes)
    relevance = json.loads(written["relevance"].read_text())
    assert 0.0 <= relevance["threshold"] < 1.0
    answer = json.loads(written["follow_up_answer"].read_text())
    assert {"direct", "specific", "grade"} <= set(answer)
    assert len(answer["grade"]["thresholds"]) == 2
    assert any("cross-validated" in m for m in messages)


def test_paired_negatives_never_reuse_a_question_of_the_same_situation():
    import random

    pairs = followup_training.load_pairs(TINY.parent)
    for fake in followup_training.synthetic_negatives(pairs, random.Random(1)):
        own = next(p for p in pairs if p.story_id == fake.story_id)
        assert fake.question != own.question and not fake.answers and fake.synthetic
        assert fake.asked not in {own.principle, *own.also, own.asked}


def _pair_file(root: Path, rows: list[dict[str, object]]) -> Path:
    answers = root / "answers"
    answers.mkdir()
    shutil.copy(TINY, answers / "answers.jsonl")
    (root / "relevance").mkdir()
    text = "".join(json.dumps(r) + "\n" for r in rows)
    (root / "relevance" / "pairs.jsonl").write_text(text, encoding="utf-8")
    return answers


def test_a_hand_chosen_pair_retells_a_training_story_for_another_question(tmp_path):
    story = followup_training.load_pairs(TINY.parent)[0]
    question = "Tell me about your first 90 days with a new team."
    row = {"story": story.story_id, "question": question, "answers_question": False}
    pairs = followup_training.load_pairs(_pair_file(tmp_path, [row]))
    pair = pairs[-1]
    assert (pair.story_id, pair.question, pair.answers, pair.synthetic) == (
        story.story_id,
        question,
        False,
        False,
    )
    assert pair.sentences == story.sentences and pair.group == story.group


def test_a_pair_naming_no_training_story_is_refused(tmp_path):
    row = {"story": "no-such-story", "question": "Why?", "answers_question": False}
    with pytest.raises(ValueError, match="no-such-story"):
        followup_training.load_pairs(_pair_file(tmp_path, [row]))
