from __future__ import annotations

from loopcoach.analysis.narrative.acronyms import find_undefined_acronyms


def found(text: str) -> list[tuple[str, str]]:
    return [(i.text, i.message) for i in find_undefined_acronyms(text)]


def test_an_acronym_never_spelled_out_fires_once_at_its_first_use():
    text = "The SRE team owns it. The SRE team is small."
    assert found(text) == [("SRE", "\u201cSRE\u201d is never spelled out.")]
    assert find_undefined_acronyms(text)[0].start == 4


def test_an_acronym_spelled_out_at_first_use_does_not_fire():
    assert found("A Correction of Error (COE) followed. The COE named three actions.") == []
    assert found("The SLA (service level agreement) is 99.9%. We met the SLA.") == []


def test_an_acronym_spelled_out_later_fires():
    text = "The COE is due. A Correction of Error (COE) is a blameless review."
    assert found(text) == [("COE", "\u201cCOE\u201d is used before it is spelled out.")]


def test_well_known_acronyms_quarters_and_plurals_are_handled():
    assert found("The CEO and the VP agreed on the FAQ for Q3 and FY24.") == []
    assert [t for t, _ in found("Two TPMs joined.")] == ["TPM"]
