"""Fuzzing the rules: any valid applicant or award, any program, any fiscal year gives a
decision or our error, and a CSV in copsreform's own format, mutated, loses no row.
"""

import csv
import io
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import copsreform as cr
from copsreform import export, testing
from copsreform.fiscal import MAX_YEAR, MIN_YEAR
from copsreform.rules import check_award, check_eligibility, eligibility_matrix

FEDERAL_WAY = cr.Organization(name="CITY OF FEDERAL WAY", state="WA")
PROGRAMS = st.sampled_from([*cr.CRIProgram, *cr.GrantProgram])
YEARS = st.integers(MIN_YEAR, MAX_YEAR).map(cr.FiscalYear)


def decided(call: Any) -> Any:
    """The decision, or the expected error: no rule in force, or a refused input."""
    try:
        return call()
    except cr.CopsReformError as error:
        if not isinstance(error, cr.RuleNotInForceError | cr.ValidationError):
            raise
        return error


@given(testing.recipients(), PROGRAMS, YEARS)
def test_any_applicant_program_and_year_gives_a_decision_or_our_error(
    applicant: cr.Agency | cr.Organization, program: Any, year: cr.FiscalYear
) -> None:
    decision = decided(lambda: check_eligibility(applicant, program, fiscal_year=year))
    if isinstance(decision, cr.RuleNotInForceError):
        assert str(year.year) in decision.when
        return
    assert isinstance(decision, cr.Decision), decision
    assert decision.fiscal_year == year
    assert program in (decision.cri_program, decision.grant_program)
    assert decision.status in set(cr.Eligibility)
    assert decision.explain().strip()


@given(testing.grants())
def test_any_award_gives_a_decision_or_our_error(grant: cr.Grant) -> None:
    decision = decided(lambda: check_award(grant))
    if isinstance(decision, cr.RuleNotInForceError):
        assert str(grant.fiscal_year.year) in decision.when
        return
    assert isinstance(decision, cr.Decision), decision
    assert decision.award_number == grant.award_number
    assert decision.grant_program is grant.program
    assert decision.explain().strip()


def first_refusal(applicants: list[Any], programs: list[Any], year: cr.FiscalYear) -> Any:
    """The first error a single eligibility check raises, or ``None``."""
    outcomes = (
        decided(lambda a=applicant, p=program: check_eligibility(a, p, fiscal_year=year))
        for applicant in applicants
        for program in programs
    )
    return next((o for o in outcomes if isinstance(o, cr.CopsReformError)), None)


@given(st.lists(testing.recipients(), max_size=6), st.lists(PROGRAMS, max_size=4), YEARS)
def test_a_matrix_of_any_applicants_has_one_row_each(
    applicants: list[Any], programs: list[Any], year: cr.FiscalYear
) -> None:
    matrix = decided(lambda: eligibility_matrix(applicants, programs, fiscal_year=year))
    if isinstance(matrix, cr.CopsReformError):
        # The matrix refuses what a single check refuses (and checks the rules even
        # when there is no applicant yet).
        single = first_refusal(applicants or [FEDERAL_WAY], programs, year)
        assert type(single) is type(matrix)
        return
    assert matrix.applicants == tuple(applicants)
    assert matrix.programs == tuple(dict.fromkeys(programs))  # a repeated program once
    for row, applicant in enumerate(applicants):
        for program in programs:
            single = check_eligibility(applicant, program, fiscal_year=year)
            assert matrix.status(row, program) is single.status


@given(st.lists(testing.grants(), min_size=1, max_size=4), st.data())
def test_a_mutated_copsreform_csv_reports_every_row(
    grants: list[cr.Grant], data: st.DataObject
) -> None:
    out = io.StringIO(newline="")
    export.write_csv(grants, out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    for _ in range(data.draw(st.integers(1, 5))):
        row = data.draw(st.integers(1, len(rows) - 1))
        column = data.draw(st.integers(0, len(rows[0]) - 1))
        rows[row][column] = data.draw(
            st.sampled_from(["", "x", "-1", "1e999999999", "9" * 5000, "'=1", "2024-02-30"])
            | st.text(max_size=10)
        )
    text = io.StringIO(newline="")
    csv.writer(text).writerows(rows)
    outcomes = list(export.read_csv(cr.Grant, io.StringIO(text.getvalue(), newline="")))
    assert len(rows) - 1 == len(outcomes)
    assert all(isinstance(o, cr.Grant | cr.Rejected) for o in outcomes)
