"""The command line as an analyst meets it: bundled data, readable output, honest status.

Most tests run the real command in a process (`python -m copsreform`), as a shell would.
"""

import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import copsreform as cr
from copsreform.cli import SHOWN_BY_DEFAULT, main

PACKAGE_DATA = Path(cr.__file__).parent / "data"
PAGE = PACKAGE_DATA / "usaspending" / "spending_by_award_16710_WA_page1.json"
FBI_2018 = PACKAGE_DATA / "cde" / "agencies-by-state-2018.json.gz"


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "copsreform", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def grants_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("grants") / "grants.jsonl"
    done = cli("import", "usaspending", PAGE, "--listing", "16.710", "--state", "WA", "-o", out)
    assert done.returncode == 0, done.stderr
    return out


# data list / data path -----------------------------------------------------------------


def test_data_list_names_every_bundled_file_and_what_it_holds() -> None:
    done = cli("data", "list")
    assert done.returncode == 0
    for name in ("usaspending-wa-page", "fbi-agencies-2018", "providers", "rules"):
        assert name in done.stdout
    assert "23,243 agencies" in done.stdout


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("usaspending-wa-page", PAGE),
        ("fbi-agencies-2018", FBI_2018),
        ("agencies-by-state-2018.json.gz", FBI_2018),  # the file's own name works too
    ],
)
def test_data_path_prints_where_the_file_is(name: str, expected: Path) -> None:
    done = cli("data", "path", name)
    assert done.returncode == 0
    printed = Path(done.stdout.strip())
    assert printed.is_file()
    assert printed.resolve() == expected.resolve()


def test_data_path_of_an_unknown_name_is_a_usage_error() -> None:
    done = cli("data", "path", "no-such-file")
    assert done.returncode == 2
    assert "copsreform data list" in done.stderr


# import --------------------------------------------------------------------------------


def test_an_api_page_without_listing_and_state_warns_and_says_what_to_pass(
    tmp_path: Path,
) -> None:
    done = cli("import", "usaspending", PAGE, "-o", tmp_path / "g.jsonl")
    assert done.returncode == 0
    assert "warning" in done.stderr
    assert "--listing" in done.stderr
    assert "--state" in done.stderr
    only_state = cli(
        "import", "usaspending", PAGE, "--listing", "16.710", "-o", tmp_path / "h.jsonl"
    )
    assert "--state (the recipients' state" in only_state.stderr
    assert "--listing (" not in only_state.stderr


def test_an_api_page_with_its_filters_imports_without_a_warning(grants_jsonl: Path) -> None:
    done = cli("import", "usaspending", PAGE, "--listing", "16.710", "--state", "WA")
    assert done.returncode == 0
    assert "warning" not in done.stderr
    assert '"state":"WA"' in done.stdout.splitlines()[0]


def test_allow_rejections_exits_0_when_errors_holds_every_rejection(tmp_path: Path) -> None:
    errors = tmp_path / "rejected.jsonl"
    out = tmp_path / "agencies.jsonl"
    done = cli("import", "cde", FBI_2018, "-o", out, "--errors", errors, "--allow-rejections")
    assert done.returncode == 0
    assert "rejected 5" in done.stderr
    assert len(errors.read_text().splitlines()) == 5
    without = cli("import", "cde", FBI_2018, "-o", out, "--errors", errors)
    assert without.returncode == 1


def test_allow_rejections_needs_errors(tmp_path: Path) -> None:
    done = cli("import", "cde", FBI_2018, "-o", tmp_path / "a.jsonl", "--allow-rejections")
    assert done.returncode == 2
    assert "--allow-rejections needs --errors" in done.stderr
    assert not (tmp_path / "a.jsonl").exists()


@pytest.mark.parametrize(
    ("output_format", "name"), [("csv", "grants.jsonl"), ("jsonl", "grants.csv")]
)
def test_a_format_that_contradicts_the_output_suffix_is_refused(
    tmp_path: Path, output_format: str, name: str
) -> None:
    done = cli("import", "usaspending", PAGE, "--format", output_format, "-o", tmp_path / name)
    assert done.returncode == 2
    assert f"--format {output_format} contradicts the output" in done.stderr
    assert not (tmp_path / name).exists()


def test_a_bad_listing_names_the_option() -> None:
    done = cli("import", "usaspending", PAGE, "--listing", "16.71", "--state", "WA")
    assert done.returncode == 2
    assert "'--listing'" in done.stderr
    assert "assistance_listing" not in done.stderr


# validate ------------------------------------------------------------------------------


def test_validate_prints_about_a_screenful_and_counts_the_rest(
    grants_jsonl: Path, tmp_path: Path
) -> None:
    errors = tmp_path / "problems.jsonl"
    done = cli("validate", "agency", grants_jsonl, "--errors", errors)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    shown = [line for line in lines if ": line " in line]
    assert 1 <= len(shown) <= SHOWN_BY_DEFAULT
    assert sum(len(line) for line in shown[1:]) <= 3_000
    assert f"and {100 - len(shown)} more records with problems ({errors} holds them all)" in (
        done.stdout
    )
    assert len(errors.read_text().splitlines()) == 100


def test_validate_show_0_prints_every_bad_record(grants_jsonl: Path) -> None:
    done = cli("validate", "agency", grants_jsonl, "--show", "0")
    assert len([line for line in done.stdout.splitlines() if ": line " in line]) == 100
    assert "more records with problems" not in done.stdout


def test_validate_says_which_kind_the_file_looks_like(grants_jsonl: Path) -> None:
    done = cli("validate", "agency", grants_jsonl)
    assert "they read as grant records: try 'copsreform validate grant" in done.stdout


@pytest.mark.parametrize("kind", ["grants", "grant", "GRANTS"])
def test_validate_accepts_plural_kind_names(grants_jsonl: Path, kind: str) -> None:
    done = cli("validate", kind, grants_jsonl)
    assert done.returncode == 0, done.stderr
    assert "100 records, 0 with problems" in done.stdout


def test_repeated_award_numbers_are_reported_by_validate_and_summary(
    grants_jsonl: Path, tmp_path: Path
) -> None:
    doubled = tmp_path / "doubled.jsonl"
    doubled.write_text(grants_jsonl.read_text() * 2)
    checked = cli("validate", "grants", doubled)
    assert "100 award number(s) appear more than once" in checked.stdout
    summary = cli("summary", doubled)
    assert "100 award number(s) appear more than once" in summary.stdout
    assert (
        json.loads(cli("summary", doubled, "--format", "json").stdout)["repeated_award_numbers"][
            "2020-UM-WX-0499"
        ]
        == 2
    )
    once = cli("summary", grants_jsonl)
    assert "appear more than once" not in once.stdout


def test_validate_piped_into_head_keeps_the_status_of_the_whole_file(
    grants_jsonl: Path, tmp_path: Path
) -> None:
    """`validate ... | head -1`: the reader leaves while problems are still being written.

    The bad records print far more than a pipe buffers, so the command is still writing
    when the pipe closes.
    """
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"award_number": "x"}\n' * 3000 + grants_jsonl.read_text())
    with subprocess.Popen(
        [sys.executable, "-m", "copsreform", "validate", "grant", str(mixed), "--show", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read().decode()
        assert process.wait(timeout=600) == 1
    assert "Traceback" not in err
    assert "Broken pipe" not in err


# progress ------------------------------------------------------------------------------


def test_progress_shows_on_a_terminal_and_not_in_a_pipe(tmp_path: Path) -> None:
    out = tmp_path / "agencies.jsonl"
    args = [sys.executable, "-m", "copsreform", "import", "cde", str(FBI_2018), "-o", str(out)]
    controller, terminal = pty.openpty()
    with subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=terminal) as process:
        os.close(terminal)
        seen = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            seen += chunk
        process.wait(timeout=600)
    os.close(controller)
    assert b"records" in seen
    assert b"23243" in seen  # click's bar shows the position
    piped = cli("import", "cde", FBI_2018, "-o", tmp_path / "again.jsonl")
    assert "records  [" not in piped.stderr
    assert piped.stderr.startswith("read 23243")


# summary and eligibility ---------------------------------------------------------------


def test_summary_shows_program_titles(grants_jsonl: Path) -> None:
    done = cli("summary", grants_jsonl, "--by", "program")
    assert "COPS Hiring Program (chp)" in done.stdout
    assert "Tribal Resources Grant Program (trgp)" in done.stdout


def test_the_matrix_shows_program_titles(tmp_path: Path) -> None:
    agencies = tmp_path / "agencies.csv"
    agencies.write_text(
        "name,state,jurisdiction,agency_type,ori\n"
        "Boston Police Department,MA,local,city,MA0130100\n"
        "Omaha Police Department,NE,local,city,NB0280200\n"
    )
    done = cli("eligibility", "--agencies", agencies, "--fiscal-year", "2024")
    assert done.returncode == 0, done.stderr
    assert "Critical Response (critical_response)" in done.stdout
    assert "COPS Hiring Program (chp)" in done.stdout


def test_eligibility_as_csv_has_one_row_per_agency_and_program() -> None:
    done = cli(
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
        "--program",
        "chp",
        "--fiscal-year",
        "2024",
        "--format",
        "csv",
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["program"], r["status"], r["missing"]) for r in rows] == [
        ("critical_response", "eligible", ""),
        ("chp", "undetermined", "primary_law_enforcement_authority"),
    ]
    assert rows[0]["program_title"] == "Critical Response"
    assert rows[0]["agency"] == "Boston Police Department"
    assert rows[0]["fiscal_year"] == "2024"


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--state", "Massachusetts", "Agency.state"),
        ("--ori", "MA01301", "Agency.ori"),
        ("--fiscal-year", "20x4", "'fiscal_year'"),
    ],
)
def test_eligibility_messages_name_the_option(option: str, value: str, field: str) -> None:
    args = {
        "--name": "Boston Police Department",
        "--state": "MA",
        "--jurisdiction": "local",
        "--type": "city",
        "--fiscal-year": "2024",
    }
    args[option] = value
    result = CliRunner().invoke(main, ["eligibility", *(x for kv in args.items() for x in kv)])
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.stderr
    assert field not in result.stderr
