"""Reading FBI agency files of every shape, yielding every record."""

from collections.abc import Callable, Iterator
from typing import Any, Final

from copsreform import _io
from copsreform._records import check_format, check_width, outcomes, raise_strict
from copsreform.agency import Agency
from copsreform.batch import Outcomes, Rejected
from copsreform.sources._bundled import open_bundled
from copsreform.sources.cde._convert import deduplicated
from copsreform.sources.cde._fast import read_2018
from copsreform.sources.cde._flatten import (
    api_records,
    convert_2018,
    csv_records,
    flat_2018,
    json_columns,
    records_2018,
)
from copsreform.sources.cde._shapes import FORMATS, Format, detect

__all__ = [
    "BUNDLED_2018",
    "read_api",
    "read_bundled_2018",
    "read_cde",
    "read_csv",
    "read_frontend_2018",
]

# Public as the package's BUNDLED_2018, and documented there.
BUNDLED_2018: Final = "data/cde/agencies-by-state-2018.json.gz"


def _read(
    source: _io.Source,
    format: Format | None,
    strict: bool,
    max_bytes: int | None,
    note: Callable[[tuple[str, ...]], None],
) -> Iterator[Agency | Rejected]:
    json_limit = max_bytes or _io.MAX_JSON_BYTES
    limit = max_bytes or (_io.MAX_CSV_BYTES if format in (None, "csv") else json_limit)
    with _io.open_source(source, limit) as opened:
        chosen = format or detect(opened)
        if chosen == "api":
            records = api_records(_io.load_json(opened, json_limit), opened.name)
            columns = json_columns(records)
            note(columns.unkept)
            yield from outcomes(records, deduplicated(columns), "index", strict=strict)
        elif chosen == "frontend_2018":
            text = _io.read_text(opened, json_limit)
            fast = read_2018(text, convert_2018, flat_2018)
            if fast is not None:
                note(fast[0].unkept)
                for outcome in fast[1]:
                    if strict and type(outcome) is Rejected:
                        raise_strict(outcome)
                    yield outcome
                return
            entries = records_2018(_io.parse_json(text, opened.name), opened.name)
            columns = json_columns(entries, ("state_key", "ori"))
            note(columns.unkept)
            yield from outcomes(entries, convert_2018(columns), "index", strict=strict)
        else:
            columns, rows = csv_records(opened, note)
            convert = deduplicated(columns)

            def checked(record: Any) -> Agency:
                check_width(record)
                return convert(record)

            yield from outcomes(rows, checked, "row", strict=strict)


def _outcomes(
    source: _io.Source, format: Format | None, strict: bool, max_bytes: int | None
) -> Outcomes[Agency | Rejected]:
    return Outcomes(lambda note: _read(source, format, strict, max_bytes, note))


def read_cde(
    source: _io.Source,
    *,
    format: Format | None = None,
    strict: bool = False,
    max_bytes: int | None = None,
) -> Outcomes[Agency | Rejected]:
    r"""Read FBI agencies from any CDE shape, detecting which one it is.

    JSON shapes are single documents, parsed whole (capped at 32 MiB after
    decompression by default; the 2018 list is 5.5 MB); the CSV is streamed (4 GiB cap).

    Args:
        source: A path, or an open binary or text stream; gzip is recognised.
        format: ``"api"``, ``"frontend_2018"`` or ``"csv"``; detected when ``None``.
        strict: Raise on the first bad record instead of yielding a rejection (a
            repeated ORI counts as one).
        max_bytes: The most bytes to read (after decompression).

    Returns:
        An :class:`~copsreform.batch.Outcomes` iterator that yields an
        :class:`~copsreform.Agency` or a :class:`~copsreform.batch.Rejected` for every
        record, in document order, and whose ``unkept`` names the source columns read
        but not kept. The file is opened and read only as the iterator is consumed.

    Raises:
        ValidationError: At once, if ``format`` is not valid. While iterating, in strict
            mode, for the first bad record, with paths such as ``index 7: $.ori``.
        SourceFormatError: While iterating, if the file is none of the shapes, is not
            well-formed JSON or CSV, or lacks a required column; for JSON, before any
            record is yielded.
        LimitExceededError: While iterating, if the file is larger than ``max_bytes``.

    Examples:
        >>> import io
        >>> from copsreform import read_cde
        >>> rows = io.StringIO(
        ...     "ori,county,latitude,longitude,state_abbr,state,agency_name,agency_type,"
        ...     "is_nibrs,nibrs_start_date\n"
        ...     "WADI01000,NOT SPECIFIED,NA,NA,WA,Washington,Muckleshoot Tribal,NA,TRUE,2018-08-01\n"
        ...     "NB0280200,DOUGLAS,41.297091,-96.154066,NE,Nebraska,Omaha Police Department,"
        ...     "City,TRUE,2023-08-01\n")
        >>> [(a.ori, a.agency_type.value, a.jurisdiction.value) for a in read_cde(rows)]
        [('WADI01000', 'unknown', 'tribal'), ('NB0280200', 'city', 'local')]
    """
    return _outcomes(source, check_format(format, FORMATS), strict, max_bytes)


def read_api(
    source: _io.Source, *, strict: bool = False, max_bytes: int | None = None
) -> Outcomes[Agency | Rejected]:
    """Read the current CDE API's county-keyed agency list (one JSON document).

    Records are numbered across counties in document order, from 0. An ORI listed again
    under another county key is reported (see the module documentation).

    Args:
        source: A path, or an open binary or text stream; gzip is recognised.
        strict: Raise on the first bad record instead of yielding a rejection.
        max_bytes: The most bytes to read (after decompression); 32 MiB by default.

    Returns:
        An iterator of agencies and rejections, as :func:`read_cde`.

    Raises:
        ValidationError: In strict mode, for the first bad record.
        SourceFormatError: If the JSON is not well formed or not keyed by county with
            lists as values; no record is yielded then.
        LimitExceededError: If the document is larger than ``max_bytes``.

    Examples:
        >>> import io
        >>> from copsreform.sources.cde import read_api
        >>> list(read_api(io.StringIO('{"AL": {"AL0010000": {}}}')))
        Traceback (most recent call last):
        ...
        copsreform.errors.SourceFormatError: <stream>: is not the CDE API's agency list: expected a JSON object whose values are lists of agencies, keyed by county
    """
    return _outcomes(source, "api", strict, max_bytes)


def read_frontend_2018(
    source: _io.Source, *, strict: bool = False, max_bytes: int | None = None
) -> Outcomes[Agency | Rejected]:
    """Read the 2018 CDE front end's agency list, keyed by state then ORI (one document).

    Records are numbered in document order, from 0; a rejection's ``raw`` record carries
    its ``state_key`` and ``ori`` with the agency's own fields.

    Args:
        source: A path, or an open binary or text stream; gzip is recognised.
        strict: Raise on the first bad record instead of yielding a rejection.
        max_bytes: The most bytes to read (after decompression); 32 MiB by default.

    Returns:
        An iterator of agencies and rejections, as :func:`read_cde`.

    Raises:
        ValidationError: In strict mode, for the first bad record.
        SourceFormatError: If the JSON is not well formed or not keyed by state with
            objects as values; no record is yielded then.
        LimitExceededError: If the document is larger than ``max_bytes``.

    Examples:
        >>> import io
        >>> from copsreform.sources.cde import read_frontend_2018
        >>> doc = io.StringIO('{"CZ": {"CZ0000500": {"agency_name": "Canal Zone", '
        ...                   '"agency_type_name": "Other", "primary_county": null}}}')
        >>> print(next(read_frontend_2018(doc)))
        index 0: '$.state_key' must be a USPS code of a state, DC or a U.S. territory (got 'CZ')
    """
    return _outcomes(source, "frontend_2018", strict, max_bytes)


def read_csv(
    source: _io.Source, *, strict: bool = False, max_bytes: int | None = None
) -> Outcomes[Agency | Rejected]:
    r"""Read an FBI agency table (CSV with a header row), streaming; ``NA`` is null.

    Required columns, in any case: ``ori`` and a name column (``pub_agency_name`` or
    ``agency_name``); every other column of :data:`COLUMN_ALIASES` is read when present,
    and the rest are listed in the result's ``unkept``. An ORI seen on an earlier row is
    reported as for the API shape.

    Args:
        source: A path, or an open binary or text stream; gzip is recognised.
        strict: Raise on the first bad row instead of yielding a rejection.
        max_bytes: The most bytes to read (after decompression); 4 GiB by default.

    Returns:
        An iterator of agencies and rejections, as :func:`read_cde`.

    Raises:
        ValidationError: In strict mode, for the first bad row.
        SourceFormatError: If the file is empty, lacks a required column, or a line
            cannot be read as CSV (a duplicated or empty column name is not an error).
        LimitExceededError: If the file is larger than ``max_bytes``.

    Examples:
        >>> import io
        >>> from copsreform.sources.cde import read_csv
        >>> rows = io.StringIO("ori,state_abbr,agency_name,agency_type\n"
        ...                    "C0034019E,CO,Example Campus Police,University or College\n")
        >>> print(next(read_csv(rows)))
        row 1: '$.ori' must have letters in positions 1-2 (the NCIC state code) (got 'C0034019E')
    """
    return _outcomes(source, "csv", strict, max_bytes)


def read_bundled_2018(*, strict: bool = False) -> Outcomes[Agency | Rejected]:
    """Read the copy of the 2018 CDE agency list that ships with copsreform.

    23,243 records: 23,238 agencies and 5 rejections (the Canal Zone, two test
    agencies, the typo ORI ``C0034019E`` and an agency with no name). Provenance is in
    ``data/cde/README.md`` inside the package.

    Args:
        strict: Raise on the first bad record instead of yielding a rejection.

    Returns:
        An iterator of agencies and rejections, as :func:`read_frontend_2018`.

    Examples:
        >>> from copsreform import read_bundled_2018
        >>> from copsreform.batch import split
        >>> agencies, rejected = split(read_bundled_2018())
        >>> len(agencies), len(rejected)
        (23238, 5)
        >>> next(a for a in agencies if a.ori == "NB0280200").name
        'Omaha Police Department'
    """
    return Outcomes(lambda note: _read_bundled(strict, note))


def _read_bundled(
    strict: bool, note: Callable[[tuple[str, ...]], None]
) -> Iterator[Agency | Rejected]:
    with open_bundled(BUNDLED_2018) as stream:
        yield from _read(stream, "frontend_2018", strict, None, note)
