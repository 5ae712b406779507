"""Stories to Markdown and back: nothing lost, clear errors."""

from __future__ import annotations

import pytest

from loopcoach.storybank import (
    MarkdownError,
    StoryRecord,
    stories_from_markdown,
    stories_to_markdown,
)

TRICKY = StoryRecord(
    title="Cut checkout latency by 70% — #1 story",
    when="2023, payments",
    principles=["dive-deep", "deliver-results"],
    situation="Checkout p99 was 900 ms.\n\n## Not a heading\n# nor this\n\\# nor this one",
    task="Get it under 300 ms before Prime Day.",
    action="I profiled it:\n- an N+1 query\n- a cold cache\n\n### Still text",
    result="p99 fell to 210 ms; conversion +1.2%.",
    reflection="",
)


def test_round_trip_loses_nothing():
    stories = [
        TRICKY,
        StoryRecord(title="Minimal"),
        StoryRecord(title="Only a result", result="It worked."),
    ]
    assert stories_from_markdown(stories_to_markdown(stories)) == stories


def test_it_reads_windows_line_endings():
    text = stories_to_markdown([TRICKY]).replace("\n", "\r\n")
    assert stories_from_markdown(text) == [TRICKY]


def test_it_reads_a_hand_written_file():
    text = (
        "# Stories\n\nnotes\n\n## Hired a lead\n- Principles: hire-and-develop-the-best\n\n"
        "### Action\nI ran the loop.\n"
    )
    [story] = stories_from_markdown(text)
    assert story.principles == ["hire-and-develop-the-best"] and story.action == "I ran the loop."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## Story\n### Epilogue\nx", "line 2: unknown section"),
        ("## Story\nrandom words", "line 2: expected"),
        ("## \n", "line 1: a story heading needs a title"),
        ("\x00\x01", "not a text file"),
    ],
)
def test_it_names_the_bad_line(text, message):
    with pytest.raises(MarkdownError, match=message):
        stories_from_markdown(text)


def test_an_empty_file_has_no_stories():
    assert stories_from_markdown("") == []
