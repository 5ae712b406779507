"""Question-specific expectations: what a strong answer to one design question covers.

The data lives in the content packs (`design-expectations.yaml` beside
`questions.yaml`), read once per process with importlib.resources. A question
is found by its key, by its exact text, or failing both by the bank question
whose words it shares most (a candidate may paste a question reworded).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

import yaml

PACKAGE = "loopcoach.content"
FILE_NAME = "design-expectations.yaml"
MIN_OVERLAP = 0.6  # share of the asked question's word stems found in a bank question
# The C loader is ten times faster where PyYAML was built with libyaml; both are safe loaders.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the of for to and or in on at by with how would you your we design is it that this do "
    "does what which when where why like tell me about time yourself you your i my can could "
    "should "
    "walk through system service".split()
)


@dataclass(frozen=True, slots=True)
class ExpectedItem:
    key: str
    label: str
    patterns: tuple[re.Pattern[str], ...]
    ask: str

    @property
    def pattern(self) -> re.Pattern[str]:
        """All the item's patterns as one: one pass over the answer instead of one per pattern."""
        return _combined(self.patterns)


@functools.cache
def _combined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    return re.compile("|".join(p.pattern for p in patterns), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Expectation:
    question_key: str
    question: str
    deep_dive: str
    items: tuple[ExpectedItem, ...]
    story_expected: bool = False


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A whole-word (or whole-phrase) pattern, case-insensitive."""
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w])", re.IGNORECASE)


def parse_expectations(doc: object, questions: dict[str, str]) -> dict[str, Expectation]:
    """The expectations in one parsed YAML document; `questions` maps key to question text."""
    if not isinstance(doc, dict) or not isinstance(doc.get("expectations"), dict):
        raise ValueError(f"{FILE_NAME} must hold a mapping under 'expectations'")
    out: dict[str, Expectation] = {}
    for key, entry in doc["expectations"].items():
        items = tuple(
            ExpectedItem(
                key=str(item["key"]),
                label=str(item["label"]),
                patterns=tuple(compile_pattern(str(p)) for p in item["patterns"]),
                ask=str(item["ask"]),
            )
            for item in entry["items"]
        )
        out[str(key)] = Expectation(
            question_key=str(key),
            question=questions.get(str(key), ""),
            deep_dive=str(entry.get("deep_dive", "")),
            items=items,
            story_expected=bool(entry.get("story_expected", False)),
        )
    return out


@functools.cache
def load_expectations() -> dict[str, Expectation]:
    """Every pack's expectations, keyed by question key."""
    out: dict[str, Expectation] = {}
    for folder in _role_folders(resources.files(PACKAGE).joinpath("packs")):
        questions = _question_texts(folder.joinpath("questions.yaml"))
        doc = yaml.load(folder.joinpath(FILE_NAME).read_text(encoding="utf-8"), Loader=_Loader)
        out.update(parse_expectations(doc, questions))
    return out


def find_expectation(question: str | None) -> Expectation | None:
    """The expectations for a question given by key or by text, or None if it is not in a pack."""
    if not question or not question.strip():
        return None
    table = load_expectations()
    key = question.strip()
    if key in table:
        return table[key]
    wanted = _content_words(key)
    best, best_score = None, 0.0
    for expectation in table.values():
        if _normal(expectation.question) == _normal(key):
            return expectation
        score = _overlap(wanted, _content_words(expectation.question))
        if score > best_score:
            best, best_score = expectation, score
    return best if best_score >= MIN_OVERLAP else None


def _role_folders(root: Traversable) -> list[Traversable]:
    found: list[Traversable] = []
    for child in root.iterdir():
        if child.is_dir():
            if child.joinpath(FILE_NAME).is_file():
                found.append(child)
            found.extend(_role_folders(child))
    return found


def _question_texts(path: Traversable) -> dict[str, str]:
    if not path.is_file():
        return {}
    doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    return {
        str(q["key"]): str(q["text"])
        for q in doc.get("questions", [])
        if isinstance(q, dict) and "key" in q and "text" in q
    }


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _content_words(text: str) -> set[str]:
    """Word stems (the first five letters): "shortener" and "shortening" meet."""
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in _STOP}


def _overlap(wanted: set[str], have: set[str]) -> float:
    """Share of the asked words found, with a small tie-break for the closer question."""
    if not wanted or not have:
        return 0.0
    common = len(wanted & have)
    if common < min(2, len(wanted)):
        return 0.0
    return common / len(wanted) + common / (100 * len(wanted | have))
