"""The compiled decode path and the precise path give the same verdict and equal objects."""

import collections
import copy
import decimal
import enum
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import copsreform as cr
from copsreform import _engine, testing
from copsreform.serialization import FORMAT_VERSION, MAX_DOCUMENT_CHARS

MODELS = st.one_of(
    testing.grants(),
    testing.agencies(),
    testing.organizations(),
    testing.providers(),
    testing.engagements(),
)


@contextmanager
def precise_only() -> Iterator[None]:
    """Run from_json and from_dict with the fast path turned off."""
    with (
        mock.patch.object(_engine, "decode", return_value=None),
        mock.patch.object(_engine, "convert", return_value=None),
    ):
        yield


def outcome(cls: type[Any], text: str | bytes) -> object:
    try:
        return cr.from_json(cls, text)
    except cr.ValidationError as error:
        return error


def precise(cls: type[Any], text: str | bytes) -> object:
    with precise_only():
        return outcome(cls, text)


def same(first: object, second: object) -> bool:
    """Equal objects, or errors of the same class with the same message."""
    if isinstance(first, cr.ValidationError) or isinstance(second, cr.ValidationError):
        return type(first) is type(second) and str(first) == str(second)
    return first == second and cr.to_json(first) == cr.to_json(second)


def agree(given: object, fast: object, exact: object, usual: object) -> object:
    """Assert the fast path took only what the precise path accepts, building the same,
    and that the usual call (fast path first) gives what the precise path gives."""
    if fast is not None:
        assert not isinstance(exact, cr.ValidationError), (given, exact)
        assert same(fast, exact)
    assert same(usual, exact)
    return fast


def check_agreement(cls: type[Any], text: str | bytes) -> object:
    """Assert the fast path takes only what the precise path accepts, building the same."""
    fast = _engine.decode(cls, text, MAX_DOCUMENT_CHARS)
    return agree(text, fast, precise(cls, text), outcome(cls, text))


def _values(doc: Any) -> list[tuple[Any, Any]]:
    """(container, key) of every value in a document."""
    found = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            found.append((doc, key))
            found.extend(_values(value))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found.append((doc, index))
            found.extend(_values(value))
    return found


#: Values the precise path reads (changing or refusing them) that are not in the
#: form copsreform writes: each probes the edge of the fast path's wire types.
VARIANTS = [
    None,
    "",
    " ",
    "\n",
    "-0.00",
    "0",
    "1",
    "1.5",
    "1.50",
    "-1.50",
    "1e3",
    "NaN",
    "9999999999999.99",
    "10000000000000.00",
    1.5,
    150,
    True,
    0,
    -1,
    10**9,
    10**9 + 1,
    2.0,
    1977,
    2199,
    2200,
    "ma0130100",
    "MA01301",
    "NB0280200",
    "2015-UM-WX-0174",
    "15jcops24gg03715uhpx",
    "NSU3DBMM7JN9",
    "NSU3DBMM7JN",
    "O-COPS-2024-12345",
    "o-cops-2024-12345",
    "COPS-CHP-2024",
    "16.710",
    "16.071",
    "16.999",
    "2024-10-01",
    "2024-02-30",
    "2024-1-1",
    "20241001",
    "local",
    "LOCAL",
    "agency",
    "organization",
    [],
    {},
    "Boston  Police",
    " Boston Police",
    "Boston\tPolice",
    "Boston Police\u00a0",
    "\u2028",
    'caf\u00e9 \u201cquoted\u201d: \\ and "',
    "x" * 301,
    1993,
    2101,
    "not a url",
    "https://a b",
    "https://cops.usdoj.gov/ccrs",
]


@st.composite
def mutated_texts(draw: st.DrawFn) -> tuple[type[Any], str]:
    """A document as copsreform writes it, with zero to three changes, as JSON text."""
    obj = draw(MODELS)
    doc = cr.to_dict(obj)
    for _ in range(draw(st.integers(0, 3))):
        spots = _values(doc)
        operation = draw(st.sampled_from(["value", "delete", "add", "version"]))
        if operation == "version":
            choice = draw(st.sampled_from(["drop", 0, 2, True, None, "1"]))
            if choice == "drop":
                doc.pop("format_version", None)
            else:
                doc["format_version"] = choice
            continue
        container, key = draw(st.sampled_from(spots))
        if operation == "delete":
            del container[key]
        elif operation == "add" and isinstance(container, dict):
            container[draw(st.sampled_from(["extra", "type", "name", "year"]))] = None
        else:
            container[key] = draw(st.sampled_from(VARIANTS))
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):
        text = text.replace(", ", ",").replace(": ", ":")
    return type(obj), text


@given(MODELS)
def test_the_fast_path_takes_every_document_copsreform_writes(obj: Any) -> None:
    text = cr.to_json(obj)
    fast = check_agreement(type(obj), text)
    assert fast == obj
    assert check_agreement(type(obj), text.encode()) == obj


@given(mutated_texts())
@example((cr.Organization, '{"name":"A","state":"WA","uei":null,"kind":"unknown","name":"B"}'))
@example((cr.Organization, '{"name":"A","state":"WA","uei":null,"kind":"unknown","state":"MA"}'))
@example((cr.Organization, '{"name":"A:B","state":"WA","uei":null,"kind":"unknown","uei":null}'))
@example((cr.Organization, '{"name":"A\\":","state":"WA","uei":null,"kind":"unknown","uei":null}'))
@example((cr.Organization, '{"name":"A","state":"WA","uei":null,"kind":"unknown","uei":NaN}'))
@example((cr.Organization, '{"name":"\\ud800","state":"WA","uei":null,"kind":"unknown"}'))
@example((cr.Organization, '\ufeff{"name":"A","state":"WA","uei":null,"kind":"unknown"}'))
def test_fast_and_precise_paths_agree_on_mutated_documents(pair: tuple[type[Any], str]) -> None:
    cls, text = pair
    check_agreement(cls, text)
    check_agreement(cls, text.encode("utf-8", "surrogatepass"))


#: A grant as a user may write it by hand: every optional key left out.
LEFT_OUT = (
    '{"award_number":"2015UMWX0174","program":"chp","recipient":'
    '{"type":"organization","name":"CITY OF MARYSVILLE"},"federal_amount":"-30851.29",'
    '"start":"2015-09-01","end":"2018-08-31"}'
)


@st.composite
def texts_with_keys_left_out(draw: st.DrawFn) -> tuple[type[Any], str]:
    """A document as copsreform writes it, with some keys at any depth left out."""
    obj = draw(MODELS)
    doc = cr.to_dict(obj)
    keys = [(container, key) for container, key in _values(doc) if isinstance(container, dict)]
    for container, key in draw(st.lists(st.sampled_from(keys), max_size=6)):
        container.pop(key, None)
    return type(obj), json.dumps(doc, separators=(",", ":"), ensure_ascii=False)


@given(texts_with_keys_left_out())
@example((cr.Grant, LEFT_OUT))
def test_a_document_without_its_optional_keys_takes_the_fast_path(
    pair: tuple[type[Any], str],
) -> None:
    # Left out, a key with a default reads as its default on both paths; any other key
    # left out is a problem, which the precise path names.
    cls, text = pair
    fast = check_agreement(cls, text)
    assert (fast is None) is isinstance(precise(cls, text), cr.ValidationError)


@pytest.mark.parametrize(
    "text",
    [
        '{"name":"A","state":"WA","uei":null,"kind":"unknown","name":"B"}',
        # a key left out and another given twice: as many keys as a whole document
        '{"name":"A","state":"WA","kind":"unknown","name":"B"}',
        '{"name":"A","kind":"unknown","format_version":1,"kind":"unknown"}',
        '{"name":"A: B","state":"WA","uei":null,"kind":"unknown","uei":null}',
        '{"name":"A\\": B","state":"WA","uei":null,"kind":"unknown","uei":null}',
        '{"name" : "A","state":"WA","uei":null,"kind":"unknown","kind" : "unknown"}',
    ],
)
def test_a_repeated_key_is_never_taken_by_the_fast_path(text: str) -> None:
    assert _engine.decode(cr.Organization, text, MAX_DOCUMENT_CHARS) is None


def test_colons_inside_strings_do_not_keep_a_document_off_the_fast_path() -> None:
    org = cr.Organization(name='CITY OF "A": B', state="WA")
    assert _engine.decode(cr.Organization, cr.to_json(org), MAX_DOCUMENT_CHARS) == org
    plain = cr.Organization(name="CITY OF A: B", state="WA")
    assert _engine.decode(cr.Organization, cr.to_json(plain), MAX_DOCUMENT_CHARS) == plain


def test_a_document_over_the_size_limit_is_left_to_the_precise_path() -> None:
    text = cr.to_json(cr.Organization(name="CITY OF A", state="WA"))
    assert _engine.decode(cr.Organization, text, len(text) - 1) is None
    assert _engine.decode(cr.Organization, text, len(text)) is not None


def test_classes_without_a_fast_path_are_left_to_the_precise_path() -> None:
    assert _engine.decode(cr.FiscalYear, "2024", MAX_DOCUMENT_CHARS) is None


@pytest.mark.parametrize("cls", _engine.CLASSES)
def test_every_field_of_a_fast_class_has_a_wire_type(cls: type[Any]) -> None:
    struct = _engine._document(cls)
    names = [field.alias or field.name for field in attrs.fields(cls)]
    assert list(struct.__struct_fields__) == [*names, "format_version"]


def _set(doc: Any, path: tuple[str | int, ...], value: object) -> Any:
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("cls", "path", "value"),
    [
        (cr.Provider, ("first_year",), 150),
        (cr.Provider, ("last_year",), 2101),
        (cr.Engagement, ("note",), ""),
        (cr.Engagement, ("note",), " padded "),
        (cr.Engagement, ("findings_count",), -5),
        (cr.Engagement, ("recommendations_count",), 10**9 + 1),
        (cr.Engagement, ("sources", 0, "url"), "not a url"),
        (cr.Engagement, ("sources", 0, "title"), "Two  spaces"),
        (cr.Engagement, ("sources", 0, "publisher"), " padded"),
    ],
)
def test_a_field_checked_beyond_its_type_is_checked_on_the_fast_path_too(
    cls: type[Any], path: tuple[str | int, ...], value: object
) -> None:
    # Each value is refused or changed by the field's validator or converter; the fast
    # path must leave it to the precise path, which refuses or changes it.
    sample = cr.find_provider("PERF") if cls is cr.Provider else cr.engagements()[0]
    text = json.dumps(_set(cr.to_dict(sample), path, value))
    assert check_agreement(cls, text) is None


def test_every_bundled_provider_takes_the_fast_path() -> None:
    for provider in cr.providers():
        assert _engine.decode(cr.Provider, cr.to_json(provider), MAX_DOCUMENT_CHARS) == provider


def test_the_engine_writes_the_format_version_serialization_declares() -> None:
    assert _engine.FORMAT_VERSION == FORMAT_VERSION


@given(MODELS)
def test_the_engine_writes_exactly_the_generic_encoding(obj: Any) -> None:
    generic = json.dumps(cr.to_dict(obj), ensure_ascii=False, separators=(",", ":"))
    assert _engine.encode(obj) == generic


def test_every_character_is_escaped_as_the_generic_encoding_does() -> None:
    text = "".join(chr(c) for c in [*range(1, 0x80), 0x85, 0xA0, 0x2028, 0x2029, 0xFEFF, 0x1F600])
    org = cr.Organization(name="CITY", state="WA")
    provider = cr.Provider(name="X", programs={cr.CRIProgram.CRITICAL_RESPONSE}, aliases=(text,))
    for obj in (org, provider):
        generic = json.dumps(cr.to_dict(obj), ensure_ascii=False, separators=(",", ":"))
        assert _engine.encode(obj) == generic


def test_objects_the_engine_cannot_write_are_left_to_the_generic_encoding() -> None:
    assert _engine.encode(cr.FiscalYear(2024)) is None
    assert _engine.encode("text") is None


ORG = '{"name":"CITY OF A","state":"WA","uei":null,"kind":"unknown","format_version":1}'


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        (ORG + " x", False),
        (ORG + ORG, False),
        ("[" + ORG + "]", False),
        (ORG + "\n", True),
        (ORG + "\r\n", True),
        (" \t" + ORG, True),
        (ORG.replace(":", " : "), True),
        (ORG.replace('"unknown"', '"unknown", "format_version": 1'), False),
        (ORG.replace("1}", "1.0}"), False),
        (ORG.replace("1}", "true}"), False),
        (ORG.replace("null", "NaN"), False),
    ],
)
def test_the_edges_of_a_document_are_judged_as_the_precise_path_judges_them(
    text: str, taken: bool
) -> None:
    assert (check_agreement(cr.Organization, text) is not None) is taken
    check_agreement(cr.Organization, text.encode())


@pytest.mark.parametrize("value", [12, None, ["{}"], 1.5])
def test_what_is_not_text_is_left_to_the_precise_path(value: Any) -> None:
    assert _engine.decode(cr.Organization, value, MAX_DOCUMENT_CHARS) is None


# from_dict: the same engine for dicts in the wire form -------------------------------------


def dict_outcome(cls: type[Any], data: object) -> object:
    try:
        return cr.from_dict(cls, copy.deepcopy(data))
    except cr.ValidationError as error:
        return error


def check_dict_agreement(cls: type[Any], data: object) -> object:
    """Assert the fast path takes only dicts the precise path accepts, building the same."""
    fast = _engine.convert(cls, copy.deepcopy(data))
    with precise_only():
        exact = dict_outcome(cls, data)
    return agree(data, fast, exact, dict_outcome(cls, data))


@given(MODELS)
def test_the_fast_path_takes_every_dict_copsreform_writes(obj: Any) -> None:
    assert check_dict_agreement(type(obj), cr.to_dict(obj)) == obj


@given(mutated_texts())
def test_fast_and_precise_paths_agree_on_mutated_dicts(pair: tuple[type[Any], str]) -> None:
    cls, text = pair
    check_dict_agreement(cls, json.loads(text))


@given(texts_with_keys_left_out())
def test_a_dict_without_its_optional_keys_takes_the_fast_path(pair: tuple[type[Any], str]) -> None:
    cls, text = pair
    fast = check_dict_agreement(cls, json.loads(text))
    with precise_only():
        refused = isinstance(dict_outcome(cls, json.loads(text)), cr.ValidationError)
    assert (fast is None) is refused


class _Text(str):
    __slots__ = ()


class _Number(enum.IntEnum):
    ONE = 1


def _python_values(value: object) -> list[object]:
    """Values equal or close to a wire value that are not JSON's own types."""
    found: list[object] = [(value,), [value], {"value": value}]
    if isinstance(value, str):
        found += [_Text(value), value.encode()]
    if isinstance(value, list):
        found += [tuple(value), collections.UserList(value)]
    if isinstance(value, dict):
        found += [collections.OrderedDict(value), {**value, 1: None}]
    if isinstance(value, int) and not isinstance(value, bool):
        found += [float(value), _Number.ONE, decimal.Decimal(value)]
    return found


@st.composite
def dicts_with_python_values(draw: st.DrawFn) -> tuple[type[Any], dict[str, Any]]:
    """A document as to_dict writes it, one value replaced by a non-JSON Python value.

    The value is taken from ``to_dict(mode="python")`` (a Decimal, date, enum member,
    FiscalYear...) where that differs, or is a tuple, subclass or float near the value.
    """
    obj = draw(MODELS)
    doc, python = cr.to_dict(obj), cr.to_dict(obj, mode="python")
    spots = [(d, p, key) for (d, key), (p, _) in zip(_values(doc), _values(python), strict=True)]
    container, typed, key = draw(st.sampled_from(spots))
    options = _python_values(container[key])
    if type(typed[key]) is not type(container[key]):
        options.append(typed[key])
    container[key] = draw(st.sampled_from(options))
    return type(obj), doc


@given(dicts_with_python_values())
@example((cr.Organization, {"name": "CITY OF A", "state": _Text("WA")}))
@example((cr.Organization, {"name": "CITY OF A", "state": "WA", "format_version": _Number.ONE}))
@example((cr.Organization, collections.OrderedDict(name="CITY OF A")))
def test_a_dict_holding_other_python_values_is_left_to_the_precise_path(
    pair: tuple[type[Any], Any],
) -> None:
    cls, data = pair
    assert _engine.convert(cls, data) is None
    check_dict_agreement(cls, data)


def test_a_dict_too_deep_or_holding_itself_is_left_to_the_precise_path() -> None:
    deep: dict[str, Any] = {"name": "CITY OF A"}
    for _ in range(5000):
        deep = {"name": "CITY OF A", "extra": deep}
    cyclic: dict[str, Any] = {"name": "CITY OF A"}
    cyclic["extra"] = cyclic
    for data in (deep, cyclic):
        assert _engine.convert(cr.Organization, data) is None
        with pytest.raises(cr.ValidationError, match=re.escape("'$.extra' is not a known field")):
            cr.from_dict(cr.Organization, data)


def test_from_dict_reads_a_dict_in_the_wire_form_through_the_engine() -> None:
    grant = cr.from_json(cr.Grant, LEFT_OUT)
    with mock.patch.object(_engine, "convert", wraps=_engine.convert) as convert:
        assert cr.from_dict(cr.Grant, json.loads(LEFT_OUT)) == grant
    assert convert.call_count == 1


# The builders' quicker checks accept exactly what their patterns accept -------------------

_TRICKY = st.text(
    st.one_of(
        st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x01\x7f\x85\xa0\u2028\u3000\ud800\udfffAé"),
        st.characters(),
    ),
    max_size=12,
)


@given(_TRICKY)
@example(" ")
@example("A  B")
@example("A\x01B")
@example("\udfffA")
def test_the_quicker_checks_accept_exactly_what_their_patterns_accept(value: str) -> None:
    for pattern, quicker in _engine._QUICKER.items():
        assert quicker(value) is (re.search(pattern, value) is not None), (pattern, value)
