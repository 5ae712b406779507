from __future__ import annotations

import argparse
import io
import json
import sys

import pytest

from loopcoach.analysis import commands
from tests.analysis.examples import STRONG


def run(argv: list[str], stdin: bytes | None = None, monkeypatch=None) -> int:
    parser = argparse.ArgumentParser(prog="loopcoach")
    commands.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    return args.func(args)


def test_analyze_prints_a_readable_report(tmp_path, capsys):
    path = tmp_path / "answer.txt"
    path.write_text(STRONG)
    assert (
        run(["analyze", str(path), "--question", "Tell me about a time you improved performance."])
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("Grade ") and "Strengths" in out and "[A]" in out


def test_analyze_json_reads_stdin(capsys, monkeypatch):
    assert run(["analyze", "-", "--json"], stdin=STRONG.encode(), monkeypatch=monkeypatch) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["schema_version"] == 1 and d["sentences"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not text"),
        (b"word " * 20_001, "too long"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "answer.txt"
    path.write_bytes(content)
    assert run(["analyze", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_a_missing_file_exits_2(capsys):
    assert run(["analyze", "/no/such/answer.txt"]) == 2
    assert "No such file" in capsys.readouterr().err


def test_an_unknown_principle_is_rejected_by_the_parser():
    with pytest.raises(SystemExit) as info:
        run(["analyze", "-", "--principle", "be-nice"])
    assert info.value.code == 2


def test_evaluate_scores_a_labelled_set(capsys):
    from tests.analysis.test_training import FIXTURES

    assert run(["analysis", "evaluate", str(FIXTURES / "tiny" / "answers.jsonl"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["answers"] >= 10 and 0 <= result["role_macro_f1"] <= 1


def test_evaluate_with_a_missing_set_exits_2(capsys):
    assert run(["analysis", "evaluate", "/no/such/set.jsonl"]) == 2


def test_bench_reports_figures(capsys, monkeypatch):
    from loopcoach.analysis import bench

    monkeypatch.setattr(bench, "_cold_start", lambda: (0.1, 0.2))
    assert run(["analysis", "bench", "--runs", "3", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["runs"] == 3 and r["median_ms"] > 0 and r["words"] >= 280


def test_train_trains_the_story_models_then_the_follow_up_ones(tmp_path, monkeypatch):
    # Both trainers are replaced by recorders: the real ones take minutes (they have tests).
    from loopcoach.analysis import followup_training, training
    from tests.analysis.test_training import FIXTURES

    calls = []
    monkeypatch.setattr(training, "train", lambda data, out: calls.append(("story", data, out)))
    monkeypatch.setattr(
        followup_training, "train", lambda data, out: calls.append(("follow-up", data, out))
    )
    data = FIXTURES / "tiny"
    assert run(["analysis", "train", "--data", str(data), "--out", str(tmp_path)]) == 0
    assert calls == [("story", data, tmp_path), ("follow-up", data, tmp_path)]


def test_train_without_out_writes_the_follow_up_models_into_the_package(monkeypatch):
    from loopcoach.analysis import followup_training, training
    from tests.analysis.test_training import FIXTURES

    outs = []
    monkeypatch.setattr(training, "train", lambda data, out: outs.append(out))
    monkeypatch.setattr(followup_training, "train", lambda data, out: outs.append(out))
    assert run(["analysis", "train", "--data", str(FIXTURES / "tiny")]) == 0
    assert outs == [training.DEFAULT_OUT, followup_training.DEFAULT_OUT]


def test_train_with_a_missing_directory_exits_2(capsys):
    assert run(["analysis", "train", "--data", "/no/such/dir"]) == 2
    assert "no such directory" in capsys.readouterr().err
