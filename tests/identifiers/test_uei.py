from collections.abc import Callable

import pytest

from copsreform.identifiers import uei

# Real UEIs: City of Spokane Valley (its FY2024 COPS award letter); three examples from
# https://org-id.guide/list/US-SAM; one that appears as a real UEI in independent sources.
_REAL_UEIS = ("NSU3DBMM7JN9", "YNDUZMUZF8H8", "T53MCMLTWK59", "UYDJJ1S8DR85", "E6REDN98SHE7")


@pytest.mark.parametrize("number", _REAL_UEIS)
def test_every_real_uei_validates_to_itself(number: str) -> None:
    assert number == uei.validate(number)
    assert uei.is_valid(number)
    assert number == uei.format(number)


@pytest.mark.parametrize(
    ("number", "expected"),
    [(" nsu3dbmm7jn9 ", "NSU3DBMM7JN9"), ("NSU3 DBMM 7JN9", "NSU3DBMM7JN9")],
)
def test_validate_removes_spaces_and_upper_cases(number: str, expected: str) -> None:
    assert expected == uei.validate(number)


@pytest.mark.parametrize("last", "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
def test_the_unpublished_check_character_never_causes_a_refusal(last: str) -> None:
    assert "NSU3DBMM7JN" + last == uei.validate("NSU3DBMM7JN" + last)


def test_a_run_of_eight_digits_is_allowed() -> None:
    assert uei.validate("N12345678AB9") == "N12345678AB9"


def test_compact_only_normalises_and_never_checks() -> None:
    assert uei.compact(" abc-o ") == "ABC-O"


@pytest.mark.parametrize(
    ("number", "reason", "message"),
    [
        ("NSU3DBMM7JN", "must be 12 characters", "'uei' must be 12 characters (got 'NSU3DBMM7JN')"),
        (
            "NSU3DBMM7JN9A",
            "must be 12 characters",
            "'uei' must be 12 characters (got 'NSU3DBMM7JN9A')",
        ),
        (
            "NSU3-DBMM-7JN9",
            "must be 12 characters",
            "'uei' must be 12 characters (got 'NSU3-DBMM-7JN9')",
        ),
        (
            "NSU3DBMM7JN*",
            "must contain only letters and digits",
            "'uei' must contain only letters and digits (got 'NSU3DBMM7JN*')",
        ),
        (
            "NSU3DBMM7JN\u00e9",
            "must contain only letters and digits",
            "'uei' must contain only letters and digits (got 'NSU3DBMM7JN\u00e9')",
        ),
        (
            "NSU3DBMO7JN9",
            "must not contain I or O",
            "'uei' must not contain I or O (got 'NSU3DBMO7JN9')",
        ),
        (
            "nsu3dbmi7jn9",
            "must not contain I or O",
            "'uei' must not contain I or O (got 'nsu3dbmi7jn9')",
        ),
        (
            "0SU3DBMM7JN9",
            "must not start with 0",
            "'uei' must not start with 0 (got '0SU3DBMM7JN9')",
        ),
        (
            "N123456789AB",
            "must not contain a run of 9 or more digits",
            "'uei' must not contain a run of 9 or more digits (got 'N123456789AB')",
        ),
        (
            "123456789012",
            "must not contain a run of 9 or more digits",
            "'uei' must not contain a run of 9 or more digits (got '123456789012')",
        ),
        ("", "must not be empty", "'uei' must not be empty (got '')"),
        (123456789012, "must be a string", "'uei' must be a string (got 123456789012)"),
    ],
)
def test_validate_refuses_a_bad_uei_with_a_located_reason(
    assert_refused: Callable[..., None], number: object, reason: str, message: str
) -> None:
    assert_refused(uei.validate, number, "uei", reason, message)


def test_validate_refuses_a_10000_character_input_before_matching_it(
    assert_refused: Callable[..., None],
) -> None:
    number = "NSU3DBMM7JN9" * 833 + "NSUA"
    assert_refused(
        uei.validate,
        number,
        "uei",
        "is too long (at most 200 characters)",
        f"'uei' is too long (at most 200 characters) (got {repr(number)[:75]}...A')",
    )


@pytest.mark.parametrize("value", ["NSU3DBMM7JN", "0SU3DBMM7JN9", "", 7, None, [], b"NSU3DBMM7JN9"])
def test_is_valid_says_false_instead_of_raising(value: object) -> None:
    assert uei.is_valid(value) is False
