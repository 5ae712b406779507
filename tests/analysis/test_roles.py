from __future__ import annotations

import pytest

from loopcoach.analysis.roles import ROLES, assign_roles
from loopcoach.analysis.sentences import split_sentences
from tests.analysis.examples import ALL, STRONG


def roles_of(text: str) -> list[str]:
    sentences = [s.text for s in split_sentences(text)]
    return assign_roles(sentences, [False] * len(sentences))


def test_a_textbook_answer_gets_its_star_roles():
    roles = roles_of(STRONG)
    assert roles[0] == "situation"
    assert roles[2] == "task"
    assert roles[3:6] == ["action", "action", "action"]
    assert roles[-2] == "result"


def test_a_pleasantry_before_the_story_is_other():
    assert (
        roles_of(
            "Great question, let me think of a good example. At my last job I ran billing. "
            "I rewrote the invoice job. Errors stopped."
        )[0]
        == "other"
    )


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("My goal was to cut the cloud bill by a fifth without slowing anything down.", "task"),
        ("I wrote a script that compared the two ledgers line by line.", "action"),
    ],
)
def test_clear_sentences_get_their_role_in_the_middle_of_an_answer(sentence, role):
    text = (
        f"At my last job I ran the billing team. {sentence} In the end the numbers matched again."
    )
    assert roles_of(text)[1] == role


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_sentence_gets_one_known_role(name):
    roles = roles_of(ALL[name])
    assert len(roles) == len(split_sentences(ALL[name]))
    assert set(roles) <= set(ROLES)


def test_no_sentences_no_roles():
    assert assign_roles([], []) == []


def test_a_written_up_answer_carries_its_star_headings_to_the_sentences_under_them():
    from loopcoach.analysis.roles import sections

    answer = [
        "Here is how I answered it.",
        "Situation: our billing batch ran for nine hours.",
        "Finance closed the month late.",
        "**Task**: get it under two hours.",
        "Action - I profiled the batch.",
        "I replaced the row-by-row writes with bulk inserts.",
        "Result: it runs in 70 minutes.",
    ]
    assert sections(answer) == [
        None,
        "situation",
        "situation",
        "task",
        "action",
        "action",
        "result",
    ]
    # A sentence that only uses the word is no heading.
    assert sections(["The task was hard.", "My action was quick."]) == [None, None]
