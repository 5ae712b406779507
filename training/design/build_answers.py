"""Builds answers.jsonl from the annotated sources answers-*.txt (docs/design-labels.md).

Source format, one answer per block:

    === d-001 | amzn-em-design-rate-limiter | tune | 4
    [requirements]{The limiter caps each API key at 100 requests per second.} More text.
    [estimates]{100 M daily users × 10 requests a day is {{1 M requests per second|about 11,600 requests per second}}.}

Each source line is one line of the answer. `[item,item]{text}` marks `text` as evidence
for those rubric items; `{{wrong|expected}}` marks a seeded estimate error. Run:
`python training/design/build_answers.py` (writes training/design/answers.jsonl).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
QUESTIONS = (
    HERE.parents[1] / "src/loopcoach/content/packs/amazon/engineering-manager/questions.yaml"
)
ITEMS = {
    "requirements",
    "estimates",
    "api",
    "data_model",
    "high_level",
    "deep_dive",
    "scaling",
    "trade_offs",
    "operations",
}
_HEADER = re.compile(r"^=== (\S+) \| (\S+) \| (tune|test) \| ([1-4])\s*$")
_TAG = re.compile(r"\[([a-z_,]+)\]\{")
_ERROR = re.compile(r"\{\{([^|{}]+)\|([^{}]+)\}\}")


def parse_line(line: str, rubric: dict[str, list[str]], errors: list[dict[str, str]]) -> str:
    """The line's plain text; its tags and seeded errors are added to `rubric` and `errors`."""
    out, i = [], 0
    while i < len(line):
        m = _TAG.match(line, i)
        if m:
            depth, j = 1, m.end()
            while depth:
                if line.startswith("{{", j):
                    close = line.index("}}", j)
                    j = close + 2
                    continue
                depth += {"{": 1, "}": -1}.get(line[j], 0)
                j += 1
            inner = _plain(line[m.end() : j - 1], errors)
            for item in m.group(1).split(","):
                if item not in ITEMS:
                    raise ValueError(f"unknown rubric item {item!r} in: {line}")
                rubric.setdefault(item, []).append(inner)
            out.append(inner)
            i = j
            continue
        k = line.find("[", i + 1)
        k = len(line) if k < 0 or not _TAG.match(line, k) else k
        out.append(_plain(line[i:k], errors))
        i = k
    return "".join(out)


def _plain(text: str, errors: list[dict[str, str]]) -> str:
    def repl(m: re.Match[str]) -> str:
        errors.append({"text": m.group(1), "expected": m.group(2)})
        return m.group(1)

    return _ERROR.sub(repl, text)


def build(sources: list[Path]) -> list[dict[str, object]]:
    questions = {
        q["key"]: q["text"]
        for q in yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    }
    rows: list[dict[str, object]] = []
    for source in sources:
        blocks = source.read_text(encoding="utf-8").split("\n===")
        for raw in blocks:
            raw = raw if raw.startswith("===") else "===" + raw
            lines = raw.strip("\n").split("\n")
            m = _HEADER.match(lines[0])
            if not m:
                continue
            ident, key, split, grade = m.groups()
            rubric: dict[str, list[str]] = {}
            errors: list[dict[str, str]] = []
            text = "\n".join(parse_line(line, rubric, errors) for line in lines[1:]).strip()
            rows.append(
                {
                    "id": ident,
                    "question_key": key,
                    "question": questions[key],
                    "split": split,
                    "answer": text,
                    "rubric": {item: rubric[item] for item in sorted(rubric)},
                    "estimate_errors": errors,
                    "grade": int(grade),
                }
            )
    return rows


def main() -> int:
    rows = build(sorted(HERE.glob("answers-*.txt")))
    for row in rows:
        for spans in row["rubric"].values():
            for span in spans:
                assert span in row["answer"], (row["id"], span)
    with (HERE / "answers.jsonl").open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"{len(rows)} answers, {len({r['question_key'] for r in rows})} questions", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
