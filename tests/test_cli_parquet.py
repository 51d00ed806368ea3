"""Parquet in the command-line tool: import writes it, validate and summary read it."""

import json
import subprocess
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

import copsreform as cr
from copsreform.cli import main

pytest.importorskip("pyarrow", reason="the arrow extra is not installed")

PAGE = Path(
    str(resources.files("copsreform") / "data/usaspending/spending_by_award_16710_WA_page1.json")
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_import_writes_parquet_by_suffix_and_summary_totals_it(tmp_path: Path) -> None:
    out = tmp_path / "grants.parquet"
    code, stdout, stderr = run("import", "usaspending", str(PAGE), "-o", str(out))
    assert (code, stdout) == (0, "")
    assert "read 100, imported 100, rejected 0" in stderr
    assert out.read_bytes()[:4] == b"PAR1"
    code, stdout, _ = run("summary", str(out), "--by", "program", "--format", "json")
    assert code == 0
    report = json.loads(stdout)
    total = sum(Decimal(row["federal_amount"]) for row in report["totals"]["program"])
    assert total == Decimal("41450414.52")


def test_format_parquet_with_an_unknown_suffix_and_validate(tmp_path: Path) -> None:
    out = tmp_path / "grants.data"
    code, _, _ = run("import", "usaspending", str(PAGE), "-o", str(out), "--format", "parquet")
    assert code == 0
    renamed = out.rename(tmp_path / "grants.parquet")
    code, stdout, _ = run("validate", "grant", str(renamed))
    assert (code, stdout.strip()) == (0, f"{renamed}: 100 records, 0 with problems")
    code, _, stderr = run("validate", "agency", str(renamed))
    assert code == 1
    assert "holds Grant records, not Agency" in stderr


def test_a_format_that_contradicts_the_suffix_is_refused_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "grants.csv"
    code, _, stderr = run("import", "usaspending", str(PAGE), "-o", str(out), "--format", "parquet")
    assert code == 2
    assert f"--format parquet contradicts the output {out}; name it" in stderr
    assert not out.exists()


def test_parquet_is_not_written_to_standard_output() -> None:
    code, stdout, stderr = run("import", "usaspending", str(PAGE), "--format", "parquet")
    assert (code, stdout) == (2, "")
    assert "Parquet is binary: give -o FILE.parquet" in stderr


def test_validate_reports_bad_parquet_rows_by_index(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    grants, _ = cr.split(cr.read_bundled_usaspending())
    table = cr.to_arrow(grants[:3])
    index = table.schema.get_field_index("recipient_state")
    table = table.set_column(index, "recipient_state", pa.array(["WA", "XX", "WA"]))
    path = tmp_path / "grants.parquet"
    pq.write_table(table, path)
    code, stdout, _ = run("validate", "grant", str(path))
    assert code == 1
    assert f"{path}: index 1: '$.recipient_state' must be a USPS code" in stdout


def test_without_pyarrow_the_cli_says_which_extra_to_install(tmp_path: Path) -> None:
    path = tmp_path / "grants.parquet"
    cr.write_parquet(cr.split(cr.read_bundled_usaspending())[0], path)
    script = (
        "import sys; sys.modules['pyarrow'] = None; "
        "from copsreform.cli import main; main(['validate', 'grant', sys.argv[1]])"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "copsreform: read_parquet needs pyarrow, which is not installed: "
        'pip install "copsreform[arrow]"'
    )
