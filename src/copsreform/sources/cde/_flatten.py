"""Each shape's records, numbered in document order, with the columns they hold."""

from collections.abc import Callable, Iterator
from typing import Any

from copsreform import _io
from copsreform._records import RecordError
from copsreform.agency import Agency
from copsreform.errors import Problem, SourceFormatError
from copsreform.sources.cde._columns import NULLS, Columns
from copsreform.sources.cde._convert import converter

__all__ = [
    "NotAnObject",
    "api_records",
    "convert_2018",
    "csv_records",
    "flat_2018",
    "json_columns",
    "records_2018",
]


class NotAnObject(dict[str, Any]):
    """A 2018 entry whose value is not a JSON object, kept with its keys for the report."""


def json_columns(records: list[tuple[int, Any]], injected: tuple[str, ...] = ()) -> Columns:
    keys: dict[str, None] = dict.fromkeys(injected)
    for _, record in records:
        if isinstance(record, dict) and not isinstance(record, NotAnObject):
            keys.update(dict.fromkeys(record))
    return Columns.find(keys)


def convert_2018(columns: Columns) -> Callable[[Any], Agency]:
    convert_one = converter(columns)

    def convert(record: Any) -> Agency:
        if isinstance(record, NotAnObject):
            raise RecordError([Problem("must be a JSON object", record["value"])])
        return convert_one(record)

    return convert


def api_records(document: Any, name: str) -> list[tuple[int, Any]]:
    if not isinstance(document, dict) or not all(isinstance(v, list) for v in document.values()):
        raise SourceFormatError(
            "is not the CDE API's agency list: expected a JSON object whose values are "
            "lists of agencies, keyed by county",
            name,
        )
    records = (record for agencies in document.values() for record in agencies)
    return list(enumerate(records))


def records_2018(document: Any, name: str) -> list[tuple[int, Any]]:
    if not isinstance(document, dict) or not all(isinstance(v, dict) for v in document.values()):
        raise SourceFormatError(
            "is not the 2018 CDE agency list: expected a JSON object keyed by state, "
            "each value an object keyed by ORI",
            name,
        )

    records = (
        flat_2018(state, ori, record)
        for state, agencies in document.items()
        for ori, record in agencies.items()
    )
    return list(enumerate(records))


def flat_2018(state: str, ori: str, record: Any) -> dict[str, Any]:
    """One 2018 entry as a record: its state key and ORI key with its own fields."""
    if isinstance(record, dict):
        return {"state_key": state, "ori": ori, **record}
    return NotAnObject(state_key=state, ori=ori, value=record)


def _unique(header: list[str]) -> list[str]:
    """Column names made unique: an empty or repeated name is named by its position."""
    seen: set[str] = set()
    names = []
    for number, raw in enumerate(header, start=1):
        name = raw.strip()
        if not name:
            name = f"(unnamed column {number})"
        elif name in seen:
            name = f"{name} (column {number})"
        seen.add(name)
        names.append(name)
    return names


def csv_records(
    opened: _io.Opened, note: Callable[[tuple[str, ...]], None]
) -> tuple[Columns, Iterator[tuple[int, _io.Row]]]:
    rows = _io.csv_rows(opened)
    first = next(rows, None)
    if first is None:
        raise SourceFormatError(
            "is empty; expected a CSV header row with 'ori' and 'agency_name' (or "
            "'pub_agency_name') columns",
            opened.name,
        )
    header = _unique(first[1])
    columns = Columns.find(header, NULLS)
    if not columns.ori or not columns.name:
        missing = "'ori'" if not columns.ori else "'agency_name' or 'pub_agency_name'"
        raise SourceFormatError(
            f"has no column {missing} in its header (line {first[0]}, any case); "
            f"the header starts {', '.join(repr(n) for n in header[:6])}",
            opened.name,
        )
    note(columns.unkept)
    width = len(header)

    def records() -> Iterator[tuple[int, _io.Row]]:
        for number, (_, fields) in enumerate(rows, start=1):
            record = _io.Row(zip(header, fields, strict=False))
            record.width = len(fields)
            record.expected = width
            yield number, record

    return columns, records()
