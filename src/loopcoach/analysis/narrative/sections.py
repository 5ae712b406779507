"""A narrative's sections (by its headings) and their readability.

A heading is a short line of its own: "## Tenets", "Alternatives considered:",
"FAQ". Without headings the whole text is one section. Readability per
section is the mean sentence length and the Flesch reading ease (206.835 −
1.015 × words per sentence − 84.6 × syllables per word, syllables counted
as vowel groups), the measure most style guides quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from loopcoach.analysis.narrative.issues import Issue
from loopcoach.analysis.spans import Span

LONG_SENTENCE_WORDS = 30
MAX_HEADING_WORDS = 7
_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?P<name>[A-Za-z0-9][^\n.!?]{0,60}?)[ \t]*:?[ \t]*$", re.MULTILINE
)
_TITLE = re.compile(r"\A\s*(?:#{1,6}[ \t]*)?(?P<name>[A-Z][^\n]{2,100}?)[ \t]*\n")
MAX_TITLE_WORDS = 14
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_VOWELS = re.compile(r"[aeiouy]+")
_SILENT_E = re.compile(r"(?<=[a-z][^aeiouy\s])e\b")


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    start: int
    end: int
    words: int
    sentences: int
    mean_sentence_words: float
    reading_ease: float

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "words": self.words,
            "sentences": self.sentences,
            "mean_sentence_words": round(self.mean_sentence_words, 1),
            "reading_ease": round(self.reading_ease, 1),
        }


def headings(text: str) -> list[Span]:
    """The heading lines of `text`, in order; a short first line is the title."""
    out = []
    title = _TITLE.match(text)
    if title and (
        len(title.group("name").split()) > MAX_TITLE_WORDS
        or re.search(r"[.!?]$", title.group("name"))
        or title.group("name").endswith(",")
    ):
        title = None
    if title:
        name = title.group("name").strip()
        out.append(Span(name, title.start("name"), title.start("name") + len(name)))
    for m in _HEADING.finditer(text):
        if title and m.start("name") <= title.end():
            continue
        name = m.group("name").strip()
        line = m.group(0)
        words = name.split()
        if not words or len(words) > MAX_HEADING_WORDS:
            continue
        marked = line.lstrip().startswith("#") or line.rstrip().endswith(":")
        titled = name[0].isupper() and not re.search(r"[,;]", name)
        if (marked or titled) and not _is_list_item(line):
            out.append(Span(name, m.start("name"), m.start("name") + len(name)))
    return out


def split_sections(text: str, sentences: list[Span], heads: list[Span]) -> list[Section]:
    bounds = [(h.text, h.start) for h in heads]
    if not bounds or bounds[0][1] > 0 and text[: bounds[0][1]].strip():
        bounds.insert(0, ("Opening", 0))
    out = []
    starts = [s.start for s in sentences]
    for n, (name, start) in enumerate(bounds):
        end = bounds[n + 1][1] if n + 1 < len(bounds) else len(text)
        window = sentences[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        inside = [s for s in window if s.text != name]
        out.append(_section(name, start, end, inside))
    return out


def find_long_sentences(sentences: list[Span]) -> list[Issue]:
    out = []
    for s in sentences:
        n = len(_WORD.findall(s.text))
        if n > LONG_SENTENCE_WORDS:
            out.append(
                Issue(
                    "long_sentence",
                    s.start,
                    s.end,
                    s.text,
                    f"{n} words in one sentence (over {LONG_SENTENCE_WORDS}): split it.",
                )
            )
    return out


def reading_ease(words: list[str], sentences: int) -> float:
    if not words or not sentences:
        return 0.0
    # Vowel groups over the whole text at once (a final silent "e" dropped), at least one a word.
    joined = _SILENT_E.sub("", " ".join(words).lower())
    syllables = max(len(words), len(_VOWELS.findall(joined)))
    return 206.835 - 1.015 * (len(words) / sentences) - 84.6 * (syllables / len(words))


def _section(name: str, start: int, end: int, sentences: list[Span]) -> Section:
    words = [w for s in sentences for w in _WORD.findall(s.text)]
    n = len(sentences)
    return Section(
        name=name,
        start=start,
        end=end,
        words=len(words),
        sentences=n,
        mean_sentence_words=len(words) / n if n else 0.0,
        reading_ease=reading_ease(words, n),
    )


def _is_list_item(line: str) -> bool:
    return bool(re.match(r"\s*(?:[-*•]|\d+[.)])\s", line))
