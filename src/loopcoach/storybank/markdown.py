"""Stories as one Markdown file, and back again without losing anything.

The format is plain enough to edit by hand:

    # My stories

    ## Cut checkout latency by 70%
    - When: 2023, payments team
    - Principles: dive-deep, deliver-results

    ### Situation
    …

Each story is a `## ` heading; `- When:` and `- Principles:` follow it; each
STAR part and the reflection is a `### ` section (an empty one is left out).
A line of a story's text that starts with `#` is written with one more
leading backslash, and one is taken off on reading, so that text can never be
mistaken for a heading — that is what makes the round trip lossless.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SECTIONS = (
    ("situation", "Situation"),
    ("task", "Task"),
    ("action", "Action"),
    ("result", "Result"),
    ("reflection", "Reflection"),
)
SECTION_BY_HEADING = {heading.lower(): name for name, heading in SECTIONS}
HEADER = "# My stories\n\n<!-- loopcoach stories, format 1: one `##` heading per story -->\n"
ESCAPED = re.compile(r"^(\\*)#")
MAX_STORIES = 500


class MarkdownError(ValueError):
    """The file is not a stories file; the message names the line."""


@dataclass
class StoryRecord:
    title: str
    when: str = ""
    principles: list[str] = field(default_factory=list)
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    reflection: str = ""


def _escape(text: str) -> str:
    return "\n".join(ESCAPED.sub(r"\\\1#", line) for line in text.split("\n"))


def _unescape(line: str) -> str:
    return line[1:] if ESCAPED.match(line) and line.startswith("\\") else line


def stories_to_markdown(stories: list[StoryRecord]) -> str:
    parts = [HEADER]
    for story in stories:
        lines = [f"## {_one_line(story.title)}"]
        if story.when:
            lines.append(f"- When: {_one_line(story.when)}")
        if story.principles:
            lines.append(f"- Principles: {', '.join(story.principles)}")
        for name, heading in SECTIONS:
            text = getattr(story, name)
            if text:
                lines += ["", f"### {heading}", "", _escape(text)]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def stories_from_markdown(text: str) -> list[StoryRecord]:
    """Read a file written by `stories_to_markdown` (or by hand in its format)."""
    if "\x00" in text:
        raise MarkdownError("This is not a text file.")
    stories: list[StoryRecord] = []
    story: StoryRecord | None = None
    section: str | None = None
    body: list[str] = []

    def close_section() -> None:
        if story is not None and section is not None:
            setattr(story, section, "\n".join(body).strip("\n"))

    for number, line in enumerate(
        text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1
    ):
        if line.startswith("## "):
            close_section()
            story, section, body = StoryRecord(title=line[3:].strip()), None, []
            if not story.title:
                raise MarkdownError(f"line {number}: a story heading needs a title.")
            stories.append(story)
            if len(stories) > MAX_STORIES:
                raise MarkdownError(f"line {number}: more than {MAX_STORIES} stories in one file.")
        elif story is None:
            continue  # the file's title and notes before the first story
        elif line.startswith("### "):
            close_section()
            heading = line[4:].strip().lower()
            if heading not in SECTION_BY_HEADING:
                raise MarkdownError(
                    f"line {number}: unknown section '{line[4:].strip()}'; "
                    f"expected one of {', '.join(h for _, h in SECTIONS)}."
                )
            section, body = SECTION_BY_HEADING[heading], []
        elif section is None:
            _read_field(story, line, number)
        else:
            body.append(_unescape(line))
    close_section()
    return stories


def _read_field(story: StoryRecord, line: str, number: int) -> None:
    if not line.strip():
        return
    match = re.match(r"^- (When|Principles):\s*(.*)$", line)
    if not match:
        raise MarkdownError(
            f"line {number}: expected '- When:', '- Principles:' or a '### ' section."
        )
    if match.group(1) == "When":
        story.when = match.group(2).strip()
    else:
        story.principles = [slug.strip() for slug in match.group(2).split(",") if slug.strip()]
