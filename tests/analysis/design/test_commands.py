from __future__ import annotations

import json

import pytest

from loopcoach.analysis.design.bench import SAMPLE_DESIGN, SAMPLE_QUESTION
from loopcoach.cli import main


@pytest.fixture
def answer_file(tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text(SAMPLE_DESIGN, encoding="utf-8")
    return path


def test_analyze_kind_design_prints_the_json(answer_file, capsys):
    assert (
        main(
            [
                "analyze",
                "--kind",
                "design",
                "--question",
                SAMPLE_QUESTION,
                "--json",
                str(answer_file),
            ]
        )
        == 0
    )
    d = json.loads(capsys.readouterr().out)
    assert d["kind"] == "design" and d["grade"] == 4


def test_analyze_kind_design_prints_a_readable_report(answer_file, capsys):
    assert (
        main(["analyze", "--kind", "design", "--question", SAMPLE_QUESTION, str(answer_file)]) == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("Grade 4/4") and "[x] Scale estimates" in out


def test_a_design_answer_without_a_question_exits_2(answer_file, capsys):
    assert main(["analyze", "--kind", "design", str(answer_file)]) == 2
    assert "--question" in capsys.readouterr().err


def test_analyze_kind_narrative(answer_file, capsys):
    assert main(["analyze", "--kind", "narrative", "--json", str(answer_file)]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "narrative"


def test_an_empty_narrative_exits_2(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["analyze", "--kind", "narrative", str(empty)]) == 2
    assert capsys.readouterr().err.startswith("loopcoach analyze: The answer is empty")


def test_evaluate_design_reports_the_figures(capsys):
    assert main(["analysis", "evaluate-design", "--split", "all", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    # The labelled sets are as large as issue 12 asks: 60 answers to 20 questions, 25 narratives.
    assert d["design"]["answers"] >= 60 and d["design"]["questions"] >= 20
    assert d["narratives"]["narratives"] >= 25
    for key in ("rubric_f1", "estimate_errors_found", "estimate_false_alarms", "grade_spearman"):
        assert key in d["design"]
    assert "issue_f1" in d["narratives"]


def test_evaluate_design_refuses_a_missing_file(tmp_path, capsys):
    assert main(["analysis", "evaluate-design", "--design", str(tmp_path / "none.jsonl")]) == 2
