"""The concept map: the Amazon pack's file is valid, and every kind of mistake is reported."""

from __future__ import annotations

import pytest

from loopcoach.content import PACKS_DIR, PackError
from loopcoach.content.concepts import all_concepts, company_concepts, read_concepts


def problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "concepts.yaml"
    path.write_text(text)
    with pytest.raises(PackError) as error:
        read_concepts(path)
    return [f"{problem.line}: {problem.message}" for problem in error.value.problems]


def test_the_amazon_concept_map_is_valid_and_knows_the_everyday_words():
    concepts = read_concepts(PACKS_DIR / "amazon" / "concepts.yaml")
    assert len(concepts) >= 80
    phrases = {phrase for concept in concepts for phrase in concept.phrases}
    assert {"missed deadline", "fire", "pushback boss", "outage", "first 90 days"} <= phrases


def test_a_company_without_a_concept_map_has_an_empty_one(tmp_path):
    assert len(company_concepts("lyft", packs_dir=tmp_path)) == 0


def test_all_concepts_merges_a_key_that_two_companies_share(tmp_path):
    for company, phrase in (("a", "outage"), ("b", "downtime")):
        (tmp_path / company).mkdir()
        (tmp_path / company / "concepts.yaml").write_text(
            f"concepts:\n  - key: outage\n    phrases: [{phrase}, incident {company}]\n"
        )
    assert all_concepts(tmp_path).concepts["outage"].phrases == (
        "outage",
        "incident a",
        "downtime",
        "incident b",
    )


def test_a_concept_needs_two_phrases(tmp_path):
    assert problems(tmp_path, "concepts:\n  - key: outage\n    phrases: [outage]\n") == [
        "3: concepts[0].phrases: needs at least 2 item(s), has 1"
    ]


def test_a_phrase_two_concepts_claim_is_reported_with_its_line(tmp_path):
    text = (
        "concepts:\n"
        "  - key: outage\n    phrases: [outage, missed deadlines]\n"
        "  - key: missed-commitment\n    phrases: [missed the deadline, broke a promise]\n"
    )
    assert problems(tmp_path, text) == [
        "5: concepts[1].phrases[0]: 'missed the deadline' is the same phrase as "
        "'missed deadlines' in concept 'outage'"
    ]


def test_a_repeated_phrase_a_filler_phrase_and_a_bad_key_are_reported(tmp_path):
    text = "concepts:\n  - key: Out Age\n    phrases: [outage, outages, tell me about]\n"
    assert sorted(problems(tmp_path, text)) == [
        "2: concepts[0].key: 'Out Age' is not a slug (lowercase words joined by hyphens)",
        "3: concepts[0].phrases[1]: 'outages' is repeated",
        "3: concepts[0].phrases[2]: 'tell me about' has only filler words",
    ]


def test_unknown_fields_and_bad_yaml_are_reported(tmp_path):
    assert problems(tmp_path, "concepts:\n  - key: a\n    phrases: [x, y]\n    note: z\n") == [
        "4: concepts[0].note: unknown field 'note' (expected one of: key, phrases)"
    ]
    assert problems(tmp_path, "concepts: [\n")[0].startswith("2: YAML syntax error")
