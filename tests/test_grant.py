import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import copsreform as cr
from copsreform import testing

D = dt.date
ORG = cr.Organization(name="CITY OF FEDERAL WAY", state="WA")


def make(**changes: object) -> cr.Grant:
    fields: dict[str, object] = {
        "award_number": "2020UMWX0499",
        "program": cr.GrantProgram.CHP,
        "recipient": ORG,
        "federal_amount": Decimal("750000"),
        "start": D(2020, 7, 1),
        "end": D(2023, 6, 30),
    }
    fields.update(changes)
    return cr.Grant(**fields)  # type: ignore[arg-type]


def refused(**changes: object) -> cr.ValidationError:
    with pytest.raises(cr.ValidationError) as excinfo:
        make(**changes)
    return excinfo.value


def test_the_issue_example_builds_and_derives_its_fiscal_year(chp_grant: cr.Grant) -> None:
    assert chp_grant.award_number == "15JCOPS24GG03715UHPX"
    assert chp_grant.fiscal_year == cr.FiscalYear(2024)
    # The period of performance starts on the first day of the next fiscal year.
    assert cr.FiscalYear.of(chp_grant.start) == chp_grant.fiscal_year + 1


def test_money_is_kept_in_whole_cents(chp_grant: cr.Grant) -> None:
    assert str(chp_grant.federal_amount) == "1250000.00"
    assert str(chp_grant.local_match) == "0.00"


def test_derived_figures(chp_grant: cr.Grant) -> None:
    assert chp_grant.federal_per_position == Decimal("125000")
    assert chp_grant.federal_share == Decimal(1)
    assert chp_grant.total_cost == Decimal("1250000")


def test_dallas_fy2025_share_with_its_local_match() -> None:
    dallas = make(
        award_number="15JCOPS-25-GG-01001-MUMU",
        federal_amount=Decimal("6250000"),
        local_match=Decimal("12261650"),
        positions=50,
        start=D(2025, 10, 1),
        end=D(2030, 9, 30),
    )
    assert dallas.fiscal_year == cr.FiscalYear(2025)
    assert dallas.federal_per_position == Decimal("125000")
    assert round(dallas.federal_share or 0, 4) == Decimal("0.3376")


def test_a_negative_usaspending_total_is_carried_and_flagged() -> None:
    deob = make(
        award_number="2015UMWX0174",
        federal_amount=Decimal("-30851.29"),
        start=D(2015, 9, 1),
        end=D(2018, 8, 31),
        positions=3,
    )
    assert deob.is_net_negative
    assert (deob.federal_share, deob.federal_per_position) == (None, None)


def test_a_zero_total_is_carried() -> None:
    assert make(federal_amount=Decimal(0)).federal_share is None


def test_a_given_fiscal_year_must_agree_with_the_award_number() -> None:
    err = refused(fiscal_year=cr.FiscalYear(2021))
    assert (
        str(err)
        == "'Grant.fiscal_year' must agree with the award number, which encodes FY2020 (got 'FY2021')"
    )


def test_an_agreeing_fiscal_year_is_accepted() -> None:
    assert make(fiscal_year=cr.FiscalYear(2020)) == make()


def test_the_end_must_not_precede_the_start() -> None:
    err = refused(end=D(2020, 6, 30))
    assert str(err) == "'Grant.end' must not be before start (2020-07-01) (got '2020-06-30')"


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("federal_amount", 750000.0, "must be a Decimal, not a float (floats cannot hold cents)"),
        ("federal_amount", "750000", "must be a Decimal"),
        ("federal_amount", Decimal("NaN"), "must be a finite amount"),
        ("federal_amount", Decimal("1e999999999"), "must be less than 10 trillion in size"),
        ("federal_amount", Decimal("0.001"), "must be in whole cents"),
        ("local_match", Decimal("-1"), "must not be negative"),
        ("positions", 1.9, "must be an int"),
        ("positions", -1, "must not be negative"),
        ("match_waived", "yes", "must be true or false"),
        ("start", dt.datetime(2020, 7, 1), "must be a date"),
        ("recipient", "CITY OF FEDERAL WAY", "must be an Agency or an Organization"),
        (
            "program",
            "chp",
            "must be a GrantProgram (one of 'chp', 'cpd', 'cpd_microgrants', 'trgp', 'lemhwa', 'svpp', 'camp', 'ahtf', 'pass', 'safer_outcomes', 'technology', 'cri', 'fast', 'ahead', 'uhp', 'cops_in_schools', 'unknown')",
        ),
        (
            "assistance_listing",
            "16.839",
            "must be a COPS Assistance Listing (16.710, 16.068-16.073)",
        ),
        ("fiscal_year", 2020, "must be a FiscalYear"),
    ],
)
def test_bad_fields_are_refused_with_path_value_and_reason(
    field: str, value: object, reason: str
) -> None:
    err = refused(**{field: value})
    assert (err.path, err.reason) == (f"Grant.{field}", reason)
    assert err.value is value or err.value == value


def test_a_bad_award_number_names_the_field() -> None:
    err = refused(award_number="2025-CK-WX-00")
    assert err.path == "Grant.award_number"
    assert err.value == "2025-CK-WX-00"


def test_a_program_listing_must_match_the_program() -> None:
    err = refused(assistance_listing="16.071")
    assert (
        str(err)
        == "'Grant.assistance_listing' must be 16.068 or 16.710 for program 'chp' (got '16.071')"
    )


def test_the_umbrella_and_own_listing_are_both_accepted() -> None:
    assert make(assistance_listing="16.710").assistance_listing == "16.710"
    assert make(assistance_listing="16.068").assistance_listing == "16.068"


def test_solicitations_are_kept_in_canonical_form() -> None:
    assert make(solicitation="o-cops-2020-12345").solicitation == "O-COPS-2020-12345"


def test_the_award_number_displays_with_dashes(chp_grant: cr.Grant) -> None:
    assert chp_grant.award_number_display == "15JCOPS-24-GG-03715-UHPX"
    assert make().award_number_display == "2020-UM-WX-0499"


def test_descriptions_keep_inner_line_breaks() -> None:
    assert make(description="  line one\nline two  ").description == "line one\nline two"


@given(testing.grants())
def test_generated_grants_keep_their_invariants_through_evolve(grant: cr.Grant) -> None:
    again = attrs.evolve(grant)
    assert again == grant
    assert again.fiscal_year == grant.fiscal_year
    assert grant.end >= grant.start
    share = grant.federal_share
    # Four decimal places: a share below 0.00005 (a tiny amount, a large match) is 0.0000.
    assert share is None or (Decimal(0) <= share <= 1 and share.as_tuple().exponent == -4)
