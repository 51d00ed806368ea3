"""Fuzzing the USAspending and FBI CDE importers: every record comes back, only our errors.

Real files (tests/data/usaspending, tests/data/cde and the bundled 2018 list) are read
whole and mutated record by record and cell by cell; the counts must add up to the
records in the file.
"""

import csv
import gzip
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hardening_support import DATA, HOSTILE_SCALARS, json_values, mutated
from hypothesis import given
from hypothesis import strategies as st

import copsreform as cr
from copsreform.sources import cde, usaspending

Reader = Callable[..., Iterator[Any]]

API_PAGE = DATA / "usaspending" / "spending_by_award_16710_WA_page1.json"
AWARD_CSV = DATA / "usaspending" / "Assistance_PrimeAwardSummaries_constructed.csv"
TRANSACTION_CSV = DATA / "usaspending" / "Assistance_PrimeTransactions_constructed.csv"
CDE_API = DATA / "cde" / "byStateAbbr_WA_constructed.json"
CDE_CSV = DATA / "cde" / "real_agencies.csv"
CDE_2018 = Path(cr.__file__).parent / "data" / "cde" / "agencies-by-state-2018.json.gz"

PAGE: dict[str, Any] = json.loads(API_PAGE.read_text(encoding="utf-8"))
CDE_COUNTIES: dict[str, list[Any]] = json.loads(CDE_API.read_text(encoding="utf-8"))


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return [row for row in csv.reader(stream) if row]


def read_all(reader: Reader, data: bytes | str) -> list[Any]:
    """Read every outcome; anything but our errors escapes and fails the test."""
    source = io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data)
    outcomes = list(reader(source))
    assert all(isinstance(o, cr.Grant | cr.Agency | cr.Rejected) for o in outcomes)
    for outcome in outcomes:  # every rejection can be written to an errors file
        if isinstance(outcome, cr.Rejected):
            json.dumps(outcome.as_dict(), ensure_ascii=False).encode("utf-8")
    return outcomes


def read_or_error(reader: Reader, data: bytes | str) -> list[Any] | cr.CopsReformError:
    """The outcomes, or the CopsReformError that refused the whole file (its message renders)."""
    try:
        return read_all(reader, data)
    except cr.CopsReformError as error:
        str(error)
        return error


def tally(outcomes: list[Any]) -> cr.Summary:
    counted = cr.Tally()
    for outcome in outcomes:
        counted.add(outcome)
    return counted.summary()


def _csv_text(rows: list[list[str]], newline: str = "\r\n") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    return out.getvalue()


# Real files: the counts add up ---------------------------------------------------------

REAL_FILES = [
    (usaspending.read_usaspending, API_PAGE, len(PAGE["results"])),
    (usaspending.read_usaspending, AWARD_CSV, len(_csv_rows(AWARD_CSV)) - 1),
    (usaspending.read_usaspending, TRANSACTION_CSV, len(_csv_rows(TRANSACTION_CSV)) - 1),
    (cde.read_cde, CDE_API, sum(len(v) for v in CDE_COUNTIES.values())),
    (cde.read_cde, CDE_CSV, len(_csv_rows(CDE_CSV)) - 1),
    (cde.read_cde, CDE_2018, 23_243),
]


@pytest.mark.parametrize(
    ("reader", "path", "records"), REAL_FILES, ids=[p.name for _, p, _ in REAL_FILES]
)
def test_every_record_of_a_real_file_is_imported_or_rejected(
    reader: Reader, path: Path, records: int
) -> None:
    summary = tally(list(reader(path)))
    assert (summary.read, summary.imported + summary.rejected) == (records, records)


@pytest.mark.parametrize(
    ("reader", "path", "records"), REAL_FILES[:5], ids=[p.name for _, p, _ in REAL_FILES[:5]]
)
@pytest.mark.parametrize("encoding", ["utf-8-sig", "gzip", "crlf", "lf", "text"])
def test_a_real_file_reads_the_same_with_a_bom_gzipped_with_either_line_end_or_as_text(
    reader: Reader, path: Path, records: int, encoding: str
) -> None:
    raw = path.read_bytes()
    expected = list(reader(path))
    if encoding == "utf-8-sig":
        data: bytes | str = b"\xef\xbb\xbf" + raw
    elif encoding == "gzip":
        data = gzip.compress(raw)
    elif encoding == "crlf":
        data = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    elif encoding == "lf":
        data = raw.replace(b"\r\n", b"\n")
    else:
        data = raw.decode("utf-8")
    outcomes = read_all(reader, data)
    assert records == len(outcomes)
    assert _imported(expected) == _imported(outcomes)


def _imported(outcomes: list[Any]) -> list[str]:
    # A line break inside a quoted CSV cell is data: CRLF there stays CRLF, so compare
    # texts with line breaks made alike.
    return [
        cr.to_json(o).replace("\\r\\n", "\\n") for o in outcomes if not isinstance(o, cr.Rejected)
    ]


# Fuzzing -------------------------------------------------------------------------------


@given(st.binary(max_size=600), st.booleans())
def test_any_bytes_give_records_or_our_error(data: bytes, compressed: bool) -> None:
    payload = gzip.compress(data) if compressed else data
    for reader in (usaspending.read_usaspending, cde.read_cde):
        read_or_error(reader, payload)


@given(st.text(max_size=400))
def test_any_text_gives_records_or_our_error(text: str) -> None:
    for reader in (usaspending.read_usaspending, cde.read_cde):
        read_or_error(reader, text)


@given(st.lists(st.integers(0, 99), min_size=1, max_size=6, unique=True), st.data())
def test_a_page_with_mutated_awards_reports_each_award_once(
    indexes: list[int], data: st.DataObject
) -> None:
    results = [dict(r) for r in PAGE["results"]]
    for index in indexes:
        results[index] = data.draw(mutated(results[index]))
    page = {**PAGE, "results": results}
    text = json.dumps(page, ensure_ascii=False).encode("utf-8", "surrogatepass")
    outcomes = read_or_error(usaspending.read_usaspending, text)
    if isinstance(outcomes, cr.CopsReformError):  # a lone surrogate: the file is not UTF-8
        assert isinstance(outcomes, cr.SourceFormatError)
        return
    summary = tally(outcomes)
    assert (summary.read, summary.imported + summary.rejected) == (100, 100)
    assert summary.rejected >= 0


@given(st.lists(json_values(6), max_size=6))
def test_a_page_of_arbitrary_results_reports_each_once(results: list[Any]) -> None:
    text = json.dumps({"results": results}).encode("utf-8", "surrogatepass")
    outcomes = read_or_error(usaspending.read_usaspending, text)
    if not isinstance(outcomes, cr.SourceFormatError):
        assert isinstance(outcomes, list)
        assert len(outcomes) == len(results)


@given(st.dictionaries(st.text(max_size=8), json_values(6), max_size=4))
def test_a_cde_document_of_arbitrary_shape_gives_records_or_our_error(document: Any) -> None:
    text = json.dumps(document).encode("utf-8", "surrogatepass")
    read_or_error(cde.read_cde, text)


@given(st.lists(st.text(max_size=3), min_size=1, max_size=6), st.data())
def test_cde_counties_with_mutated_agencies_report_each_agency_once(
    counties: list[str], data: st.DataObject
) -> None:
    document = {k: [dict(a) for a in v] for k, v in CDE_COUNTIES.items()}
    for county in counties:
        records = document.setdefault(county or "KING", [])
        if records:
            position = data.draw(st.integers(0, len(records) - 1))
            records[position] = data.draw(mutated(records[position]))
    text = json.dumps(document).encode("utf-8", "surrogatepass")
    outcomes = read_or_error(cde.read_cde, text)
    if isinstance(outcomes, cr.CopsReformError):
        assert isinstance(outcomes, cr.SourceFormatError)
        return
    expected = sum(len(v) if isinstance(v, list) else 1 for v in document.values())
    assert expected == len(outcomes)


_CSV_CELLS = st.sampled_from([v for v in HOSTILE_SCALARS if isinstance(v, str)]) | st.text(
    max_size=20
)


@pytest.mark.parametrize(
    ("reader", "path"),
    [
        (usaspending.read_usaspending, AWARD_CSV),
        (usaspending.read_usaspending, TRANSACTION_CSV),
        (cde.read_cde, CDE_CSV),
    ],
    ids=["award_csv", "transaction_csv", "cde_csv"],
)
@given(data=st.data())
def test_a_csv_with_hostile_cells_reports_each_row_once(
    reader: Reader, path: Path, data: st.DataObject
) -> None:
    rows = _csv_rows(path)
    header, body = rows[0], [list(r) for r in rows[1:]]
    for _ in range(data.draw(st.integers(1, 8))):
        row = data.draw(st.integers(0, len(body) - 1))
        column = data.draw(st.integers(0, len(header) - 1))
        if column < len(body[row]):
            body[row][column] = data.draw(_CSV_CELLS)
    if data.draw(st.booleans()):  # a short or a long row
        row = data.draw(st.integers(0, len(body) - 1))
        body[row] = body[row][: data.draw(st.integers(0, len(header)))] + ["extra"] * data.draw(
            st.integers(0, 2)
        )
    text = _csv_text([header, *body], data.draw(st.sampled_from(["\r\n", "\n"])))
    outcomes = read_or_error(reader, text.encode("utf-8", "surrogatepass"))
    if isinstance(outcomes, cr.CopsReformError):
        assert isinstance(outcomes, cr.SourceFormatError)
        return
    # Count records as the csv module splits them: an unquoted bare CR starts a new one.
    assert len([r for r in csv.reader(io.StringIO(text, newline="")) if r]) - 1 == len(outcomes)
