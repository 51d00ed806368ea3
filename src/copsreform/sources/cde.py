"""Import law enforcement agencies from the FBI's agency tables, of every public shape.

The FBI publishes its list of law enforcement agencies, keyed by ORI, in several shapes,
and people keep copies of them in their own repositories. This module reads them all,
finding each value by its column name (any case, quoted or not) through one table of
aliases, :data:`COLUMN_ALIASES`, never by position. Three containers:

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
    A JSON object keyed by state, then by ORI, each value an agency object. Two real
    lists have this nesting: the one the official CDE front end shipped in 2018
    (``agency_name``, ``agency_type_name``, ``icpsr_lat``, ``icpsr_lng``,
    ``months_reported``, ``nibrs_months_reported``, ``past_10_years_reported``,
    ``primary_county``; a copy ships with copsreform, :func:`read_bundled_2018`, 23,243
    agencies), and the FBI API's ``/api/agencies`` of 2018 (``ori``, ``agency_name``,
    ``agency_type_name``, ``state_abbr``, ``state_name``, ``county_name``,
    ``division_name``, ``region_name``, ``region_desc``, ``latitude``, ``longitude``,
    ``nibrs``). Problems name the state key as ``$.state_key`` and the ORI key as
    ``$.ori``.
``"csv"``
    Any table with a header row holding ``ori`` and a name column (``agency_name`` or
    ``pub_agency_name``), in any case; the literal ``NA`` means null. Real tables of
    this kind: the ``agencies`` table of a CDE NIBRS download (2016 onward: quoted
    UPPERCASE ``ORI``, ``PUB_AGENCY_NAME``, ``PUB_AGENCY_UNIT``, ``STATE_ABBR``,
    ``AGENCY_TYPE_NAME``, ``POPULATION``, ``MALE_OFFICER``, ``FEMALE_OFFICER``,
    ``COUNTY_NAME`` and about 50 more, some named twice); the older ``cde_agencies``
    table (lowercase ``ori``, ``agency_name``, ``primary_county``, ``population``,
    ``total_officers``, ...); the 2018 ``/api/agencies`` flattened by pandas (an unnamed
    index column first); the FBI's hate-crime agency table (``ORI``,
    ``PUB_AGENCY_NAME``, ``AGENCY_TYPE_NAME``, ``STATE_ABBR``); and the flat CSV of the
    current API's fields in the TidyTuesday 2025-02-18 data set.

What an :class:`~copsreform.Agency` takes from a record (the aliases are listed with
:data:`COLUMN_ALIASES`):

* ``name``: the published name, ``PUB_AGENCY_NAME`` followed by ``PUB_AGENCY_UNIT`` when
  present (``Louisiana State University:`` + ``Eunice``), or ``agency_name``; white space
  folded by the model. No word is added: a county sheriff's office published as
  ``Acadia`` stays ``Acadia``. The FBI's other, upper-case forms (``UCR_AGENCY_NAME``,
  ``NCIC_AGENCY_NAME``) have no field in the model and are reported as not kept.
* ``state``: the state column, NCIC codes translated to USPS ones (``NB`` to ``NE``,
  ``GM`` to ``GU``; :data:`NCIC_STATE_CODES`). When the column holds the FBI's
  pseudo-state ``FS`` (federal agencies) or is empty, the state is the one named by the
  ORI's first two characters: every ORI starts with the NCIC code of the state it was
  issued in, and the model needs a USPS code. An ``FS`` agency is imported with the
  federal jurisdiction (unless its type is Tribal); one without a valid ORI is rejected,
  saying so.
* ``ori``; ``agency_type`` (a null type, or no type column, becomes ``Unknown``);
  ``county``, as written, several counties in one cell included (``ACADIA;
  EVANGELINE``, ``KING, PIERCE``).
* ``population``, and ``sworn_officers``: ``total_officers``, or ``MALE_OFFICER`` plus
  ``FEMALE_OFFICER``. Counts are whole numbers (``"36286"``, or pandas' ``"36286.0"``);
  an empty count is unknown (``None``), never zero, and when one of the male and female
  counts is empty the total is unknown.
* ``jurisdiction``, which no FBI list gives and :func:`infer_jurisdiction` derives.

Everything else is left, because the model has no field for it (coordinates, often a
county centroid anyway; NIBRS dates and flags; reporting counts; civilian staff; region
and division names), and said: the importers return an
:class:`~copsreform.batch.Outcomes` whose ``unkept`` lists the columns read and not
kept, once per file, which :func:`~copsreform.batch.counted` passes on to the
:class:`~copsreform.batch.Summary`. A duplicated column name never breaks a read: the
first column of a name is read, a repeat is named by its position (``0 (column 47)``),
and an empty name becomes ``(unnamed column 1)``.

Every record comes back, in order, as an :class:`~copsreform.Agency` or a
:class:`~copsreform.batch.Rejected` whose problems name the source field (``$.ori``,
``$.PUB_AGENCY_NAME``). Positions count records in document order from 0 (``index``) for
JSON, data rows from 1 (``row``) for CSV. Known rejections in the 2018 list: the Canal
Zone (``CZ``, not a U.S. state or territory today), the test agencies ``TSOFENC02`` and
``TSARRES06`` filed under Alabama, the typo ORI ``C0034019E`` and one agency with no
name.

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
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final, Literal

import attrs

from copsreform import _io
from copsreform._records import (
    Fields,
    RecordError,
    build,
    check_format,
    check_width,
    outcomes,
)
from copsreform.agency import Agency, AgencyType, Jurisdiction
from copsreform.batch import Outcomes, Rejected
from copsreform.errors import Problem, SourceFormatError, ValidationError
from copsreform.identifiers import ori as _ori
from copsreform.states import STATES, TERRITORIES

__all__ = [
    "BUNDLED_2018",
    "COLUMN_ALIASES",
    "FEDERAL_STATE",
    "FORMATS",
    "NCIC_STATE_CODES",
    "Format",
    "detect_format",
    "infer_jurisdiction",
    "read_api",
    "read_bundled_2018",
    "read_cde",
    "read_csv",
    "read_frontend_2018",
    "usps_state",
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


# Columns -------------------------------------------------------------------------------

#: Every source column name each value of an :class:`~copsreform.Agency` is read from,
#: lower case, in order of preference; a header is matched case-insensitively. One
#: table serves every shape: a column is found by its name, never by its position.
#:
#: * ``name``: ``PUB_AGENCY_NAME`` (NIBRS ``agencies``, hate-crime table) or
#:   ``agency_name`` (API, 2018 list, ``cde_agencies``, flat CSV); ``pug_agency_name`` is
#:   the misspelling reported in the header of the FBI's 1991-2025 ``hate_crime.csv``
#:   (by a third-party write-up of the file; not checked against the FBI's download);
#: * ``unit``: ``PUB_AGENCY_UNIT``, appended to the published name when present;
#: * ``state``: ``STATE_ABBR``/``state_abbr``, else ``STATE_POSTAL_ABBR``, else the 2018
#:   list's state key;
#: * ``agency_type``: ``AGENCY_TYPE_NAME``/``agency_type_name`` or ``agency_type``;
#: * ``county``: ``COUNTY_NAME``/``county_name``, ``counties``, ``primary_county`` or
#:   ``county``, kept as written (``"ACADIA; EVANGELINE"``);
#: * ``population``: ``POPULATION``/``population``;
#: * ``sworn_officers``: ``total_officers``, or ``MALE_OFFICER`` plus ``FEMALE_OFFICER``.
COLUMN_ALIASES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "ori": ("ori",),
        "name": ("pub_agency_name", "agency_name", "pug_agency_name"),
        "unit": ("pub_agency_unit",),
        "state": ("state_abbr", "state_postal_abbr", "state_key"),
        "agency_type": ("agency_type_name", "agency_type"),
        "county": ("county_name", "counties", "primary_county", "county"),
        "population": ("population",),
        "sworn_officers": ("total_officers",),
        "male_officers": ("male_officer",),
        "female_officers": ("female_officer",),
    }
)

#: NCIC state codes that the FBI writes in a state column and that differ from the USPS
#: code of the same state or territory. Source: the FBI Crime Data Explorer's own
#: front end, fbi-cde/crime-data-frontend issue 806 (2017): "The two entities where ORIs
#: are not prefixed by the respective postal abbreviation are: Nebraska NE NB, Guam GU
#: GM" [verified in the FBI's 2018 list: 338 of 338 Nebraska ORIs start ``NB``]. Every
#: other state code in the FBI's agency tables is the USPS code.
NCIC_STATE_CODES: Final[Mapping[str, str]] = MappingProxyType({"NB": "NE", "GM": "GU"})

#: The FBI's pseudo-state of federal agencies in its hate-crime and some NIBRS tables.
FEDERAL_STATE: Final = "FS"

_NULLS: Final = frozenset({"NA"})


@attrs.frozen
class _Columns:
    """Which source column (or JSON key) holds each value, found in one header."""

    ori: tuple[str, ...]
    name: tuple[str, ...]
    unit: tuple[str, ...]
    state: tuple[str, ...]
    agency_type: tuple[str, ...]
    county: tuple[str, ...]
    population: tuple[str, ...]
    sworn_officers: tuple[str, ...]
    male_officers: tuple[str, ...]
    female_officers: tuple[str, ...]
    unkept: tuple[str, ...]
    nulls: frozenset[str] = frozenset()
    #: Model field to the source column a problem with it should name.
    sources: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def find(cls, header: Iterable[str], nulls: frozenset[str] = frozenset()) -> "_Columns":
        names = list(dict.fromkeys(header))
        by_folded: dict[str, list[str]] = {}
        for name in names:
            by_folded.setdefault(name.strip().casefold(), []).append(name)
        found: dict[str, tuple[str, ...]] = {}
        used: set[str] = set()
        for role, aliases in COLUMN_ALIASES.items():
            # The first column of each alias, in the alias order; a later column of the
            # same name (a duplicated header) is not read.
            columns = tuple(by_folded[a][0] for a in aliases if a in by_folded)
            found[role] = columns
            used.update(columns)
        unkept = tuple(n for n in names if n not in used)
        return cls(**found, unkept=unkept, nulls=nulls, sources=_sources(found))


def _sources(found: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Model field to the source column a problem with it should name."""

    def first(*roles: str, default: str) -> str:
        return next((found[r][0] for r in roles if found[r]), default)

    return {
        "name": first("name", default="agency_name"),
        "state": first("state", "ori", default="state_abbr"),
        "ori": first("ori", default="ori"),
        "agency_type": first("agency_type", default="agency_type_name"),
        "jurisdiction": first("agency_type", "state", default="agency_type_name"),
        "county": first("county", default="county"),
        "population": first("population", default="population"),
        "sworn_officers": first("sworn_officers", "male_officers", default="total_officers"),
    }


def _first(fields: Fields, keys: tuple[str, ...], *, required: bool = False) -> tuple[str, Any]:
    """The first non-null value among ``keys``, with its key (the first key if none)."""
    record, nulls = fields.record, fields.nulls
    for key in keys:
        value = record.get(key)
        if value is not None and not (value.__class__ is str and value.strip() in nulls):
            return key, value
    if required:
        fields.problem(keys[0] if keys else "?", "is required")
    return (keys[0] if keys else ""), None


_WHOLE: Final = re.compile(r"[+-]?[0-9]+(?:\.0*)?")


def _count(fields: Fields, key: str, value: Any) -> int | None:
    """Read a count: an integer, or text of one (``"36286"``, pandas' ``"36286.0"``)."""
    if value is None:
        return None
    if type(value) is int:
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    if isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
        return int(value.strip().split(".")[0])
    fields.problem(key, "must be a whole number", value)
    return None


def _text(fields: Fields, key: str, value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    fields.problem(key, "must be a string", value)
    return None


def usps_state(code: str) -> str:
    """Return the USPS code for a state code as the FBI writes it (``NB`` gives ``NE``).

    NCIC codes that differ from USPS codes (:data:`NCIC_STATE_CODES`) are translated;
    anything else is upper-cased and returned for the model to check.

    Args:
        code: A state code from an FBI table.

    Returns:
        The USPS code.

    Examples:
        >>> from copsreform.sources.cde import usps_state
        >>> usps_state("NB"), usps_state("gm"), usps_state("WA")
        ('NE', 'GU', 'WA')
    """
    upper = code.strip().upper()
    return NCIC_STATE_CODES.get(upper, upper)


def _state(fields: Fields, columns: _Columns, ori: str | None) -> tuple[str | None, bool]:
    """The USPS state of a record and whether it is listed as federal (``FS``).

    ``FS`` or an empty state column: the state is the one the ORI's NCIC prefix names.
    """
    key, value = _first(fields, columns.state)
    state = _text(fields, key, value)
    federal = state is not None and state.strip().upper() == FEDERAL_STATE
    if state is not None and not federal:
        return usps_state(state), False
    if ori is not None and _ori.is_valid(ori):
        from_ori = _ori.state_of(ori)
        if from_ori in STATES:
            return from_ori, federal
    if federal:
        fields.problem(
            key,
            f"is the FBI's pseudo-state {FEDERAL_STATE!r} of federal agencies, and the "
            "record has no ORI whose first two characters name the state to file it under",
            value,
        )
    elif not fields.problems:
        fields.problem(
            key or "state_abbr",
            "is required (or an ORI whose first two characters name the state)",
        )
    return None, federal


def _agency(record: Any, columns: _Columns) -> Agency:
    if not isinstance(record, dict):
        raise RecordError([Problem("must be a JSON object", record)])
    fields = Fields(record, columns.nulls)
    name_key, name_value = _first(fields, columns.name, required=True)
    name = _text(fields, name_key, name_value)
    unit_key, unit_value = _first(fields, columns.unit)
    unit = _text(fields, unit_key, unit_value)
    if name is not None and unit is not None and unit.strip():
        name = f"{name.strip()} {unit.strip()}"
    ori_key, ori_value = _first(fields, columns.ori)
    ori = _text(fields, ori_key, ori_value)
    state, federal = _state(fields, columns, ori)
    county_key, county_value = _first(fields, columns.county)
    county = _text(fields, county_key, county_value)
    population = _count(fields, *_first(fields, columns.population))
    sworn = _sworn(fields, columns)
    type_key, type_name = _first(fields, columns.agency_type)
    agency_type: AgencyType | None = AgencyType.UNKNOWN
    if type_name is not None:
        text = _text(fields, type_key, type_name)
        try:
            agency_type = AgencyType.from_ucr(text) if text is not None else None
        except ValidationError as error:
            fields.problem(type_key, error.reason, type_name)
            agency_type = None
    if fields.problems or agency_type is None or state is None:
        raise RecordError(fields.problems)
    jurisdiction = (
        Jurisdiction.FEDERAL
        if federal and agency_type is not AgencyType.TRIBAL
        else infer_jurisdiction(agency_type, name, state)
    )
    return build(
        Agency,
        {
            "name": name,
            "state": state,
            "ori": ori,
            "agency_type": agency_type,
            "jurisdiction": jurisdiction,
            "county": county,
            "population": population,
            "sworn_officers": sworn,
        },
        columns.sources,
    )


def _sworn(fields: Fields, columns: _Columns) -> int | None:
    """``total_officers``, or the sum of male and female officers; empty is unknown."""
    key, value = _first(fields, columns.sworn_officers)
    if value is not None:
        return _count(fields, key, value)
    if not (columns.male_officers and columns.female_officers):
        return None
    male = _count(fields, *_first(fields, columns.male_officers))
    female = _count(fields, *_first(fields, columns.female_officers))
    if male is None or female is None:
        return None  # one of the two unreported: the total is unknown, not a guess
    return male + female


_MERGED: Final = (
    "repeats the ORI of an earlier record with the same name, state and type; merged into it"
)
_CONFLICT: Final = (
    "repeats the ORI of an earlier record with another name, state or type; "
    "the earlier record is kept"
)


def _deduplicated(columns: _Columns) -> Callable[[Any], Agency]:
    """A converter that refuses the second listing of an ORI, saying why."""
    seen: dict[str, Any] = {}
    keys = (*columns.name, *columns.unit, *columns.state, *columns.agency_type)
    ori_key = columns.ori[0] if columns.ori else ""

    def details(record: Any) -> tuple[object, ...]:
        return tuple(
            " ".join(v.split()) if isinstance(v, str) else v for v in (record.get(k) for k in keys)
        )

    def convert(record: Any) -> Agency:
        ori = record.get(ori_key) if ori_key and isinstance(record, dict) else None
        if isinstance(ori, str) and ori.strip() and ori.strip() not in columns.nulls:
            key = _ori.compact(ori)
            earlier = seen.get(key)
            if earlier is not None:
                reason = _MERGED if details(earlier) == details(record) else _CONFLICT
                raise RecordError([Problem(reason, ori, (ori_key,))])
            seen[key] = record
        return _agency(record, columns)

    return convert


class _NotAnObject(dict[str, Any]):
    """A 2018 entry whose value is not a JSON object, kept with its keys for the report."""


def _json_columns(records: list[tuple[int, Any]], injected: tuple[str, ...] = ()) -> _Columns:
    keys: dict[str, None] = dict.fromkeys(injected)
    for _, record in records:
        if isinstance(record, dict) and not isinstance(record, _NotAnObject):
            keys.update(dict.fromkeys(record))
    return _Columns.find(keys)


def _convert_2018(columns: _Columns) -> Callable[[Any], Agency]:
    def convert(record: Any) -> Agency:
        if isinstance(record, _NotAnObject):
            raise RecordError([Problem("must be a JSON object", record["value"])])
        return _agency(record, columns)

    return convert


def _api_records(document: Any, name: str) -> list[tuple[int, Any]]:
    if not isinstance(document, dict) or not all(isinstance(v, list) for v in document.values()):
        raise SourceFormatError(
            "is not the CDE API's agency list: expected a JSON object whose values are "
            "lists of agencies, keyed by county",
            name,
        )
    records = (record for agencies in document.values() for record in agencies)
    return list(enumerate(records))


def _records_2018(document: Any, name: str) -> list[tuple[int, Any]]:
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

    return list(enumerate(flat()))


# Reading -------------------------------------------------------------------------------

_JSON_SHAPE: Final = re.compile(r'\{\s*"(?:[^"\\]|\\.)*"\s*:\s*([\[{])')


def _is_agency_header(header: list[str]) -> bool:
    folded = {name.strip().casefold() for name in header}
    return "ori" in folded and any(a in folded for a in COLUMN_ALIASES["name"])


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
    if _is_agency_header(_io.header_of(opened)):
        return "csv"
    raise SourceFormatError(
        "is neither CDE JSON nor an FBI agency table (its first line has no 'ori' column "
        "and no name column: 'agency_name' or 'pub_agency_name', in any case)",
        opened.name,
    )


def detect_format(source: _io.Source) -> Format:
    r"""Tell which CDE shape a file is, from its first characters.

    A JSON object whose first value is a list is the ``"api"`` (county-keyed) shape; one
    whose first value is an object is ``"frontend_2018"`` (keyed by state, then ORI); a
    CSV whose header has ``ori`` and ``agency_name`` or ``pub_agency_name``, in any
    case, is ``"csv"``. Gzip is recognised by content.

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


def _csv_records(
    opened: _io.Opened, note: Callable[[tuple[str, ...]], None]
) -> tuple[_Columns, Iterator[tuple[int, _io.Row]]]:
    rows = _io.csv_rows(opened)
    first = next(rows, None)
    if first is None:
        raise SourceFormatError(
            "is empty; expected a CSV header row with 'ori' and 'agency_name' (or "
            "'pub_agency_name') columns",
            opened.name,
        )
    header = _unique(first[1])
    columns = _Columns.find(header, _NULLS)
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
        chosen = format or _detect(opened)
        if chosen == "api":
            records = _api_records(_io.load_json(opened, json_limit), opened.name)
            columns = _json_columns(records)
            note(columns.unkept)
            yield from outcomes(records, _deduplicated(columns), "index", strict=strict)
        elif chosen == "frontend_2018":
            entries = _records_2018(_io.load_json(opened, json_limit), opened.name)
            columns = _json_columns(entries, ("state_key", "ori"))
            note(columns.unkept)
            yield from outcomes(entries, _convert_2018(columns), "index", strict=strict)
        else:
            columns, rows = _csv_records(opened, note)
            convert = _deduplicated(columns)

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
    resource = importlib.resources.files("copsreform")
    for part in BUNDLED_2018.split("/"):
        resource = resource / part
    with contextlib.ExitStack() as stack:
        stream = stack.enter_context(resource.open("rb"))
        yield from _read(stream, "frontend_2018", strict, None, note)
