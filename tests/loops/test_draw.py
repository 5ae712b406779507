"""Drawing a loop's questions: coverage, recent questions, no repeats, determinism."""

from __future__ import annotations

from loopcoach.loops import BankQuestion, RoundSpec, draw_questions

ROUNDS = [
    RoundSpec("hm", ("ownership", "deliver-results", "customer-obsession")),
    RoundSpec("br", ("earn-trust", "backbone", "are-right", "curious")),
]


def _bank() -> list[BankQuestion]:
    rows = [
        (1, {"ownership"}, "hm"),
        (2, {"deliver-results"}, "hm"),
        (3, {"customer-obsession"}, "hm"),
        (4, {"ownership", "deliver-results"}, "hm"),
        (5, {"ownership", "deliver-results"}, None),
        (6, {"earn-trust", "backbone"}, "br"),
        (7, {"are-right", "curious"}, "br"),
        (8, {"earn-trust"}, "br"),
        (9, {"curious"}, "br"),
        (10, {"frugality"}, "br"),
        (11, {"customer-obsession"}, None),
    ]
    return [BankQuestion(i, frozenset(p), r) for i, p, r in rows]


def test_every_assigned_principle_is_covered_in_two_or_three_questions():
    for draw, spec in zip(draw_questions(ROUNDS, _bank(), seed=1), ROUNDS, strict=True):
        assert 2 <= len(draw.questions) <= 3
        covered = {p for ps in draw.covered.values() for p in ps}
        assert covered == set(spec.principles) and draw.uncovered == []


def test_the_same_seed_draws_the_same_loop():
    assert draw_questions(ROUNDS, _bank(), seed=7) == draw_questions(ROUNDS, _bank(), seed=7)


def test_other_seeds_can_draw_other_questions():
    draws = {tuple(draw_questions(ROUNDS, _bank(), seed=seed)[0].questions) for seed in range(20)}
    assert len(draws) > 1


def test_recently_practised_questions_are_avoided_when_possible():
    draw = draw_questions(ROUNDS, _bank(), seed=3, recent={4, 5})[0]
    assert not {4, 5} & set(draw.questions)
    assert {p for ps in draw.covered.values() for p in ps} == set(ROUNDS[0].principles)


def test_a_recent_question_is_used_when_nothing_else_covers_the_principle():
    draw = draw_questions(ROUNDS[1:], _bank(), seed=3, recent={7, 9})[0]
    assert {7, 9} & set(draw.questions)
    assert draw.uncovered == []


def test_no_question_is_drawn_twice():
    spec = RoundSpec("again", ("ownership",))
    draws = draw_questions([ROUNDS[0], spec], _bank(), seed=2)
    assert not set(draws[0].questions) & set(draws[1].questions)


def test_an_uncoverable_principle_is_reported_not_fatal():
    draw = draw_questions([RoundSpec("x", ("ownership", "think-big"))], _bank(), seed=1)[0]
    assert draw.uncovered == ["think-big"] and draw.questions


def test_it_prefers_questions_filed_under_the_round():
    draw = draw_questions(
        [RoundSpec("hm", ("customer-obsession",))], _bank(), seed=5, min_per_round=1
    )[0]
    assert draw.questions == [3]


def _design_bank() -> list[BankQuestion]:
    # Stories probe the round's principles better than the designs do; the round wants designs.
    stories = [
        BankQuestion(i, frozenset({"dive-deep", "simplify"}), "sd", "behavioral") for i in (1, 2)
    ]
    designs = [
        BankQuestion(3, frozenset({"dive-deep"}), "sd", "system-design"),
        BankQuestion(4, frozenset({"standards"}), "sd", "system-design"),
        BankQuestion(5, frozenset({"frugality"}), None, "system-design"),
    ]
    return stories + designs


def test_a_round_of_a_category_draws_only_that_category():
    spec = RoundSpec("sd", ("dive-deep", "simplify"), category="system-design")
    for seed in range(20):
        draw = draw_questions([spec], _design_bank(), seed=seed)[0]
        assert 2 <= len(draw.questions) <= 3
        assert set(draw.questions) <= {3, 4, 5}
        assert 3 in draw.questions  # the design question that probes a principle of the round
        assert draw.uncovered == ["simplify"]


def test_a_round_of_a_category_falls_back_to_the_bank_when_too_few_are_left():
    spec = RoundSpec("sd", ("dive-deep",), category="system-design")
    bank = [q for q in _design_bank() if q.id != 4 and q.id != 5]
    draw = draw_questions([spec], bank, seed=3)[0]
    assert 2 <= len(draw.questions) and set(draw.questions) & {1, 2}


def test_without_a_category_the_stories_that_cover_more_win():
    spec = RoundSpec("sd", ("dive-deep", "simplify"))
    draw = draw_questions([spec], _design_bank(), seed=1)[0]
    assert draw.uncovered == [] and set(draw.questions) & {1, 2}
