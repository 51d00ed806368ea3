from collections.abc import Callable

import pytest

from copsreform.identifiers import assistance_listing

_FORM = "must have the form NN.NNN (a 2-digit agency prefix, a dot and 3 digits)"


def test_the_cops_listings_are_the_seven_of_the_federal_program_inventory() -> None:
    expected = {
        "16.710": "Public Safety Partnership and Community Policing Grants",
        "16.068": "COPS Hiring Program",
        "16.069": "Preparing for Active Shooter Situations",
        "16.070": "Law Enforcement Mental Health and Wellness Act",
        "16.071": "School Violence Prevention Program",
        "16.072": "COPS Anti-Methamphetamine Program",
        "16.073": "COPS Anti-Heroin Task Force Program",
    }
    assert expected == dict(assistance_listing.COPS_LISTINGS)


def test_the_cops_listings_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        assistance_listing.COPS_LISTINGS["16.999"] = "Not a COPS program"  # type: ignore[index]


@pytest.mark.parametrize("number", sorted(assistance_listing.COPS_LISTINGS))
def test_every_cops_listing_is_valid_and_is_cops(number: str) -> None:
    assert number == assistance_listing.validate(number)
    assert number == assistance_listing.format(number)
    assert assistance_listing.is_cops(number)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("16.738", False),
        ("16.034", False),
        ("93.558", False),
        (" 16.710 ", True),
        ("16. 068", True),
    ],
)
def test_is_cops_tells_cops_listings_from_other_well_formed_ones(
    number: str, expected: bool
) -> None:
    assert expected is assistance_listing.is_cops(number)


def test_validate_checks_the_format_only_not_the_agency_prefix() -> None:
    assert assistance_listing.validate("99.999") == "99.999"


@pytest.mark.parametrize(
    ("number", "reason", "message"),
    [
        (
            "16.71",
            _FORM,
            (
                "'assistance_listing' must have the form NN.NNN (a 2-digit agency prefix, a dot and"
                " 3 digits) (got '16.71')"
            ),
        ),
        (
            "16710",
            _FORM,
            (
                "'assistance_listing' must have the form NN.NNN (a 2-digit agency prefix, a dot and"
                " 3 digits) (got '16710')"
            ),
        ),
        (
            "16-710",
            _FORM,
            (
                "'assistance_listing' must have the form NN.NNN (a 2-digit agency prefix, a dot and"
                " 3 digits) (got '16-710')"
            ),
        ),
        (
            "CFDA 16.710",
            _FORM,
            (
                "'assistance_listing' must have the form NN.NNN (a 2-digit agency prefix, a dot and"
                " 3 digits) (got 'CFDA 16.710')"
            ),
        ),
        ("", "must not be empty", "'assistance_listing' must not be empty (got '')"),
        (16.71, "must be a string", "'assistance_listing' must be a string (got 16.71)"),
    ],
)
def test_validate_refuses_a_malformed_number_with_a_located_reason(
    assert_refused: Callable[..., None], number: object, reason: str, message: str
) -> None:
    assert_refused(assistance_listing.validate, number, "assistance_listing", reason, message)


def test_is_cops_refuses_a_malformed_number_instead_of_answering_no(
    assert_refused: Callable[..., None],
) -> None:
    assert_refused(
        assistance_listing.is_cops,
        "16.71",
        "assistance_listing",
        _FORM,
        "'assistance_listing' must have the form NN.NNN (a 2-digit agency prefix, a dot and"
        " 3 digits) (got '16.71')",
    )


def test_validate_refuses_a_10000_character_input_before_matching_it(
    assert_refused: Callable[..., None],
) -> None:
    number = "16.710" * 1666 + "16.7"
    assert_refused(
        assistance_listing.validate,
        number,
        "assistance_listing",
        "is too long (at most 200 characters)",
        f"'assistance_listing' is too long (at most 200 characters) (got {repr(number)[:75]}...7')",
    )


@pytest.mark.parametrize("value", ["16.71", "", 16.71, None, [], b"16.710"])
def test_is_valid_says_false_instead_of_raising(value: object) -> None:
    assert assistance_listing.is_valid(value) is False
