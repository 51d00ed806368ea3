from collections.abc import Callable

import attrs
import pytest

from copsreform.identifiers import solicitation
from copsreform.identifiers.solicitation import SolicitationParts

_JUSTGRANTS_FORM = "must have the form O-COPS-YYYY-NNNNN or O-COPS-YYYY-NNNNNN"
_SEGMENTS = "must be segments of letters and digits joined by single dashes"
_YEAR_AT_END = "must end with a dash and a 4-digit year"
_YEAR_RANGE = "must end with a year from 1994 to 2099"


# Real JustGrants-era COPS solicitation numbers (Grants.gov and NOFO copies).
@pytest.mark.parametrize(
    ("number", "fiscal_year"),
    [
        ("O-COPS-2021-97003", 2021),
        ("O-COPS-2021-89002", 2021),
        ("O-COPS-2022-171229", 2022),
        ("O-COPS-2023-171691", 2023),
        ("O-COPS-2024-172160", 2024),
        ("O-COPS-2025-172379", 2025),
    ],
)
def test_every_real_justgrants_number_validates_to_itself(number: str, fiscal_year: int) -> None:
    assert number == solicitation.validate(number)
    assert number == solicitation.format(number)
    assert SolicitationParts("justgrants", fiscal_year) == solicitation.parse(number)


# Real pre-2021 Grants.gov funding opportunity numbers of COPS solicitations.
@pytest.mark.parametrize(
    ("number", "canonical", "fiscal_year"),
    [
        ("COPS-CHP-APPLICATION-2019", "COPS-CHP-APPLICATION-2019", 2019),
        ("COPS-CAMP-APPLICATION-2020", "COPS-CAMP-APPLICATION-2020", 2020),
        (
            "COPS-SCHOOL-VIOLENCE-PREVENTION-PROGRAM-APPLICATION-2019",
            "COPS-SCHOOL-VIOLENCE-PREVENTION-PROGRAM-APPLICATION-2019",
            2019,
        ),
        ("MENTAL-HEALTH-AND-WELLNESS-ACT-2020", "MENTAL-HEALTH-AND-WELLNESS-ACT-2020", 2020),
        (
            "COPS-Community-Policing-Development-Microgrants-2020",
            "COPS-COMMUNITY-POLICING-DEVELOPMENT-MICROGRANTS-2020",
            2020,
        ),
        (
            "COPS-COMMUNITY-POLICING-DEVELOPMENT-2016",
            "COPS-COMMUNITY-POLICING-DEVELOPMENT-2016",
            2016,
        ),
    ],
)
def test_every_real_legacy_number_validates_upper_cased(
    number: str, canonical: str, fiscal_year: int
) -> None:
    assert canonical == solicitation.validate(number)
    assert canonical == solicitation.format(number)
    assert SolicitationParts("legacy", fiscal_year) == solicitation.parse(number)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("OCOPS202197003", "O-COPS-2021-97003"),
        ("ocops2023171691", "O-COPS-2023-171691"),
        (" o-cops-2025-172379 ", "O-COPS-2025-172379"),
        ("O-COPS2021-97003", "O-COPS-2021-97003"),
    ],
)
def test_justgrants_numbers_without_dashes_validate_to_the_dashed_form(
    number: str, expected: str
) -> None:
    assert expected == solicitation.validate(number)


def test_compact_strips_and_upper_cases_but_keeps_dashes_and_inner_spaces() -> None:
    assert solicitation.compact(" cops-chp application-2019 ") == "COPS-CHP APPLICATION-2019"


def test_a_legacy_number_of_exactly_100_characters_is_accepted() -> None:
    number = "COPS-" + "X" * 90 + "-2020"
    assert number == solicitation.validate(number)


def test_parts_are_frozen_and_refuse_an_unknown_era() -> None:
    parts = solicitation.parse("O-COPS-2021-97003")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        parts.fiscal_year = 2022  # type: ignore[misc]
    with pytest.raises(ValueError, match="'era' must be in"):
        SolicitationParts("grants.gov", 2020)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("number", "reason", "message"),
    [
        (
            "O-COPS-2021-9700",
            _JUSTGRANTS_FORM,
            (
                "'solicitation' must have the form O-COPS-YYYY-NNNNN or O-COPS-YYYY-NNNNNN"
                " (got 'O-COPS-2021-9700')"
            ),
        ),
        (
            "O-COPS-21-97003",
            _JUSTGRANTS_FORM,
            (
                "'solicitation' must have the form O-COPS-YYYY-NNNNN or O-COPS-YYYY-NNNNNN"
                " (got 'O-COPS-21-97003')"
            ),
        ),
        (
            "O-COPS-2021-1234567",
            _JUSTGRANTS_FORM,
            (
                "'solicitation' must have the form O-COPS-YYYY-NNNNN or O-COPS-YYYY-NNNNNN"
                " (got 'O-COPS-2021-1234567')"
            ),
        ),
        (
            "COPS CHP 2019",
            _SEGMENTS,
            (
                "'solicitation' must be segments of letters and digits joined by single dashes"
                " (got 'COPS CHP 2019')"
            ),
        ),
        (
            "COPS--CHP-2019",
            _SEGMENTS,
            (
                "'solicitation' must be segments of letters and digits joined by single dashes"
                " (got 'COPS--CHP-2019')"
            ),
        ),
        (
            "-COPS-2019",
            _SEGMENTS,
            (
                "'solicitation' must be segments of letters and digits joined by single dashes"
                " (got '-COPS-2019')"
            ),
        ),
        (
            "COPS_CHP-2019",
            _SEGMENTS,
            (
                "'solicitation' must be segments of letters and digits joined by single dashes"
                " (got 'COPS_CHP-2019')"
            ),
        ),
        (
            "COPS-CHP-APPLICATION",
            _YEAR_AT_END,
            "'solicitation' must end with a dash and a 4-digit year (got 'COPS-CHP-APPLICATION')",
        ),
        (
            "COPS-CHP-19",
            _YEAR_AT_END,
            "'solicitation' must end with a dash and a 4-digit year (got 'COPS-CHP-19')",
        ),
        (
            "2019",
            _YEAR_AT_END,
            "'solicitation' must end with a dash and a 4-digit year (got '2019')",
        ),
        (
            "COPS-CHP-1993",
            _YEAR_RANGE,
            "'solicitation' must end with a year from 1994 to 2099 (got 'COPS-CHP-1993')",
        ),
        (
            "COPS-CHP-2100",
            _YEAR_RANGE,
            "'solicitation' must end with a year from 1994 to 2099 (got 'COPS-CHP-2100')",
        ),
        ("", "must not be empty", "'solicitation' must not be empty (got '')"),
        (339485, "must be a string", "'solicitation' must be a string (got 339485)"),
    ],
)
def test_validate_refuses_a_bad_solicitation_number_with_a_located_reason(
    assert_refused: Callable[..., None], number: object, reason: str, message: str
) -> None:
    assert_refused(solicitation.validate, number, "solicitation", reason, message)


def test_validate_refuses_a_legacy_number_longer_than_100_characters(
    assert_refused: Callable[..., None],
) -> None:
    number = "COPS-" + "X" * 91 + "-2020"
    assert_refused(
        solicitation.validate,
        number,
        "solicitation",
        "must be at most 100 characters in the legacy form",
        "'solicitation' must be at most 100 characters in the legacy form"
        f" (got {repr(number)[:75]}...0')",
    )


@pytest.mark.parametrize("function", [solicitation.format, solicitation.parse])
def test_format_and_parse_refuse_what_validate_refuses(
    assert_refused: Callable[..., None], function: Callable[[str], object]
) -> None:
    assert_refused(
        function,
        "COPS-CHP-1993",
        "solicitation",
        _YEAR_RANGE,
        "'solicitation' must end with a year from 1994 to 2099 (got 'COPS-CHP-1993')",
    )


def test_validate_refuses_a_10000_character_input_before_matching_it(
    assert_refused: Callable[..., None],
) -> None:
    number = "COPS-" * 1999 + "2020X"
    assert_refused(
        solicitation.validate,
        number,
        "solicitation",
        "is too long (at most 200 characters)",
        f"'solicitation' is too long (at most 200 characters) (got {repr(number)[:75]}...X')",
    )


@pytest.mark.parametrize("value", ["COPS--2019", "", 2021, None, [], b"O-COPS-2021-97003"])
def test_is_valid_says_false_instead_of_raising(value: object) -> None:
    assert solicitation.is_valid(value) is False
