"""Follow-up questions: each probe fires only when the story gives it something to hold on to."""

from __future__ import annotations

import re

import pytest

from loopcoach.analysis import analyze, probes
from loopcoach.analysis.metrics import find_metrics
from loopcoach.analysis.report import Sentence
from tests.analysis.examples import CONFLICT, HYPOTHETICAL, STRONG, WE_STORY


def evidence(parts, *, ownership="i", hypothetical=False, question=None) -> probes.StoryEvidence:
    sentences, pos, text = [], 0, " ".join(t for t, _ in parts)
    for t, role in parts:
        sentences.append(Sentence(t, pos, pos + len(t), role))
        pos += len(t) + 1
    metrics = find_metrics(text)
    per_sentence = [[m for m in metrics if s.start <= m.start < s.end] for s in sentences]
    return probes.StoryEvidence(text, sentences, per_sentence, ownership, hypothetical, question)


NO_PUSHBACK = [
    ("I led the migration of our reporting jobs to the new scheduler.", "situation"),
    ("There was no pushback from my manager or the data team.", "situation"),
    ("I moved the 40 jobs over two weekends and wrote a rollback script.", "action"),
    ("Failed runs fell by 90%.", "result"),
]
PUSHBACK = [
    ("I led the migration of our reporting jobs to the new scheduler.", "situation"),
    ("My manager pushed back because the quarter close was two weeks away.", "situation"),
    ("I moved the 40 jobs over two weekends and wrote a rollback script.", "action"),
    ("Failed runs fell by 90%.", "result"),
]


def test_a_negated_pushback_never_triggers_a_conflict_question():
    assert probes.ask_conflict(evidence(NO_PUSHBACK)) is None
    asked = probes.ask_conflict(evidence(PUSHBACK))
    assert asked is not None and asked.intent == "conflict"
    assert "your manager" in asked.question


def test_the_other_person_is_the_one_who_disagreed_never_a_pronoun_or_the_speaker():
    def who(sentence: str, *, before: str = "I led the migration of our reporting jobs.") -> str:
        asked = probes.ask_conflict(
            evidence([(before, "situation"), (sentence, "action"), *PUSHBACK[2:]])
        )
        return asked.question if asked else ""

    assert "did Jonas say" in who("Jonas pushed back hard in the review.")
    gm = who("The GM was worried about driver supply.")
    assert "the GM" in gm and "say" not in gm  # the concern is told
    assert "did your manager say" in who("I disagreed with my manager about the date.")
    for pronoun in ("She", "He", "They", "Everyone", "Someone"):
        assert who(f"{pronoun} pushed back hard in the review.") == ""
    assert who("Nobody was assigned, so I told my manager I would take it.") == ""
    # The speaker's own role is not the other person, nor is a role from another sentence.
    assert who("I didn't want it to be a matter of opinion.", before="I was the manager.") == ""
    assert (
        who(
            "I disagreed with the manager about the date.",
            before="I was the manager of the web team.",
        )
        == ""
    )
    assert who("I disagreed, because it was risky.", before="I met the director.") == ""


def test_no_conflict_question_when_the_story_says_what_was_said_and_how_it_was_settled():
    objection = ("Jonas pushed back because it meant two extra sprints.", "action")
    settled = ("The review board went with my proposal.", "result")
    assert probes.ask_conflict(evidence([objection, settled])) is None
    assert probes.ask_conflict(evidence([objection, ("I built it myself.", "result")]))
    # Settled, but what Jonas said is not told: still worth asking.
    bare = ("Jonas pushed back in the review.", "action")
    assert probes.ask_conflict(evidence([bare, settled]))


def test_measurement_quotes_the_number_and_needs_one():
    asked = probes.ask_measurement(evidence(PUSHBACK))
    assert asked is not None and asked.intent == "measurement"
    counts_only = [
        ("I led a team of 12 engineers on the billing system.", "situation"),
        ("I rewrote the invoice job.", "action"),
        ("The invoices went out on time.", "result"),
    ]
    assert probes.ask_measurement(evidence(counts_only)) is None  # "12 engineers" sets the scene
    ratio = [("I rewrote the invoice job.", "action"), ("Errors fell by 40%.", "result")]
    question = probes.ask_measurement(evidence(ratio))
    assert question and "“40%”" in question.question


def test_scope_only_when_the_story_is_told_as_we():
    we = [("We migrated all the jobs to the new system.", "action"), ("It went well.", "result")]
    asked = probes.ask_scope(evidence(we, ownership="we"))
    assert asked is not None and "“we migrated all the jobs to the new system”" in asked.question
    assert probes.ask_scope(evidence(we, ownership="i")) is None


def test_a_hypothetical_answer_is_asked_for_a_real_example_and_nothing_it_does_not_contain():
    would = [
        (
            "If a project was slipping, I would first talk to the team to understand the blockers.",
            "action",
        ),
        ("I would decide to cut scope with the product manager.", "action"),
    ]
    ev = evidence(would, hypothetical=True)
    real = probes.ask_real_example(ev)
    assert real and real.intent == "specific_example" and "talk to the team" in real.question
    for probe in (
        probes.ask_decision,
        probes.ask_measurement,
        probes.ask_learning,
        probes.ask_detail,
    ):
        assert probe(ev) is None
    assert probes.ask_real_example(evidence(PUSHBACK)) is None


def test_no_technology_comparison_unless_the_story_names_both():
    one = [
        ("I decided to move the queue to Kafka to absorb the peaks.", "action"),
        ("Done.", "result"),
    ]
    question = probes.ask_decision(evidence(one))
    assert question and "SQS" not in question.question and "rather than" not in question.question
    two = [
        ("We had RabbitMQ and it kept dropping messages at peak.", "situation"),
        ("I decided to move the queue to Kafka to absorb the peaks.", "action"),
    ]
    question = probes.ask_decision(evidence(two))
    assert question and "Why Kafka rather than RabbitMQ?" in question.question


def test_no_learning_question_when_the_story_already_says_what_changed():
    lesson = [*PUSHBACK, ("Since then I always write the rollback script first.", "result")]
    assert probes.ask_learning(evidence(lesson)) is None
    assert probes.ask_learning(evidence(PUSHBACK)) is not None


@pytest.mark.parametrize(
    "lesson",
    [
        "Learned: check what else shares the process before blaming the code path.",
        "Afterwards I wrote the onboarding guide so we wouldn't depend on one person again.",
        "We added a nightly check so that it would never happen again.",
    ],
)
def test_no_learning_question_when_the_story_says_its_lesson_or_the_change_afterwards(lesson):
    assert probes.ask_learning(evidence([*PUSHBACK, (lesson, "result")])) is None


def test_a_failure_question_asks_what_changed_afterwards():
    asked = probes.ask_learning(evidence(PUSHBACK, question="Tell me about a time you failed."))
    assert asked and "change afterwards" in asked.question


def test_so_it_would_not_happen_again_only_when_something_went_wrong():
    question = "Tell me about a time you missed a commitment you had made."
    missed = [
        *PUSHBACK[:3],
        ("We missed the date by a week, and failed runs fell by 90%.", "result"),
    ]
    assert "not happen again" in probes.ask_learning(evidence(missed, question=question)).question
    on_time = [*PUSHBACK[:3], ("We hit the date with two weeks to spare.", "result")]
    asked = probes.ask_learning(evidence(on_time, question=question))
    assert asked and "not happen again" not in asked.question


def test_the_detail_question_quotes_a_whole_deed_never_a_wish_or_a_cut_phrase():
    def detail(*actions: str) -> str:
        asked = probes.ask_detail(evidence([(a, "action") for a in actions]))
        return asked.question if asked else ""

    assert detail("So I went to my director and said I wanted my team to take it over.") == ""
    assert detail("I noticed within ten minutes from the error dashboard.") == ""
    # The sentence reader may cut a long sentence; the quote takes the whole phrase.
    assert "negotiated with the data science team" in detail(
        "I re-planned the work, and I negotiated with the data science", "team to ship less."
    )
    assert "“" not in detail("I reached out to eleven engineers I had seen speak at meetups.")
    assert "added a driver bonus." in detail(
        "I added a driver bonus funded from a small part of normal-day surge revenue."
    )
    built = detail("I built the renderer myself in a week and a half.")
    assert "built the renderer yourself" in built and "in a week" not in built


def test_three_to_five_follow_ups_each_a_different_intent_with_short_quotes():
    report = analyze(
        STRONG, question="Tell me about a time you dove deep to fix a performance problem."
    )
    items = report.follow_up_items
    assert 3 <= len(items) <= probes.MAX_FOLLOW_UPS
    assert len({f.intent for f in items}) == len(items)
    for f in items:
        for quoted in re.findall(r"“([^”]*)”", f.question):
            assert len(quoted.split()) <= 12


def test_follow_ups_already_asked_in_the_thread_are_not_asked_again():
    question = "Tell me about a time you dove deep to fix a performance problem."
    first = analyze(STRONG, question=question)
    measured = next(f for f in first.follow_up_items if f.intent == "measurement")
    again = analyze(STRONG, question=question, asked=[measured.question])
    assert measured.question not in again.follow_ups
    assert "measurement" not in {f.intent for f in again.follow_up_items}
    reworded = analyze(STRONG, question=question, asked=["How did you measure the latency drop?"])
    assert "measurement" not in {f.intent for f in reworded.follow_up_items}


def test_follow_ups_fit_the_story_they_are_about():
    assert "specific_example" in {f.intent for f in analyze(HYPOTHETICAL).follow_up_items}
    assert "scope" in {f.intent for f in analyze(WE_STORY).follow_up_items}
    # CONFLICT already tells what Maria wanted and that she agreed: nothing left to ask.
    assert "conflict" not in {f.intent for f in analyze(CONFLICT).follow_up_items}
    unsettled = CONFLICT.split(" She agreed")[0]
    conflict = [f for f in analyze(unsettled).follow_up_items if f.intent == "conflict"]
    assert conflict and "Maria" in conflict[0].question


def test_second_person_turns_the_words_toward_the_candidate():
    assert probes.second_person("I told my manager we") == "you told your manager you"


def test_short_phrase_stops_at_the_clause():
    assert (
        probes.short_phrase("rewrote the cache layer and then added alarms")
        == "rewrote the cache layer"
    )


def test_a_long_clause_is_cut_before_a_preposition_or_not_quoted():
    phrase = "asked the machine supplier to send two engineers over from their plant"
    assert probes.short_phrase(phrase, 7) == "asked the machine supplier"
    assert (
        probes.short_phrase("migrated every one of the nightly reconciliation batch jobs", 5) == ""
    )


def test_a_duration_is_asked_about_its_before_value():
    timed = [("I rewrote the export job.", "action"), ("Exports now take two minutes.", "result")]
    question = probes.ask_measurement(evidence(timed))
    assert question and "What was it before" in question.question


def _measured(result: str, *, situation: str = "I owned the export service.") -> str:
    asked = probes.ask_measurement(
        evidence(
            [(situation, "situation"), ("I rewrote the export job.", "action"), (result, "result")]
        )
    )
    return asked.question if asked else ""


def test_a_duration_is_asked_about_only_when_it_is_the_outcome():
    for window in (
        "No failed exports in 6 weeks after.",  # the window it was watched over
        "I ran it for at most three months.",  # a time-box
        "We launched on March 24, a week early.",
        "We delivered it in stages over nine months.",
    ):
        assert _measured(window) == "", window
    assert "“20 minutes”" in _measured("Exports now finish in just 20 minutes.")
    assert "“two weeks”" in _measured("We shipped two weeks faster than planned.")


def test_a_before_and_after_pair_is_quoted_as_a_pair_and_never_asked_what_it_was_before():
    question = _measured("We were releasing in about three hours instead of two days.")
    assert "from “two days” to “three hours”" in question and "before" not in question
    question = _measured("Incidents went from 11 a quarter to 2, and 32 teams use it.")
    assert "from “11 a quarter” to “2”" in question
    question = _measured("Search p99 went from 900 ms to 150 ms at peak for all shops.")
    assert "from “900 ms” to “150 ms”" in question
    # The pair wins over a percentage elsewhere in the result.
    question = _measured("Errors fell by 40%, and exports went from 6 hours to 50 minutes.")
    assert "from “6 hours” to “50 minutes”" in question


def test_a_duration_whose_before_value_the_story_gives_is_not_asked_what_it_was_before():
    question = _measured(
        "The export went down to about two hours and ten minutes.",
        situation="The nightly export took exactly seven hours.",
    )
    assert "“two hours and ten minutes”" in question and "What was it before" not in question


def test_a_decision_told_in_the_present_is_asked_about_too():
    now = [("I decide to put a temporary dedupe rule in front of ingestion.", "action")]
    asked = probes.ask_decision(evidence(now))
    assert asked and "You decide to put a temporary dedupe rule" in asked.question
    assert (
        probes.ask_decision(evidence([("I put a dedupe rule in front of it.", "action")])) is None
    )


def test_no_decision_question_when_the_story_names_the_options_and_why_this_one():
    options = ("I have two options: pause the partner, or keep going and dedupe by hand.", "task")
    why = ("I decide to put a dedupe rule in front, because it is reversible.", "action")
    assert probes.ask_decision(evidence([options, why])) is None
    assert probes.ask_decision(evidence([why]))  # the options are not told
    bare = ("I decide to put a dedupe rule in front of ingestion.", "action")
    assert probes.ask_decision(evidence([options, bare]))  # nor is why this one


def test_no_how_did_you_know_it_worked_when_the_result_brings_a_count_to_nothing():
    found = ("I matched every upload against the database; 37 were missing.", "action")
    none_after = ("They had no missing uploads after that.", "result")
    assert probes.ask_outcome(evidence([found, none_after])) is None
    assert probes.ask_outcome(evidence([found, ("The hospital was happy.", "result")]))


def test_an_and_inside_a_noun_phrase_is_kept_and_one_between_clauses_cuts():
    assert (
        probes.short_phrase("stop Friday and weekend releases and to move to smaller deploys", 10)
        == "stop Friday and weekend releases"
    )
    assert (
        probes.short_phrase("ship those four fully validated and show the other eight", 8)
        == "ship those four fully validated"
    )


def test_a_cut_never_ends_inside_an_idiom_a_passive_or_a_that_clause():
    assert (
        probes.short_phrase("we run both pipelines side by side for a month", 8)
        == "we run both pipelines side by side"
    )
    assert (
        probes.short_phrase("found that our sync job was scheduled with an exact alarm", 7)
        == "found that our sync job was scheduled"
    )
    assert (
        probes.short_phrase("explained that not everyone on the team could work that way", 7) == ""
    )
    assert probes.short_phrase("explained that the release train had to stop", 8) != ""


def test_a_pair_is_never_cut_inside_a_decimal():
    question = _measured("The timeouts dropped from 2% to under 0.05%, and latency fell.")
    assert "“under 0.05%”" in question
    assert "“under 0”" not in question


def test_the_detail_question_never_quotes_the_decision_sentence():
    parts = [
        ("I owned the search indexing pipeline.", "situation"),
        ("I proposed we run both pipelines in parallel for a month.", "action"),
        ("I wrote a one-page doc.", "action"),
        ("Reindexing went from three days to six hours.", "result"),
    ]
    picked = {f.intent: f for f in probes.pick_follow_ups(evidence(parts))}
    assert picked["decision"].sentence_index == 1
    assert picked["detail"].sentence_index == 2
    # A proposal is a choice (the decision probe's), never the deed to walk through.
    alone = probes.ask_detail(evidence(parts))
    assert alone and alone.sentence_index == 2


def test_a_detail_question_needs_more_than_a_bare_verb():
    parts = [("I sat down and wrote it up.", "action"), ("It shipped.", "result")]
    assert probes.ask_detail(evidence(parts)) is None


def test_resolve_to_act_is_not_a_choice_to_ask_about():
    resolve = [("I owned the service, so I decided to find the real cause.", "action")]
    assert probes.ask_decision(evidence(resolve)) is None
    named = [("I had two options: restart the pods again, or dig in.", "situation"), *resolve]
    assert probes.ask_decision(evidence(named))  # the alternatives are named: a real choice
    choice = [("I decided to pause only that partner's price updates.", "action")]
    assert probes.ask_decision(evidence(choice))


def test_no_why_x_rather_than_y_when_the_story_says_what_spoke_against_y():
    told = [
        ("Most of the team wanted Cassandra.", "situation"),
        ("We had no one with Cassandra operations experience.", "action"),
        ("I proposed Postgres with time-based partitioning.", "action"),
    ]
    asked = probes.ask_decision(evidence(told))
    assert asked and "rather than" not in asked.question
    assert "You chose Postgres over Cassandra. What did that choice cost you?" == asked.question
    untold = [told[0], told[2]]
    asked = probes.ask_decision(evidence(untold))
    assert asked and "Why Postgres rather than Cassandra?" in asked.question


def test_the_scope_question_never_quotes_a_we_of_scene_setting():
    scene = "So I wrote down what we actually needed: we had maybe 5,000 writes a second at peak."
    parts = [(scene, "action"), ("We shipped it in May.", "result")]
    assert probes.ask_scope(evidence(parts, ownership="mixed")) is None
    deeds = [("We migrated the rules and we removed two steps.", "action"), parts[1]]
    asked = probes.ask_scope(evidence(deeds, ownership="mixed"))
    assert asked and "“we migrated the rules”" in asked.question


def test_raising_a_point_with_someone_is_not_a_conflict_to_ask_about():
    raised = [
        ("I led the location-sharing feature.", "situation"),
        ("I raised it with the product manager and proposed a cut-off.", "action"),
        ("We launched with those protections.", "result"),
    ]
    assert probes.ask_conflict(evidence(raised)) is None
    argued = [raised[0], ("I argued with the product manager about the cut-off.", "action")]
    asked = probes.ask_conflict(evidence(argued + raised[2:]))
    assert asked and "the product manager" in asked.question


def test_no_learning_question_when_the_end_tells_what_changed_afterwards():
    fixed = [*PUSHBACK[:3], ("On Monday I add an automatic check that holds odd runs.", "result")]
    assert probes.ask_learning(evidence(fixed)) is None
    assert probes.ask_learning(evidence(PUSHBACK)) is not None


def test_no_how_did_you_know_it_worked_when_the_result_says_what_people_did_differently():
    parts = [
        ("I showed her how the juniors had stopped asking for her reviews.", "action"),
        ("Soon both juniors were requesting her reviews again.", "result"),
    ]
    assert probes.ask_outcome(evidence(parts)) is None
    vague = [parts[0], ("Things got better between them.", "result")]
    assert probes.ask_outcome(evidence(vague)) is not None


def test_no_detail_question_about_a_deed_whose_content_follows_a_colon():
    listed = ("I wrote down what we needed: 5,000 writes a second and ad hoc queries.", "action")
    assert probes.ask_detail(evidence([listed, ("We shipped.", "result")])) is None
    bare = ("I wrote down what we needed for the next quarter.", "action")
    assert probes.ask_detail(evidence([bare, ("We shipped.", "result")]))


def test_a_long_pair_of_noun_phrases_is_cut_before_the_second_and_a_clause_after_and_cuts():
    assert (
        probes.short_phrase("wrote a simple daily export and a spreadsheet process, and I did", 7)
        == "wrote a simple daily export"
    )
    assert (
        probes.short_phrase("decided not to renew the contractors and instead hired four", 8)
        == "decided not to renew the contractors"
    )
    assert probes.short_phrase("launching it only on business routes first and said so", 4) == ""


SCENE = (
    "Our largest client's label printers printed blank labels before the 6 a.m. trucks.",
    "situation",
)


@pytest.mark.parametrize(
    "choice",
    [
        # The alternative and why, in the decision sentence or the one before it.
        [
            SCENE,
            (
                "I decide to roll back our release anyway, because a rollback costs twenty "
                "minutes, while waiting costs them a morning of shipments.",
                "action",
            ),
        ],
        [
            SCENE,
            (
                "I made the call to render documents ahead of time rather than on request, "
                "which cost us some storage.",
                "action",
            ),
        ],
        [
            ("The plan was to launch to all 12,000 sellers at once.", "situation"),
            (
                "We had no payout history under one hour, which is exactly what fraud rings "
                "exploit.",
                "situation",
            ),
            ("I argued for launching to 500 sellers with the longest tenure first.", "action"),
        ],
    ],
)
def test_no_why_decision_when_the_story_already_names_the_alternative_and_why(choice):
    assert probes.ask_decision(evidence(choice)) is None
    bare = [SCENE, ("I decided to move the print jobs to the backup queue.", "action")]
    asked = probes.ask_decision(evidence(bare))
    assert asked and asked.question.startswith("You decided to move the print jobs")


def test_a_decision_quote_stripped_of_its_object_is_not_asked():
    # short_phrase would keep only "decided" of a long clause: which choice would be unsaid.
    long = (
        "I decided, after two long evenings of going back and forth with the security team "
        "and our director, to make Aisha the owner of the mobile side.",
        "action",
    )
    asked = probes.ask_decision(evidence([SCENE, long]))
    assert asked is None or "make Aisha" in asked.question
    assert probes._keeps_object("argued for launching", "launching to 500 sellers") is False
    assert probes._keeps_object("argued for launching to 500 sellers", "launching to 500 sellers")


@pytest.mark.parametrize(
    "outcome",
    [
        "The next month she was paged twice.",
        "She shipped it four days before the deadline and it passed the penetration test.",
        "The vendor pushed a fix by 4 a.m. and the trucks left on time.",
    ],
)
def test_no_how_did_you_know_when_the_story_says_what_was_seen_afterwards(outcome):
    did = ("I changed the paging rules so alerts went to the rotation first.", "action")
    assert probes.ask_outcome(evidence([did, (outcome, "result")])) is None
    assert probes.ask_outcome(evidence([did, ("Things got a lot better for her.", "result")]))


def test_no_personal_role_question_on_an_agreement_a_launch_or_when_i_deeds_dominate():
    agreed = [
        ("Marketing and my product manager disagreed with a limited launch.", "situation"),
        ("We agreed to a one-week limited launch.", "action"),
        ("We rolled it out to all traffic a month later.", "result"),
    ]
    assert probes.ask_scope(evidence(agreed, ownership="mixed")) is None
    mine = [
        ("I set up the test and I built a dashboard for it.", "action"),
        ("I had two analysts label 1,500 queries, and I wrote the recommendation.", "action"),
        ("We moved the ranking service to the new cluster.", "action"),
    ]
    assert probes.ask_scope(evidence(mine, ownership="mixed")) is None
    ours = [
        ("We moved the ranking service to the new cluster.", "action"),
        ("We rewrote the ingestion job and I reviewed it.", "action"),
    ]
    asked = probes.ask_scope(evidence(ours, ownership="mixed"))
    assert asked and "we moved the ranking service" in asked.question


@pytest.mark.parametrize(
    "deed",
    [
        "I found he'd been moved onto frontend work by another manager.",
        "I traced it to a fallback the checkout service used.",
        "I took the project because my team owned the document service.",
        "I made the call to render documents ahead of time on policy creation.",
    ],
)
def test_no_detail_question_on_a_finding_the_whole_answer_or_a_choice(deed):
    assert probes.ask_detail(evidence([(deed, "action")])) is None
    step = "I wrote a replay script for the failed requests and ran it against staging."
    asked = probes.ask_detail(evidence([(deed, "action"), (step, "action")]))
    assert asked and asked.question.startswith("You said you wrote a replay script")


# ---- round 5 (probes8): answers in tests/analysis/probe_answers.py -----------------------------


def _probes_of(answer_id: str) -> list[str]:
    from tests.analysis.probe_answers import ANSWERS

    question, answer = next((q, a) for i, q, a in ANSWERS if i == answer_id)
    return analyze(answer, question=question).follow_ups


def _learning(answer_id: str) -> str:
    return next((q for q in _probes_of(answer_id) if "Looking back" in q or "afterwards" in q), "")


DIFFERENTLY = "Looking back, what would you do differently, and why?"


def test_no_what_would_you_do_differently_after_a_clean_success():
    # Renewed with every slot made; approved and under two hours; defects down; a leak hunt
    # that saves money: nothing went wrong, nothing was given up.
    for clean in ("m01", "m07", "m13", "m17", "m18"):
        assert _learning(clean) == "", clean


def test_what_would_you_do_differently_when_the_outcome_was_mixed_or_hard():
    # Renewed "but only for one year"; "though two regular customers said the crust was
    # different"; "although he still found the evening shift harder".
    for mixed in ("m09", "m11"):
        assert _learning(mixed) == DIFFERENTLY, mixed
    # A failure told without what changed afterwards asks what changed.
    assert "so that it would not happen again" in _learning("m05")


@pytest.mark.xfail(
    strict=True,
    reason="relevance false alarm: feedback given in other words ('showed him three handovers "
    "with the times') is read as never coming to the feedback the question asks about, so the "
    "story gets the redirect instead of its probes",
)
def test_a_feedback_story_told_without_the_word_is_probed_as_one():
    assert _learning("m16") == DIFFERENTLY


def test_the_learning_question_names_the_risk_taken_or_the_trade_off_made():
    for risk in ("m03", "m19"):  # "took the risk and committed…", "without waiting for approval"
        assert "was the risk you took worth it" in _learning(risk), risk
    for trade in ("m04", "m15"):  # "accepted a two-week delay", "dropped the loyalty features"
        assert "the right one" in _learning(trade), trade


def test_a_mistake_in_general_is_no_setback_of_the_story():
    parts = [
        ("I took over a team of eight analysts.", "situation"),
        ("I tell the team honestly when I make a mistake in a plan.", "action"),
        ("After three months the team asks me to join their planning.", "result"),
    ]
    assert probes.ask_learning(evidence(parts)) is None
    hard = [*parts[:2], ("We missed the first quarterly deadline by a week.", "result")]
    assert probes.ask_learning(evidence(hard))


def _detail_of(answer_id: str) -> str:
    return next((q for q in _probes_of(answer_id) if q.startswith("You said you")), "")


def test_a_placing_verb_keeps_where_or_to_whom_and_the_ask_fits_a_message():
    assert _detail_of("m06").startswith("You said you put your proposal on a single page.")
    assert "how did they take it" in _detail_of("m06")
    assert _detail_of("m09").startswith("You said you handed the list to your engineering lead.")
    parts = [("I put my reasoning.", "action"), ("The board agreed.", "result")]
    assert probes.ask_detail(evidence(parts)) is None  # nowhere to put it: not quoted


def test_the_detail_question_targets_the_deed_the_result_rests_on_not_a_small_step():
    assert "organised a Saturday leak hunt" in _detail_of("m18")  # not "asked the planner"
    assert "redesigned the form" in _detail_of("m07")  # not "mapped every step"
    assert "refunded them" in _detail_of("m10")  # not "checked the payment logs"
    for small in (
        "I asked our principal engineer to review it.",
        "I looked at the dryer logs for that line.",
        "I retested the retained samples from 12 batches.",
        "I met him privately on Monday.",
    ):
        assert probes.ask_detail(evidence([(small, "action")])) is None, small


def test_the_detail_ask_fits_what_is_open_never_one_template():
    made = _detail_of("m13")  # a curriculum written: what went into it
    assert "What exactly was in it" in made
    assert "what exactly did you do, and who was involved" not in " ".join(
        q for i in ("m01", "m06", "m13", "m18", "m19") for q in _probes_of(i)
    )
    assert "how did you do it" in _detail_of("m19")  # rolled back the deploy
    assert "what did you offer" in (
        probes.ask_detail(
            evidence([("I negotiated a shared warehouse with a competitor.", "action")])
        ).question
    )


def test_choices_conditions_and_reported_words_are_no_deed_to_walk_through():
    for not_a_deed in (
        "I took the more conservative map for the routes.",  # a choice
        "I cut the biometric login and the new onboarding screens from the release.",
        "I say look, give me a week before we switch suppliers.",  # someone's words
        "I sat down and wrote it up.",
    ):
        assert probes.ask_detail(evidence([(not_a_deed, "action")])) is None, not_a_deed
    condition = [("I am open with them when I make a mistake in the schedule.", "action")]
    asked = probes.ask_detail(evidence(condition))
    assert asked is None or "mistake" not in asked.question
    assert "took their suggestions to the planning meeting" in (
        probes.ask_detail(
            evidence([("I took their suggestions to the planning meeting.", "action")])
        ).question
    )


def test_a_real_story_with_nothing_to_hold_on_to_is_asked_the_open_questions_that_are_true():
    thin = [("It was a busy quarter.", "situation"), ("The client renewed the contract.", "result")]
    asked = [f.question for f in probes.pick_follow_ups(evidence(thin))]
    assert asked == [probes.HARDEST_STEP, probes.OTHER_OPTIONS, probes.DO_AGAIN]
    assert not set(asked) & {
        f.question for f in probes.pick_follow_ups(evidence(thin, hypothetical=True))
    }
    assert probes.HARDEST_STEP not in _probes_of("m13")


def test_an_open_question_is_not_asked_once_the_story_answers_it():
    told_all = [
        ("We could either patch the old scheduler or replace it.", "task"),
        ("I replaced it, and Dana from finance objected to the cost.", "action"),
        ("It has not failed since, and I learned to price the fallback first.", "result"),
    ]
    asked = [f.question for f in probes.pick_follow_ups(evidence(told_all))]
    assert probes.OTHER_OPTIONS not in asked and probes.DO_AGAIN not in asked
    assert probes.OWN_PART not in asked  # an "I" story
    assert asked  # what is still open: its hardest step


def test_a_failure_told_by_what_was_left_undone_asks_what_changed_not_how_the_mistake_was_made():
    asked = _probes_of("m14")  # "I changed a join… and did not check the row counts"
    assert "What did you change afterwards so that it would not happen again?" in asked
    assert not any("changed a join" in q for q in asked)
    made = [("I rebuilt it overnight with the floor supervisor.", "action")]
    assert "What exactly was in it" not in probes.ask_detail(evidence(made)).question
