"""Properties of the rule checks over generated agencies, organisations and grants."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import copsreform as cr
from copsreform import testing
from copsreform.rules import (
    Decision,
    Eligibility,
    Outcome,
    Program,
    RuleBook,
    RuleStage,
    VersionStatus,
    check_award,
    check_eligibility,
    eligibility_matrix,
)
from copsreform.serialization import from_dict, from_json, to_dict, to_json

BOOK = RuleBook.default()
YEARS = range(1995, 2041)


def _years(program: Program, stage: RuleStage) -> list[cr.FiscalYear]:
    return [cr.FiscalYear(y) for y in YEARS if BOOK.in_force(program, cr.FiscalYear(y), stage)]


ELIGIBILITY_YEARS = {p: _years(p, RuleStage.ELIGIBILITY) for p in BOOK.programs()}
AWARD_YEARS = {
    p: _years(p, RuleStage.AWARD)
    for p in BOOK.programs()
    if isinstance(p, cr.GrantProgram) and _years(p, RuleStage.AWARD)
}


@st.composite
def program_years(
    draw: st.DrawFn, years: dict[Program, list[cr.FiscalYear]]
) -> tuple[Program, cr.FiscalYear]:
    program = draw(st.sampled_from(sorted(years, key=lambda p: p.value)))
    return program, draw(st.sampled_from(years[program]))


@st.composite
def checkable_grants(draw: st.DrawFn) -> cr.Grant:
    """Grants of a program with award rules, in a year where they are in force."""
    program, year = draw(program_years(AWARD_YEARS))  # type: ignore[arg-type]
    grant = draw(testing.grants(program))  # type: ignore[arg-type]
    return attrs.evolve(
        grant,
        award_number=draw(testing.award_numbers(year.year)),
        fiscal_year=year,
        assistance_listing=None,
    )


def assert_three_valued(decision: Decision) -> None:
    outcomes = {r.outcome for r in decision.reasons}
    assert (Eligibility.INELIGIBLE is decision.status) == (Outcome.FAILED in outcomes)
    assert (Eligibility.UNDETERMINED is decision.status) == (
        Outcome.FAILED not in outcomes and Outcome.UNKNOWN in outcomes
    )
    assert (Eligibility.ELIGIBLE is decision.status) == (outcomes <= {Outcome.PASSED})
    assert decision.eligible == (Eligibility.ELIGIBLE is decision.status)
    for reason in decision.reasons:
        assert not reason.missing or Outcome.UNKNOWN is reason.outcome
        assert reason.sources
        assert all(s.urls and s.urls[0].startswith("http") for s in reason.sources)
    assert set(decision.missing) == {m for r in decision.reasons for m in r.missing}


@given(testing.recipients(), program_years(ELIGIBILITY_YEARS))
def test_check_eligibility_never_raises_in_a_year_with_rules_in_force(
    applicant: cr.Agency | cr.Organization, program_year: tuple[Program, cr.FiscalYear]
) -> None:
    program, year = program_year
    decision = check_eligibility(applicant, program, fiscal_year=year)
    assert_three_valued(decision)
    assert (program, year) == (decision.program, decision.fiscal_year)


@given(testing.agencies(), program_years(ELIGIBILITY_YEARS))
def test_federal_agencies_are_never_eligible(
    agency: cr.Agency, program_year: tuple[Program, cr.FiscalYear]
) -> None:
    program, year = program_year
    decision = check_eligibility(agency, program, fiscal_year=year)
    if agency.jurisdiction is cr.Jurisdiction.FEDERAL:
        assert not decision.eligible
        # Only a year in which whether the program ran is unknown, with no applicant
        # rule recorded, leaves a federal agency undetermined rather than refused.
        offered = BOOK.offered(program, year)
        if offered is None or offered.status is not VersionStatus.UNKNOWN:
            assert decision.status == Eligibility.INELIGIBLE


@given(checkable_grants())
def test_check_award_never_raises_in_a_year_with_rules_in_force(grant: cr.Grant) -> None:
    decision = check_award(grant)
    assert_three_valued(decision)
    assert grant.fiscal_year == decision.fiscal_year
    assert grant.award_number == decision.award_number


@given(checkable_grants())
def test_amount_rules_never_decide_a_non_positive_amount(grant: cr.Grant) -> None:
    decision = check_award(attrs.evolve(grant, federal_amount=-abs(grant.federal_amount)))
    amount_rules = [r for r in decision.reasons if "federal_amount" in r.missing]
    assert all(Outcome.UNKNOWN is r.outcome for r in amount_rules)


@given(st.lists(testing.recipients(), max_size=8), st.sampled_from([2022, 2024, 2025]))
def test_the_matrix_agrees_with_one_check_at_a_time(
    applicants: list[cr.Agency | cr.Organization], year: int
) -> None:
    fiscal_year = cr.FiscalYear(year)
    programs = [p for p in BOOK.programs() if fiscal_year in ELIGIBILITY_YEARS[p]]
    matrix = eligibility_matrix(applicants, programs, fiscal_year=fiscal_year)
    expected = [
        check_eligibility(a, p, fiscal_year=fiscal_year) for a in applicants for p in programs
    ]
    assert expected == list(matrix)
    assert len(expected) == len(matrix)


@given(testing.recipients(), program_years(ELIGIBILITY_YEARS))
def test_eligibility_decisions_round_trip_through_the_converter(
    applicant: cr.Agency | cr.Organization, program_year: tuple[Program, cr.FiscalYear]
) -> None:
    program, year = program_year
    decision = check_eligibility(applicant, program, fiscal_year=year)
    assert decision == from_dict(Decision, to_dict(decision))
    assert decision == from_json(Decision, to_json(decision))


@given(checkable_grants())
def test_award_decisions_round_trip_through_the_converter(grant: cr.Grant) -> None:
    decision = check_award(grant)
    assert decision == from_dict(Decision, to_dict(decision))


def test_a_stored_decision_cannot_contradict_its_reasons(bpd: cr.Agency) -> None:
    data = to_dict(check_eligibility(bpd, cr.GrantProgram.CHP, fiscal_year=cr.FiscalYear(2024)))
    with pytest.raises(cr.ValidationError, match="must be 'undetermined' by three-valued logic"):
        from_dict(Decision, {**data, "status": "eligible"})
