"""Smoke test of bench/columnar.py on a few grants: it runs and reports what it promises.

No time is asserted here (performance is measured in bench/, not by tests); the test keeps
the script working from a fresh clone, with only the arrow extra and generated data.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="the arrow extra is not installed")

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_the_columnar_bench_measures_every_task_and_size() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(
            "_copsreform_bench_columnar", BENCH / "columnar.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        result = module.measure(300, 1)
    finally:
        sys.path.remove(str(BENCH))
    assert result["n"] == 300
    assert set(result["tasks"]) == {
        "write_jsonl (StringIO)",
        "to_arrow",
        "write_parquet",
        "read_parquet (validated objects)",
    }
    assert result["tasks"]["write_jsonl (StringIO)"]["vs_write_jsonl"] == 1.0
    sizes = result["bytes_per_grant"]
    assert sizes["Arrow table (Table.nbytes)"] < sizes["JSON Lines text (UTF-8)"]
    assert "**" in module.render(result)
