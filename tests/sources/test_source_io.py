import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from source_files import AGENCY_CSV

import copsreform as cr
from copsreform._io import open_source
from copsreform.batch import Rejected
from copsreform.sources import cde, read_cde, read_usaspending

RECORD = {
    "Award ID": "2020UMWX0499",
    "Recipient Name": "CITY OF FEDERAL WAY",
    "Start Date": "2020-07-01",
    "End Date": "2023-06-30",
}


@pytest.mark.parametrize(
    ("amount", "reason"),
    [
        ("1e400", "must be less than 10 trillion in size"),
        ("750000", None),
        ("-0.0", None),
    ],
)
def test_json_numbers_reach_the_model_as_decimals(amount: str, reason: str | None) -> None:
    text = '{"results": [' + json.dumps(RECORD)[:-1] + f', "Award Amount": {amount}' + "}]}"
    [outcome] = read_usaspending(io.StringIO(text))
    if reason is None:
        assert isinstance(outcome, cr.Grant)
    else:
        assert isinstance(outcome, Rejected)
        assert [(p.path, p.reason) for p in outcome.problems] == [("$.Award Amount", reason)]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_non_finite_numbers_are_refused_at_parse_time_with_their_position(
    constant: str,
) -> None:
    text = '{"results": [' + json.dumps(RECORD)[:-1] + f', "Award Amount": {constant}' + "}]}"
    column = text.index(constant) + 1
    with pytest.raises(cr.SourceFormatError) as excinfo:
        list(read_usaspending(io.StringIO(text)))
    assert str(excinfo.value) == (
        f"<stream>: is not well-formed JSON: {constant} is not a JSON number (JSON has no NaN "
        f"or Infinity): line 1 column {column}"
    )


def test_json_duplicated_keys_are_refused_with_their_path() -> None:
    text = '{"results": [' + json.dumps(RECORD)[:-1] + ', "Award ID": "2020UMWX0500"}]}'
    with pytest.raises(cr.SourceFormatError) as excinfo:
        list(read_usaspending(io.StringIO(text)))
    assert str(excinfo.value) == (
        "<stream>: is not well-formed JSON: '$.results[0].Award ID' is given more than once "
        "(a JSON key must be unique in its object)"
    )


def test_json_nested_too_deeply_gives_a_source_format_error() -> None:
    text = '{"results": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(cr.SourceFormatError, match="is JSON nested too deeply to read"):
        list(read_usaspending(io.StringIO(text)))


def test_a_text_stream_larger_than_the_limit_is_refused() -> None:
    with pytest.raises(cr.LimitExceededError) as excinfo:
        list(read_cde(io.StringIO(AGENCY_CSV.read_text(encoding="utf-8")), max_bytes=5_000))
    assert str(excinfo.value) == (
        "'<stream>' is larger than the limit of 5,000 characters; pass a larger max_bytes if "
        "the file is genuine"
    )


def test_a_plain_file_larger_than_the_limit_is_refused() -> None:
    with pytest.raises(cr.LimitExceededError, match="limit of 5,000 bytes; pass a larger"):
        list(read_cde(AGENCY_CSV, max_bytes=5_000))


def test_a_byte_order_mark_is_not_part_of_the_first_column() -> None:
    data = b"\xef\xbb\xbf" + AGENCY_CSV.read_bytes()
    assert len(list(read_cde(io.BytesIO(data)))) == 39
    assert len(list(read_cde(io.StringIO(data.decode("utf-8"))))) == 39


def test_a_callers_stream_is_left_open() -> None:
    stream = io.BytesIO(AGENCY_CSV.read_bytes())
    list(read_cde(stream))
    assert not stream.closed


def test_a_file_opened_from_a_path_is_closed_when_reading_stops_early() -> None:
    outcomes = read_cde(AGENCY_CSV)
    next(outcomes)
    outcomes.close()  # no ResourceWarning: the suite turns warnings into errors


def test_a_line_split_at_the_head_boundary_is_read_whole() -> None:
    header = "ori,state_abbr,agency_name,agency_type\n"
    row = "WA0170100,WA,Auburn Police Department,City\n"
    padding = "x" * (64 * 1024 - len(header) - 10)
    text = header + f"WA0173600,WA,{padding},City\n" + row
    outcomes = list(read_cde(io.StringIO(text)))
    assert [type(o) for o in outcomes] == [Rejected, cr.Agency]  # the padded name is too long


def test_opening_a_missing_path_raises_os_error() -> None:
    with pytest.raises(FileNotFoundError), open_source("/nonexistent/agencies.csv", 10):
        pass


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
AWARD_FIELDS = [
    "Award ID",
    "Recipient Name",
    "Award Amount",
    "Start Date",
    "End Date",
    "Description",
    "Recipient UEI",
    "CFDA Number",
]
AGENCY_FIELDS = [
    "ori",
    "counties",
    "state_abbr",
    "agency_name",
    "agency_type_name",
    "primary_county",
]


def records(fields: list[str]) -> st.SearchStrategy[object]:
    chosen = st.dictionaries(st.sampled_from(fields), JSON_VALUES, max_size=len(fields))
    return st.one_of(chosen, JSON_VALUES)


@given(st.lists(records(AWARD_FIELDS), max_size=4))
def test_any_api_record_becomes_one_grant_or_one_rejection(results: list[object]) -> None:
    text = json.dumps({"results": results})
    outcomes = list(read_usaspending(io.StringIO(text), assistance_listing="16.710"))
    assert len(outcomes) == len(results)
    assert all(isinstance(o, cr.Grant | Rejected) for o in outcomes)


@given(
    st.dictionaries(st.text(max_size=8), st.lists(records(AGENCY_FIELDS), max_size=3), max_size=3)
)
def test_any_county_keyed_record_becomes_one_agency_or_one_rejection(
    document: dict[str, list[object]],
) -> None:
    outcomes = list(cde.read_api(io.StringIO(json.dumps(document))))
    assert len(outcomes) == sum(len(v) for v in document.values())
    assert all(isinstance(o, cr.Agency | Rejected) for o in outcomes)


@given(
    st.dictionaries(
        st.text(max_size=4),
        st.dictionaries(st.text(max_size=9), records(AGENCY_FIELDS), max_size=3),
        max_size=3,
    )
)
def test_any_2018_record_becomes_one_agency_or_one_rejection(
    document: dict[str, dict[str, object]],
) -> None:
    outcomes = list(cde.read_frontend_2018(io.StringIO(json.dumps(document))))
    assert len(outcomes) == sum(len(v) for v in document.values())
    assert all(isinstance(o, cr.Agency | Rejected) for o in outcomes)


@given(st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=7), max_size=5))
def test_any_csv_row_becomes_one_agency_or_one_rejection(rows: list[list[str]]) -> None:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["ori", "county", "state_abbr", "agency_name", "agency_type", "is_nibrs"])
    writer.writerows(rows)
    outcomes = list(cde.read_csv(io.StringIO(out.getvalue())))
    assert len(outcomes) == sum(1 for row in rows if row)
    assert all(isinstance(o, cr.Agency | Rejected) for o in outcomes)
