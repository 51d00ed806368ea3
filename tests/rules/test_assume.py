"""Eligibility on stated assumptions: used only where the record lacks the input, and said."""

import json
from pathlib import Path

import pytest

import copsreform as cr
from copsreform.rules import Decision, DecisionKind, Reason
from test_cli import run

FY = cr.FiscalYear(2025)
PLEA = "primary_law_enforcement_authority"
CHP = cr.GrantProgram.CHP


def agency(plea: bool | None = None, ori: str = "LA0010000") -> cr.Agency:
    return cr.Agency(
        name="Acadia",
        state="LA",
        ori=ori,
        jurisdiction=cr.Jurisdiction.LOCAL,
        agency_type=cr.AgencyType.COUNTY,
        primary_law_enforcement_authority=plea,
    )


def test_an_assumption_decides_what_the_record_leaves_undetermined() -> None:
    recorded = cr.check_eligibility(agency(), CHP, fiscal_year=FY)
    assert (recorded.status, recorded.missing, recorded.assumed) == (
        cr.Eligibility.UNDETERMINED,
        (PLEA,),
        (),
    )
    assumed = cr.check_eligibility(agency(), CHP, fiscal_year=FY, assume={PLEA: True})
    assert (assumed.status, assumed.missing, assumed.assumed) == (
        cr.Eligibility.ELIGIBLE,
        (),
        (PLEA,),
    )
    applicant, plea = assumed.reasons
    assert applicant.assumed == ()
    assert plea.assumed == (PLEA,)
    assert plea.message.endswith(f"(assumed, not recorded: {PLEA}=True)")


def test_assuming_false_makes_the_agency_ineligible_and_says_so() -> None:
    d = cr.check_eligibility(agency(), CHP, fiscal_year=FY, assume={PLEA: False})
    assert (d.status, d.assumed) == (cr.Eligibility.INELIGIBLE, (PLEA,))


@pytest.mark.parametrize("recorded", [True, False])
def test_a_recorded_value_wins_over_an_assumption(recorded: bool) -> None:
    plain = cr.check_eligibility(agency(recorded), CHP, fiscal_year=FY)
    assumed = cr.check_eligibility(agency(recorded), CHP, fiscal_year=FY, assume={PLEA: True})
    assert assumed == plain
    assert assumed.assumed == ()


def test_an_assumption_a_program_does_not_need_is_not_reported() -> None:
    d = cr.check_eligibility(agency(), cr.CRIProgram.CRI_TAC, fiscal_year=FY, assume={PLEA: True})
    assert d.assumed == ()
    assert "ASSUMING" not in d.explain()


def test_an_organisation_record_is_not_given_an_agency_assumption() -> None:
    city = cr.Organization(name="CITY OF EXAMPLE", kind=cr.OrganizationKind.LOCAL_GOVERNMENT)
    d = cr.check_eligibility(city, CHP, fiscal_year=FY, assume={PLEA: True})
    assert (d.status, d.assumed) == (cr.Eligibility.UNDETERMINED, ())


def test_explain_and_json_say_the_decision_rests_on_an_assumption() -> None:
    d = cr.check_eligibility(agency(), CHP, fiscal_year=FY, assume={PLEA: True})
    text = d.explain()
    assert text.splitlines()[0].endswith(f"FY2025, ASSUMING {PLEA}")
    assert "[passed, assumed] chp.primary_le_authority" in text
    assert f"Assumed inputs (stated by the caller, not in the record): {PLEA}" in text
    data = cr.to_dict(d)
    assert data["assumed"] == [PLEA]
    assert cr.from_dict(Decision, data) == d


@pytest.mark.parametrize(
    ("assume", "path", "reason"),
    [
        ({"plea": True}, "assume", "is not an input that can be assumed"),
        ({PLEA: "yes"}, f"assume.{PLEA}", "must be True or False"),
        ([(PLEA, True)], "assume", "must be a mapping of input name to assumed value"),
    ],
)
def test_a_bad_assumption_is_refused_naming_it(assume: object, path: str, reason: str) -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.check_eligibility(agency(), CHP, fiscal_year=FY, assume=assume)  # type: ignore[arg-type]
    [problem] = excinfo.value.problems
    assert (problem.path, problem.reason[: len(reason)]) == (path, reason)


def test_a_decision_must_list_its_reasons_assumed_inputs() -> None:
    source = cr.Source("S", "a source", ("https://example.org",))
    reason = Reason(
        "chp.primary_le_authority", cr.Outcome.PASSED, "ok", (source,), "FY2025", (), (PLEA,)
    )
    d = Decision.of(DecisionKind.ELIGIBILITY, "X", CHP, FY, (reason,))
    assert d.assumed == (PLEA,)
    with pytest.raises(cr.ValidationError, match="must list the reasons' assumed inputs"):
        Decision(
            cr.Eligibility.ELIGIBLE, DecisionKind.ELIGIBILITY, "X", FY, (reason,), grant_program=CHP
        )


def test_the_matrix_applies_an_assumption_only_to_rows_that_lack_the_input() -> None:
    rows = [
        agency(),
        agency(False, "LA0010200"),
        agency(True, "LA0010300"),
        agency(None, "LA0030000"),
    ]
    m = cr.eligibility_matrix(
        rows, [CHP, cr.CRIProgram.CRI_TAC], fiscal_year=FY, assume={PLEA: True}
    )
    assert [m.status(i, CHP).value for i in range(4)] == [
        "eligible",
        "ineligible",
        "eligible",
        "eligible",
    ]
    assert [m.assumed(i, CHP) for i in range(4)] == [(PLEA,), (), (), (PLEA,)]
    assert m.assumed(0, cr.CRIProgram.CRI_TAC) == ()
    assert dict(m.assume) == {PLEA: True}
    # Each cell's decision is the one check_eligibility gives.
    for i, applicant in enumerate(rows):
        single = cr.check_eligibility(applicant, CHP, fiscal_year=FY, assume={PLEA: True})
        assert m.decision(i, CHP) == single


# The command line ------------------------------------------------------------------------


@pytest.fixture
def agencies_file(tmp_path: Path) -> Path:
    path = tmp_path / "agencies.jsonl"
    cr.write_jsonl([agency(), agency(False, "LA0010200"), agency(ori="LA0010300")], path)
    return path


def test_the_text_matrix_names_rows_by_ori_and_stars_assumed_cells(agencies_file: Path) -> None:
    code, out, _ = run(
        "eligibility", "--agencies", str(agencies_file), "--program", "chp",
        "--fiscal-year", "2025", "--assume", f"{PLEA}=true",
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert "LA0010000  Acadia" in out
    assert "LA0010300  Acadia" in out
    rows = [line.split() for line in lines if line.startswith("LA")]
    assert [r[-1] for r in rows] == ["E*", "I", "E*"]
    assert lines[-1] == f"* rests on an assumption, not on the record: {PLEA}=true"


def test_the_json_matrix_says_which_cells_are_assumed(agencies_file: Path) -> None:
    code, out, _ = run(
        "eligibility", "--agencies", str(agencies_file), "--program", "chp",
        "--fiscal-year", "2025", "--assume", f"{PLEA}=yes", "--format", "json",
    )  # fmt: skip
    assert code == 0
    document = json.loads(out)
    assert document["assume"] == {PLEA: True}
    assert [(r["ori"], r["status"]["chp"], r["assumed"]) for r in document["rows"]] == [
        ("LA0010000", "eligible", {"chp": [PLEA]}),
        ("LA0010200", "ineligible", {}),
        ("LA0010300", "eligible", {"chp": [PLEA]}),
    ]


def test_one_agency_explains_its_assumption() -> None:
    code, out, _ = run(
        "eligibility", "--name", "Acadia", "--state", "LA", "--jurisdiction", "local",
        "--type", "county", "--program", "chp", "--fiscal-year", "2025",
        "--assume", f"{PLEA}=true",
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[0] == (
        f"Acadia: ELIGIBLE for COPS Hiring Program, FY2025, ASSUMING {PLEA}"
    )


@pytest.mark.parametrize("bad", ["plea=true", f"{PLEA}=maybe", PLEA])
def test_a_bad_assume_option_is_a_usage_error(bad: str) -> None:
    code, _, err = run(
        "eligibility", "--name", "Acadia", "--state", "LA", "--jurisdiction", "local",
        "--type", "county", "--fiscal-year", "2025", "--assume", bad,
    )  # fmt: skip
    assert code == 2
    assert "--assume" in err
