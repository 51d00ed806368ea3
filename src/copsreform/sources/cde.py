"""Import law enforcement agencies from the FBI Crime Data Explorer (CDE).

The FBI publishes its list of law enforcement agencies, keyed by ORI, in several shapes;
this module reads three, mapping fields by name:

``"api"``
    The current API (``/crime/fbi/cde/agency/byStateAbbr/{ST}``): a JSON object keyed by
    **county name**, each value a list of agency objects with ``ori``, ``counties``,
    ``is_nibrs``, ``latitude``, ``longitude``, ``state_abbr``, ``state_name``,
    ``agency_name``, ``agency_type_name`` and ``nibrs_start_date``. An agency that
    serves two counties can be listed under both keys: the second listing of an ORI is
    reported as a rejection whose reason says it was merged into the first (so it is
    counted in the summary, not dropped), or, if its details differ, that the first was
    kept.
``"frontend_2018"``
    The list the official CDE front end shipped in 2018: a JSON object keyed by state,
    then by ORI, each value an object with ``agency_name``, ``agency_type_name``,
    ``icpsr_lat``, ``icpsr_lng``, ``months_reported``, ``nibrs_months_reported``,
    ``past_10_years_reported`` and ``primary_county``. A copy ships with copsreform
    (:func:`read_bundled_2018`, 23,243 agencies). Problems name the state key as
    ``$.state_key`` and the ORI key as ``$.ori``.
``"csv"``
    A flat CSV of the API's fields, as in the TidyTuesday 2025-02-18 data set: columns
    ``ori``, ``county``, ``latitude``, ``longitude``, ``state_abbr``, ``state``,
    ``agency_name``, ``agency_type``, ``is_nibrs``, ``nibrs_start_date``; the literal
    ``NA`` means null. The API's own names ``agency_type_name`` and ``counties`` (or
    the 2018 ``primary_county``) are accepted in place of ``agency_type`` and ``county``.

What an :class:`~copsreform.Agency` takes from a record: ``name`` (``agency_name``;
white space folded by the model), ``state`` (``state_abbr``, or the 2018 state key),
``ori``, ``agency_type`` (``agency_type_name``; a null type becomes ``Unknown``),
``county`` (``counties``, ``primary_county`` or ``county``, as written, several
counties in one string included), and ``jurisdiction``, which no FBI list gives and
:func:`infer_jurisdiction` derives. What it leaves, because the model has no field for
it: coordinates (``latitude``/``longitude``, ``icpsr_lat``/``icpsr_lng``; often a
county centroid anyway), ``is_nibrs``, ``nibrs_start_date``, the reporting counts of
2018 and ``state_name``.

Every record comes back, in order, as an :class:`~copsreform.Agency` or a
:class:`~copsreform.batch.Rejected` whose problems name the source field (``$.ori``,
``$.agency_name``). Positions count records in document order from 0 (``index``) for
JSON, data rows from 1 (``row``) for CSV. Known rejections in the 2018 list: the Canal
Zone (``CZ``, not a U.S. state or territory today), the test agencies ``TSOFENC02`` and
``TSARRES06`` filed under Alabama, the typo ORI ``C0034019E`` and one agency with no
name. Nebraska's ``NB`` ORIs and Guam's ``GM`` are imported: the model knows the NCIC
codes.

Examples:
    >>> import io
    >>> from copsreform import Rejected, read_cde
    >>> from copsreform.batch import Tally, counted
    >>> county_keyed = io.StringIO('''{
    ...   "KING": [{"ori": "WA0170100", "counties": "KING, PIERCE", "state_abbr": "WA",
    ...             "agency_name": "Auburn Police Department", "agency_type_name": "City"}],
    ...   "PIERCE": [{"ori": "WA0170100", "counties": "KING, PIERCE", "state_abbr": "WA",
    ...               "agency_name": "Auburn Police Department", "agency_type_name": "City"},
    ...              {"ori": "WADI06200", "counties": "NOT SPECIFIED", "state_abbr": "WA",
    ...               "agency_name": "Puyallup Tribal", "agency_type_name": "Tribal"}]}''')
    >>> tally = Tally()
    >>> for outcome in counted(read_cde(county_keyed), tally):
    ...     print(outcome if isinstance(outcome, Rejected) else
    ...           (outcome.ori, outcome.jurisdiction.value, outcome.county))
    ('WA0170100', 'local', 'KING, PIERCE')
    index 1: '$.ori' repeats the ORI of an earlier record with the same name, state and type; merged into it (got 'WA0170100')
    ('WADI06200', 'tribal', 'NOT SPECIFIED')
    >>> summary = tally.summary()
    >>> summary.read, summary.imported, summary.rejected
    (3, 2, 1)
"""

import contextlib
import importlib.resources
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, Literal

import attrs

from copsreform.agency import Agency, AgencyType, Jurisdiction
from copsreform.batch import Rejected
from copsreform.errors import Problem, SourceFormatError, ValidationError
from copsreform.identifiers import ori as _ori
from copsreform.sources import _io
from copsreform.sources._records import (
    Fields,
    RecordError,
    build,
    check_format,
    check_width,
    outcomes,
)
from copsreform.states import TERRITORIES

__all__ = [
    "BUNDLED_2018",
    "FORMATS",
    "Format",
    "detect_format",
    "infer_jurisdiction",
    "read_api",
    "read_bundled_2018",
    "read_cde",
    "read_csv",
    "read_frontend_2018",
]

#: The shapes of FBI agency data this module reads.
Format = Literal["api", "frontend_2018", "csv"]
#: Every :data:`Format`, in the order the module documentation describes them.
FORMATS: Final[tuple[Format, ...]] = ("api", "frontend_2018", "csv")

#: Where the bundled 2018 list sits inside the package (see its README beside it).
BUNDLED_2018: Final = "data/cde/agencies-by-state-2018.json.gz"

# Jurisdiction --------------------------------------------------------------------------

# Only consulted when the FBI type says little (Unknown, Other, or none). Names are
# matched as whole words, case ignored.
_TRIBAL_NAME: Final = re.compile(
    r"\b(?:tribal|tribes?|pueblo of|rancheria|indian community|band of)\b", re.IGNORECASE
)
# National Park Service and Forest Service units: 234 of the 2018 list's "Unknown" and
# "Other" agencies (Zion National Park, Gettysburg National Military Park, ...). Not
# "National" alone: "Maryland-National Capital Park Police" is a bi-county agency and
# "Reagan National Airport" an airport authority.
_FEDERAL_NAME: Final = re.compile(
    r"\bnational (?:park|monument|historic(?:al)? (?:site|park|place)|"
    r"recreation(?:al)? area|seashore|lakeshore|memorial|military park|battlefield|"
    r"forest|scenic (?:trail|riverway)|wildlife refuge|preserve)\b",
    re.IGNORECASE,
)
_WEAK_TYPES: Final = frozenset({AgencyType.UNKNOWN, AgencyType.OTHER})
_STATE_TYPES: Final = frozenset({AgencyType.STATE_POLICE, AgencyType.OTHER_STATE_AGENCY})


def infer_jurisdiction(
    agency_type: AgencyType, name: str | None = None, state: str | None = None
) -> Jurisdiction:
    """Infer an agency's level of government from its FBI type, name and state.

    No FBI list gives the jurisdiction, so it is **inferred**, by the first rule that
    applies:

    1. FBI type Tribal: tribal. FBI type Federal: federal. (The model requires both.)
    2. FBI type Unknown, Other or none, and a name that says so: tribal for "Tribal",
       "Tribe(s)", "Pueblo of", "Rancheria", "Indian Community", "Band of"; federal for a
       National Park Service or Forest Service unit ("... National Park", "National
       Monument", "National Historic Site", "National Recreation Area", ...). The type is
       trusted over the name otherwise: "Pueblo Police Department" (City) stays local.
    3. A U.S. territory (PR, GU, VI, AS, MP): territorial.
    4. FBI type State Police or Other State Agency: state.
    5. Anything else (City, County, University or College, Other, Unknown): local. This
       is the weakest rule: a state university's police or a port authority is filed as
       local, because the FBI list does not say otherwise.

    Args:
        agency_type: The FBI agency type.
        name: The agency's name, if known.
        state: The USPS code of its state or territory, if known.

    Returns:
        The inferred jurisdiction.

    Examples:
        >>> from copsreform import AgencyType
        >>> from copsreform.sources.cde import infer_jurisdiction
        >>> infer_jurisdiction(AgencyType.STATE_POLICE, "Washington State Patrol", "WA").value
        'state'
        >>> infer_jurisdiction(AgencyType.OTHER, "Guam", "GU").value
        'territorial'
        >>> infer_jurisdiction(AgencyType.UNKNOWN, "Muckleshoot Tribal", "WA").value
        'tribal'
        >>> infer_jurisdiction(AgencyType.UNKNOWN, "Zion National Park", "UT").value
        'federal'
        >>> infer_jurisdiction(AgencyType.CITY, "Pueblo Police Department", "CO").value
        'local'
    """
    if agency_type is AgencyType.TRIBAL:
        return Jurisdiction.TRIBAL
    if agency_type is AgencyType.FEDERAL:
        return Jurisdiction.FEDERAL
    if agency_type in _WEAK_TYPES and isinstance(name, str):
        if _TRIBAL_NAME.search(name):
            return Jurisdiction.TRIBAL
        if _FEDERAL_NAME.search(name):
            return Jurisdiction.FEDERAL
    if state in TERRITORIES:
        return Jurisdiction.TERRITORIAL
    if agency_type in _STATE_TYPES:
        return Jurisdiction.STATE
    return Jurisdiction.LOCAL


# Records -------------------------------------------------------------------------------


@attrs.frozen
class _Shape:
    """The source field of each value an :class:`Agency` takes."""

    ori: str
    state: str
    name: str
    agency_type: str
    county: str | None
    nulls: frozenset[str] = frozenset()


_API: Final = _Shape("ori", "state_abbr", "agency_name", "agency_type_name", "counties")
_FRONTEND_2018: Final = _Shape(
    "ori", "state_key", "agency_name", "agency_type_name", "primary_county"
)


def _agency(record: Any, shape: _Shape) -> Agency:
    if not isinstance(record, dict):
        raise RecordError([Problem("must be a JSON object", record)])
    fields = Fields(record, shape.nulls)
    name = fields.text(shape.name, required=True)
    state = fields.text(shape.state, required=True)
    ori = fields.text(shape.ori)
    county = fields.text(shape.county) if shape.county else None
    type_name = fields.text(shape.agency_type)
    agency_type: AgencyType | None = AgencyType.UNKNOWN
    if type_name is not None:
        try:
            agency_type = AgencyType.from_ucr(type_name)
        except ValidationError as error:
            fields.problem(shape.agency_type, error.reason, type_name)
            agency_type = None
    if fields.problems or agency_type is None:
        raise RecordError(fields.problems)
    upper_state = state.strip().upper() if state else state
    return build(
        Agency,
        {
            "name": name,
            "state": state,
            "ori": ori,
            "agency_type": agency_type,
            "jurisdiction": infer_jurisdiction(agency_type, name, upper_state),
            "county": county,
        },
        {
            "name": shape.name,
            "state": shape.state,
            "ori": shape.ori,
            "agency_type": shape.agency_type,
            "jurisdiction": shape.agency_type,
            "county": shape.county or "county",
        },
    )


_MERGED: Final = (
    "repeats the ORI of an earlier record with the same name, state and type; merged into it"
)
_CONFLICT: Final = (
    "repeats the ORI of an earlier record with another name, state or type; "
    "the earlier record is kept"
)


def _deduplicated(shape: _Shape) -> Callable[[Any], Agency]:
    """A converter that refuses the second listing of an ORI, saying why."""
    seen: dict[str, tuple[object, ...]] = {}

    def convert(record: Any) -> Agency:
        ori = record.get(shape.ori) if isinstance(record, dict) else None
        if isinstance(ori, str) and ori.strip():
            key = _ori.compact(ori)
            details = tuple(
                " ".join(v.split()) if isinstance(v, str) else v
                for v in (record.get(f) for f in (shape.name, shape.state, shape.agency_type))
            )
            if key in seen:
                reason = _MERGED if seen[key] == details else _CONFLICT
                raise RecordError([Problem(reason, ori, (shape.ori,))])
            seen[key] = details
        return _agency(record, shape)

    return convert


class _NotAnObject(dict[str, Any]):
    """A 2018 entry whose value is not a JSON object, kept with its keys for the report."""


def _convert_2018(record: Any) -> Agency:
    if isinstance(record, _NotAnObject):
        raise RecordError([Problem("must be a JSON object", record["value"])])
    return _agency(record, _FRONTEND_2018)


def _api_records(document: Any, name: str) -> list[tuple[int, Any]]:
    if not isinstance(document, dict) or not all(isinstance(v, list) for v in document.values()):
        raise SourceFormatError(
            "is not the CDE API's agency list: expected a JSON object whose values are "
            "lists of agencies, keyed by county",
            name,
        )
    records = (record for agencies in document.values() for record in agencies)
    return list(enumerate(records))


def _records_2018(document: Any, name: str) -> Iterator[tuple[int, Any]]:
    if not isinstance(document, dict) or not all(isinstance(v, dict) for v in document.values()):
        raise SourceFormatError(
            "is not the 2018 CDE agency list: expected a JSON object keyed by state, "
            "each value an object keyed by ORI",
            name,
        )

    def flat() -> Iterable[Any]:
        for state, agencies in document.items():
            for ori, record in agencies.items():
                if isinstance(record, dict):
                    yield {"state_key": state, "ori": ori, **record}
                else:
                    yield _NotAnObject(state_key=state, ori=ori, value=record)

    return enumerate(flat())


# Reading -------------------------------------------------------------------------------

_JSON_SHAPE: Final = re.compile(r'\{\s*"(?:[^"\\]|\\.)*"\s*:\s*([\[{])')


def _detect(opened: _io.Opened) -> Format:
    head = opened.head.lstrip()
    if not head:
        raise SourceFormatError("is empty", opened.name)
    if head.startswith("{"):
        if re.fullmatch(r"\{\s*\}\s*", head):
            return "api"
        match = _JSON_SHAPE.match(head)
        if match is not None:
            return "api" if match.group(1) == "[" else "frontend_2018"
        raise SourceFormatError(
            "is a JSON object of neither CDE shape: expected county keys holding lists "
            "(the API) or state keys holding objects keyed by ORI (the 2018 list)",
            opened.name,
        )
    header = _io.header_of(opened)
    if "ori" in header and "agency_name" in header:
        return "csv"
    raise SourceFormatError(
        "is neither CDE JSON nor a CDE agency CSV (its first line has no 'ori' and "
        "'agency_name' columns)",
        opened.name,
    )


def detect_format(source: _io.Source) -> Format:
    r"""Tell which CDE shape a file is, from its first characters.

    A JSON object whose first value is a list is the ``"api"`` (county-keyed) shape; one
    whose first value is an object is ``"frontend_2018"``; a CSV whose header has
    ``ori`` and ``agency_name`` is ``"csv"``. Gzip is recognised by content.

    Args:
        source: A path, or a seekable open stream (read, then moved back).

    Returns:
        ``"api"``, ``"frontend_2018"`` or ``"csv"``.

    Raises:
        SourceFormatError: If the file is empty or none of the shapes.
        TypeError: If ``source`` is a stream that cannot seek back.

    Examples:
        >>> import io
        >>> from copsreform.sources.cde import detect_format
        >>> detect_format(io.StringIO('{"AL": {"AL0010000": {"agency_name": "X"}}}'))
        'frontend_2018'
        >>> detect_format(io.StringIO('{"KING": [{"ori": "WASPD0000"}]}'))
        'api'
        >>> detect_format(io.StringIO("ori,county,agency_name\n"))
        'csv'
    """
    return _io.sniff(source, _detect)


def _csv_shape(header: list[str]) -> _Shape:
    agency_type = next(
        (c for c in ("agency_type", "agency_type_name") if c in header), "agency_type"
    )
    county = next((c for c in ("county", "counties", "primary_county") if c in header), None)
    return _Shape("ori", "state_abbr", "agency_name", agency_type, county, frozenset({"NA"}))


def _read(
    source: _io.Source, format: Format | None, strict: bool, max_bytes: int | None
) -> Iterator[Agency | Rejected]:
    json_limit = max_bytes or _io.MAX_JSON_BYTES
    limit = max_bytes or (_io.MAX_CSV_BYTES if format in (None, "csv") else json_limit)
    with _io.open_source(source, limit) as opened:
        chosen = format or _detect(opened)
        if chosen == "api":
            records = _api_records(_io.load_json(opened, json_limit), opened.name)
            yield from outcomes(records, _deduplicated(_API), "index", strict=strict)
        elif chosen == "frontend_2018":
            entries = _records_2018(_io.load_json(opened, json_limit), opened.name)
            yield from outcomes(entries, _convert_2018, "index", strict=strict)
        else:
            shape = _csv_shape(_io.header_of(opened))
            required = (shape.ori, shape.state, shape.name, shape.agency_type)
            used = (*required, *((shape.county,) if shape.county else ()))
            rows = _io.csv_records(opened, required, used)
            convert = _deduplicated(shape)

            def checked(record: Any) -> Agency:
                check_width(record)
                return convert(record)

            yield from outcomes(rows, checked, "row", strict=strict)


def read_cde(
    source: _io.Source,
    *,
    format: Format | None = None,
    strict: bool = False,
    max_bytes: int | None = None,
) -> Iterator[Agency | Rejected]:
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
        An iterator that yields an :class:`~copsreform.Agency` or a
        :class:`~copsreform.batch.Rejected` for every record, in document order. The file
        is opened and read only as the iterator is consumed.

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
    return _read(source, check_format(format, FORMATS), strict, max_bytes)


def read_api(
    source: _io.Source, *, strict: bool = False, max_bytes: int | None = None
) -> Iterator[Agency | Rejected]:
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
    return _read(source, "api", strict, max_bytes)


def read_frontend_2018(
    source: _io.Source, *, strict: bool = False, max_bytes: int | None = None
) -> Iterator[Agency | Rejected]:
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
    return _read(source, "frontend_2018", strict, max_bytes)


def read_csv(
    source: _io.Source, *, strict: bool = False, max_bytes: int | None = None
) -> Iterator[Agency | Rejected]:
    r"""Read a flat CSV of CDE agencies, streaming; ``NA`` is null.

    Required columns: ``ori``, ``state_abbr``, ``agency_name`` and ``agency_type`` (or
    ``agency_type_name``); ``county`` (or ``counties``, ``primary_county``) is read
    when present; other columns are ignored. An ORI seen on an earlier row is reported
    as for the API shape.

    Args:
        source: A path, or an open binary or text stream; gzip is recognised.
        strict: Raise on the first bad row instead of yielding a rejection.
        max_bytes: The most bytes to read (after decompression); 4 GiB by default.

    Returns:
        An iterator of agencies and rejections, as :func:`read_cde`.

    Raises:
        ValidationError: In strict mode, for the first bad row.
        SourceFormatError: If the file is empty, lacks a required column, or a line
            cannot be read as CSV.
        LimitExceededError: If the file is larger than ``max_bytes``.

    Examples:
        >>> import io
        >>> from copsreform.sources.cde import read_csv
        >>> rows = io.StringIO("ori,state_abbr,agency_name,agency_type\n"
        ...                    "C0034019E,CO,Example Campus Police,University or College\n")
        >>> print(next(read_csv(rows)))
        row 1: '$.ori' must have letters in positions 1-2 (the NCIC state code) (got 'C0034019E')
    """
    return _read(source, "csv", strict, max_bytes)


def read_bundled_2018(*, strict: bool = False) -> Iterator[Agency | Rejected]:
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
    return _read_bundled(strict)


def _read_bundled(strict: bool) -> Iterator[Agency | Rejected]:
    resource = importlib.resources.files("copsreform")
    for part in BUNDLED_2018.split("/"):
        resource = resource / part
    with contextlib.ExitStack() as stack:
        stream = stack.enter_context(resource.open("rb"))
        yield from _read(stream, "frontend_2018", strict, None)
