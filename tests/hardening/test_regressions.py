"""Replay every input that once broke something (tests/data/fuzz/*.json).

Each corpus file holds ``found`` (what broke and where it was fixed), a ``target`` (which
API it goes to), the input and the ``expect``-ed outcome. Values JSON cannot hold are
written as markers: ``{"$pow10": n}`` is the int 10**n, ``{"$repeat": [s, n]}`` is the
string ``s`` repeated n times; a large input file is ``file_latin1_parts``, a list of
``[text, times]``.
"""

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hardening_support import FUZZ

import copsreform as cr
from copsreform.cli import main
from copsreform.schema import KINDS

CASES = sorted(FUZZ.glob("*.json"))


def expand(value: Any) -> Any:
    """Turn the corpus markers into the values they stand for."""
    if isinstance(value, dict):
        if set(value) == {"$pow10"}:
            return 10 ** value["$pow10"]
        if set(value) == {"$repeat"}:
            text, times = value["$repeat"]
            return text * times
        return {k: expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [expand(v) for v in value]
    return value


def file_bytes(case: dict[str, Any]) -> bytes:
    if "file_latin1_parts" in case:  # [[text, times], ...]: a large file, written small
        return b"".join(str(t).encode("latin-1") * n for t, n in case["file_latin1_parts"])
    if "file_latin1" in case:
        return str(case["file_latin1"]).encode("latin-1")
    if "file_hex" in case:
        return bytes.fromhex(case["file_hex"])
    return str(case["file_text"]).encode("utf-8")


def assert_error(error: cr.CopsReformError, expect: dict[str, Any]) -> None:
    assert expect["error"] == type(error).__name__
    assert expect.get("message_contains", "") in str(error)
    if "reasons" in expect:
        assert isinstance(error, cr.ValidationError)
        assert sorted(expect["reasons"]) == sorted(p.reason for p in error.problems)
    str(error)  # renders


def run_importer(case: dict[str, Any]) -> Any:
    from copsreform.sources import cde, usaspending

    module = usaspending if case["target"] == "usaspending" else cde
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / case.get("file_name", "input.json")
        path.write_bytes(file_bytes(case))
        return list(getattr(module, case["function"])(path))


def test_the_corpus_is_not_empty_and_every_case_names_what_it_found() -> None:
    assert CASES
    for path in CASES:
        case = json.loads(path.read_text(encoding="utf-8"))
        assert case["found"]
        assert case["target"] in CHECKS


def check_read(case: dict[str, Any]) -> None:
    cls = KINDS[case["kind"]]
    read = cr.from_dict if case["target"] == "from_dict" else cr.from_json
    if "error" in case["expect"]:
        with pytest.raises(cr.CopsReformError) as caught:
            read(cls, expand(case["input"]))
        assert_error(caught.value, case["expect"])
    else:
        assert isinstance(read(cls, expand(case["input"])), cls)


def check_read_jsonl_file(case: dict[str, Any]) -> None:
    expect = case["expect"]
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "input.jsonl"
        file.write_bytes(file_bytes(case))
        outcomes = list(cr.read_jsonl(KINDS[case["kind"]], file))
    shown = [str(o) if isinstance(o, cr.Rejected) else type(o).__name__ for o in outcomes]
    assert len(expect["outcomes"]) == len(shown)
    for wanted, got in zip(expect["outcomes"], shown, strict=True):
        assert got.startswith(wanted)
    for outcome in outcomes:  # a rejection can always be written out as UTF-8 JSON
        if isinstance(outcome, cr.Rejected):
            json.dumps(outcome.as_dict(), ensure_ascii=False).encode("utf-8")


def check_cli(case: dict[str, Any]) -> None:
    expect = case["expect"]
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / case.get("file_name", "input.jsonl")
        content = file_bytes(case)
        file.write_bytes(content)
        args = [str(a).replace("{file}", str(file)) for a in case["args"]]
        result = CliRunner().invoke(main, args)
        assert file.read_bytes() == content
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert expect["exit_code"] == result.exit_code
    for text in expect.get("stdout_contains", []):
        assert text in result.stdout
    for text in expect.get("stderr_contains", []):
        assert text in result.stderr


def check_importer(case: dict[str, Any]) -> None:
    if "error" in case["expect"]:
        with pytest.raises(cr.CopsReformError) as caught:
            run_importer(case)
        assert_error(caught.value, case["expect"])
    else:
        assert case["expect"]["read"] == len(run_importer(case))


CHECKS = {
    "from_dict": check_read,
    "from_json": check_read,
    "read_jsonl_file": check_read_jsonl_file,
    "cli": check_cli,
    "usaspending": check_importer,
    "cde": check_importer,
}


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_an_input_that_once_broke_something_now_gets_the_expected_answer(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    CHECKS[case["target"]](case)
