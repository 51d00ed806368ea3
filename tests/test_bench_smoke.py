"""Smoke test of the benchmark's agreement check; the benchmark itself never runs here.

The bench (``bench/``) checks, before timing, that copsreform and the equivalent pydantic
and msgspec models accept and reject the same documents. These tests keep that check and
its cases working. pydantic and msgspec are bench-only dependencies, so their tests are
skipped where they are not installed (as in CI).
"""

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import copsreform as cr

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load(name: str) -> ModuleType:
    """Import ``bench/<name>.py`` under a private module name."""
    spec = importlib.util.spec_from_file_location(f"_copsreform_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


records = _load("records")
contenders = _load("contenders")


def _agreement(*others: object) -> object:
    chosen = [contenders.copsreform_contender(), *others]
    return contenders.agreement(chosen, records.GOOD_CASES, records.BAD_CASES)


def test_copsreform_accepts_every_good_case_and_rejects_every_bad_one() -> None:
    result = _agreement()
    assert result.problems == []
    assert len(records.GOOD_CASES) + len(records.BAD_CASES) == len(result.rows)


def test_bad_cases_are_many_and_distinct() -> None:
    labels = [label for label, _ in records.BAD_CASES]
    assert len(labels) >= 30
    assert len(labels) == len(set(labels))


def test_generated_records_round_trip_byte_for_byte_through_copsreform() -> None:
    sample = records.grant_records(300)
    lines = records.jsonl_text(sample).splitlines()
    decoded = [cr.from_json(cr.Grant, line) for line in lines]
    assert lines == [cr.to_json(grant) for grant in decoded]


def test_generated_records_are_deterministic() -> None:
    assert json.dumps(records.grant_records(50)) == json.dumps(records.grant_records(50))


def test_pydantic_model_agrees_with_copsreform() -> None:
    pytest.importorskip("pydantic", reason="pydantic is a bench-only dependency")
    result = _agreement(contenders.pydantic_contender())
    assert result.problems == []


def test_msgspec_model_agrees_with_copsreform() -> None:
    pytest.importorskip("msgspec", reason="msgspec is a bench-only dependency")
    result = _agreement(contenders.msgspec_contender())
    assert result.problems == []


def test_the_bench_reads_only_data_a_fresh_clone_has() -> None:
    """bench/run.py --quick must run on a fresh clone: its real files ship in the package."""
    realdata = _load("realdata")
    package = Path(cr.__file__).resolve().parent
    for path in (realdata.cde_path(), realdata.usaspending_path()):
        assert path.is_file()
        assert path.resolve().is_relative_to(package / "data")
    text = (BENCH / "realdata.py").read_text(encoding="utf-8")
    assert "shared" not in text
