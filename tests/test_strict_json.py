"""Strict JSON: a key given twice and NaN/Infinity are refused everywhere JSON is read."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import copsreform as cr
from copsreform import strictjson
from format_examples import EXAMPLES

GRANT = cr.to_json(EXAMPLES["grant-chp-fy2024"])
DUPLICATE = "is given more than once (a JSON key must be unique in its object)"


def validate_grants(path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``copsreform validate grant PATH`` as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "copsreform", "validate", "grant", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def with_second_amount(text: str) -> str:
    """The document with ``federal_amount`` given a second time, at the end."""
    return text[:-1] + ',"federal_amount":"9.00"}'


def with_nested_duplicate(text: str) -> str:
    """The document with the recipient's ``name`` given a second time."""
    return text.replace('"type":"agency",', '"type":"agency","name":"X",', 1)


def test_a_duplicated_key_is_refused_with_its_path() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_json(cr.Grant, with_second_amount(GRANT))
    assert [(p.path, p.reason) for p in excinfo.value.problems] == [("$.federal_amount", DUPLICATE)]


def test_a_nested_duplicated_key_is_refused_with_its_path() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_json(cr.Grant, with_nested_duplicate(GRANT))
    assert excinfo.value.path == "$.recipient.name"


def test_every_duplicated_key_is_reported() -> None:
    text = '[{"a": 1, "a": 2}, {"b": {"c": 1, "c": 1, "d": 0, "d": 0}}]'
    with pytest.raises(cr.ValidationError) as excinfo:
        strictjson.loads(text)
    assert [p.path for p in excinfo.value.problems] == ["$[0].a", "$[1].b.c", "$[1].b.d"]


def test_a_key_given_once_in_each_of_two_objects_is_fine() -> None:
    assert strictjson.loads('[{"a": 1}, {"a": 2}]') == [{"a": 1}, {"a": 2}]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_constants_are_refused_with_their_position(constant: str) -> None:
    text = '{\n  "note": "NaN and Infinity in a string are text",\n  "x": ' + constant + "\n}"
    with pytest.raises(json.JSONDecodeError) as excinfo:
        strictjson.loads(text)
    assert (excinfo.value.lineno, excinfo.value.colno) == (3, 8)
    assert excinfo.value.msg.startswith(f"{constant} is not a JSON number")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_from_json_refuses_non_finite_constants_at_parse_time(constant: str) -> None:
    text = GRANT.replace('"positions":10', f'"positions":{constant}')
    assert text != GRANT
    column = text.index(constant) + 1
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.from_json(cr.Grant, text)
    assert excinfo.value.path == "$"
    assert excinfo.value.reason == (
        f"is not valid JSON: {constant} is not a JSON number (JSON has no NaN or Infinity) "
        f"at line 1 column {column}"
    )


def test_json_lines_reject_the_line_with_a_duplicated_key() -> None:
    lines = [GRANT, with_second_amount(GRANT), GRANT.replace('"positions":10', '"positions":NaN')]
    outcomes = list(cr.read_jsonl(cr.Grant, io.StringIO("\n".join(lines) + "\n")))
    assert isinstance(outcomes[0], cr.Grant)
    assert isinstance(outcomes[1], cr.Rejected)
    assert [(p.path, p.reason) for p in outcomes[1].problems] == [("$.federal_amount", DUPLICATE)]
    assert isinstance(outcomes[2], cr.Rejected)
    assert outcomes[2].problems[0].reason.startswith("is not valid JSON: NaN is not a JSON number")


def test_json_lines_strict_mode_names_the_line() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        list(cr.read_jsonl(cr.Grant, [GRANT, with_second_amount(GRANT)], strict=True))
    assert excinfo.value.path == "line 2: $.federal_amount"


def test_the_summary_no_longer_totals_a_record_with_two_amounts(tmp_path: Path) -> None:
    path = tmp_path / "grants.jsonl"
    path.write_text(with_second_amount(GRANT) + "\n", encoding="utf-8")
    done = validate_grants(path)
    assert done.returncode == 1
    assert f"{path}: line 1: '$.federal_amount' {DUPLICATE}" in done.stdout


def test_the_cli_refuses_a_json_document_with_a_duplicated_key(tmp_path: Path) -> None:
    path = tmp_path / "grants.json"
    path.write_text(f"[{with_nested_duplicate(GRANT)}]", encoding="utf-8")
    done = validate_grants(path)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"copsreform: {path}: is not valid JSON: '$[0].recipient.name' {DUPLICATE}"
    )


def test_the_cli_refuses_nan_in_a_json_document_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "grants.json"
    path.write_text('[\n  {"positions": NaN}\n]', encoding="utf-8")
    done = validate_grants(path)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"copsreform: {path}: is not valid JSON: NaN is not a JSON number (JSON has no NaN or "
        "Infinity) at line 2 column 17"
    )


def test_a_csv_json_cell_with_a_duplicated_key_is_a_problem_of_its_record(
    tmp_path: Path,
) -> None:
    engagement = EXAMPLES["engagement-critical-response"]
    path = tmp_path / "engagements.csv"
    cr.write_csv([engagement], path)
    text = path.read_text(encoding="utf-8")
    broken = text.replace('""name"":', '""name"":""X"",""name"":', 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    [outcome] = cr.read_csv(cr.Engagement, path)
    assert isinstance(outcome, cr.Rejected)
    assert DUPLICATE in str(outcome)
