"""What the story already says (`told.read_story`), and the follow-ups that stop asking it."""

from __future__ import annotations

from loopcoach.analysis import analyze, probes, told
from loopcoach.analysis.report import Sentence
from tests.analysis.test_probes import evidence


def reading(parts) -> told.StoryReading:
    return evidence(parts).told


def follow_ups(text: str, question: str) -> list[str]:
    return list(analyze(text, question=question).to_dict()["follow_ups"])


def test_the_reading_is_computed_once_and_shared_by_the_remarks_and_the_probes():
    ev = evidence([("I rewrote the export job.", "action"), ("It has not failed since.", "result")])
    assert ev.told is ev.told
    shared = told.read_story(ev.text, ev.sentences)
    given = probes.StoryEvidence(
        ev.text, ev.sentences, ev.per_sentence_metrics, "i", False, None, shared
    )
    assert given.told is shared


def test_lesson_and_lasting_change():
    lesson = reading([("What I learned is that feeling prepared is not enough.", "result")])
    assert lesson.lesson_told and lesson.learned == {0}
    habit = reading([("Since then I block a release when the checks are missing.", "result")])
    assert habit.lesson_told
    none = reading([("The pupils worked in pairs for the rest of the hour.", "result")])
    assert not none.lesson_told and not none.lasting_change
    assert reading([("It has not failed silently since.", "result")]).lasting_change
    assert reading([("Now he volunteers to present every sprint.", "result")]).lasting_change


def test_outcome_told_in_words():
    def measured(result: str) -> bool:
        return reading([("I moved the first market in May.", "action"), (result, "result")])

    assert measured("After that we had no outage in the next six months.").result_measured
    assert measured("It has not failed silently since.").result_measured
    assert measured("The audit passes without a finding.").result_measured
    assert not measured("The launch went well.").result_measured
    assert not measured("They had no complaints after that.").result_measured
    assert measured("Now he volunteers to present every sprint.").change_observed
    assert not measured("Everyone was happy.").change_observed


def test_people_alternatives_and_the_speakers_role():
    story = reading(
        [
            ("I was the backend lead and Priya led the mobile team.", "situation"),
            ("We could either wait ten days for a new mould or weld the crack.", "task"),
        ]
    )
    assert story.people == ("Priya",)
    assert story.alternatives_named
    assert "backend lead" in story.own_roles
    # Sentence openers, weekdays and months are no people.
    assert reading([("Failed runs fell by 90% in March.", "result")]).people == ()
    assert reading([("On Friday was the cutover.", "situation")]).people == ()
    assert not reading([("I chose the weld.", "action")]).alternatives_named


# ---- measurement -------------------------------------------------------------------------------


def test_a_before_value_is_never_quoted_alone_and_a_rate_keeps_the_pair():
    parts = [
        ("I renegotiated the contract with the vendor's account director.", "action"),
        ("The renewal came in at $84,000 a year instead of $130,000.", "result"),
    ]
    asked = probes.ask_measurement(evidence(parts))
    assert asked and "from “$130,000” to “$84,000”" in asked.question
    # A price is worked out and agreed, not measured.
    assert "worked out" in asked.question and "measure" not in asked.question
    down = [
        ("I moved the reporting jobs to a read replica.", "action"),
        ("I sized the pool for the peak.", "action"),
        (
            "Over the next four weeks p99 latency stayed under 300 ms, down from 4 seconds.",
            "result",
        ),
    ]
    asked = probes.ask_measurement(evidence(down))
    assert asked and "from “4 seconds” to “300 ms”" in asked.question
    assert "which of your changes" in asked.question


def test_which_of_your_changes_only_when_the_story_tells_more_than_one():
    one = [
        ("I rewrote my test cases with the template.", "action"),
        ("He approved them in one day instead of one week.", "result"),
    ]
    asked = probes.ask_measurement(evidence(one))
    assert asked and "which of your changes" not in asked.question
    assert "what else could explain it" in asked.question


def test_no_how_did_you_know_it_worked_when_the_story_says_how_it_came_out():
    def outcome(result: str, question: str | None = None) -> bool:
        parts = [("I planned the migration in three phases.", "action"), (result, "result")]
        return probes.ask_outcome(evidence(parts, question=question)) is not None

    assert not outcome("After that we had no outage in the next six months.")
    assert not outcome("It has not failed silently since.")
    assert not outcome("The audit passes without a finding.")
    assert outcome("We switched, and the launch went well.")
    # A failure's result is what went wrong: nothing "worked" to be verified.
    failed = "The release failed and we rolled back within the hour."
    assert not outcome(failed, "Tell me about a time you failed.")
    assert outcome(failed, "Tell me about a time you took a risk.")


# ---- conflict ----------------------------------------------------------------------------------


def test_the_conflict_question_asks_only_what_the_story_leaves_open():
    def asked(*parts: tuple[str, str]) -> str:
        f = probes.ask_conflict(evidence(list(parts)))
        return f.question if f else ""

    worried = ("My director was worried about the vendor going under.", "task")
    told_objection = asked(worried, ("The samples arrived in May.", "situation"))
    assert "your director's concern" in told_objection and "say" not in told_objection
    # …and what the speaker did about it: what is left is how they took it.
    answered = asked(worried, ("I built three prototype boards over a weekend.", "action"))
    assert "your director respond" in answered and "concern" not in answered
    settled = asked(
        ("Jonas pushed back in the review.", "action"),
        ("In the end he agreed to a two-week trial.", "result"),
    )
    assert "object to" in settled and "settled" not in settled
    bare = asked(("Jonas pushed back in the review.", "action"), ("I built it.", "action"))
    assert "say" in bare and "settled" in bare
    assert (
        asked(
            ("Linda objected because the night staff would hand over earlier.", "action"),
            ("After the trial Linda agreed to keep the new time.", "result"),
        )
        == ""
    )


def test_what_you_answered_is_not_asked_when_the_story_tells_your_deed_around_it():
    pushback = ("Jonas pushed back in the review.", "action")
    deed = ("I built a prototype over the weekend.", "action")
    asked = probes.ask_conflict(evidence([pushback, deed]))
    assert asked and "what did you answer" not in asked.question and "say" in asked.question
    scene = ("The review was on a Friday.", "situation")
    asked = probes.ask_conflict(evidence([pushback, scene]))
    assert asked and "what did you answer" in asked.question
    settled = ("In the end he agreed to a two-week trial.", "result")
    asked = probes.ask_conflict(evidence([pushback, deed, settled]))
    assert asked and asked.question == "What exactly did Jonas object to?"


def test_she_or_he_is_the_one_person_the_story_names():
    named = [
        ("I was a backend lead and Priya led the mobile team.", "situation"),
        ("She pushed back on my plan to version our API.", "action"),
        ("I wrote a migration guide.", "action"),
    ]
    assert "Priya" in probes.ask_conflict(evidence(named)).question
    two = [("Priya and Tomas led the mobile team.", "situation"), *named[1:]]
    assert probes.ask_conflict(evidence(two)) is None
    nobody = [("I was a backend lead.", "situation"), *named[1:]]
    assert probes.ask_conflict(evidence(nobody)) is None


# ---- learning ----------------------------------------------------------------------------------


def test_no_what_did_you_change_afterwards_when_the_story_ends_on_the_lasting_change():
    parts = [("I added an alert that pages the on-call engineer.", "action")]
    lasting = probes.ask_learning(evidence([*parts, ("It has not failed since.", "result")]))
    assert lasting and "change afterwards" not in lasting.question
    # A clean success asks nothing of the kind; one that came out mixed asks what they would
    # do differently, without presupposing a change to make.
    plain = probes.ask_learning(evidence([*parts, ("The backup ran that night.", "result")]))
    assert plain is None
    mixed = ("The backup ran that night, but two days of data were already lost.", "result")
    asked = probes.ask_learning(evidence([*parts, mixed]))
    assert asked and asked.question == "Looking back, what would you do differently, and why?"
    lesson = ("What I learned is that an alert is only as good as its owner.", "result")
    assert probes.ask_learning(evidence([*parts, lesson])) is None


# ---- detail ------------------------------------------------------------------------------------


def detail(*actions: str) -> str:
    f = probes.ask_detail(evidence([(a, "action") for a in actions]))
    return f.question if f else ""


def test_the_detail_question_skips_minor_steps_for_the_deed_the_story_rests_on():
    asked = detail(
        "I put the usage figures into a spreadsheet for the team.",
        "I renegotiated the contract with the vendor's account director.",
    )
    assert "renegotiated the contract" in asked
    for minor in (
        "I booked a meeting room and sent him the agenda.",
        "I created a Jira ticket for the presentation.",
        "I built a list of 80 churned accounts.",
        "I sent the whole team a calendar invite for Monday.",
    ):
        assert detail(minor) == "", minor
    assert "built three prototype boards" in detail(
        "I bought twenty samples, built three prototype boards over a weekend and ran them "
        "through our temperature tests."
    )


def test_the_detail_question_never_walks_through_an_omission_or_a_cut_request():
    assert detail("I skipped the manual regression pass on Android to hit the Friday date.") == ""
    assert detail("I forgot to update the runbook before the holiday.") == ""
    assert detail("I asked the toolmaker to come in that night.") == ""
    assert detail("I offered instead to give the prospect a scheduled CSV export.") == ""


def test_the_detail_question_reads_deeds_told_in_the_present_and_after_a_noticing():
    assert "show her the error rates" in detail(
        "I show her the error rates on that segment side by side with the old model."
    )
    assert detail("I feel very frustrated about it.") == ""
    assert "fixed the expired credentials" in detail(
        "I noticed it during an unrelated change, fixed the expired credentials, and added an "
        "alert that pages the on-call engineer if the backup does not finish."
    )
    assert "rebuilt your lessons" in detail(
        "I rebuilt my lessons so that I talk for at most ten minutes at the start."
    )


def test_a_story_that_gives_them_something_gets_at_least_three_distinct_probes():
    story = (
        "We were designing a sensor board and the usual supplier's chip had a 30-week lead time. "
        "I proposed switching to a newer chip from a smaller vendor that nobody on the team had "
        "used. My director was worried about the vendor going under. I bought twenty samples, "
        "built three prototype boards over a weekend and ran them through our temperature tests. "
        "I also got the vendor to commit to a last-time-buy notice. We switched, and the launch "
        "went well."
    )
    asked = analyze(story, question="Tell me about a time you took a calculated risk.")
    intents = [f.intent for f in asked.follow_up_items]
    assert len(intents) >= 3 and len(set(intents)) == len(intents)
    assert {"conflict", "detail", "measurement"} <= set(intents)


def test_a_failure_told_with_its_lesson_is_not_asked_for_the_lesson_or_whether_it_worked():
    notes = (
        "- context: fintech startup, 2021, I owned the mobile release train\n"
        "- I skipped the manual regression pass on Android to hit the Friday date\n"
        "- a login bug shipped to all users, we rolled back within the hour\n"
        "- I wrote the incident report and apologised to the support team myself\n"
        "- lesson: a date is never a reason to skip the checks; since then I block a release "
        "when the regression pass is missing"
    )
    asked = follow_ups(notes, "Tell me about a time you failed.")
    assert not any("worked" in q or "differently" in q for q in asked)
    assert not any("skipped" in q for q in asked)
    assert any("incident report" in q for q in asked)


def test_sentence_offsets_of_the_reading_match_the_report():
    # The reading works on the analyzer's own sentences, so its indices are the report's.
    s = Sentence("Since then I always ask.", 0, 24, "result")
    assert told.read_story(s.text, [s]).lesson_sentences == {0}


def test_a_lessons_habit_and_a_clause_after_the_deed_are_no_deeds_to_walk_through():
    assert detail("Since then I add an automatic check before every release.") == ""
    assert detail("I always email the customer before the window.") == ""
    asked = detail("I moved the job to the new cluster, so it can't fall over again.")
    assert "moved the job" in asked and "so it" not in asked
    # "my lessons" is no lesson told
    assert not reading([("I rebuilt my lessons around pair work.", "action")]).lesson_told


def test_he_is_the_one_role_a_story_names_when_it_names_nobody():
    base = [
        ("As product manager, the sales director asked me for PDF exports.", "situation"),
        ("I offered a scheduled CSV export we already had.", "action"),
    ]
    unhappy = ("He was unhappy at first but the prospect signed.", "result")
    asked = probes.ask_conflict(evidence([*base, unhappy]))
    assert asked and "the sales director" in asked.question
    two_roles = [("My manager and the sales director asked me for PDF exports.", "situation")]
    assert probes.ask_conflict(evidence([*two_roles, *base[1:], unhappy])) is None
    # The speaker's own role is nobody to ask about.
    own = [("I was the product manager for the app.", "situation"), *base[1:], unhappy]
    assert probes.ask_conflict(evidence(own)) is None


def test_a_finding_told_in_the_present_is_no_deed_and_an_end_to_complaints_is_seen():
    present = [
        (
            "I go to the warehouse and I time the scans with a stopwatch for a whole shift.",
            "action",
        ),
        ("I find that the scans are fast but the Wi-Fi drops in two aisles.", "action"),
        ("I ask IT to add two access points.", "action"),
    ]
    asked = probes.ask_detail(evidence(present))
    assert asked and "time the scans" in asked.question and "find" not in asked.question
    stop = ("After that the complaints stop.", "result")
    assert probes.ask_outcome(evidence([*present, stop])) is None
    assert probes.ask_outcome(evidence([*present, ("After that it was better.", "result")]))
    own = ("After three months she was writing the monthly report on her own.", "result")
    assert reading([own]).change_observed


def test_a_settlement_before_the_disagreement_does_not_settle_it():
    parts = [
        ("The board approved the budget in January.", "situation"),
        ("Jonas pushed back because it meant two extra sprints.", "action"),
        ("I built a prototype over the weekend.", "action"),
    ]
    asked = probes.ask_conflict(evidence(parts))
    assert asked and "settled" in asked.question
    settled = ("In the end he agreed to a two-week trial.", "result")
    assert probes.ask_conflict(evidence([*parts, settled])) is None


def test_roles_keep_the_storys_own_spelling():
    story = reading([("I argued against the launch date our CEO had announced.", "action")])
    assert story.roles == ("CEO",)


def test_a_deed_after_a_linking_adverb_is_read_whole_and_a_negated_one_is_none():
    def deeds(sentence: str) -> list[str]:
        ev = evidence([(sentence, "action")])
        return [ev.text[start:end] for _, start, end in ev.told.deeds]

    assert deeds("I therefore reframed the recommendation around risk.") == [
        "reframed the recommendation around risk"
    ]
    assert deeds("I never told the client about the delay.") == []


def test_he_is_the_nearest_person_named_before_and_never_one_who_backed_the_speaker():
    story = [
        ("The client's COO set a go-live a month earlier than planned.", "situation"),
        ("I said the data migration could not be rushed.", "action"),
        ("He escalated it to my managing partner.", "action"),
        ("My managing partner supported me, and the COO accepted a phased go-live.", "result"),
    ]
    asked = probes.ask_conflict(evidence(story))
    assert asked and "the client's COO" in asked.question
    assert "managing partner" not in asked.question
    # The one who backed the speaker is never asked what they objected to.
    backer = [
        ("My director supported me in the review.", "situation"),
        ("She pushed back on the vendor's plan.", "action"),
        ("The vendor agreed to a pilot.", "result"),
    ]
    question = probes.ask_conflict(evidence(backer))
    assert question is None or "director" not in question.question
