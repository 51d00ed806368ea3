"""The JSON Schema and from_dict agree, field by field, in both directions.

For every kind and every top-level field, values are drawn from the field's own schema
(:func:`from_schema` below builds them from its keywords), from its boundaries (one past each limit, a pattern's match with
a character more) and from arbitrary JSON. Each value replaces the field in a valid
document, and the schema's verdict on that field must equal from_dict's: accepted by
both or refused by both. Problems from rules the schema cannot state (the schema's
description lists them, from ``copsreform.schema.UNSTATED``) are told apart by their
reasons and do not count as the field's own.

Strings are compared as the model reads them, with white space folded (see UNSTATED["*"]):
the schema states limits on the text that remains.
"""

import re
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copsreform as cr
from copsreform import constraints
from copsreform.schema import KINDS, UNSTATED
from format_examples import EXAMPLES, KIND_OF

BASES = {
    cls: cr.to_dict(next(obj for name, obj in EXAMPLES.items() if KIND_OF[name] is cls))
    for cls in KINDS.values()
}
# The reasons of the rules in UNSTATED: they involve more than one field.
CROSS_FIELD = re.compile(
    r"must start with '..', the NCIC code|must agree with the award number|"
    r"must not be before|for program '|for an agency of FBI type|outside the five U.S. "
    r"territories|must not go from|cannot|must be in date order|must not be after|"
    r"must deliver '|must name at least one TA category for|recommendations belong to|"
    # Stated for Python's regular expressions, not exactly (upper-casing can lengthen).
    r"must be letters and digits, at most 12"
)
# Fields whose schema is knowingly looser than the validator (UNSTATED says how): only
# "from_dict accepts, so the schema accepts" is held for them.
LOOSER = {(cr.Provider, "acronym")}

FIELDS = [
    (cls, key)
    for cls in KINDS.values()
    for key in cr.json_schema(cls)["properties"]
    if key != "format_version"
]


def from_schema(schema: dict[str, Any], defs: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values a (sub)schema of copsreform's accepts, built from its keywords.

    Covers the keywords the generated schemas use: ``$ref``, ``anyOf``/``oneOf``,
    ``const``, ``enum``, ``type`` with ``pattern``/``minLength``/``maxLength``/``format``,
    ``minimum``/``maximum``, ``items``/``minItems``/``uniqueItems``, and objects with
    ``properties`` and ``required``.
    """
    if "$ref" in schema:
        return st.deferred(lambda: from_schema(defs[schema["$ref"].split("/")[-1]], defs))
    for combined in ("anyOf", "oneOf"):
        if combined in schema:
            return st.one_of([from_schema(part, defs) for part in schema[combined]])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum"))
    if kind == "string":
        if schema.get("format") == "date":
            return st.dates().map(lambda day: day.isoformat())
        found = (
            st.from_regex(schema["pattern"])
            if "pattern" in schema
            else st.text(min_size=schema.get("minLength", 0), max_size=40)
        )
        return found.filter(
            lambda s: schema.get("minLength", 0) <= len(s) <= schema.get("maxLength", 10**9)
        )
    if kind == "array":
        items = from_schema(schema["items"], defs)
        unique = schema.get("uniqueItems", False)
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=3, unique=unique)
    if kind == "object":
        properties = schema["properties"]
        required = {k: from_schema(properties[k], defs) for k in schema.get("required", [])}
        optional = {k: from_schema(v, defs) for k, v in properties.items() if k not in required}
        return st.fixed_dictionaries(required, optional=optional)
    raise AssertionError(f"no generator for {schema!r}")


def folded(value: Any) -> Any:
    """``value`` with every string's white space folded, as the model reads names."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [folded(item) for item in value]
    if isinstance(value, dict):
        return {key: folded(item) for key, item in value.items()}
    return value


def boundaries(schema: dict[str, Any]) -> list[Any]:
    """Values at and just past each limit a (sub)schema states."""
    found: list[Any] = []
    for part in [schema, *schema.get("anyOf", [])]:
        if "maxLength" in part:
            found += ["x" * part["maxLength"], "x" * (part["maxLength"] + 1)]
        if "minLength" in part:
            found += ["x" * max(part["minLength"] - 1, 0)]
        if "minimum" in part:
            found += [part["minimum"] - 1, part["minimum"]]
        if "maximum" in part:
            found += [part["maximum"], part["maximum"] + 1]
        if "enum" in part:
            found += [f"{value}x" for value in part["enum"] if isinstance(value, str)]
    return found


def candidates(cls: type[Any], key: str) -> st.SearchStrategy[Any]:
    schema = cr.json_schema(cls)
    field = {**schema["properties"][key], "$defs": schema.get("$defs", {})}
    patterns = [p["pattern"] for p in [field, *field.get("anyOf", [])] if "pattern" in p]
    near_misses = st.one_of(
        [st.from_regex(p, fullmatch=True).map(lambda s: s + "X") for p in patterns]
        + [st.from_regex(p, fullmatch=True).map(lambda s: s[1:]) for p in patterns]
    )
    anything = st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=6,
    )
    return st.one_of(
        from_schema(field, field["$defs"]),
        st.sampled_from(boundaries(field) or [None]),
        near_misses if patterns else st.nothing(),
        anything,
    ).map(folded)


def schema_accepts(cls: type[Any], document: dict[str, Any], key: str) -> bool:
    validator = jsonschema.Draft202012Validator(
        cr.json_schema(cls), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return not any(
        list(error.absolute_path)[:1] == [key]
        or (not error.absolute_path and key in str(error.message))
        for error in validator.iter_errors(document)
    )


def from_dict_accepts(
    cls: type[Any], document: dict[str, Any], key: str, *, unstated_count: bool = False
) -> bool:
    """Whether from_dict finds no problem of the field's own (or none at all, if asked)."""
    try:
        cr.from_dict(cls, document)
    except cr.ValidationError as error:
        return not any(
            p.location[:1] == (key,) and (unstated_count or not CROSS_FIELD.search(p.reason))
            for p in error.problems
        )
    return True


@pytest.mark.parametrize(("cls", "key"), FIELDS, ids=lambda v: getattr(v, "__name__", v))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_schema_and_from_dict_agree_on_each_field(
    cls: type[Any], key: str, data: st.DataObject
) -> None:
    value = data.draw(candidates(cls, key), label=key)
    document = {**BASES[cls], key: value}
    by_schema = schema_accepts(cls, document, key)
    by_model = from_dict_accepts(cls, document, key)
    if (cls, key) in LOOSER:
        wholly = from_dict_accepts(cls, document, key, unstated_count=True)
        assert by_schema or not wholly, f"from_dict accepts {value!r}, the schema does not"
    else:
        assert by_schema == by_model, (
            f"{cls.__name__}.{key} = {value!r}: schema {'accepts' if by_schema else 'refuses'}, "
            f"from_dict {'accepts' if by_model else 'refuses'}"
        )


def test_the_schema_reads_the_limits_the_validators_read() -> None:
    agency = cr.json_schema(cr.Agency)["properties"]
    assert agency["name"]["maxLength"] == constraints.MAX_NAME
    assert agency["name"]["minLength"] == 1
    grant = cr.json_schema(cr.Grant)["properties"]
    assert grant["federal_amount"]["pattern"] == constraints.anchored(constraints.MONEY_PATTERN)
    assert grant["start"]["pattern"] == constraints.anchored(constraints.DATE_PATTERN)


def test_the_schema_refuses_the_names_from_dict_refuses() -> None:
    validator = jsonschema.Draft202012Validator(cr.json_schema(cr.Agency))
    base = BASES[cr.Agency]
    for name in ("", "x" * (constraints.MAX_NAME + 1)):
        assert not validator.is_valid({**base, "name": name})
        with pytest.raises(cr.ValidationError):
            cr.from_dict(cr.Agency, {**base, "name": name})


def test_every_description_lists_what_the_schema_cannot_state() -> None:
    for cls in KINDS.values():
        description = cr.json_schema(cls)["description"]
        for rule in (*UNSTATED.get(cls.__name__, ()), *UNSTATED["*"]):
            assert rule in description
