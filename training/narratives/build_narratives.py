"""Builds narratives.jsonl from the annotated sources narratives-*.txt (docs/design-labels.md).

One narrative per block:

    === n-001 | tune | 3 | missing: tenets, faq
    Text with {w:very} weasel words, {p:was decided} passives, {a:SLA} acronyms at first
    use, {c:whole sentences that claim without data.} and {l:sentences over thirty words.}

Marks nest ({c:We {w:believe} …}). `missing:` lists the expected parts that are absent
(purpose, tenets, problem_data, proposal, alternatives, faq). The builder warns when a
marked long sentence has 30 words or fewer, or an unmarked one more: the length rule is a
count, so the labels must obey it. Run: `python training/narratives/build_narratives.py`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {
    "w": "weasel",
    "c": "unsupported_claim",
    "l": "long_sentence",
    "p": "passive_voice",
    "a": "undefined_acronym",
}
PARTS = {"purpose", "tenets", "problem_data", "proposal", "alternatives", "faq"}
_HEADER = re.compile(r"^=== (\S+) \| (tune|test) \| ([1-4])(?: \| missing:(.*))?\s*$")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def parse(marked: str) -> tuple[str, list[dict[str, str]]]:
    """The plain text and the issues marked in it."""
    out: list[str] = []
    issues: list[dict[str, str]] = []
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(marked):
        m = re.match(r"\{([wclpa]):", marked[i:])
        if m:
            stack.append((KINDS[m.group(1)], len("".join(out))))
            i += m.end()
            continue
        if marked[i] == "}" and stack:
            kind, start = stack.pop()
            end = len("".join(out))
            issues.append({"kind": kind, "text": "".join(out)[start:], "start": start, "end": end})
            i += 1
            continue
        out.append(marked[i])
        i += 1
    if stack:
        raise ValueError(f"unclosed mark in: {marked[:80]}")
    return "".join(out), issues


def build(sources: list[Path]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for source in sources:
        for raw in source.read_text(encoding="utf-8").split("\n==="):
            raw = raw if raw.startswith("===") else "===" + raw
            lines = raw.strip("\n").split("\n")
            m = _HEADER.match(lines[0])
            if not m:
                continue
            ident, split, grade, missing = m.groups()
            text, issues = parse("\n".join(lines[1:]).strip())
            for part in (p.strip() for p in (missing or "").split(",") if p.strip()):
                if part not in PARTS:
                    raise ValueError(f"{ident}: unknown part {part!r}")
                issues.append({"kind": "missing_section", "section": part, "text": ""})
            _check_lengths(ident, text, issues)
            rows.append(
                {"id": ident, "split": split, "text": text, "issues": issues, "grade": int(grade)}
            )
    return rows


def _check_lengths(ident: str, text: str, issues: list[dict[str, str]]) -> None:
    marked = {i["text"] for i in issues if i["kind"] == "long_sentence"}
    for t in marked:
        if len(_WORD.findall(t)) <= 30:
            print(
                f"{ident}: marked long but {len(_WORD.findall(t))} words: {t[:60]}", file=sys.stderr
            )
    for line in text.split("\n"):
        for s in re.split(r"(?<=[.!?])\s+", line):
            if len(_WORD.findall(s)) > 30 and not any(s.strip() in t or t in s for t in marked):
                print(f"{ident}: unmarked long sentence: {s[:60]}", file=sys.stderr)


def main() -> int:
    rows = build(sorted(HERE.glob("narratives-*.txt")))
    with (HERE / "narratives.jsonl").open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    words = [len(str(r["text"]).split()) for r in rows]
    print(f"{len(rows)} narratives, {min(words)}-{max(words)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
