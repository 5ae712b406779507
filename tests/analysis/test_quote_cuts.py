"""Quotes cut short: whole when not much longer than the limit, else at a clause that is whole."""

import pytest

from loopcoach.analysis import followup, quotes


def test_a_sentence_up_to_one_and_a_half_times_the_limit_is_quoted_whole():
    s = (
        "By the end of the quarter the backlog was down from 900 tickets to 140, and we kept it "
        "there."
    )
    assert quotes.quote(s, 70) == s
    assert quotes.quote(s, 50).endswith("…")


@pytest.mark.parametrize(
    ("sentence", "limit", "expected"),
    [
        # Not before the object of "cut", the amount the remark is about.
        (
            "Within a quarter the warehouse picked orders twice as fast, and we cut about 300 "
            "hours of manual checks a month from the workload of the team.",
            70,
            "Within a quarter the warehouse picked orders twice as fast…",
        ),
        # "which was worth" needs its amount.
        (
            "We moved the nightly batch to the new cluster, and the report landed by six, which "
            "was worth about 1.1 million dollars of late fees avoided each year.",
            70,
            "We moved the nightly batch to the new cluster…",
        ),
        # A number word needs its noun phrase ("three of the five depot managers").
        (
            "After the change the error rate fell to 2 percent, and three of the five depot "
            "managers asked for the same dashboard within a month of seeing it.",
            70,
            "After the change the error rate fell to 2 percent…",
        ),
        # A "from" number without its "to" is half a before/after pair.
        (
            "Once the cache was warm the checkout got faster and the median load time fell from "
            "3.4 seconds to 900 milliseconds over the following fortnight of traffic.",
            90,
            "Once the cache was warm the checkout got faster…",
        ),
        # "we learned" needs what was learned.
        (
            "We rebuilt the intake form with the nurses and we learned that 70 percent of the "
            "referrals were missing the same two fields every single time they came in.",
            70,
            "We rebuilt the intake form with the nurses…",
        ),
    ],
)
def test_a_cut_never_leaves_a_word_without_what_it_needs(sentence, limit, expected):
    assert quotes.quote(sentence, limit) == expected


def test_a_from_to_pair_is_kept_together_or_left_out():
    s = (
        "Over the next two months the nightly job got much shorter, with run time falling from "
        "five hours to forty minutes, and the on-call engineers stopped getting paged about it."
    )
    quoted = quotes.quote(s, 80)
    assert quoted == "Over the next two months the nightly job got much shorter…"


def test_a_cut_after_a_colon_may_be_followed_by_a_number():
    s = (
        "So I pulled the account's invoices for the six months before and the six months after the "
        "new pricing: 31, 28 and 30 disputes a month before, two a month afterwards."
    )
    assert quotes.quote(s, 70) == (
        "So I pulled the account's invoices for the six months before and the six months after "
        "the new pricing…"
    )


def test_a_time_word_before_a_noun_is_no_clause_break():
    s = (
        "I compared the weekly returns for the eight weeks before and the eight weeks after the "
        "packaging change, store by store, and wrote it up for the category manager that Friday."
    )
    assert quotes.quote(s, 80) == (
        "I compared the weekly returns for the eight weeks before and the eight weeks after the "
        "packaging change…"
    )


def test_a_cut_that_fits_nowhere_still_ends_on_a_word_that_needs_nothing():
    s = (
        "I spent the first three weeks of the migration sitting with each of the regional payroll "
        "clerks in turn going through every exception report line by line with them"
    )
    quoted = quotes.quote(s, 60)
    assert quoted.endswith("…") and not quotes.ends_on_dangling(quoted.rstrip("…"))


def test_a_follow_up_answer_is_quoted_by_the_same_rule():
    s = (
        "I chose the second option because the exposure was only two days for 3 percent of the "
        "accounts, and we phoned every one of them on the Monday before the switch."
    )
    assert followup._short(s) == (
        "I chose the second option because the exposure was only two days for 3 percent of the "
        "accounts…"
    )
