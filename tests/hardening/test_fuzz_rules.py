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
    assert isinstance(decision, cr.CopsReformError) or decision.explain()


@given(testing.grants())
def test_any_award_gives_a_decision_or_our_error(grant: cr.Grant) -> None:
    decision = decided(lambda: check_award(grant))
    assert isinstance(decision, cr.CopsReformError) or decision.explain()


@given(st.lists(testing.recipients(), max_size=6), st.lists(PROGRAMS, max_size=4), YEARS)
def test_a_matrix_of_any_applicants_has_one_row_each(
    applicants: list[Any], programs: list[Any], year: cr.FiscalYear
) -> None:
    matrix = decided(lambda: eligibility_matrix(applicants, programs, fiscal_year=year))
    assert matrix is not None


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
