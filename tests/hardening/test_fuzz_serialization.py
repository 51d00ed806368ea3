"""Fuzzing the wire format: from_dict, from_json and read_jsonl only ever raise our errors."""

import io
import json
from typing import Any

import pytest
from hardening_support import (
    FORMAT_DOCUMENTS,
    HOSTILE_SCALARS,
    NESTED_DEPTHS,
    PYTHON_ONLY,
    json_values,
    kinds,
    mutated_documents,
    nested,
    only_library_errors,
    short_id,
)
from hypothesis import example, given
from hypothesis import strategies as st

import copsreform as cr
from copsreform.schema import KINDS


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@given(kinds(), json_values())
def test_from_dict_of_any_json_value_returns_an_object_or_raises_a_validation_error(
    cls: type[Any], value: Any
) -> None:
    outcome = only_library_errors(lambda: cr.from_dict(cls, value))
    assert isinstance(outcome, cls | cr.ValidationError)


@given(kinds(), st.dictionaries(st.text(max_size=20), json_values(8), max_size=8))
def test_from_dict_of_any_json_object_returns_an_object_or_raises_a_validation_error(
    cls: type[Any], value: dict[str, Any]
) -> None:
    outcome = only_library_errors(lambda: cr.from_dict(cls, value))
    assert isinstance(outcome, cls | cr.ValidationError)


@given(mutated_documents(python_values=True))
def test_from_dict_of_a_mutated_real_document_returns_an_object_or_a_located_error(
    pair: tuple[str, Any],
) -> None:
    kind, document = pair
    outcome = only_library_errors(lambda: cr.from_dict(KINDS[kind], document))
    if isinstance(outcome, cr.ValidationError):
        assert all(p.path.startswith("$") for p in outcome.problems)
    else:
        assert isinstance(outcome, KINDS[kind])
        assert cr.from_dict(KINDS[kind], cr.to_dict(outcome)) == outcome


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize(
    "value", [*HOSTILE_SCALARS, *PYTHON_ONLY, *map(nested, NESTED_DEPTHS)], ids=short_id
)
def test_every_field_of_every_kind_refuses_each_hostile_value_cleanly(
    kind: str, value: Any
) -> None:
    document = next(d for k, d in FORMAT_DOCUMENTS if k == kind)
    for key in document:
        changed = {**document, key: value}
        outcome = only_library_errors(lambda: cr.from_dict(KINDS[kind], changed))  # noqa: B023
        assert isinstance(outcome, KINDS[kind] | cr.ValidationError)


@given(kinds(), json_values())
def test_from_json_of_any_json_text_agrees_with_from_dict(cls: type[Any], value: Any) -> None:
    text = _json_text(value)
    from_text = only_library_errors(lambda: cr.from_json(cls, text))
    if isinstance(from_text, cr.LimitExceededError):
        return
    try:
        json.dumps(value, allow_nan=False)
    except ValueError:  # NaN or Infinity, which is not JSON: refused as text, at parse time
        assert isinstance(from_text, cr.ValidationError)
        assert from_text.path == "$"
        assert "is not a JSON number" in from_text.reason
        return
    from_value = only_library_errors(lambda: cr.from_dict(cls, json.loads(text)))
    if isinstance(from_text, cr.ValidationError):
        assert isinstance(from_value, cr.ValidationError)
        assert [p.path for p in from_value.problems] == [p.path for p in from_text.problems]
    else:
        assert from_value == from_text


@given(kinds(), st.text() | st.binary())
def test_from_json_of_any_text_or_bytes_raises_only_validation_errors(
    cls: type[Any], text: str | bytes
) -> None:
    outcome = only_library_errors(lambda: cr.from_json(cls, text))
    assert isinstance(outcome, cls | cr.ValidationError)


@given(mutated_documents(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
@example(("agency", {"name": "x"}), "latin-1")
def test_from_json_of_mutated_documents_as_bytes_in_any_encoding(
    pair: tuple[str, Any], encoding: str
) -> None:
    kind, document = pair
    data = _json_text(document).encode(encoding, errors="replace")
    outcome = only_library_errors(lambda: cr.from_json(KINDS[kind], data))
    assert isinstance(outcome, KINDS[kind] | cr.ValidationError)


@given(kinds(), st.lists(st.text() | json_values().map(_json_text), max_size=8))
def test_read_jsonl_yields_one_outcome_per_non_blank_line(cls: type[Any], lines: list[str]) -> None:
    split_lines = "\n".join(lines).split("\n")
    outcomes = list(cr.read_jsonl(cls, split_lines))
    assert len([line for line in split_lines if line.strip()]) == len(outcomes)
    assert all(isinstance(o, cls | cr.Rejected) for o in outcomes)


@given(st.lists(mutated_documents(), min_size=1, max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_read_jsonl_of_a_stream_of_mutated_documents_loses_no_record(
    pairs: list[tuple[str, Any]], newline: str
) -> None:
    cls = KINDS[pairs[0][0]]
    text = "".join(_json_text(document) + newline for _, document in pairs)
    stream = io.TextIOWrapper(io.BytesIO(text.encode("utf-8", "replace")), encoding="utf-8")
    tally = cr.Tally()
    for outcome in cr.read_jsonl(cls, stream):
        tally.add(outcome)
    summary = tally.summary()
    assert (len(pairs), len(pairs)) == (summary.read, summary.imported + summary.rejected)
