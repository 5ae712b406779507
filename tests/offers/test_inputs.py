"""Bad offers get one clear message per field."""

from __future__ import annotations

import pytest

from loopcoach.offers import OfferInputError, parse_offer


def errors_of(**fields) -> dict[str, str]:
    with pytest.raises(OfferInputError) as caught:
        parse_offer({"base_salary": "200000", "grant_value": "400000", **fields})
    return caught.value.errors


def test_a_missing_base_is_required():
    with pytest.raises(OfferInputError) as caught:
        parse_offer({})
    assert caught.value.errors == {"base_salary": "is required"}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("base_salary", "-5", "cannot be negative"),
        ("base_salary", "0", "must be more than zero"),
        (
            "base_salary",
            "20000000",
            "is above 10,000,000: not plausible for a base salary; check for an extra zero",
        ),
        ("base_salary", "abc", "“abc” is not a number"),
        ("base_salary", "NaN", "must be a finite number"),
        (
            "grant_value",
            "150000000",
            "is above 100,000,000: not plausible for a stock grant; check for an extra zero",
        ),
        ("sign_on_year1", "-1", "cannot be negative"),
        (
            "raise_percent",
            "250",
            "is above 100: not plausible for a yearly raise; check for an extra zero",
        ),
        ("vesting", "whenever", "must be one of: amazon, amazon-quarterly, even-cliff, custom"),
        ("price_scenario", "moon", "must be one of: flat, growing, falling"),
    ],
)
def test_bad_fields(field, value, message):
    assert errors_of(**{field: value})[field] == message


def test_custom_percents_must_add_up_to_100():
    assert errors_of(vesting="custom", custom_percents="30, 30, 30") == {
        "custom_percents": "add up to 90%, not 100%"
    }
    assert (
        errors_of(vesting="custom", custom_percents="50, 60, -10")["custom_percents"]
        == "for year 3 must be between 0 and 100"
    )
    assert (
        "one percent per year"
        in errors_of(vesting="custom", custom_percents="20,20,20,20,20")["custom_percents"]
    )
    assert errors_of(vesting="custom")["custom_percents"].startswith("are required")


def test_units_need_a_share_price_and_not_a_value_too():
    assert errors_of(grant_units="1000") == {
        "grant_units": "cannot be given together with a grant value: use one or the other"
    }
    assert errors_of(grant_value="", grant_units="1000") == {
        "share_price": "is required when the grant is given in units"
    }
    assert (
        "check the units"
        in errors_of(grant_value="", grant_units="1000000", share_price="500")["grant_units"]
    )
    assert (
        errors_of(grant_value="", grant_units="10.5", share_price="5")["grant_units"]
        == "must be a whole number"
    )


def test_a_moving_price_needs_its_percent():
    assert errors_of(price_scenario="growing") == {
        "price_change_percent": "is required for a growing share price"
    }


def test_every_problem_is_reported_at_once():
    assert set(errors_of(base_salary="-1", grant_value="x", vesting="nope")) == {
        "base_salary",
        "grant_value",
        "vesting",
    }


def test_typed_money_is_understood_and_rounded_half_up_to_cents():
    offer = parse_offer(
        {"base_salary": " $185,000.005 ", "grant_value": 400000.5, "sign_on_year1": "1_000"}
    )
    assert str(offer.base_salary) == "185000.01" and str(offer.grant_value) == "400000.50"
    assert str(offer.sign_on_year1) == "1000.00"


def test_json_booleans_are_not_numbers():
    with pytest.raises(OfferInputError) as caught:
        parse_offer({"base_salary": True})
    assert caught.value.errors["base_salary"] == "must be a number"


def test_not_a_mapping():
    with pytest.raises(OfferInputError):
        parse_offer(["base_salary"])
