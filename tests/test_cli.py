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


@pytest.mark.parametrize("command", ["validate", "summary", "schema"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example" in out


def test_schema_prints_the_json_schema() -> None:
    code, out, _ = run("schema", "grant")
    assert code == 0
    assert json.loads(out) == cr.json_schema(cr.Grant)


def test_an_unknown_kind_is_a_usage_error_with_exit_2() -> None:
    code, _, err = run("schema", "grants")
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
    assert totals == [{"group": "chp", "grants": 2, "federal_amount": "1219148.71"}]


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
