"""What a developer meets in the first hour: reprs, printed records, messages."""

import datetime as dt
import io
import subprocess
import sys
from decimal import Decimal

import pytest

import copsreform as cr
from copsreform import export


def test_an_engagement_repr_is_short_and_leaves_out_the_provider_sources(
    boston_review: cr.Engagement,
) -> None:
    text = repr(boston_review)
    # Every field is named (report dates and counts included); no source or note is spelled
    # out, which kept the repr above 1,000 characters.
    assert len(text) < 600
    assert "http" not in text
    assert "<Provider National Policing Institute (NPI)>" in text
    assert "<Agency Boston Police Department (MA, ORI MA0130100)>" in text


def test_an_engagement_repr_counts_its_history(boston_review: cr.Engagement) -> None:
    moved = boston_review.transition(cr.EngagementStatus.ACCEPTED, on=dt.date(2024, 8, 8))
    assert "history=<1 status change>" in repr(moved)


def test_a_decision_repr_counts_its_reasons_and_its_str_is_the_headline(bpd: cr.Agency) -> None:
    decision = cr.check_eligibility(
        bpd, cr.CRIProgram.CRITICAL_RESPONSE, fiscal_year=cr.FiscalYear(2024)
    )
    assert len(repr(decision)) < 600
    count = len(decision.reasons)
    assert f"reasons=<{count} reason{'' if count == 1 else 's'}>" in repr(decision)
    assert str(decision) == (
        "Boston Police Department (MA0130100): ELIGIBLE for Critical Response, FY2024"
    )
    assert decision.explain().splitlines()[0] == str(decision)


def test_records_print_as_one_line(
    bpd: cr.Agency, chp_grant: cr.Grant, boston_review: cr.Engagement
) -> None:
    assert str(bpd) == "Boston Police Department (MA, ORI MA0130100)"
    assert str(cr.find_provider("NPI")) == "National Policing Institute (NPI)"
    assert str(chp_grant) == (
        "15JCOPS-24-GG-03715-UHPX: COPS Hiring Program, FY2024, $1,250,000.00 "
        "to Spokane Valley Police Department (WA)"
    )
    assert str(boston_review) == (
        "Critical Response for Boston Police Department (MA, ORI MA0130100), "
        "by National Policing Institute (NPI): requested"
    )
    assert all("\n" not in str(x) for x in (bpd, chp_grant, boston_review))


def test_a_net_negative_grant_prints_its_sign() -> None:
    city = cr.Organization(name="CITY OF MARYSVILLE", state="WA")
    grant = cr.Grant(
        award_number="2015UMWX0174",
        program=cr.GrantProgram.CHP,
        recipient=city,
        federal_amount=Decimal("-30851.29"),
        start=dt.date(2015, 9, 1),
        end=dt.date(2018, 8, 31),
    )
    assert "-$30,851.29 to CITY OF MARYSVILLE (WA)" in str(grant)


def _grant(federal: str, match: str, positions: int | None = None) -> cr.Grant:
    return cr.Grant(
        award_number="15JCOPS-25-GG-01001-MUMU",
        program=cr.GrantProgram.CHP,
        recipient=cr.Organization(name="CITY OF DALLAS", state="TX"),
        federal_amount=Decimal(federal),
        local_match=Decimal(match),
        positions=positions,
        start=dt.date(2025, 10, 1),
        end=dt.date(2030, 9, 30),
    )


def test_the_federal_share_has_four_decimal_places() -> None:
    # 749,999.85 / 999,999.85 is 0.74999998500000299...: a long fraction unquantized.
    share = _grant("749999.85", "250000.00").federal_share
    assert share == Decimal("0.7500")
    assert share is not None
    assert share.as_tuple().exponent == -4


def test_the_federal_amount_per_position_is_in_cents() -> None:
    per = _grant("1000000.00", "0", positions=3).federal_per_position
    assert per == Decimal("333333.33")
    assert per is not None
    assert per.as_tuple().exponent == -2


def test_a_program_without_rules_is_named_by_its_title(bpd: cr.Agency) -> None:
    with pytest.raises(cr.RuleNotInForceError) as info:
        cr.check_eligibility(bpd, cr.GrantProgram.CPD, fiscal_year=cr.FiscalYear(2024))
    assert str(info.value) == "no rules of Community Policing Development are in force for FY2024"


def test_an_ineligible_decision_says_its_missing_inputs_do_not_matter() -> None:
    federal = cr.Agency(
        name="Example Federal Police",
        state="DC",
        jurisdiction=cr.Jurisdiction.FEDERAL,
        agency_type=cr.AgencyType.FEDERAL,
    )
    decision = cr.check_eligibility(federal, cr.GrantProgram.CHP, fiscal_year=cr.FiscalYear(2024))
    assert decision.status is cr.Eligibility.INELIGIBLE
    assert decision.missing
    assert (
        "Missing inputs (they do not matter: a rule already failed): "
        "primary_law_enforcement_authority"
    ) in decision.explain()


def test_an_undetermined_decision_lists_missing_inputs_plainly(bpd: cr.Agency) -> None:
    decision = cr.check_eligibility(bpd, cr.GrantProgram.CHP, fiscal_year=cr.FiscalYear(2024))
    assert decision.status is cr.Eligibility.UNDETERMINED
    assert "Missing inputs: primary_law_enforcement_authority" in decision.explain()


def test_dates_in_messages_are_iso() -> None:
    with pytest.raises(cr.ValidationError) as info:
        cr.Grant(
            award_number="2015UMWX0174",
            program=cr.GrantProgram.CHP,
            recipient=cr.Organization(name="X"),
            federal_amount=Decimal(1),
            start=dt.date(2020, 7, 1),
            end=dt.date(2020, 1, 1),
        )
    assert "(got '2020-01-01')" in str(info.value)
    assert "datetime.date" not in str(info.value)


def test_messages_use_the_right_article() -> None:
    with pytest.raises(TypeError, match="got an Organization among Agency objects"):
        cr.write_csv([cr.Organization(name="CITY OF COLFAX")], io.StringIO(), cls=cr.Agency)


def test_the_engagement_csv_names_the_agency_type_column_once() -> None:
    assert "agency_type" in export.ENGAGEMENT_COLUMNS
    assert "agency_agency_type" not in export.ENGAGEMENT_COLUMNS
    assert "agency_ori" in export.ENGAGEMENT_COLUMNS


_BLOCK_HYPOTHESIS = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "hypothesis" or name.startswith("hypothesis."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, Block())
import copsreform  # the core imports without Hypothesis
try:
    import copsreform.testing
except ModuleNotFoundError as error:
    print(error)
"""


def test_copsreform_testing_without_hypothesis_says_which_extra_to_install() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _BLOCK_HYPOTHESIS],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "pip install 'copsreform[hypothesis]'" in result.stdout
