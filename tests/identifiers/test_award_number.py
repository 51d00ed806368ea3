import json
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from copsreform.identifiers import award_number
from copsreform.identifiers.award_number import AwardNumberParts

# Real COPS award numbers, as written in their sources: a BJA award page (INDI), the
# Spokane Valley award letter (UHPX), a Dallas council item (MUMU), USAspending data
# (SSIX, CRIT, 2020UMWX0499, 2015UMWX0174, 2016HEWX0056), Everett's records (2020UMWX0068),
# COPS publications and critical incident reviews (the CK-WX-K numbers).
_REAL_AWARD_NUMBERS = (
    "15JCOPS-22-GG-01896-INDI",
    "15JCOPS-24-GG-03715-UHPX",
    "15JCOPS-25-GG-01001-MUMU",
    "15JCOPS25GG01291SSIX",
    "15JCOPS25GK01404CRIT",
    "2020UMWX0068",
    "2013-CK-WX-K016",
    "2015-CK-WX-K005",
    "2016-CK-WX-K021",
    "2020UMWX0499",
    "2015UMWX0174",
    "2016HEWX0056",
)

_USASPENDING_PAGE = (
    Path(__file__).parent.parent / "data" / "usaspending" / "spending_by_award_16710_WA_page1.json"
)

_JUSTGRANTS_FORM = "must have the form 15JCOPS-YY-GG-NNNNN-XXXX"
_LEGACY_FORM = "must have the form YYYY-PP-WX-NNNN"
_EITHER_FORM = (
    "must be a JustGrants (15JCOPS-YY-GG-NNNNN-XXXX) or legacy (YYYY-PP-WX-NNNN) award number"
)
_LEGACY_YEAR = "must have a year from 1994 to 2099"


# The compact (canonical) and dashed (display) form of each real award number.
_FORMS = {
    "15JCOPS-22-GG-01896-INDI": ("15JCOPS22GG01896INDI", "15JCOPS-22-GG-01896-INDI"),
    "15JCOPS-24-GG-03715-UHPX": ("15JCOPS24GG03715UHPX", "15JCOPS-24-GG-03715-UHPX"),
    "15JCOPS-25-GG-01001-MUMU": ("15JCOPS25GG01001MUMU", "15JCOPS-25-GG-01001-MUMU"),
    "15JCOPS25GG01291SSIX": ("15JCOPS25GG01291SSIX", "15JCOPS-25-GG-01291-SSIX"),
    "15JCOPS25GK01404CRIT": ("15JCOPS25GK01404CRIT", "15JCOPS-25-GK-01404-CRIT"),
    "2020UMWX0068": ("2020UMWX0068", "2020-UM-WX-0068"),
    "2013-CK-WX-K016": ("2013CKWXK016", "2013-CK-WX-K016"),
    "2015-CK-WX-K005": ("2015CKWXK005", "2015-CK-WX-K005"),
    "2016-CK-WX-K021": ("2016CKWXK021", "2016-CK-WX-K021"),
    "2020UMWX0499": ("2020UMWX0499", "2020-UM-WX-0499"),
    "2015UMWX0174": ("2015UMWX0174", "2015-UM-WX-0174"),
    "2016HEWX0056": ("2016HEWX0056", "2016-HE-WX-0056"),
}


@pytest.mark.parametrize("number", _REAL_AWARD_NUMBERS)
def test_every_real_award_number_validates_to_its_compact_form_and_formats_dashed(
    number: str,
) -> None:
    compact, dashed = _FORMS[number]
    assert compact == award_number.validate(number)
    assert dashed == award_number.format(number)
    assert award_number.is_valid(number)


@pytest.mark.parametrize("number", _REAL_AWARD_NUMBERS)
def test_real_award_numbers_survive_lower_case_and_spaces(number: str) -> None:
    assert award_number.validate(number) == award_number.validate(f" {number.lower()} ")


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (
            "15JCOPS-22-GG-01896-INDI",
            AwardNumberParts("justgrants", 2022, "GG", "01896", "INDI"),
        ),
        ("15JCOPS25GK01404CRIT", AwardNumberParts("justgrants", 2025, "GK", "01404", "CRIT")),
        ("2020UMWX0068", AwardNumberParts("legacy", 2020, None, "0068", "UM")),
        ("2013-CK-WX-K016", AwardNumberParts("legacy", 2013, None, "K016", "CK")),
    ],
)
def test_parse_splits_an_award_number_into_its_parts(
    number: str, expected: AwardNumberParts
) -> None:
    assert expected == award_number.parse(number)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("15JCOPS-24-GG-03715-UHPX", 2024),
        ("15JCOPS25GG01291SSIX", 2025),
        ("2015-CK-WX-K005", 2015),
        ("2016HEWX0056", 2016),
    ],
)
def test_fiscal_year_is_the_four_digit_year_of_the_award(number: str, expected: int) -> None:
    assert expected == award_number.fiscal_year(number)


def test_the_suffix_code_is_the_same_for_different_years_of_one_program() -> None:
    # UHPX (FY2024) and MUMU (FY2025) are both COPS Hiring Program awards: the code is
    # returned as written and nothing maps it to a program.
    codes = {award_number.parse(n).code for n in ("15JCOPS24GG03715UHPX", "15JCOPS25GG01001MUMU")}
    assert {"UHPX", "MUMU"} == codes


def test_parts_are_frozen_and_refuse_an_unknown_era() -> None:
    parts = award_number.parse("2020UMWX0068")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        parts.era = "justgrants"  # type: ignore[misc]
    with pytest.raises(ValueError, match="'era' must be in"):
        AwardNumberParts("grants.gov", 2020, None, "0068", "UM")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("number", "expected"),
    [("1994-CK-WX-0001", 1994), ("2099-CK-WX-0001", 2099), ("2025-CK-WX-0042", 2025)],
)
def test_legacy_years_from_1994_to_2099_are_accepted_without_further_sanity_checks(
    number: str, expected: int
) -> None:
    assert expected == award_number.fiscal_year(number)


def test_a_justgrants_year_is_read_as_2000_plus_the_two_digits() -> None:
    assert award_number.fiscal_year("15JCOPS00GG00001ABCD") == 2000


@pytest.mark.parametrize(
    ("number", "reason", "message"),
    [
        (
            "15JCOPS-24-GG-3715-UHPX",
            _JUSTGRANTS_FORM,
            (
                "'award_number' must have the form 15JCOPS-YY-GG-NNNNN-XXXX"
                " (got '15JCOPS-24-GG-3715-UHPX')"
            ),
        ),
        (
            "15JCOPS24GG03715UHP1",
            _JUSTGRANTS_FORM,
            (
                "'award_number' must have the form 15JCOPS-YY-GG-NNNNN-XXXX"
                " (got '15JCOPS24GG03715UHP1')"
            ),
        ),
        (
            "15JCOPS2024GG03715UHPX",
            _JUSTGRANTS_FORM,
            (
                "'award_number' must have the form 15JCOPS-YY-GG-NNNNN-XXXX"
                " (got '15JCOPS2024GG03715UHPX')"
            ),
        ),
        (
            "15JCOPS-24-GX-03715-UHPX",
            "must have GG or GK as its instrument",
            "'award_number' must have GG or GK as its instrument (got '15JCOPS-24-GX-03715-UHPX')",
        ),
        (
            "2014TEST0001",
            _LEGACY_FORM,
            "'award_number' must have the form YYYY-PP-WX-NNNN (got '2014TEST0001')",
        ),
        (
            "2020-UM-WX-068",
            _LEGACY_FORM,
            "'award_number' must have the form YYYY-PP-WX-NNNN (got '2020-UM-WX-068')",
        ),
        (
            "2020-U1-WX-0068",
            _LEGACY_FORM,
            "'award_number' must have the form YYYY-PP-WX-NNNN (got '2020-U1-WX-0068')",
        ),
        (
            "1993-CK-WX-0001",
            _LEGACY_YEAR,
            "'award_number' must have a year from 1994 to 2099 (got '1993-CK-WX-0001')",
        ),
        (
            "2100UMWX0068",
            _LEGACY_YEAR,
            "'award_number' must have a year from 1994 to 2099 (got '2100UMWX0068')",
        ),
        (
            "O-COPS-2021-97003",
            _EITHER_FORM,
            (
                "'award_number' must be a JustGrants (15JCOPS-YY-GG-NNNNN-XXXX) or legacy"
                " (YYYY-PP-WX-NNNN) award number (got 'O-COPS-2021-97003')"
            ),
        ),
        (
            "ASST_NON_2020UMWX0499_015",
            _EITHER_FORM,
            (
                "'award_number' must be a JustGrants (15JCOPS-YY-GG-NNNNN-XXXX) or legacy"
                " (YYYY-PP-WX-NNNN) award number (got 'ASST_NON_2020UMWX0499_015')"
            ),
        ),
        ("", "must not be empty", "'award_number' must not be empty (got '')"),
        (2020, "must be a string", "'award_number' must be a string (got 2020)"),
    ],
)
def test_validate_refuses_a_bad_award_number_with_a_located_reason(
    assert_refused: Callable[..., None], number: object, reason: str, message: str
) -> None:
    assert_refused(award_number.validate, number, "award_number", reason, message)


@pytest.mark.parametrize("function", [award_number.format, award_number.parse])
def test_format_and_parse_refuse_what_validate_refuses(
    assert_refused: Callable[..., None], function: Callable[[str], object]
) -> None:
    assert_refused(
        function,
        "2014TEST0001",
        "award_number",
        _LEGACY_FORM,
        "'award_number' must have the form YYYY-PP-WX-NNNN (got '2014TEST0001')",
    )


def test_validate_refuses_a_10000_character_input_before_matching_it(
    assert_refused: Callable[..., None],
) -> None:
    number = "15JCOPS24GG03715UHPX" * 500
    assert_refused(
        award_number.validate,
        number,
        "award_number",
        "is too long (at most 200 characters)",
        f"'award_number' is too long (at most 200 characters) (got {repr(number)[:75]}...X')",
    )


@pytest.mark.parametrize("value", ["2014TEST0001", "", 2020, None, [], b"2020UMWX0068"])
def test_is_valid_says_false_instead_of_raising(value: object) -> None:
    assert award_number.is_valid(value) is False


def test_every_award_id_of_the_usaspending_page_validates_with_a_year_from_2010_to_2025() -> None:
    page = json.loads(_USASPENDING_PAGE.read_text(encoding="utf-8"))
    award_ids = [row["Award ID"] for row in page["results"]]
    assert len(award_ids) == 100
    for award_id in award_ids:
        assert award_id == award_number.validate(award_id)
        assert 2010 <= award_number.fiscal_year(award_id) <= 2025, award_id
