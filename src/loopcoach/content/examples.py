"""Annotated example answers (`examples.yaml`): one strong STAR answer per question key.

An example is shown to a candidate only after they have answered the question
once, so that it teaches instead of being memorised. Each one carries a short
list of what makes it strong; the analyzer's annotation (STAR parts, numbers,
principles) is computed by the web layer, not stored here.
"""

from __future__ import annotations

from dataclasses import dataclass

from loopcoach.content.checker import Checker

# Long enough to hold a whole STAR story, short enough to say in about two minutes.
MIN_WORDS, MAX_WORDS = 150, 350
MIN_STRENGTHS, MAX_STRENGTHS = 3, 5
MAX_STRENGTH_LENGTH = 300


@dataclass
class ExampleSpec:
    key: str
    answer: str
    strengths: list[str]


def read_examples(check: Checker, question_keys: set[str]) -> list[ExampleSpec]:
    check.mapping((), {"examples"})
    examples, seen = [], set()
    for index, _ in enumerate(check.items(("examples",), min_items=1)):
        path = ("examples", index)
        check.mapping(path, {"key", "answer", "strengths"})
        example = ExampleSpec(
            key=check.slug((*path, "key")),
            answer=check.text((*path, "answer"), max_length=4000),
            strengths=_read_strengths(check, (*path, "strengths")),
        )
        if example.key and example.key not in question_keys:
            check.problem((*path, "key"), f"no question with key '{example.key}' in questions.yaml")
        if example.key in seen:
            check.problem((*path, "key"), f"a second example for '{example.key}'")
        seen.add(example.key)
        words = len(example.answer.split())
        if example.answer and not MIN_WORDS <= words <= MAX_WORDS:
            check.problem(
                (*path, "answer"), f"has {words} words; an example needs {MIN_WORDS}-{MAX_WORDS}"
            )
        examples.append(example)
    return examples


def _read_strengths(check: Checker, path: tuple) -> list[str]:
    strengths = check.text_list(path)
    value = check.get(path)
    count = len(value) if isinstance(value, list) else 0
    if count and not MIN_STRENGTHS <= count <= MAX_STRENGTHS:
        check.problem(path, f"needs {MIN_STRENGTHS}-{MAX_STRENGTHS} points, has {count}")
    for position, strength in enumerate(strengths):
        if len(strength) > MAX_STRENGTH_LENGTH:
            check.problem(
                (*path, position),
                f"is too long ({len(strength)} characters, at most {MAX_STRENGTH_LENGTH})",
            )
    return strengths
