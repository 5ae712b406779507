"""The contradiction reading: a follow-up answer that takes back what the story said is a 1."""

from __future__ import annotations

import pytest

from loopcoach.analysis import analyze_follow_up
from loopcoach.analysis.contradiction import find_contradiction
from loopcoach.analysis.followup_training import contradiction_caps

STORY = (
    "I was the platform engineer at a ticketing start-up, and our search index rebuild took "
    "nine hours every night. I profiled the rebuild and found that it re-read every event from "
    "the database. I rewrote it to read only the events changed since the last run, and I "
    "added a check that compares the index count with the database. I presented the change to "
    "the CTO and rolled it out over a week. The rebuild went from nine hours to 40 minutes, "
    "and refund tickets about stale search results fell 30%, from 200 to 140 a month."
)
FAILURE_STORY = (
    "I led a migration of our billing exports to a new vendor at a utility company. I wrote "
    "the plan and I ran the cutover weekend. The new exports never really got adopted: "
    "finance kept the old spreadsheets, and I learned to bring the users in before the build."
)


@pytest.mark.parametrize(
    "answer, kind",
    [
        ("Honestly my lead did most of it, she wrote the incremental reader.", "ownership"),
        ("The rewrite was mostly done by our contractor, I reviewed it.", "ownership"),
        ("To be honest I only helped, the CTO's team rolled it out.", "ownership"),
        (
            "Realistically the refund tickets fell by about 10%, the 30% was one good month.",
            "number",
        ),
        (
            "We compared two months in the support tool, and refund tickets fell about 12%.",
            "number",
        ),
        ("In the end it was closer to 90 minutes, the 40 minutes was on a quiet night.", "number"),
        (
            "It never really got used, the team went back to the old rebuild after a month.",
            "outcome",
        ),
        ("The change was rolled back after two weeks because the counts kept drifting.", "outcome"),
        ("We never actually measured the tickets, it was what support told us.", "withdrawn"),
        ("I wasn't actually in the room with the CTO, my manager presented it.", "withdrawn"),
    ],
)
def test_it_flags_an_answer_that_takes_back_the_story(answer, kind):
    found = find_contradiction(STORY, answer)
    assert found is not None and found.kind == kind
    assert found.answer_quote in answer and found.story_quote in STORY


@pytest.mark.parametrize(
    "answer",
    [
        # The story's figure restated and refined, or made of the answer's own figures.
        "30%, so from 200 down to 140 tickets a month, counted in the support tool.",
        "Support tags every refund ticket, so I counted 200 a month before and 140 after.",
        "Before it was 200 tickets a month and after 140, which is the 30%.",
        "Nine hours before and 40 minutes after, from the scheduler's run history.",
        # A percent about another thing is not the story's percent.
        "Actually traffic grew about 12% that quarter, so the drop was not a quiet month.",
        "Refund tickets fell 30% while bookings rose about 8%, so it was not a quiet month.",
        # Others named, the deed kept.
        "I wrote the reader myself; my lead reviewed the query and the CTO approved the rollout.",
        "I profiled it with the database's slow query log, then I rewrote the reader in a week.",
        # A hedge is not a withdrawal.
        "I didn't measure it exactly per day, but the monthly counts come from the support tool.",
    ],
)
def test_it_does_not_flag_a_consistent_answer(answer):
    assert find_contradiction(STORY, answer) is None


def test_a_failure_story_told_again_is_not_a_reversal():
    answer = "It never really got adopted, finance kept their spreadsheets for another year."
    assert find_contradiction(FAILURE_STORY, answer) is None


def test_a_team_story_gives_nothing_away():
    team_story = (
        "We were a team of four on the checkout. We rebuilt the payment form and we shipped it "
        "in March. Conversions rose 5%."
    )
    assert find_contradiction(team_story, "My lead did most of it, she wrote the form.") is None


def test_a_contradiction_caps_the_grade_and_quotes_both_sides():
    answer = (
        "Honestly my lead did most of it, she wrote the incremental reader in Python over two "
        "weeks and ran the database check. I presented the results to the CTO on the Friday."
    )
    report = analyze_follow_up(
        answer, follow_up="What did you personally do on the rewrite?", story=STORY
    )
    assert report.grade == 1
    codes = [r.code for r in report.feedback]
    assert codes == ["fu-contradicts"]
    text = report.feedback[0].text
    assert text.startswith("The story said “I rewrote it")
    assert "here you say “Honestly my lead did most of it" in text
    assert text.endswith("an interviewer will ask which is true.")


def test_a_consistent_answer_keeps_its_grade():
    answer = (
        "From the support tool: refund tickets tagged stale search were 200 a month over the "
        "quarter before and 140 over the quarter after, which is the 30%, with the same traffic."
    )
    report = analyze_follow_up(
        answer, follow_up="How did you measure the 30% drop in tickets?", story=STORY
    )
    assert "fu-contradicts" not in [r.code for r in report.feedback]
    assert report.grade > 1


def _row(answer: str, grade: int) -> dict[str, object]:
    return {"story": STORY, "answer": answer, "grade": grade}


def test_a_reading_caps_only_where_it_is_precise():
    owns = [_row("My lead did most of it, she wrote the reader.", 1)] * 4
    outcome = [_row("It was rolled back after a week.", 1)] * 3 + [
        _row("It was rolled back after a week, then shipped again.", 3)
    ] * 2
    caps, figures = contradiction_caps(owns + outcome, lambda _: None)
    assert caps == ["ownership"]
    assert figures["outcome"] == {"fires": 5, "right": 3}
