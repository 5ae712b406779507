from __future__ import annotations

from loopcoach.analysis import analyze
from tests.analysis.examples import CONFLICT, HYPOTHETICAL, STRONG, WE_STORY


def codes(report) -> set[str]:
    return {r.code for r in report.feedback}


def follow_codes(report) -> set[str]:
    return {f.code for f in report.follow_up_items}


def test_every_remark_points_at_text_that_is_really_there():
    for text in (STRONG, HYPOTHETICAL, WE_STORY, CONFLICT):
        report = analyze(text)
        for item in [*report.feedback, *report.follow_up_items]:
            if item.start is not None:
                assert 0 <= item.start < item.end <= len(text)
            if getattr(item, "quote", None):
                assert text[item.start : item.end] == item.quote


def test_a_strong_answer_is_praised_for_its_numbers_and_asked_how_they_were_measured():
    report = analyze(
        STRONG, question="Tell me about a time you dove deep to fix a performance problem."
    )
    assert "quantified-result" in codes(report)
    assert any("150 ms" in s or "900 ms" in s for s in report.strengths)
    assert "why-technology" in follow_codes(report) or "why-decision" in follow_codes(report)
    assert any("Redis" in q or "caching" in q for q in report.follow_ups)


def test_a_hypothetical_answer_is_asked_for_a_real_time():
    report = analyze(HYPOTHETICAL, question="Tell me about a time a project was slipping.")
    assert "hypothetical" in codes(report)
    real = [f for f in report.follow_up_items if f.code == "real-example"]
    assert real and "talk to the team" in real[0].question


def test_a_we_story_is_asked_what_the_speaker_did():
    report = analyze(WE_STORY)
    assert "we-ownership" in codes(report)
    assert any("personally" in q for q in report.follow_ups)
    assert "result-without-number" in codes(report) or "no-result" in codes(report)


def test_a_conflict_is_asked_who_was_spoken_to():
    # Without its ending ("She agreed to a phased launch"): how it was settled is left open.
    report = analyze(CONFLICT.split(" She agreed")[0])
    conflict = [f for f in report.follow_up_items if f.code == "conflict"]
    assert conflict and "Maria" in conflict[0].question


def test_remarks_quote_this_answer_not_a_template():
    a = analyze(STRONG).strengths + analyze(STRONG).improvements
    b = analyze(CONFLICT).strengths + analyze(CONFLICT).improvements
    assert not set(a) & set(b)
