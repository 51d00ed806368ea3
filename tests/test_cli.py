import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import copsreform as cr
from copsreform.cli import atomic_output, main
from format_examples import EXAMPLES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def grants_file(tmp_path: Path) -> Path:
    path = tmp_path / "grants.jsonl"
    cr.write_jsonl([EXAMPLES["grant-chp-fy2024"], EXAMPLES["grant-deobligation"]], path)
    return path


def test_version() -> None:
    code, out, _ = run("--version")
    assert (code, out.strip()) == (0, f"copsreform, version {cr.__version__}")


@pytest.mark.parametrize(
    "command", ["import", "validate", "eligibility", "summary", "schema", "link"]
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example" in out


@pytest.mark.parametrize(
    "command", ["import", "validate", "eligibility", "summary", "schema", "link"]
)
def test_help_shows_no_markup_for_people(command: str) -> None:
    _, out, _ = run(command, "--help")
    assert "\\b" not in out
    assert "``" not in out


def test_schema_prints_the_json_schema() -> None:
    code, out, _ = run("schema", "grant")
    assert code == 0
    assert json.loads(out) == cr.json_schema(cr.Grant)


def test_an_unknown_kind_is_a_usage_error_with_exit_2() -> None:
    code, _, err = run("schema", "grnat")
    assert code == 2
    assert "Invalid value for" in err


def test_validate_a_clean_file_exits_0(grants_file: Path) -> None:
    code, out, _ = run("validate", "grant", str(grants_file))
    assert code == 0
    assert out.strip() == f"{grants_file}: 2 records, 0 with problems"


def test_validate_prints_every_problem_with_its_line_and_exits_1(grants_file: Path) -> None:
    lines = grants_file.read_text().splitlines()
    bad = json.loads(lines[0]) | {"positions": 1.9, "program": "CHP"}
    grants_file.write_text("\n".join([lines[0], json.dumps(bad), lines[1]]) + "\n")
    code, out, _ = run("validate", "grant", str(grants_file))
    assert code == 1
    assert f"{grants_file}: line 2: '$.program' must be one of" in out
    assert "'$.positions' must be an int (got 1.9)" in out
    assert out.splitlines()[-1] == f"{grants_file}: 3 records, 1 with problems"


def test_validate_json_output_is_machine_readable(grants_file: Path) -> None:
    grants_file.write_text('{"award_number": 5}\n')
    code, out, _ = run("validate", "grant", str(grants_file), "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert report["summary"]["rejected"] == 1
    assert report["rejected"][0]["position"] == 1
    assert {p["path"] for p in report["rejected"][0]["problems"]} >= {"$.award_number", "$.program"}


def test_validate_reads_a_json_array_with_indexes(tmp_path: Path) -> None:
    path = tmp_path / "agencies.json"
    path.write_text(json.dumps([cr.to_dict(EXAMPLES["agency"]), {"name": "x"}]))
    code, out, _ = run("validate", "agency", str(path))
    assert code == 1
    assert f"{path}: index 1: '$.state' is required" in out


def test_broken_json_is_one_clear_line_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"name": ')
    code, _, err = run("validate", "agency", str(path))
    assert code == 1
    assert (
        err.strip() == f"copsreform: {path}: is not valid JSON: Expecting value at line 1 column 10"
    )
    assert "Traceback" not in err


def test_summary_totals_by_program_fiscal_year_and_state(grants_file: Path) -> None:
    code, out, _ = run("summary", str(grants_file), "--by", "fiscal_year")
    assert code == 0
    rows = [line.split() for line in out.splitlines()]
    assert ["FY2015", "1", "-30,851.29"] in rows
    assert ["FY2024", "1", "1,250,000.00"] in rows
    assert ["total", "2", "1,219,148.71"] in rows


def test_summary_json(grants_file: Path) -> None:
    code, out, _ = run("summary", str(grants_file), "--format", "json", "--by", "program")
    assert code == 0
    totals = json.loads(out)["totals"]["program"]
    assert totals == [
        {
            "group": "chp",
            "title": "COPS Hiring Program (chp)",
            "grants": 2,
            "federal_amount": "1219148.71",
        }
    ]


def test_python_dash_m_runs_the_same_tool() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "copsreform", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"copsreform, version {cr.__version__}")


def test_atomic_output_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")

    def crash_midway() -> None:
        with atomic_output(target) as stream:
            stream.write("half")
            raise RuntimeError("crash midway")

    with pytest.raises(RuntimeError):
        crash_midway()
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]


def test_atomic_output_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("data\n")
    with pytest.raises(Exception, match="is also an input"), atomic_output(source, inputs=[source]):
        pass
    assert source.read_text() == "data\n"


DATA = Path(__file__).parent / "data"
USASPENDING_PAGE = DATA / "usaspending" / "spending_by_award_16710_WA_page1.json"
FBI_2018 = Path(cr.__file__).parent / "data" / "cde" / "agencies-by-state-2018.json.gz"
REAL_AGENCIES = DATA / "cde" / "real_agencies.csv"


def test_import_the_real_usaspending_page_to_json_lines(tmp_path: Path) -> None:
    out = tmp_path / "grants.jsonl"
    code, _, err = run(
        "import",
        "usaspending",
        str(USASPENDING_PAGE),
        "--listing",
        "16.710",
        "--state",
        "WA",
        "-o",
        str(out),
    )
    assert code == 0
    assert err.strip() == "read 100, imported 100, rejected 0"
    grants = list(cr.read_jsonl(cr.Grant, out))
    assert len(grants) == 100
    assert {g.recipient.state for g in grants} == {"WA"}  # type: ignore[union-attr]
    assert grants[0].award_number == "2020UMWX0499"


def test_import_to_csv_by_the_output_suffix(tmp_path: Path) -> None:
    out = tmp_path / "grants.csv"
    code, _, _ = run("import", "usaspending", str(USASPENDING_PAGE), "-o", str(out))
    assert code == 0
    back = list(cr.read_csv(cr.Grant, out))
    assert len(back) == 100
    assert all(isinstance(g, cr.Grant) for g in back)


def test_import_the_whole_fbi_list_reports_every_rejection(tmp_path: Path) -> None:
    out = tmp_path / "agencies.jsonl"
    errors = tmp_path / "rejected.jsonl"
    code, _, err = run(
        "import", "cde", str(FBI_2018), "-o", str(out), "--errors", str(errors), "--report", "json"
    )
    summary = json.loads(err)
    assert code == 1  # the list holds test agencies and Canal Zone records
    assert summary["read"] == summary["imported"] + summary["rejected"]
    assert summary["read"] == 23_243
    assert len(out.read_text().splitlines()) == summary["imported"]
    rejected = [json.loads(line) for line in errors.read_text().splitlines()]
    assert len(rejected) == summary["rejected"]
    assert all(r["problems"] and r["problems"][0]["reason"] for r in rejected)


def test_a_broken_input_writes_nothing_and_keeps_an_old_output(tmp_path: Path) -> None:
    broken = tmp_path / "page.json"
    broken.write_text(USASPENDING_PAGE.read_text()[:5000])
    out = tmp_path / "grants.jsonl"
    out.write_text("previous run\n")
    code, _, err = run("import", "usaspending", str(broken), "-o", str(out))
    assert code == 1
    assert err.startswith("copsreform: ")
    assert len(err.strip().splitlines()) == 1
    assert out.read_text() == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grants.jsonl", "page.json"]


def test_import_never_overwrites_its_input(tmp_path: Path) -> None:
    copy = tmp_path / "agencies.csv"
    copy.write_bytes(REAL_AGENCIES.read_bytes())
    code, _, err = run("import", "cde", str(copy), "-o", str(copy))
    assert code == 2
    assert "is also an input" in err
    assert copy.read_bytes() == REAL_AGENCIES.read_bytes()


def test_listing_and_state_are_usaspending_options_only() -> None:
    code, _, err = run("import", "cde", str(REAL_AGENCIES), "--state", "WA")
    assert code == 2
    assert "--listing and --state apply to USAspending files only" in err


def test_eligibility_of_the_seed_agency_explains_its_reasons() -> None:
    code, out, _ = run(
        "eligibility",
        "--name",
        "Boston Police Department",
        "--state",
        "MA",
        "--jurisdiction",
        "local",
        "--type",
        "city",
        "--program",
        "critical_response",
        "--fiscal-year",
        "2024",
    )
    assert code == 0
    assert out.startswith("Boston Police Department: ELIGIBLE for Critical Response, FY2024")
    assert "critical_response.applicant" in out
    assert "https://" in out


def test_eligibility_json_is_the_serialized_decision() -> None:
    code, out, _ = run(
        "eligibility",
        "--name",
        "U S Park Police",
        "--state",
        "MD",
        "--jurisdiction",
        "federal",
        "--type",
        "federal",
        "--program",
        "cri_tac",
        "--fiscal-year",
        "FY2024",
        "--format",
        "json",
    )
    assert code == 0
    [entry] = json.loads(out)
    decision = cr.from_dict(cr.Decision, entry["decision"])
    assert decision.status is cr.Eligibility.INELIGIBLE


def test_eligibility_matrix_for_a_file_of_real_agencies() -> None:
    code, out, err = run(
        "eligibility",
        "--agencies",
        str(REAL_AGENCIES),
        "--fiscal-year",
        "2024",
        "--program",
        "chp",
        "--program",
        "critical_response",
        "--format",
        "json",
    )
    report = json.loads(out)
    # Boston PD is in the sample twice (2025 and 2018 rows): merged, and reported.
    assert code == 1
    assert "row 35: '$.ori' repeats the ORI of an earlier record" in err
    assert len(report["rows"]) == 38
    rows = {row["ori"]: row["status"] for row in report["rows"]}
    assert rows["MDPPD0000"]["critical_response"] == "ineligible"  # a federal agency
    assert rows["WASPD0000"]["critical_response"] == "eligible"
    assert rows["WASPD0000"]["chp"] == "undetermined"  # primary authority not in FBI data


def test_eligibility_needs_an_agency() -> None:
    code, _, err = run("eligibility", "--fiscal-year", "2024")
    assert code == 2
    assert "give --agencies FILE, or --name" in err


def test_a_closed_output_pipe_ends_quietly_with_the_status_of_the_whole_file() -> None:
    """`copsreform import ... | head -1`: no traceback, no message about the pipe, and the
    exit status of the whole run (the FBI list has 5 known-bad records: 1)."""
    script = (
        "import subprocess, sys\n"
        "p = subprocess.Popen([sys.executable, '-m', 'copsreform', 'import', 'cde', sys.argv[1]],"
        " stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
        "p.stdout.readline(); p.stdout.close()\n"
        "err = p.stderr.read().decode(); p.wait()\n"
        "print(p.returncode); print(repr(err))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(FBI_2018)], capture_output=True, text=True, check=True
    )
    code, err = done.stdout.splitlines()
    assert code == "1"
    assert "rejected 5" in err
    assert "Traceback" not in err
    assert "Broken pipe" not in err


def test_validate_an_engagements_csv(tmp_path: Path) -> None:
    path = tmp_path / "engagements.csv"
    cr.write_csv(
        [
            EXAMPLES["engagement-critical-response"],
            EXAMPLES["engagement-organizational-assessment"],
        ],
        path,
    )
    code, out, _ = run("validate", "engagement", str(path))
    assert (code, out.strip()) == (0, f"{path}: 2 records, 0 with problems")
