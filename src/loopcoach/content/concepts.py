"""A company's concept map: `packs/<company>/concepts.yaml`, read and checked.

The file lists concepts, each a slug `key` and at least two `phrases` that
mean the same thing in a question. Problems come back with file and line,
like every pack file: an unknown field, a concept with one phrase, and a
phrase that means nothing to search (only filler words), a phrase repeated
in its concept, and a phrase two concepts claim (compared by content stems,
so "missed the deadline" and "missed deadlines" are the same phrase there;
within a concept both spellings are kept, since search matches each as written).
"""

from __future__ import annotations

from pathlib import Path

from loopcoach.content.checker import Checker, Problem
from loopcoach.content.located import YamlSyntaxError, load_located
from loopcoach.content.packs_dir import PACKS_DIR
from loopcoach.content.schema import MAX_FILE_BYTES, PackError
from loopcoach.search import content_stems
from loopcoach.search.concepts import Concept, ConceptMap, phrase_key, phrase_stems

CONCEPTS_FILE = "concepts.yaml"
MAX_PHRASE = 80


def read_concepts(path: Path) -> list[Concept]:
    """The concepts in PATH, or PackError with every problem found."""
    path = Path(path)
    problems: list[Problem] = []
    if path.stat().st_size > MAX_FILE_BYTES:
        raise PackError([Problem(path, 1, "file is larger than 2 MB")])
    try:
        document = load_located(path)
    except YamlSyntaxError as error:
        raise PackError([Problem(path, error.line, error.message)]) from None
    checker = Checker(path, document, problems)
    checker.mapping((), {"concepts"})
    concepts = [
        _read_concept(checker, index)
        for index, _ in enumerate(checker.items(("concepts",), min_items=1))
    ]
    _check_unique(checker, concepts)
    if problems:
        raise PackError(problems)
    return concepts


def company_concepts(company: str, packs_dir: Path = PACKS_DIR) -> ConceptMap:
    """The concept map of COMPANY's packs (empty when the company keeps none)."""
    path = Path(packs_dir) / company / CONCEPTS_FILE
    return ConceptMap(read_concepts(path) if path.is_file() else [])


def all_concepts(packs_dir: Path = PACKS_DIR) -> ConceptMap:
    """One map over every company's concepts, for a bank that holds several companies.

    A concept key two companies share is one concept with the phrases of both.
    """
    phrases: dict[str, list[str]] = {}
    for path in sorted(Path(packs_dir).glob(f"*/{CONCEPTS_FILE}")):
        for concept in read_concepts(path):
            phrases.setdefault(concept.key, []).extend(concept.phrases)
    return ConceptMap(Concept(key, tuple(dict.fromkeys(texts))) for key, texts in phrases.items())


def _read_concept(checker: Checker, index: int) -> Concept:
    path = ("concepts", index)
    checker.mapping(path, {"key", "phrases"})
    phrases = []
    for number, _ in enumerate(checker.items((*path, "phrases"), min_items=2)):
        phrase = checker.text((*path, "phrases", number), max_length=MAX_PHRASE)
        if phrase and not content_stems(phrase):
            checker.problem((*path, "phrases", number), f"'{phrase}' has only filler words")
        elif phrase:
            phrases.append(phrase)
    return Concept(key=checker.slug((*path, "key")), phrases=tuple(phrases))


def _check_unique(checker: Checker, concepts: list[Concept]) -> None:
    keys: set[str] = set()
    owners: dict[tuple[str, ...], tuple[str, str]] = {}
    for index, concept in enumerate(concepts):
        if concept.key in keys:
            checker.problem(("concepts", index, "key"), f"'{concept.key}' is already a concept")
        keys.add(concept.key)
        spellings: set[tuple[str, ...]] = set()
        for number, phrase in enumerate(concept.phrases):
            if phrase_stems(phrase) in spellings:
                checker.problem(("concepts", index, "phrases", number), f"'{phrase}' is repeated")
            spellings.add(phrase_stems(phrase))
            owner = owners.setdefault(phrase_key(phrase), (concept.key, phrase))
            if owner[0] != concept.key:
                checker.problem(
                    ("concepts", index, "phrases", number),
                    f"'{phrase}' is the same phrase as '{owner[1]}' in concept '{owner[0]}'",
                )
