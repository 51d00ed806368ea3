"""The FBI importers' fast path agrees with the precise path: same outcomes, same errors.

The fast path (``copsreform.sources.cde._fast``) proves clean records valid and builds
their agencies without the model's converters and validators; everything else takes the
precise path. These tests run each input both ways (the precise way by switching the
fast path off) and require equal agencies, equal rejections (position, problems, raw
record), the same unkept columns and the same exceptions, on the real files and on
generated documents with every kind of flaw.
"""

import io
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from source_files import API_2018_PANDAS, NIBRS_AGENCIES_2020, NIBRS_CDE_AGENCIES_2015

import copsreform as cr
from copsreform.batch import Rejected
from copsreform.sources.cde import (
    _convert,
    _fast,
    _readers,
    infer_jurisdiction,
    read_cde,
    read_frontend_2018,
)
from copsreform.sources.cde._columns import NULLS, Columns


@contextmanager
def precise_only() -> Iterator[None]:
    """Switch the fast path off: every document and record takes the precise path."""
    with (
        mock.patch.object(_readers, "read_2018", return_value=None),
        mock.patch.object(_convert, "fast_converter", return_value=None),
    ):
        yield


def outcome(read: Callable[[], Any]) -> tuple[str, Any, Any]:
    """Everything a reader gives: its outcomes and unkept columns, or its exception."""
    try:
        results = read()
        return "ok", list(results), results.unkept
    except Exception as error:  # compared by type and message
        return "error", type(error), str(error)


def both_ways(read: Callable[[], Any]) -> tuple[tuple[str, Any, Any], tuple[str, Any, Any]]:
    fast = outcome(read)
    with precise_only():
        precise = outcome(read)
    return fast, precise


# Real files -------------------------------------------------------------------------------


def test_the_bundled_2018_list_gives_the_same_outcomes_both_ways() -> None:
    fast, precise = both_ways(cr.read_bundled_2018)
    assert fast == precise
    assert fast[0] == "ok"
    agencies = [o for o in fast[1] if isinstance(o, cr.Agency)]
    rejected = [o for o in fast[1] if isinstance(o, Rejected)]
    assert (len(agencies), len(rejected)) == (23_238, 5)


def test_the_bundled_2018_list_takes_the_fast_path() -> None:
    # Otherwise the agreement above would prove nothing: only the records the fast path
    # cannot prove clean reach the precise converter.
    with mock.patch.object(_convert, "agency", wraps=_convert.agency) as precise:
        outcomes = list(cr.read_bundled_2018())
    assert len(outcomes) == 23_243
    assert 5 <= precise.call_count <= 300


@pytest.mark.parametrize(
    "path",
    [NIBRS_AGENCIES_2020, NIBRS_CDE_AGENCIES_2015, API_2018_PANDAS],
    ids=["nibrs-agencies-2020", "nibrs-cde-agencies-2015", "api-2018-pandas"],
)
def test_real_fbi_tables_give_the_same_outcomes_both_ways(path: Any) -> None:
    fast, precise = both_ways(lambda: read_cde(path))
    assert fast == precise
    assert fast[0] == "ok"


def test_the_strict_mode_raises_at_the_same_record_after_the_same_agencies() -> None:
    doc = {
        "WA": {
            "WA0170000": {**REGULAR, "agency_name": "Seattle Police Department"},
            "WA0170100": {**REGULAR, "agency_name": None},
            "WA0170200": {**REGULAR, "agency_name": "Tacoma Police Department"},
        }
    }
    text = json.dumps(doc)

    def first_two() -> list[Any]:
        seen: list[Any] = []
        try:
            seen.extend(read_frontend_2018(io.StringIO(text), strict=True))
        except cr.ValidationError as error:
            seen.append(str(error))
        return seen

    fast = first_two()
    with precise_only():
        precise = first_two()
    assert fast == precise
    assert len(fast) == 2
    assert "'index 1: $.agency_name' is required" in fast[1]


# Generated 2018 documents -----------------------------------------------------------------

REGULAR: dict[str, Any] = {
    "agency_name": "Seattle Police Department",
    "agency_type_name": "City",
    "icpsr_lat": 47.6,
    "icpsr_lng": -122.3,
    "months_reported": 12,
    "nibrs_months_reported": 12,
    "past_10_years_reported": 10,
    "primary_county": "KING",
}

NAMES = [
    "Seattle Police Department",
    "Louisiana State University: Eunice",
    " Padded ",
    "Double  Space",
    "Tab\there",
    "",
    "NA",
    None,
    5,
    "x" * 301,
    "Zion National Park",
    "Muckleshoot Tribal",
    "Guam Police",
]
TYPES = [*(t.ucr_name for t in cr.AgencyType), "city", "  City", "Sheriff", "", None, 3]
COUNTIES = [None, "KING", "KING, PIERCE", "", " KING", "A: B", "NA", 7, "y" * 301]
NUMBERS = [None, 0, 12, -3, 1.5, 0.10, "12", "1:2", {"a": 1}, [1], True, 2**70]
STATES = ["WA", "NB", "NE", "GM", "GU", "FS", "wa", "CZ", "", "W:A", "PR"]


@st.composite
def entries(draw: st.DrawFn) -> tuple[str, str, Any]:
    state = draw(st.sampled_from(STATES))
    prefix = draw(st.sampled_from(["WA", "NB", "GM", "PR", "DC", "wa"]))
    ori = draw(
        st.sampled_from(
            [f"{prefix}0170000", f"{prefix}01700", "", "WA:170000", f"{prefix}0170000 "]
        )
    )
    entry: Any = dict(REGULAR)
    entry["agency_name"] = draw(st.sampled_from(NAMES))
    entry["agency_type_name"] = draw(st.sampled_from(TYPES))
    entry["primary_county"] = draw(st.sampled_from(COUNTIES))
    for key in ("icpsr_lat", "months_reported"):
        entry[key] = draw(st.sampled_from(NUMBERS))
    change = draw(st.sampled_from(["none", "none", "extra", "missing", "shuffled", "scalar"]))
    if change == "extra":
        entry["extra_column"] = draw(st.sampled_from([1, "x", None]))
    elif change == "missing":
        del entry[draw(st.sampled_from(sorted(entry)))]
    elif change == "shuffled":
        entry = dict(draw(st.permutations(list(entry.items()))))
    elif change == "scalar":
        entry = draw(st.sampled_from([None, 3, "text", []]))
    return state, ori, entry


@st.composite
def documents(draw: st.DrawFn) -> str:
    items = draw(st.lists(entries(), max_size=6))
    doc: dict[str, dict[str, Any]] = {}
    for state, ori, entry in items:
        doc.setdefault(state, {})[ori] = entry
    separators = draw(st.sampled_from([(",", ":"), (", ", ": "), (",", " : ")]))
    text = json.dumps(doc, separators=separators, ensure_ascii=draw(st.booleans()))
    flaw = draw(st.sampled_from(["none", "none", "none", "repeated", "escape", "nan"]))
    if flaw == "repeated" and '"agency_name":' in text:
        text = text.replace('"agency_name":', '"agency_name":"Again","agency_name":', 1)
    elif flaw == "repeated" and doc:
        state = next(iter(doc))
        text = text.replace(f'"{state}":', f'"{state}":{{}},"{state}":', 1)
    elif flaw == "escape":
        text = text.replace("Seattle", "Se\\u0061ttle")
    elif flaw == "nan":
        text = text.replace("12", "NaN", 1)
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.booleans())
def test_generated_2018_documents_give_the_same_outcomes_both_ways(text: str, strict: bool) -> None:
    fast, precise = both_ways(lambda: read_frontend_2018(io.StringIO(text), strict=strict))
    assert fast == precise


# Generated CSV and JSON records through the per-record fast converter ------------------------

HEADERS = [
    # a NIBRS agencies table: a unit, and male plus female officers
    [
        "ORI",
        "PUB_AGENCY_NAME",
        "PUB_AGENCY_UNIT",
        "STATE_ABBR",
        "AGENCY_TYPE_NAME",
        "POPULATION",
        "MALE_OFFICER",
        "FEMALE_OFFICER",
        "COUNTY_NAME",
    ],
    # the older cde_agencies table: a total, and male and female officers too
    [
        "ori",
        "agency_name",
        "state_abbr",
        "agency_type_name",
        "primary_county",
        "population",
        "total_officers",
        "male_officer",
        "female_officer",
    ],
    ["ori", "agency_name", "state_abbr"],
]
CELLS = ["", "NA", "0", "12", "007", "12.0", "-3", " 12", "1000000001", "x", "WA", "City"]


@st.composite
def records(draw: st.DrawFn) -> tuple[Columns, dict[str, Any]]:
    header = draw(st.sampled_from(HEADERS))
    csv = draw(st.booleans())
    columns = Columns.find(header, NULLS if csv else frozenset())
    values: dict[str, list[Any]] = {
        "ori": ["WA0170000", "NB0280200", "wa0170000", "WA01700", "", "NA", None, 3],
        "name": [n for n in NAMES if isinstance(n, str) or not csv],
        "unit": ["", "NA", "Eunice", " ", None],
        "state": STATES,
        "type": [t for t in TYPES if isinstance(t, str) or not csv],
        "county": [c for c in COUNTIES if isinstance(c, str) or not csv],
        "count": CELLS if csv else [*CELLS, None, 12, -1, 10**10, True, 1.5],
    }
    role_of = {
        "ori": "ori",
        "pub_agency_name": "name",
        "agency_name": "name",
        "pub_agency_unit": "unit",
        "state_abbr": "state",
        "agency_type_name": "type",
        "county_name": "county",
        "primary_county": "county",
    }
    record = {
        column: draw(st.sampled_from(values[role_of.get(column.casefold(), "count")]))
        for column in header
    }
    return columns, record


@settings(max_examples=600, deadline=None)
@given(records())
def test_the_fast_converter_builds_what_the_precise_one_builds(
    case: tuple[Columns, dict[str, Any]],
) -> None:
    columns, record = case
    fast = _fast.fast_converter(columns)
    assert fast is not None
    built = fast(record)
    try:
        expected: Any = _convert.agency(record, columns)
    except Exception as error:  # the precise path refuses it: so must the fast one
        expected = error
    if built is not None:
        assert built == expected


def test_the_fast_converter_takes_clean_records() -> None:
    # The property above holds trivially if the fast converter takes nothing.
    columns = Columns.find(HEADERS[0], NULLS)
    convert = _fast.fast_converter(columns)
    assert convert is not None
    row = {
        "ORI": "NB0280200",
        "PUB_AGENCY_NAME": "Omaha Police Department",
        "PUB_AGENCY_UNIT": "",
        "STATE_ABBR": "NB",
        "AGENCY_TYPE_NAME": "City",
        "POPULATION": "486051",
        "MALE_OFFICER": "700",
        "FEMALE_OFFICER": "NA",
        "COUNTY_NAME": "DOUGLAS",
    }
    agency = convert(row)
    assert agency == _convert.agency(row, columns)
    assert (agency.state, agency.population, agency.sworn_officers) == ("NE", 486_051, None)
    assert convert({**row, "FEMALE_OFFICER": "120"}).sworn_officers == 820
    assert convert({**row, "PUB_AGENCY_UNIT": "Eunice"}) is None  # a unit: precise path


def test_a_role_read_from_several_columns_has_no_fast_converter() -> None:
    columns = Columns.find(["ori", "agency_name", "pub_agency_name", "state_abbr"])
    assert _fast.fast_converter(columns) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zion National Park", cr.Jurisdiction.FEDERAL),
        ("Muckleshoot Tribal", cr.Jurisdiction.TRIBAL),
        # A name that says both: the tribal words win wherever they stand, as before the
        # two patterns were searched in one pass.
        ("Grand Canyon National Park Havasupai Tribal Police", cr.Jurisdiction.TRIBAL),
        ("Tribal Police of the Yosemite National Park", cr.Jurisdiction.TRIBAL),
        ("Maryland-National Capital Park Police", cr.Jurisdiction.LOCAL),
        ("Seattle Police Department", cr.Jurisdiction.LOCAL),
    ],
)
def test_a_name_that_tells_the_jurisdiction_is_read_in_one_search(
    name: str, expected: cr.Jurisdiction
) -> None:
    for kind in (cr.AgencyType.UNKNOWN, cr.AgencyType.OTHER):
        assert infer_jurisdiction(kind, name, "WA") is expected
    assert infer_jurisdiction(cr.AgencyType.CITY, name, "WA") is cr.Jurisdiction.LOCAL
