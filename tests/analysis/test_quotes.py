"""The quoting strengths on whole answers written for issue #10 (`quote_answers.py`): the
principle's sentence is the speaker's deed that shows it, never a result, the scene or someone
else's deed, and no quote is cut inside a phrase."""

from __future__ import annotations

import pytest

from loopcoach.analysis import analyze, feedback
from tests.analysis.quote_answers import ANSWERS


@pytest.fixture(autouse=True)
def _every_strength(monkeypatch):
    # The report keeps the first three strengths; each quoting rule is checked here on its own.
    monkeypatch.setattr(feedback, "MAX_STRENGTHS", len(feedback.RULES))


def _strengths(answer):
    report = analyze(answer.text, question=answer.question)
    return report, {r.code: r for r in report.feedback if r.kind == "strength"}


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.name)
def test_on_principle_quotes_the_deed_that_shows_the_principle(answer):
    report, strengths = _strengths(answer)
    remark = strengths.get("on-principle")
    shown = report.principles[0].slug == report.asked_principle
    if not answer.fires or not shown:
        assert remark is None
        return
    assert remark is not None
    if not answer.deed:
        assert remark.quote is None
        assert remark.text.endswith("the principle the question asks about.")
    else:
        assert remark.quote is not None
        assert remark.quote.startswith(answer.deed), remark.quote


def test_the_principle_is_shown_and_quoted_in_most_of_the_answers():
    """So the test above checks quotes, not only the gate."""
    quoted = [a for a in ANSWERS if _strengths(a)[1].get("on-principle", None)]
    assert len(quoted) >= 20


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.name)
def test_every_quote_is_the_answers_own_words_whole_or_cut_at_a_phrase(answer):
    _report, strengths = _strengths(answer)
    text = " ".join(answer.text.split())
    for remark in strengths.values():
        for said in remark.text.split("“")[1:]:
            said = said.split("”")[0]
            assert said.strip("…") in text, said
            if said.endswith("…"):
                last = said.rstrip("…").split()[-1].lower()
                assert last not in {"the", "a", "an", "every", "first", "of", "to", "before"}
