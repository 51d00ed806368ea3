import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest

import copsreform
from copsreform.errors import ValidationError
from copsreform.identifiers import ori

# Real ORIs from the FBI Crime Data Explorer agency lists (2018 front-end snapshot and the
# February 2025 pull published by TidyTuesday): Boston PD, Seattle PD, Omaha PD (NB =
# Nebraska), Baltimore PD, Newark PD, Minneapolis PD, Federal Way PD, Everett PD, Spokane
# PD, Washington State Patrol, Guam (GM), Massachusetts College of Art, Port Gamble S'Klallam Tribal,
# Virginia State Police.
_REAL_ORIS = (
    "MA0130100",
    "WASPD0000",
    "NB0280200",
    "MDBPD0000",
    "NJNPD0000",
    "MN0271100",
    "WA0173600",
    "WA0310300",
    "WA0320400",
    "WAWSP0000",
    "GMTGM0000",
    "MA013029E",
    "WADI06600",
    "VA039SP00",
)

_COPS_ORI_REASON = "is a 7-character COPS ORI; give the FBI's 9-character ORI"
_STATE_REASON = "must have letters in positions 1-2 (the NCIC state code)"
_TAIL_REASON = "must have only letters and digits in positions 3-9"


@pytest.mark.parametrize("number", _REAL_ORIS)
def test_every_real_ori_validates_to_itself(number: str) -> None:
    assert number == ori.validate(number)
    assert ori.is_valid(number)
    assert number == ori.format(number)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (" ma0130100 ", "MA0130100"),
        ("MA 013 0100", "MA0130100"),
        ("wa-031-0300", "WA0310300"),
        ("\tWASPD0000\n", "WASPD0000"),
    ],
)
def test_validate_removes_spaces_and_dashes_and_upper_cases(number: str, expected: str) -> None:
    assert expected == ori.validate(number)


def test_compact_only_normalises_and_never_checks() -> None:
    assert ori.compact(" ma-01301 ") == "MA01301"
    assert ori.compact("   ") == ""
    assert ori.compact("not-an-ori") == "NOTANORI"


def test_compact_leaves_non_ascii_letters_alone_so_look_alikes_are_refused() -> None:
    assert ori.compact("wa\u017fpd0000") == "WA\u017fPD0000"
    assert not ori.is_valid("wa\u017fpd0000")


@pytest.mark.parametrize(
    ("number", "path", "reason", "message"),
    [
        (
            "MA01301",
            "ori",
            _COPS_ORI_REASON,
            "'ori' is a 7-character COPS ORI; give the FBI's 9-character ORI (got 'MA01301')",
        ),
        (
            "wa-03103",
            "ori",
            _COPS_ORI_REASON,
            "'ori' is a 7-character COPS ORI; give the FBI's 9-character ORI (got 'wa-03103')",
        ),
        ("MA0130", "ori", "must be 9 characters", "'ori' must be 9 characters (got 'MA0130')"),
        ("1234567", "ori", "must be 9 characters", "'ori' must be 9 characters (got '1234567')"),
        (
            "MA01301000",
            "ori",
            "must be 9 characters",
            "'ori' must be 9 characters (got 'MA01301000')",
        ),
        (
            "C0034019E",
            "ori",
            _STATE_REASON,
            "'ori' must have letters in positions 1-2 (the NCIC state code) (got 'C0034019E')",
        ),
        (
            "1A0130100",
            "ori",
            _STATE_REASON,
            "'ori' must have letters in positions 1-2 (the NCIC state code) (got '1A0130100')",
        ),
        (
            "MA013010*",
            "ori",
            _TAIL_REASON,
            "'ori' must have only letters and digits in positions 3-9 (got 'MA013010*')",
        ),
        (
            "MA01301\u00e90",
            "ori",
            _TAIL_REASON,
            "'ori' must have only letters and digits in positions 3-9 (got 'MA01301\u00e90')",
        ),
        ("", "ori", "must not be empty", "'ori' must not be empty (got '')"),
        (" - ", "ori", "must not be empty", "'ori' must not be empty (got ' - ')"),
        (130100, "ori", "must be a string", "'ori' must be a string (got 130100)"),
        (None, "ori", "must be a string", "'ori' must be a string (got None)"),
        (b"MA0130100", "ori", "must be a string", "'ori' must be a string (got b'MA0130100')"),
    ],
)
def test_validate_refuses_a_bad_ori_with_a_located_reason(
    assert_refused: Callable[..., None], number: object, path: str, reason: str, message: str
) -> None:
    assert_refused(ori.validate, number, path, reason, message)


def test_validate_refuses_a_10000_character_input_before_matching_it(
    assert_refused: Callable[..., None],
) -> None:
    number = "MA0130100" * 1111 + "M"
    assert_refused(
        ori.validate,
        number,
        "ori",
        "is too long (at most 200 characters)",
        f"'ori' is too long (at most 200 characters) (got {repr(number)[:75]}...M')",
    )


def test_format_refuses_what_validate_refuses(assert_refused: Callable[..., None]) -> None:
    assert_refused(
        ori.format,
        "MA01301",
        "ori",
        _COPS_ORI_REASON,
        "'ori' is a 7-character COPS ORI; give the FBI's 9-character ORI (got 'MA01301')",
    )


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("MA0130100", "MA"),
        ("WASPD0000", "WA"),
        ("NB0280200", "NE"),
        ("GMTGM0000", "GU"),
        ("VA039SP00", "VA"),
        ("nb 028 0200", "NE"),
    ],
)
def test_state_of_reads_the_usps_code_from_the_ncic_prefix(number: str, expected: str) -> None:
    assert expected == ori.state_of(number)


def test_state_of_refuses_an_invalid_ori(assert_refused: Callable[..., None]) -> None:
    assert_refused(
        ori.state_of,
        "C0034019E",
        "ori",
        _STATE_REASON,
        "'ori' must have letters in positions 1-2 (the NCIC state code) (got 'C0034019E')",
    )


@pytest.mark.parametrize(
    ("usps_state", "expected"),
    [("NE", "NB"), ("GU", "GM"), ("MA", "MA"), ("wa", "WA"), (" ne ", "NB")],
)
def test_ncic_prefix_gives_the_prefix_of_a_states_oris(usps_state: str, expected: str) -> None:
    assert expected == ori.ncic_prefix(usps_state)


@pytest.mark.parametrize("number", _REAL_ORIS)
def test_ncic_prefix_inverts_state_of_for_every_real_ori(number: str) -> None:
    assert number[:2] == ori.ncic_prefix(ori.state_of(number))


@pytest.mark.parametrize(
    ("usps_state", "reason", "message"),
    [
        (
            "NB",
            "is the NCIC code for NE; give the USPS code",
            "'usps_state' is the NCIC code for NE; give the USPS code (got 'NB')",
        ),
        (
            "gm",
            "is the NCIC code for GU; give the USPS code",
            "'usps_state' is the NCIC code for GU; give the USPS code (got 'gm')",
        ),
        ("N", "must be two letters", "'usps_state' must be two letters (got 'N')"),
        ("N1", "must be two letters", "'usps_state' must be two letters (got 'N1')"),
        ("Nebraska", "must be two letters", "'usps_state' must be two letters (got 'Nebraska')"),
        ("", "must not be empty", "'usps_state' must not be empty (got '')"),
        (31, "must be a string", "'usps_state' must be a string (got 31)"),
    ],
)
def test_ncic_prefix_refuses_what_is_not_a_usps_code(
    assert_refused: Callable[..., None], usps_state: object, reason: str, message: str
) -> None:
    assert_refused(ori.ncic_prefix, usps_state, "usps_state", reason, message)


def test_two_agencies_of_the_fbi_list_share_one_cops_prefix() -> None:
    """Capitol Police and Massachusetts College of Art, both in the FBI's 2018 list."""
    assert ori.cops_prefix("MA0130200") == "MA01302"
    assert ori.cops_prefix("MA013029E") == "MA01302"


def test_everetts_cops_ori_is_the_prefix_of_its_fbi_ori() -> None:
    assert ori.cops_prefix("wa0310300") == "WA03103"


def test_cops_prefix_refuses_a_cops_ori(assert_refused: Callable[..., None]) -> None:
    assert_refused(
        ori.cops_prefix,
        "WA03103",
        "ori",
        _COPS_ORI_REASON,
        "'ori' is a 7-character COPS ORI; give the FBI's 9-character ORI (got 'WA03103')",
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("WA03103", True),
        ("MN08207", True),
        ("AL02701", True),
        (" ma-01301 ", True),
        ("MA0130100", False),
        ("C003401", False),
        ("WA0310", False),
        ("", False),
        ("WA03103" * 100, False),
        (3103, False),
        (None, False),
    ],
)
def test_is_cops_form_recognises_the_7_character_cops_ori(value: object, expected: bool) -> None:
    assert expected is ori.is_cops_form(value)


@pytest.mark.parametrize("value", ["MA01301", "C0034019E", "", 9, None, ["MA0130100"], "M" * 201])
def test_is_valid_says_false_instead_of_raising(value: object) -> None:
    assert ori.is_valid(value) is False


def test_validate_raises_the_library_error_which_is_also_a_value_error() -> None:
    with pytest.raises(ValueError, match="must be 9 characters") as excinfo:
        ori.validate("MA0130")
    assert isinstance(excinfo.value, ValidationError)


def test_every_ori_of_the_fbi_2018_list_is_accepted_or_refused_for_a_stated_reason() -> None:
    """All 23,243 ORIs of the FBI's 2018 agency list, as bundled with copsreform.

    The ORI check is structural, so it accepts 23,242 of them. It refuses one:
    ``C0034019E`` (Fort Lewis College, CO), whose second character is the digit zero
    where the NCIC state code needs a letter, a typo for ``CO034019E``. Two structurally
    valid ORIs, the FBI test agencies ``TSOFENC02`` and ``TSARRES06`` filed under AL, are
    refused by the Agency model instead, because ``TS`` is not Alabama's code (see
    tests/sources/test_cde.py).
    """
    bundled = Path(copsreform.__file__).parent / "data" / "cde" / "agencies-by-state-2018.json.gz"
    agencies = json.loads(gzip.decompress(bundled.read_bytes()))
    oris = [code for by_ori in agencies.values() for code in by_ori]
    refused = {code: _reason(code) for code in oris if not ori.is_valid(code)}
    assert len(oris) == 23_243
    assert refused == {"C0034019E": "must have letters in positions 1-2 (the NCIC state code)"}
    mismatched = sorted(
        code
        for state, by_ori in agencies.items()
        for code in by_ori
        if ori.is_valid(code) and state != "CZ" and ori.state_of(code) != state
    )
    assert mismatched == ["TSARRES06", "TSOFENC02"]


def _reason(code: str) -> str:
    try:
        ori.validate(code)
    except ValidationError as error:
        return error.reason
    return "accepted"
