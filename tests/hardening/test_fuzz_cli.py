"""Fuzzing the command line: exit 0, 1 or 2, a one-line message, never a traceback."""

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from hardening_support import json_values, mutated_documents
from hypothesis import given
from hypothesis import strategies as st

from copsreform.cli import main
from copsreform.schema import KINDS

SUFFIXES = [".jsonl", ".json", ".csv", ".txt", ""]


def invoke(args: Sequence[str]) -> Result:
    """Run the tool as a user would, without letting the runner hide exceptions."""
    return CliRunner().invoke(main, list(args), catch_exceptions=True)


def assert_clean_exit(result: Result) -> None:
    """Exit 0, 1 or 2; no traceback; a failure explains itself on one line of stderr."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    if result.exit_code == 2:
        # click's usage error (or the help, for no command at all), never a traceback
        assert any(line.startswith(("Error: ", "Usage: ")) for line in lines), result.stderr
    elif lines and lines[0].startswith("copsreform: "):
        assert len(lines) == 1, result.stderr


def run_on_file(content: bytes, suffix: str, args: Sequence[str]) -> Result:
    """Write ``content`` to a file with ``suffix`` and run ``args`` then the file name."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        result = invoke([*args, str(path)])
        assert path.read_bytes() == content  # the input is never touched
        return result


def _commands() -> st.SearchStrategy[list[str]]:
    return st.sampled_from(
        [["validate", kind] for kind in sorted(KINDS)]
        + [["summary"], ["import", "usaspending"], ["import", "cde"]]
        + [["eligibility", "--fiscal-year", "2024", "--agencies"]]
    )


def _jsonl(documents: list[Any]) -> bytes:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents).encode(
        "utf-8", "surrogatepass"
    )


@given(_commands(), st.binary(max_size=400), st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_file_exit_cleanly(
    command: list[str], content: bytes, suffix: str
) -> None:
    assert_clean_exit(run_on_file(content, suffix, command))


@given(_commands(), st.text(max_size=300), st.sampled_from([".jsonl", ".json"]))
def test_any_text_in_a_json_file_exits_cleanly(
    command: list[str], content: str, suffix: str
) -> None:
    assert_clean_exit(run_on_file(content.encode("utf-8", "surrogatepass"), suffix, command))


@given(_commands(), st.lists(json_values(10), max_size=5), st.sampled_from([".jsonl", ".json"]))
def test_any_json_values_exit_cleanly(command: list[str], values: list[Any], suffix: str) -> None:
    content = (
        _jsonl(values)
        if suffix == ".jsonl"
        else json.dumps(values, ensure_ascii=False).encode("utf-8", "surrogatepass")
    )
    assert_clean_exit(run_on_file(content, suffix, command))


@given(st.lists(mutated_documents(), min_size=1, max_size=5), st.booleans())
def test_mutated_real_documents_are_validated_with_every_record_counted(
    pairs: list[tuple[str, Any]], as_array: bool
) -> None:
    kind = pairs[0][0]
    documents = [d for _, d in pairs]
    content = (
        json.dumps(documents, ensure_ascii=False).encode("utf-8", "surrogatepass")
        if as_array
        else _jsonl(documents)
    )
    result = run_on_file(
        content, ".json" if as_array else ".jsonl", ["validate", kind, "--format", "json"]
    )
    assert_clean_exit(result)
    if result.exit_code in (0, 1) and result.stdout:
        report = json.loads(result.stdout)
        counts = report["summary"]
        assert len(documents) == counts["read"] == counts["imported"] + counts["rejected"]
        assert counts["rejected"] == len(report["rejected"])
        assert (result.exit_code == 1) == (counts["rejected"] > 0)


@given(st.lists(st.text(max_size=20), max_size=4))
def test_any_arguments_exit_cleanly(args: list[str]) -> None:
    assert_clean_exit(invoke(args))


_OPTION_TEXT = st.text(max_size=12) | st.sampled_from(
    ["MA", "ma", "XX", "FY2025", "2025", "25", "1e999", "-1", "MA0130100", "\u202e", ""]
)


@given(
    st.fixed_dictionaries(
        {"--name": _OPTION_TEXT, "--state": _OPTION_TEXT, "--fiscal-year": _OPTION_TEXT},
        optional={
            "--ori": _OPTION_TEXT,
            "--jurisdiction": st.sampled_from(["local", "state", "tribal", "nope"]),
            "--type": st.sampled_from(["city", "county", "other", "nope"]),
            "--sworn": _OPTION_TEXT,
            "--program": st.sampled_from(["chp", "critical_response", "svpp", "nope"]),
            "--format": st.sampled_from(["text", "json"]),
        },
    )
)
def test_eligibility_with_any_option_values_exits_cleanly(options: dict[str, str]) -> None:
    args = ["eligibility"]
    for option, value in options.items():
        args += [option, value]
    assert_clean_exit(invoke(args))


@given(
    st.sampled_from(["usaspending", "cde"]),
    st.binary(max_size=300),
    st.sampled_from([".jsonl", ".csv"]),
)
def test_import_of_any_bytes_to_a_file_writes_whole_output_or_nothing(
    source: str, content: bytes, out_suffix: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.bin"
        path.write_bytes(content)
        output = Path(folder) / f"out{out_suffix}"
        result = invoke(["import", source, str(path), "-o", str(output)])
        assert_clean_exit(result)
        assert path.read_bytes() == content
        names = sorted(p.name for p in Path(folder).iterdir())
        if output.exists():
            assert names == sorted(["input.bin", output.name])
        else:
            assert names == ["input.bin"]  # no temporary file left behind
