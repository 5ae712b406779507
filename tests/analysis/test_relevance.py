"""Does the story answer the question? Asks read from questions, evidence read from stories."""

from __future__ import annotations

import pytest

from loopcoach.analysis import analyze, relevance, situations
from tests.analysis.examples import CONFLICT, STRONG


@pytest.mark.parametrize(
    "question, first",
    [
        ("Tell me about your first 90 days with a new team.", "new-team"),
        ("Tell me about a time you disagreed with your manager.", "conflict"),
        ("Tell me about a time you had to let someone go.", "let-go"),
        ("Describe a moment when you got it wrong and what you learned.", "failure"),
        ("Tell me about a time you had to manage an underperformer.", "low-performer"),
        ("Walk me through a decision you made with incomplete data.", "incomplete-data"),
        ("Tell me about a decision you made with very little data.", "incomplete-data"),
        ("Tell me about a time you managed a low-performing engineer.", "low-performer"),
        ("Tell me about a time you missed a deadline.", "missed-commitment"),
        ("Tell me about an idea of yours that got rejected.", "rejected"),
        ("Have you ever had to say no to a senior stakeholder?", "say-no"),
        ("Tell me about a time you hired someone great.", "hiring"),
        # Wordings that read as generic before: each names a situation of its own.
        ("Tell me about a time you fixed something that wasn't your job.", "ownership"),
        ("Tell me about a time you grew someone into a leader.", "develop-people"),
        ("Tell me about the hardest bug you've ever worked on.", "root-cause"),
        ("Tell me about a project that did not go well.", "failure"),
        ("Tell me about something new you learned on the job.", "learning"),
        ("Tell me about a time you stood your ground on something important.", "conflict"),
        ("Tell me about a time you reduced your cloud bill.", "cost"),
        (
            "Tell me about a time you told a senior leader something they didn't want to hear.",
            "bad-news",
        ),
        # Influence read as generic before, so any story answered it.
        ("Tell me about a time you influenced someone without authority.", "influence"),
        (
            "Tell me about a time you had to get buy-in from a team that didn't report to you.",
            "influence",
        ),
        ("Describe a time you persuaded stakeholders to adopt your idea.", "influence"),
        ("Tell me about a time your manager criticised your work.", "feedback"),
        # "at risk of failing" is a delivery under threat, not a failure of yours.
        ("Tell me about a time you delivered a project that was at risk of failing.", "deliver"),
    ],
)
def test_the_question_names_its_situation(question, first):
    assert situations.question_asks(question)[0].code == first


@pytest.mark.parametrize(
    "question",
    [
        "Tell me about your proudest achievement.",
        "What is the most complex problem you've solved?",
        # "career" is where the achievement happened, not a question about developing someone.
        "What's the achievement you're proudest of in your career?",
    ],
)
def test_generic_questions_name_no_situation_of_their_own(question):
    assert situations.is_generic(question)


def test_being_convinced_you_were_right_is_not_influence():
    question = (
        "Tell me about a time you were convinced you were right and it turned out you weren't."
    )
    assert "influence" not in {a.code for a in situations.question_asks(question)}


def test_customer_feedback_is_not_the_feedback_ask():
    codes = [
        a.code for a in situations.question_asks("Tell me about a time you used customer feedback.")
    ]
    assert "feedback" not in codes and "customer" in codes


def test_negated_evidence_is_not_evidence():
    conflict = next(a for a in situations.ASKS if a.code == "conflict")
    assert not situations.evidence(conflict, "There was no pushback from the team.")
    assert not situations.evidence(conflict, "Nobody disagreed, so we shipped.")
    assert situations.evidence(conflict, "My manager pushed back on the date.")


def test_a_latency_story_does_not_answer_a_first_90_days_question():
    report = analyze(STRONG, question="Tell me about your first 90 days with a new team.")
    data = report.to_dict()
    assert data["relevance"]["answers_question"] is False
    assert "first days" in data["relevance"]["reason"]
    assert data["grade"] <= 2
    assert report.improvements[0] == next(r.text for r in report.feedback if r.code == "off-topic")
    assert not any(r.code == "on-principle" for r in report.feedback)


def test_a_story_that_answers_its_question_is_not_flagged():
    report = analyze(CONFLICT, question="Tell me about a time you disagreed with your manager.")
    assert report.to_dict()["relevance"]["answers_question"] is True
    assert not any(r.code == "off-topic" for r in report.feedback)
    strong = analyze(
        STRONG, question="Tell me about a time you dove deep to fix a performance problem."
    )
    assert strong.to_dict()["relevance"]["answers_question"] is True


def test_any_specific_story_answers_a_generic_question():
    report = analyze(STRONG, question="Tell me about your proudest achievement.")
    assert report.to_dict()["relevance"]["answers_question"] is True


def test_without_a_question_there_is_no_verdict():
    data = analyze(STRONG).to_dict()
    assert data["relevance"] is None


def test_relevance_json_shape():
    rel = analyze(STRONG, question="Tell me about a time you failed.").to_dict()["relevance"]
    assert set(rel) == {"answers_question", "score", "reason"}
    assert 0.0 <= rel["score"] <= 1.0 and rel["reason"]


def test_an_answer_on_the_topic_without_a_story_is_not_said_to_be_about_it():
    question = "Tell me about a time you disagreed with your manager."
    habit = (
        "When I disagree with my manager, I always ask for a one-on-one first. "
        "I would bring data, listen to their side and look for what we both want. "
        "If we still disagree, I would commit to the decision and say so openly."
    )
    relevance = analyze(habit, question=question).to_dict()["relevance"]
    assert relevance["answers_question"] is True
    assert "not one time you did it" in relevance["reason"]
    assert "the story is about that" not in relevance["reason"]
    story = analyze(CONFLICT, question=question).to_dict()["relevance"]
    assert story["reason"].endswith("and the story is about that.")


@pytest.mark.parametrize(
    "question, named",
    [
        # A later phrase qualifies the situation the question opens with.
        (
            "Describe a time you would not let the quality of a release slip, even under pressure.",
            "standards",
        ),
        (
            "Tell me about a time a dashboard looked healthy but something was wrong underneath.",
            "root-cause",
        ),
        ("Give an example of a mistake you made under pressure.", "failure"),
        ("Tell me about a time you had to ship under a tight deadline.", "deadline"),
        ("Tell me about a time you failed and what you learned.", "failure"),
        # Whom the extra effort was for names the situation; without one, it is the role.
        ("Describe a time you went above and beyond for one of your clients.", "customer"),
        ("Tell me about a time you went above and beyond your job description.", "ownership"),
    ],
)
def test_the_reason_names_the_situation_the_question_opens_with(question, named):
    ask = situations.headline_ask(question)
    assert ask is not None and ask.code == named


def _reason(answers, score, question, probs, none=0.0):
    return relevance._reason(
        answers, score, situations.headline_ask(question), probs, {"first_ask_none": none}, None
    )


_SHIP = "Tell me about a time you had to ship under a tight deadline."


def test_a_story_let_through_narrowly_is_not_said_to_be_about_the_question():
    narrow = _reason(True, 0.3, _SHIP, {})
    assert narrow == "The question asks about delivering under a tight deadline or pressure."
    clear = _reason(True, 0.8, _SHIP, {})
    assert clear.endswith("and the story is about that.")


def test_an_off_question_story_is_named_another_principle_only_when_the_story_model_is_sure():
    sure = _reason(False, 0.05, _SHIP, {"frugality": 0.95, "deliver-results": 0.05}, 1.0)
    assert sure.endswith("never comes to it. Read as a whole, it shows Frugality.")
    unsure = _reason(False, 0.05, _SHIP, {"frugality": 0.7, "deliver-results": 0.3}, 1.0)
    assert unsure.endswith("never comes to it.")


_TRUST = "Tell me about a time you won over a sceptical client."
_LOW = "Tell me about a time you managed an underperforming engineer."


def _mentions(question, told):
    ask = situations.headline_ask(question)
    assert ask is not None
    return relevance.ask_mentions(ask, [s for s, _ in told], [r for _, r in told])


def _narrow(question, told, score=0.3):
    ask = situations.headline_ask(question)
    return relevance._reason(True, score, ask, {}, {}, None, _mentions(question, told))


_SCENE_ONLY = [
    (
        "I ran the billing team at a utility, and the client's finance lead was sceptical of us.",
        "situation",
    ),
    ("I rewrote the invoice batch job so it ran in parallel.", "action"),
    ("Month-end close went from five days to two.", "result"),
]


def test_a_narrow_reason_says_the_situation_is_only_in_the_scene():
    reason = _narrow(_TRUST, _SCENE_ONLY)
    assert "names it (“sceptical”) only while setting the scene" in reason
    assert reason != "The question asks about earning or rebuilding someone's trust."


def test_a_narrow_reason_says_the_situation_comes_up_once():
    told = [
        ("The client's finance lead had stopped reading our reports.", "situation"),
        (
            "I sent her a weekly note owning every late invoice, which slowly rebuilt trust.",
            "action",
        ),
        ("Month-end close went from five days to two.", "result"),
    ]
    assert "names it in one sentence only (“trust”)" in _narrow(_TRUST, told)


def test_a_narrow_reason_with_the_situation_in_several_deeds_claims_no_passing_mention():
    told = [
        ("The client was sceptical after two failed audits.", "situation"),
        ("I promised her a weekly report and kept my word for six months.", "action"),
        ("She told our director she trusted the numbers again.", "result"),
    ]
    reason = _narrow(_TRUST, told)
    assert reason.endswith("; the story names it in 3 sentences (“sceptical”).")


def test_a_strict_situation_no_sentence_names_is_not_said_to_be_what_the_story_is_about():
    star = [
        ("Dana was the best engineer on my team and wanted a bigger challenge.", "situation"),
        ("I gave her the lead on our move to a new build system.", "action"),
        ("She shipped it in a quarter and was promoted.", "result"),
    ]
    reason = _narrow(_LOW, star, score=0.8)
    assert "no sentence of the story names that situation" in reason
    struggling = [
        ("Dana was struggling and had missed three deadlines in a row.", "situation"),
        ("I set up weekly check-ins and paired her with a senior engineer.", "action"),
        ("Within two months she was delivering on time again.", "result"),
    ]
    assert _narrow(_LOW, struggling, score=0.8).endswith("and the story is about that.")


_DECIDE = "Tell me about a time you had to decide without all the data."
_NO_WORDS_OF_IT = [
    ("Nobody could tell us whether demand would hold.", "situation"),
    ("I committed half the order and kept half open.", "action"),
    ("It saved us a month of stock.", "result"),
]


@pytest.mark.parametrize(
    "score, ending",
    [
        # "Incomplete data" has too many wordings to list: a clear verdict is not second-guessed.
        (0.9, "and the story is about that."),
        (0.3, "does not make it plain: say where it came up and what you did about it."),
    ],
)
def test_a_broad_situation_without_its_words(score, ending):
    assert _narrow(_DECIDE, _NO_WORDS_OF_IT, score=score).endswith(ending)


def test_the_reason_does_not_name_the_asked_principle_as_what_the_story_shows_instead():
    ask = situations.headline_ask(_LOW)
    probs = {"hire-and-develop-the-best": 0.95, "ownership": 0.05}
    off = relevance._reason(
        False, 0.05, ask, probs, {}, "misses it", None, {"hire-and-develop-the-best": 1.0}
    )
    assert off.endswith("misses it.")
    other = relevance._reason(False, 0.05, ask, probs, {}, "misses it", None, {"ownership": 1.0})
    assert other.endswith("Read as a whole, it shows Hire and Develop the Best.")
