import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import copsreform as cr
from copsreform import testing
from copsreform.schema import KINDS, schema_text
from format_examples import EXAMPLES, KIND_OF

SCHEMA_DIR = Path(cr.__file__).parent / "schemas"
VALIDATORS = {
    cls: jsonschema.Draft202012Validator(
        cr.json_schema(cls), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for cls in KINDS.values()
}


def test_every_generated_schema_is_a_valid_draft_2020_12_schema() -> None:
    for cls in KINDS.values():
        jsonschema.Draft202012Validator.check_schema(cr.json_schema(cls))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_shipped_schema_files_match_the_generated_schemas(kind: str) -> None:
    """Regenerate with `python -m copsreform.schema` after a format change."""
    assert (SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8") == schema_text(KINDS[kind])


@given(
    st.one_of(
        testing.agencies(),
        testing.organizations(),
        testing.providers(),
        testing.engagements(),
        testing.grants(),
    )
)
def test_every_to_dict_output_validates_against_its_schema(obj: Any) -> None:
    VALIDATORS[type(obj)].validate(cr.to_dict(obj))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_kept_format_documents_validate(name: str) -> None:
    VALIDATORS[KIND_OF[name]].validate(cr.to_dict(EXAMPLES[name]))


def _shape_breakers(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Documents broken in shape only: types, enums, patterns, required and extra keys."""
    cases = []
    for key, value in data.items():
        if key == "format_version":
            continue
        wrong = 1.5 if isinstance(value, str) or value is None else "text"
        cases.append((f"{key} of the wrong type", data | {key: wrong}))
    cases.append(("an unknown key", data | {"unknown_key": 1}))
    cases.extend(
        (f"{key} missing", {k: v for k, v in data.items() if k != key})
        for key in data
        if key in cr.json_schema(type_of[id(data)])["required"]
    )
    return cases


type_of: dict[int, type[Any]] = {}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_documents_from_dict_rejects_for_shape_reasons_the_schema_rejects_too(name: str) -> None:
    cls = KIND_OF[name]
    data = cr.to_dict(EXAMPLES[name])
    type_of[id(data)] = cls
    for label, broken in _shape_breakers(data):
        with pytest.raises(cr.ValidationError):
            cr.from_dict(cls, broken)
        assert not VALIDATORS[cls].is_valid(broken), label


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("federal_amount", 1250000.0),
        ("federal_amount", "1e6"),
        ("start", "2024-10-1"),
        ("award_number", "15JCOPS-24-GG-03715-UHPX"),
        ("program", "CHP"),
        ("positions", 1.9),
        ("fiscal_year", "2024"),
        ("match_waived", 0),
    ],
)
def test_the_schema_refuses_what_strict_input_refuses(field: str, value: object) -> None:
    data = cr.to_dict(EXAMPLES["grant-chp-fy2024"]) | {field: value}
    with pytest.raises(cr.ValidationError):
        cr.from_dict(cr.Grant, data)
    assert not VALIDATORS[cr.Grant].is_valid(data)


def test_json_schema_refuses_a_non_model_class() -> None:
    with pytest.raises(TypeError):
        cr.json_schema(dict)


def test_schema_files_are_plain_json_for_other_tools() -> None:
    for kind in KINDS:
        loaded = json.loads((SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8"))
        assert loaded["$id"] == f"urn:copsreform:schema:1:{kind}"
