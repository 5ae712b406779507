"""What a story does with its question's premise: sidesteps it, runs it the other way round,
or leaves out the person the question names. Each reading has answers where it must fire and
answers where it must not."""

from __future__ import annotations

import pytest

from loopcoach.analysis.premises import read_premise
from loopcoach.analysis.relevance import _reason
from loopcoach.analysis.situations import question_asks

FAILED = "Tell me about a time you failed."
MISSED = "Tell me about a time you missed a commitment."
CONFLICT = "Tell me about a conflict with a colleague and how you resolved it."
RECEIVED = "Tell me about a time you received critical feedback."
GIVEN = "Tell me about a time you had to give difficult feedback to a peer."
GROW = "Tell me about a time you helped someone on your team grow their skills."
COACHED = "Tell me about a time someone coached you through something difficult."
MANAGER = "Tell me about a time you disagreed with your manager."
FIRST_DAYS = "Walk me through your first 90 days in a new team."
COMMIT = "Tell me about a time you disagreed with a decision but committed to it anyway."
LOW = "Describe a time you had to manage someone who was underperforming."


@pytest.mark.parametrize(
    "question, story",
    [
        (FAILED, ["Failed, hmm, I don't know if I'd really call it a failure.", "We shipped."]),
        (FAILED, ["I would push back slightly on the framing of failure.", "We re-scoped."]),
        (MISSED, ["Honestly I try really hard not to.", "One time we came very close."]),
        (MISSED, ["We were late on testing.", "But in the end we made it, on the Friday."]),
        (CONFLICT, ["I've never really had a real conflict with anyone.", "I adapt."]),
        (CONFLICT, ["I'm a pretty easy-going person.", "We agreed on a definition."]),
        (MANAGER, ["My manager and I are quite aligned usually.", "So I said okay."]),
        (
            "Tell me about a time you managed a low performer.",
            ["I've been quite lucky, I haven't really had a true low performer."],
        ),
    ],
)
def test_a_story_that_sidesteps_a_hard_premise_is_read_as_a_dodge(question, story):
    reading = read_premise(question, story)
    assert reading.hard and reading.dodges
    assert reading.features()["premise_dodge"] > 0
    assert reading.miss() and reading.miss().startswith("sidesteps it")


@pytest.mark.parametrize(
    "question, story",
    [
        (FAILED, ["I misjudged the migration and we lost a day of orders.", "I owned it."]),
        (MISSED, ["We missed the April date by three weeks.", "I told the client early."]),
        (CONFLICT, ["My peer wanted to ship; I thought it was too risky.", "We argued it out."]),
        # "close" and "made it" in their everyday senses are no dodge.
        (MISSED, ["I sat close to the on-call desk.", "We made it a rule to demo weekly."]),
    ],
)
def test_a_story_that_owns_its_premise_is_no_dodge(question, story):
    reading = read_premise(question, story)
    assert not reading.dodges
    assert reading.features()["premise_dodge"] == 0


def test_a_question_without_a_hard_premise_gives_a_dodge_no_weight():
    reading = read_premise(
        "Tell me about a time you delivered under pressure.", ["We came very close to the date."]
    )
    assert not reading.hard and reading.features()["premise_dodge"] == 0


@pytest.mark.parametrize(
    "question, story, told",
    [
        (
            RECEIVED,
            ["One of my engineers dominated reviews.", "I gave him direct feedback in our 1:1."],
            "feedback you gave",
        ),
        (
            GIVEN,
            ["My peer told me, quite bluntly, that I had left pharmacy out.", "I thanked her."],
            "feedback you received",
        ),
        (
            GROW,
            ["I had never used GraphQL.", "I studied the spec and built a prototype."],
            "learned something yourself",
        ),
        (
            COACHED,
            ["This is more me coaching.", "I mentored her through her first on-call weeks."],
            "coaching someone else",
        ),
        (
            COMMIT,
            ["My director wanted one big release.", "In the end she agreed with me."],
            "an argument you won",
        ),
        (
            FIRST_DAYS,
            ["We hired Ana as our first SRE.", "I onboarded her with a 30-day plan."],
            "someone else's first days",
        ),
        (
            FIRST_DAYS,
            ["We hired a new engineer from embedded.", "I wanted him productive quickly."],
            "someone else's first days",
        ),
        (
            COMMIT,
            [
                "The group chose GraphQL; I asked for a bulk-export exception.",
                "The group agreed to add a bulk-export exception to the standard.",
            ],
            "an argument you won",
        ),
        (
            LOW,
            ["Tomas was the strongest on the team and getting restless.", "I gave him the lead."],
            "a strong performer",
        ),
        (
            LOW,
            ["Our top performer asked for a stretch goal.", "I moved her onto the pricing work."],
            "a strong performer",
        ),
    ],
)
def test_a_story_told_the_other_way_round_is_read_so(question, story, told):
    reading = read_premise(question, story)
    assert reading.wrong_direction and told in reading.wrong_direction
    assert reading.features()["wrong_direction"] == 1.0
    assert reading.miss() == reading.wrong_direction


@pytest.mark.parametrize(
    "question, story",
    [
        (RECEIVED, ["My director told me that I interrupted people.", "I asked her for examples."]),
        (GIVEN, ["I gave him direct feedback in our 1:1.", "He told me later it helped."]),
        (GROW, ["I paired her with our best reviewer.", "Her confidence grew; she now leads."]),
        (COACHED, ["My mentor helped me prepare the talk.", "She coached me on pacing."]),
        (COMMIT, ["I argued for a phased rollout.", "The decision stood, so I committed, fully."]),
        (COMMIT, ["He agreed with me on the data.", "But it was his call; I built his plan."]),
        (FIRST_DAYS, ["I joined as the new lead.", "I onboarded two new hires in week one."]),
        # A star who fell short is a low performer; a star beside the one who struggled is context.
        (LOW, ["Sara had been my best engineer, then kept missing reviews.", "I asked why."]),
        (LOW, ["I paired him with our strongest developer.", "He was struggling with Rust."]),
        # Not asked about a low performer: the star is the story.
        (GROW, ["Lena was the best analyst on the team.", "I mentored her into leading."]),
    ],
)
def test_a_story_told_the_asked_way_round_is_not_flagged(question, story):
    assert read_premise(question, story).wrong_direction is None


def test_a_manager_question_whose_story_never_names_a_manager_is_read_so():
    reading = read_premise(MANAGER, ["p99 latency kept rising.", "I traced it and fixed it."])
    assert reading.missing_counterpart == "your manager"
    assert reading.miss() == "never mentions your manager"
    named = read_premise(MANAGER, ["My director wanted to ship.", "I pushed back."])
    assert named.missing_counterpart is None


def test_the_remark_names_how_the_story_misses_the_question():
    ask = question_asks(RECEIVED)[0]
    reason = _reason(
        False, 0.1, ask, {}, {}, "tells of feedback you gave, not feedback you received"
    )
    assert reason.startswith("The question asks about")
    assert "tells of feedback you gave" in reason
    # Without a premise reading the remark says what it said before.
    assert "never comes to it" in _reason(False, 0.1, ask, {}, {"first_ask_none": 1.0}, None)


PEER_DISAGREEMENT = (
    "Two years ago I led the payments API at a travel startup. "
    "A staff engineer on the checkout team and I disagreed about retries: he wanted the client "
    "to retry every failed charge three times, and I believed that would double-charge people. "
    "I pushed back in the design review and asked for a day to prove it. "
    "I replayed a week of failed charges against a test gateway and found 41 that would have "
    "been charged twice. "
    "I showed him the list and proposed idempotency keys instead; he agreed after reading it. "
    "We shipped keys in two sprints, and duplicate charges went from about 30 a month to zero."
)


def test_a_reading_that_says_the_story_misses_decides_the_verdict():
    from loopcoach.analysis import analyze

    sentences = PEER_DISAGREEMENT.split(". ")
    assert read_premise(MANAGER, sentences).says_it_misses
    report = analyze(PEER_DISAGREEMENT, question=MANAGER).to_dict()
    assert report["relevance"]["answers_question"] is False
    assert "never mentions your manager" in report["improvements"][0]
    peer = "Tell me about a time you disagreed with a peer."
    assert not read_premise(peer, sentences).says_it_misses
    assert analyze(PEER_DISAGREEMENT, question=peer).to_dict()["relevance"]["answers_question"]


def test_only_a_precise_reading_may_cap_the_score():
    from loopcoach.analysis.followup_training import Pair, reading_caps

    def pair(answers: bool) -> Pair:
        return Pair("s", "q", None, ["x"], ["action"], "ownership", [], answers)

    quiet = lambda _m: None  # noqa: E731
    pairs = [pair(False)] * 18 + [pair(True)] * 2 + [pair(False)] * 10 + [pair(True)] * 10
    readings = [["premise"]] * 20 + [["absent:hiring"]] * 20
    # Right 18 times in 20 (smoothed 19 in 22): a cap; right half the time: none.
    assert reading_caps(pairs, readings, quiet) == {"premise": pytest.approx(3 / 22, abs=1e-4)}
    assert reading_caps(pairs[:4], readings[:4], quiet) == {}  # too few to tell
