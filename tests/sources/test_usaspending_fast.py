"""The USAspending page reader's fast path agrees with its precise path, record for record.

The fast path (``copsreform.sources.usaspending._fast``) parses a page with msgspec and
builds grants from records in the common form without their constructors; anything else
goes to the precise path. These tests read the same pages both ways and compare every
outcome: the grants (equal, and written identically), the rejections (positions, paths,
messages, values, raw records) and the errors that stop a read.
"""

import contextlib
import io
import json
import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from source_files import API_PAGE, DATA, GOOD

import copsreform as cr
from copsreform import _fields as cr_fields
from copsreform import _io, strictjson
from copsreform.batch import Rejected
from copsreform.identifiers import award_number
from copsreform.sources.usaspending import _classify, _fast, read_api
from copsreform.sources.usaspending._fields import Defaults

REAL = strictjson.loads(API_PAGE.read_text(encoding="utf-8"), decimals=True)
REAL_RECORDS: list[dict[str, Any]] = REAL["results"]


def _precise_load(opened: _io.Opened, limit: int) -> tuple[Any, bool]:
    return _io.load_json(opened, limit), False


@contextlib.contextmanager
def precise_only() -> Iterator[None]:
    """Read pages as before the fast path: parsed by strictjson, every record precisely."""
    with mock.patch.object(_fast, "load", _precise_load):
        yield


def fast_only(defaults: Defaults) -> Any:
    """The fast path alone: a record's grant, or ``None`` where it leaves the record."""
    return _fast.api_grant(defaults, lambda record: None)


def view(outcome: object) -> tuple[object, ...]:
    """Everything a user can see of one outcome, for comparing the two paths."""
    if isinstance(outcome, cr.Grant):
        return ("grant", outcome, cr.to_json(outcome), type(outcome.federal_amount))
    assert isinstance(outcome, Rejected)
    problems = [(p.path, p.reason, repr(p.value)) for p in outcome.problems]
    return ("rejected", outcome.position, outcome.unit, problems, repr(outcome.raw), str(outcome))


def read(text: str, *, fast: bool, **kwargs: Any) -> object:
    """Every outcome of reading ``text`` as a page, or the error that stopped the read."""
    chosen = contextlib.nullcontext() if fast else precise_only()
    seen: list[object] = []
    try:
        with chosen:
            seen.extend(view(o) for o in read_api(io.StringIO(text), **kwargs))
    except Exception as error:  # the same error, with the same message, on both paths
        return (seen, type(error).__name__, str(error))
    return seen


def agree(text: str, **kwargs: Any) -> object:
    fast = read(text, fast=True, **kwargs)
    assert fast == read(text, fast=False, **kwargs)
    return fast


# The real page and the test files ---------------------------------------------------------


@pytest.mark.parametrize("listing", [None, "16.710"])
@pytest.mark.parametrize("state", [None, "WA"])
def test_every_record_of_the_real_page_takes_the_fast_path(
    listing: str | None, state: str | None
) -> None:
    build = fast_only(Defaults(listing, state))
    built = [build(record) for record in REAL_RECORDS]
    assert all(isinstance(g, cr.Grant) for g in built)
    with precise_only():
        expected = list(read_api(API_PAGE, assistance_listing=listing, recipient_state=state))
    assert [view(g) for g in built] == [view(g) for g in expected]


def test_the_real_page_is_parsed_on_the_fast_path() -> None:
    with _io.open_source(API_PAGE, _io.MAX_JSON_BYTES) as opened:
        document, fast = _fast.load(opened, _io.MAX_JSON_BYTES)
    assert fast
    assert repr(document) == repr(REAL)  # the same values, Decimal('750000.0') included


@pytest.mark.parametrize("strict", [False, True])
def test_the_real_page_reads_the_same_both_ways(strict: bool) -> None:
    text = API_PAGE.read_text(encoding="utf-8")
    outcomes = agree(text, strict=strict)
    assert isinstance(outcomes, list)
    assert len(outcomes) == 100


def _usaspending_fixtures() -> list[tuple[str, str]]:
    """Every USAspending page among the test files, as (name, text)."""
    pages = [(path.name, path.read_text(encoding="utf-8")) for path in DATA.rglob("*.json")]
    found = []
    for name, text in pages:
        with contextlib.suppress(ValueError):
            document = json.loads(text)
            if isinstance(document, dict) and "results" in document:
                found.append((name, text))
        # Regression cases write their input file from parts (tests/hardening).
        if name.endswith(".json") and '"usaspending"' in text and "file_latin1_parts" in text:
            case = json.loads(text)
            data = b"".join(str(t).encode("latin-1") * n for t, n in case["file_latin1_parts"])
            found.append((name, data.decode("latin-1")))
    return found


FIXTURES = _usaspending_fixtures()


@pytest.mark.parametrize("text", [text for _, text in FIXTURES], ids=[n for n, _ in FIXTURES])
def test_every_page_among_the_test_files_reads_the_same_both_ways(text: str) -> None:
    assert agree(text, assistance_listing="16.710", recipient_state="WA")
    assert agree(text)


@pytest.mark.parametrize(
    "change",
    [
        {"Award Amount": "750,000"},
        {"Award Amount": True},
        {"Award Amount": 12.345},
        {"Award Amount": None},
        {"Start Date": "07/01/2020"},
        {"Start Date": "2020-02-30"},
        {"End Date": "2019-06-30"},
        {"Award ID": "2020UMWX049"},
        {"Award ID": "2020-um-wx-0499"},
        {"Recipient Name": 17},
        {"Recipient Name": "   "},
        {"Recipient Name": " CITY  OF\tFEDERAL WAY "},
        {"Recipient UEI": "ABC"},
        {"Recipient UEI": "nsu3dbmm7jn9"},
        {"Description": ["CHP"]},
        {"Description": "  CHP  "},
        {"CFDA Number": "16.738"},
        {"CFDA Number": "16.068"},
        {"CFDA Number": " 16.710"},
    ],
)
def test_each_kind_of_bad_or_unusual_value_reads_the_same_both_ways(
    change: dict[str, object],
) -> None:
    text = json.dumps({"results": [GOOD, {**GOOD, **change}, GOOD]})
    for listing in (None, "16.710", "16.071"):
        assert agree(text, assistance_listing=listing, recipient_state="WA")


# Documents the fast path leaves to the precise path ---------------------------------------


def _fast_parse(text: str) -> bool:
    """Whether msgspec's parse of ``text`` is used (else the precise path parses it)."""
    return _fast._parse(text) is not _fast._NOT_PARSED


@pytest.mark.parametrize(
    "text",
    [
        '{"results": [{"Award ID": "2020UMWX0499", "Award ID": "2020UMWX0498"}]}',
        '{"results": [], "page_metadata": {"page": 1, "page": 2}}',
        '{"results": [{"Award Amount": NaN}]}',
        '{"results": [{"Award Amount": -Infinity}]}',
        '{"results": [{"Recipient Name": "\\ud800"}]}',
        '{"results": [{"Description": "a\ud800b"}]}',  # from a text stream
        '{"results": [], "results": []}',
        '{"results": [{"a\\u003ab": 1, "a:b": 2}]}',
        '{"results": [' + "[" * (_fast.MAX_DEPTH + 1) + "]" * (_fast.MAX_DEPTH + 1) + "]}",
        '{"results": []',
        r'{"results": [], "path": "C:\\TEMP \"X\""}',  # strings uncounted: \\ and \"
    ],
)
def test_a_document_msgspec_might_read_differently_goes_to_the_precise_path(text: str) -> None:
    # Some of these are fine documents whose strings the fast path does not count.
    assert not _fast_parse(text)
    agree(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"results": []}',
        '{"results": [{"Award ID": "2020UMWX0499"}], "messages": ["see https://x.gov"]}',
        '{ "results" : [ { "Description" : "NOTE: A \\"QUOTED\\" : COLON" } ] }',
        '{"results": [' + "[" * (_fast.MAX_DEPTH - 2) + "]" * (_fast.MAX_DEPTH - 2) + "]}",
    ],
)
def test_a_document_without_repeated_keys_takes_the_fast_path(text: str) -> None:
    assert _fast_parse(text)
    agree(text)


def _literals_by_one_scan(text: str) -> int:
    """The strings a JSON text writes, from one scan for escaped quotes and backslashes."""
    escapes = _fast._QUOTE_ESCAPES.findall(text)
    return -1 if "\\\\" in escapes else (text.count('"') - len(escapes)) // 2


JSON_VALUES = st.recursive(
    st.none() | st.integers() | st.text(alphabet=st.sampled_from('ab:"\\\n\u00e9'), max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(alphabet=st.sampled_from('k:"\\'), max_size=3), inner, max_size=4)
    ),
    max_leaves=120,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.booleans())
def test_the_strings_of_a_text_are_counted_as_one_scan_counts_them(
    value: object, ascii_only: bool
) -> None:
    # Escapes are found one by one up to _FEW_ESCAPES, then by one scan: the same count.
    text = json.dumps(value, ensure_ascii=ascii_only)
    assert _fast._string_literals(text) == _literals_by_one_scan(text)


@pytest.mark.parametrize(
    "escapes", [0, 1, *range(_fast._FEW_ESCAPES - 3, _fast._FEW_ESCAPES + 1), 500]
)
def test_a_page_with_many_escapes_is_counted_exactly(escapes: int) -> None:
    lines = "\\n" * escapes  # each a JSON escape, backslash and n
    same = '{"results": [], "messages": ["' + lines + '", "a \\"quoted\\" word"]}'
    repeated = '{"results": [], "messages": ["' + lines + '"], "messages": []}'
    backslash = '{"results": [], "messages": ["' + lines + '", "C:\\\\TEMP"]}'
    assert _fast._string_literals(same) == _literals_by_one_scan(same) == 4
    assert _fast_parse(same)
    assert not _fast_parse(repeated)
    assert _fast._string_literals(backslash) == -1
    assert not _fast_parse(backslash)
    for text in (same, repeated, backslash):
        agree(text)


def test_near_the_recursion_limit_both_paths_give_the_same_verdict() -> None:
    # msgspec and Python's parser stop at slightly different depths; a deep document must
    # be read (or refused) as the precise path does, at every depth.
    limit = sys.getrecursionlimit()
    for depth in range(limit - 80, limit + 5, 3):
        text = '{"results": [' + json.dumps(GOOD) + "], "
        text += '"deep": ' + "[" * depth + "]" * depth + "}"
        agree(text)


# Any page, any record ---------------------------------------------------------------------

NARRATIVES = [r["Description"] for r in REAL_RECORDS if len(r["Description"]) > 256][:3]


def _texts(*values: object) -> list[str]:
    return [json.dumps(v) for v in values]


# JSON texts each field may hold: real and canonical forms, other forms the precise path
# accepts, and every kind of bad value.
VALUES: dict[str, list[str]] = {
    "Award ID": _texts(
        "2020UMWX0499",
        "15JCOPS24GG03715UHPX",
        "15JCOPS-24-GG-03715-UHPX",
        "2020umwx0499",
        " 2020UMWX0499",
        "2020UMWX049",
        "1993CKWX0001",
        "",
        None,
        2020,
    ),
    "Recipient Name": _texts(
        "CITY OF FEDERAL WAY",
        "\u00c9TAT DE WASHINGTON",
        'CITY OF "QUOTED"',
        "CITY  OF X",
        " CITY",
        "CITY\tOF X",
        "   ",
        "",
        "X" * 300,
        "X" * 301,
        17,
        None,
    ),
    "Award Amount": [
        "750000.0",
        "-7016.88",
        "0.0",
        "-0.0",
        "12.345",
        "12.340",
        "5",
        "-5",
        "1E+5",
        "1e-2",
        "9999999999999.99",
        "10000000000000.00",
        "10000000000000",
        "1e400",
        "0E+400",
        *_texts("750000.00", "750,000", " 12.50 ", "1e5", True, None, [1]),
    ],
    "Start Date": _texts(
        "2020-07-01", " 2020-07-01", "2020-02-30", "07/01/2020", "20200701", "0000-01-01", None, 7
    ),
    "End Date": _texts("2023-06-30", "2019-06-30", "2020-07-01", "2023-6-30", "", None),
    "Description": _texts(
        None,
        "",
        "  ",
        "CHP",
        " TRGP-E/T ",
        "COPS HIRING PROGRAM (CPD)",
        "ANTI-HEROIN TASK FORCE (AHTF)",
        "CPD MICROGRANTS",
        'THE "SAFER OUTCOMES" PROGRAM',  # escaped quotes
        "C:\\TEMP\\CHP",  # escaped backslashes
        "X" * 20_001,
        ["CHP"],
        *NARRATIVES,
    ),
    "Recipient UEI": _texts(None, "NSU3DBMM7JN9", "nsu3dbmm7jn9", "ABC", "", 12),
    "CFDA Number": [
        *_texts(None, "16.710", "16.071", "16.068", " 16.710", "16.738", "16.71", ""),
        "16.71",
    ],
    "internal_id": ["1", "234948013", *_texts("x")],
    "generated_internal_id": _texts("ASST_NON_2020UMWX0499_015", "A:B"),
    "Extra": ['{"a": [1, {"b": "c:d"}]}', "[]", "{}", '"\\u003a"'],
    "NaN": ["NaN", "Infinity"],
}


@st.composite
def record_texts(draw: st.DrawFn) -> str:
    """One record as JSON text: a real or good one, with fields changed, dropped or repeated."""
    base = draw(st.sampled_from([GOOD, *REAL_RECORDS[::9]]))
    # A Decimal read from the page is written back as the number it was read from.
    pairs = [
        (key, str(value) if isinstance(value, Decimal) else json.dumps(value))
        for key, value in base.items()
    ]
    for _ in range(draw(st.integers(0, 4))):
        key = draw(st.sampled_from(sorted(VALUES)))
        value = draw(st.sampled_from(VALUES[key]))
        action = draw(st.sampled_from(["set", "set", "set", "drop", "repeat"]))
        if action == "drop":
            pairs = [(k, v) for k, v in pairs if k != key]
        elif action == "repeat" or key not in dict(pairs):
            pairs.append((key, value))
        else:
            pairs = [(k, value if k == key else v) for k, v in pairs]
    colon = draw(st.sampled_from([": ", ":", " : ", "\n:"]))
    return "{" + ", ".join(f"{json.dumps(k)}{colon}{v}" for k, v in pairs) + "}"


@st.composite
def pages(draw: st.DrawFn) -> str:
    records = draw(st.lists(record_texts(), min_size=1, max_size=4))
    text = '{"results": [' + ", ".join(records) + "]"
    if draw(st.booleans()):
        text += ', "messages": ["see https://api.usaspending.gov/docs/endpoints"]'
    return text + "}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pages(),
    st.sampled_from([None, "16.710", "16.071"]),
    st.sampled_from([None, "WA"]),
    st.booleans(),
)
def test_any_page_reads_the_same_on_both_paths(
    text: str, listing: str | None, state: str | None, strict: bool
) -> None:
    agree(text, assistance_listing=listing, recipient_state=state, strict=strict)


@settings(max_examples=200, deadline=None)
@given(st.lists(record_texts(), min_size=1, max_size=3))
def test_the_fast_builder_builds_only_what_the_precise_path_builds(records: list[str]) -> None:
    # Record by record, without the document checks: a record the fast path builds is the
    # precise path's grant; one it leaves is left to the precise path.
    text = '{"results": [' + ", ".join(records) + "]}"
    try:
        document = strictjson.loads(text, decimals=True)
    except (ValueError, cr.ValidationError):  # NaN, a key twice: not a page on either path
        return
    build = fast_only(Defaults("16.710", "WA"))
    with precise_only():
        expected = list(
            read_api(io.StringIO(text), assistance_listing="16.710", recipient_state="WA")
        )
    for record, outcome in zip(document["results"], expected, strict=True):
        built = build(record)
        if built is not None:
            assert view(built) == view(outcome)


# The amount -------------------------------------------------------------------------------


def _converted_and_validated(value: int | Decimal) -> Decimal | None:
    """What the grant's amount converter and validator make of a JSON number, or ``None``."""
    cents = cr_fields.money(Decimal(value) if type(value) is int else value)
    try:
        cr_fields.amount(None, attrs.fields(cr.Grant).federal_amount, cents)
    except cr.ValidationError:
        return None
    return cents


JSON_NUMBERS = st.from_regex(r"\A-?(0|[1-9][0-9]{0,15})(\.[0-9]{1,4})?([eE][-+]?[0-9]{1,3})?\Z")


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        JSON_NUMBERS.map(Decimal),
        st.decimals(),  # any exponent, NaN and the infinities included
        st.integers(),
        st.integers(-(10**14), 10**14),
    )
)
def test_the_fast_amount_is_what_the_converter_and_validator_accept(value: int | Decimal) -> None:
    expected = _converted_and_validated(value)
    # The same value written the same way (an exponent of -2), or refused alike.
    assert repr(_fast._cents(value)) == repr(expected)


# The program an award number names --------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.from_regex(f"\\A(?:{award_number.PATTERN})\\Z")
    | st.sampled_from(["2015CKWX0025", "2020UMWX0499", "2012ULWX0012", "2016SVWX0001"])
    | st.sampled_from(["2014HHWX0001", "2014HEWX0001", "2019ZZWX0001"])
)
def test_a_canonical_award_number_names_the_program_its_parse_names(number: str) -> None:
    assert _classify.by_canonical_award_number(number) == _classify.by_award_number(number)
