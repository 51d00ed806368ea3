"""CSV files of grants, agencies, organisations and engagements, read back losing nothing.

One row per object, one column per field, a header row first. The columns, in order:

* **Agency** (:data:`AGENCY_COLUMNS`): ``name, state, jurisdiction, agency_type, ori,
  uei, county, population, sworn_officers, primary_law_enforcement_authority``.
* **Organization** (:data:`ORGANIZATION_COLUMNS`): ``name, state, uei, kind``.
* **Grant** (:data:`GRANT_COLUMNS`): ``award_number, program, fiscal_year,
  federal_amount, local_match, match_waived, positions, start, end, solicitation,
  assistance_listing, description``, then the recipient flattened into
  ``recipient_type`` (``agency`` or ``organization``) and ``recipient_<field>`` for
  every field of either class; the fields of the other class stay empty.

* **Engagement** (:data:`ENGAGEMENT_COLUMNS`): ``program, categories, focus,
  requested_on, announced_on, start, end, report_released_on, findings_count,
  recommendations_count, note``, the agency flattened into ``agency_<field>``
  (its ``agency_type`` keeps its name), then
  ``provider_json``, ``history_json``, ``recommendations_json`` and ``sources_json``.
  ``categories`` holds the TA categories' values joined by ``;``
  (``after_action_review;data_analysis``). The provider, the dated history, the
  recommendations and the sources are records and lists of records, so each is one cell
  holding its JSON in the wire format of
  :mod:`copsreform.serialization` (``[{"status":"accepted","on":"2024-08-08","note":null}]``);
  an empty ``provider_json`` is no provider, and ``[]`` or an empty cell an empty list.

Cells are written as the JSON Lines format writes values: enums as their lower-case
value, money with two decimals (``-30851.29``), dates ``YYYY-MM-DD``, a fiscal year as
its year (``2024``), booleans ``true``/``false``, identifiers in canonical form. An empty
cell is a value that is absent (``None``); no field of the model can hold an empty
string, so nothing is ambiguous.

**Spreadsheet formulas.** A text cell (a name, county or description) that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return could run as a formula when the
file is opened in a spreadsheet. Such a cell is written with a leading apostrophe
(``'=HYPERLINK(...)``), which spreadsheets show but do not run. So that reading back is
exact, a text cell that starts with an apostrophe of its own gets one too, and the reader
removes exactly one leading apostrophe from every text cell that has one. Other cells
(amounts, dates, codes) cannot start with those characters, except a negative amount,
which a spreadsheet reads as a number; they are written as they are.

A NUL character in a text field is written as it is; Python 3.10's :mod:`csv` reader
cannot read it back (3.11 and later can).

Reading checks the header (a missing required column, an unknown column or a repeated
one is a :class:`~copsreform.errors.SourceFormatError`) and yields, for every data row,
the object or a :class:`~copsreform.batch.Rejected` (``row``, from 1) whose problems
name the column (``$.recipient_ori``).

Examples:
    >>> import io
    >>> import copsreform as cr
    >>> from copsreform import read_csv, write_csv
    >>> city = cr.Organization(name="=CITY OF COLFAX", state="WA")
    >>> out = io.StringIO()
    >>> write_csv([city], out)
    1
    >>> print(out.getvalue(), end="")
    name,state,uei,kind
    '=CITY OF COLFAX,WA,,unknown
    >>> list(read_csv(cr.Organization, io.StringIO(out.getvalue()))) == [city]
    True
"""

import csv
import datetime as dt
import enum
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final, TypeVar

import attrs

from copsreform import _io, constraints, strictjson
from copsreform._atomic import replacing
from copsreform._records import RecordError, build, check_width, outcomes
from copsreform.agency import Agency, AgencyType, Jurisdiction, Organization, OrganizationKind
from copsreform.batch import Rejected
from copsreform.citation import PublicSource
from copsreform.engagement import Engagement, Recommendation, StatusChange
from copsreform.errors import MISSING, Problem, SourceFormatError, ValidationError, indefinite
from copsreform.fiscal import FiscalYear
from copsreform.grant import Grant
from copsreform.programs import CRIProgram, GrantProgram, TACategory
from copsreform.providers import Provider
from copsreform.serialization import converter, from_dict

__all__ = [
    "AGENCY_COLUMNS",
    "CSV_CLASSES",
    "ENGAGEMENT_COLUMNS",
    "GRANT_COLUMNS",
    "ORGANIZATION_COLUMNS",
    "neutralise",
    "read_csv",
    "restore",
    "write_csv",
]

T = TypeVar("T")

_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise(text: str) -> str:
    """Make a text cell safe to open in a spreadsheet, reversibly.

    Args:
        text: The cell's text.

    Returns:
        ``text`` with an apostrophe in front if it starts with ``=``, ``+``, ``-``, ``@``,
        a tab, a carriage return or an apostrophe; otherwise ``text``.

    Examples:
        >>> from copsreform.export import neutralise
        >>> neutralise("=1+1"), neutralise("'Iolani School"), neutralise("Boston")
        ("'=1+1", "''Iolani School", 'Boston')
    """
    return "'" + text if text.startswith(_TRIGGERS) else text


def restore(cell: str) -> str:
    """Undo :func:`neutralise`: remove one leading apostrophe, if there is one.

    Args:
        cell: A text cell as read.

    Returns:
        The original text.

    Examples:
        >>> from copsreform.export import restore
        >>> restore("'=1+1"), restore("''Iolani School"), restore("Boston")
        ('=1+1', "'Iolani School", 'Boston')
    """
    return cell[1:] if cell.startswith("'") else cell


# Cell codecs ---------------------------------------------------------------------------


class _CellError(Exception):
    """A cell that cannot become a value; ``reason`` follows the column path."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_INTEGER: Final = re.compile(r"-?[0-9]{1,18}")
_MONEY: Final = constraints.MONEY_TEXT
_DAY: Final = constraints.DATE_TEXT
_YEAR: Final = re.compile(r"[0-9]{4}")


@attrs.frozen
class _Codec:
    """How one kind of value is written to a cell and read back."""

    write: Callable[[Any], str]
    read: Callable[[str], Any]
    text: bool = False


def _read_text(cell: str) -> str:
    return restore(cell)


def _read_code(cell: str) -> str:
    return cell


def _read_int(cell: str) -> int:
    if not _INTEGER.fullmatch(cell):
        raise _CellError("must be a whole number")
    return int(cell)


def _read_money(cell: str) -> Decimal:
    if not _MONEY.fullmatch(cell):
        raise _CellError("must be an amount such as 1250000.00")
    return Decimal(cell)


def _read_day(cell: str) -> dt.date:
    if not _DAY.fullmatch(cell):
        raise _CellError("must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(cell)
    except ValueError:
        raise _CellError("must be a real date") from None


def _read_bool(cell: str) -> bool:
    if cell not in ("true", "false"):
        raise _CellError("must be true or false")
    return cell == "true"


def _read_fiscal_year(cell: str) -> FiscalYear:
    if not _YEAR.fullmatch(cell):
        raise _CellError("must be a fiscal year such as 2024")
    try:
        return FiscalYear(int(cell))
    except ValidationError as error:
        raise _CellError(error.reason) from None


def _enum(enum_type: type[enum.Enum]) -> _Codec:
    by_value = {member.value: member for member in enum_type}
    allowed = ", ".join(repr(v) for v in by_value)

    def read(cell: str) -> enum.Enum:
        try:
            return by_value[cell]
        except KeyError:
            raise _CellError(f"must be one of {allowed}") from None

    return _Codec(lambda member: str(member.value), read)


_TEXT: Final = _Codec(lambda text: neutralise(str(text)), _read_text, text=True)
_CODE: Final = _Codec(str, _read_code)
_INT: Final = _Codec(str, _read_int)
_MONEY_CODEC: Final = _Codec(str, _read_money)
_DAY_CODEC: Final = _Codec(lambda day: day.isoformat(), _read_day)
_BOOL: Final = _Codec(lambda flag: "true" if flag else "false", _read_bool)
_FISCAL_YEAR: Final = _Codec(lambda fy: str(fy.year), _read_fiscal_year)

_AGENCY_CODECS: Final[Mapping[str, _Codec]] = {
    "name": _TEXT,
    "state": _CODE,
    "jurisdiction": _enum(Jurisdiction),
    "agency_type": _enum(AgencyType),
    "ori": _CODE,
    "uei": _CODE,
    "county": _TEXT,
    "population": _INT,
    "sworn_officers": _INT,
    "primary_law_enforcement_authority": _BOOL,
}
_ORGANIZATION_CODECS: Final[Mapping[str, _Codec]] = {
    "name": _TEXT,
    "state": _CODE,
    "uei": _CODE,
    "kind": _enum(OrganizationKind),
}
_GRANT_CODECS: Final[Mapping[str, _Codec]] = {
    "award_number": _CODE,
    "program": _enum(GrantProgram),
    "fiscal_year": _FISCAL_YEAR,
    "federal_amount": _MONEY_CODEC,
    "local_match": _MONEY_CODEC,
    "match_waived": _BOOL,
    "positions": _INT,
    "start": _DAY_CODEC,
    "end": _DAY_CODEC,
    "solicitation": _CODE,
    "assistance_listing": _CODE,
    "description": _TEXT,
}


def _write_categories(categories: frozenset[TACategory]) -> str:
    return ";".join(sorted(c.value for c in categories))


_CATEGORY_BY_VALUE: Final = {c.value: c for c in TACategory}


def _read_categories(cell: str) -> frozenset[TACategory]:
    values = cell.split(";")
    unknown = [v for v in values if v not in _CATEGORY_BY_VALUE]
    if unknown:
        allowed = ", ".join(repr(v) for v in _CATEGORY_BY_VALUE)
        raise _CellError(f"must be TA category values joined by ';' ({allowed})")
    if len(set(values)) != len(values):
        raise _CellError("must not repeat a category")
    return frozenset(_CATEGORY_BY_VALUE[v] for v in values)


_ENGAGEMENT_CODECS: Final[Mapping[str, _Codec]] = {
    "program": _enum(CRIProgram),
    "categories": _Codec(_write_categories, _read_categories),
    "focus": _TEXT,
    "requested_on": _DAY_CODEC,
    "announced_on": _DAY_CODEC,
    "start": _DAY_CODEC,
    "end": _DAY_CODEC,
    "report_released_on": _DAY_CODEC,
    "findings_count": _INT,
    "recommendations_count": _INT,
    "note": _TEXT,
}
# Engagement fields held as JSON cells, with the class of the record (or of each item).
_JSON_CELLS: Final[Mapping[str, tuple[str, type[Any], bool]]] = {
    "provider": ("provider_json", Provider, False),
    "history": ("history_json", StatusChange, True),
    "recommendations": ("recommendations_json", Recommendation, True),
    "sources": ("sources_json", PublicSource, True),
}
_RECIPIENT_TYPES: Final[Mapping[str, type[Agency | Organization]]] = {
    "agency": Agency,
    "organization": Organization,
}
_RECIPIENT_CODECS: Final[Mapping[str, _Codec]] = {**_ORGANIZATION_CODECS, **_AGENCY_CODECS}


def _prefixed(prefix: str, name: str) -> str:
    """The column of a nested record's field: ``agency_`` and ``ori`` make ``agency_ori``.

    A field whose name already starts with the prefix keeps its name, so the agency's
    ``agency_type`` is the column ``agency_type``, not ``agency_agency_type``.
    """
    return name if name.startswith(prefix) else prefix + name


#: The columns of an agencies CSV, in order: the fields of :class:`~copsreform.Agency`.
AGENCY_COLUMNS: Final = tuple(_AGENCY_CODECS)
#: The columns of an organisations CSV: the fields of :class:`~copsreform.Organization`.
ORGANIZATION_COLUMNS: Final = tuple(_ORGANIZATION_CODECS)
#: The columns of an engagements CSV: its own fields, its agency flattened, then the
#: provider, history, recommendations and sources as JSON cells.
ENGAGEMENT_COLUMNS: Final = (
    *_ENGAGEMENT_CODECS,
    *(_prefixed("agency_", name) for name in _AGENCY_CODECS),
    *(column for column, _, _ in _JSON_CELLS.values()),
)
#: The columns of a grants CSV: the grant's fields, then its recipient, flattened.
GRANT_COLUMNS: Final = (
    *_GRANT_CODECS,
    "recipient_type",
    *(f"recipient_{name}" for name in _RECIPIENT_CODECS),
)


def _required(cls: type[Any]) -> tuple[str, ...]:
    return tuple(a.alias or a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING)


# Writing -------------------------------------------------------------------------------


def _cells(codecs: Mapping[str, _Codec], values: Mapping[str, Any]) -> list[str]:
    return [
        "" if values.get(name) is None else codec.write(values[name])
        for name, codec in codecs.items()
    ]


def _field_values(obj: Any) -> dict[str, Any]:
    values = {a.alias or a.name: getattr(obj, a.name) for a in attrs.fields(type(obj))}
    if isinstance(obj, Grant):
        values["fiscal_year"] = obj.fiscal_year
    return values


def _row(obj: Any, cls: type[Any]) -> list[str]:
    if type(obj) is not cls:
        raise TypeError(
            f"write_csv writes one class per file: got {indefinite(type(obj).__name__)} "
            f"among {cls.__name__} objects"
        )
    values = _field_values(obj)
    if cls is Engagement:
        return [
            *_cells(_ENGAGEMENT_CODECS, values),
            *_cells(_AGENCY_CODECS, _field_values(obj.agency)),
            *(_json_cell(values[name]) for name in _JSON_CELLS),
        ]
    if cls is Agency:
        return _cells(_AGENCY_CODECS, values)
    if cls is Organization:
        return _cells(_ORGANIZATION_CODECS, values)
    recipient = values["recipient"]
    kind = "agency" if isinstance(recipient, Agency) else "organization"
    return [
        *_cells(_GRANT_CODECS, values),
        kind,
        *_cells(_RECIPIENT_CODECS, _field_values(recipient)),
    ]


def _json_cell(value: Any) -> str:
    if value is None:
        return ""
    data = converter.unstructure(value)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


_HEADERS: Final[Mapping[type[Any], tuple[str, ...]]] = {
    Engagement: ENGAGEMENT_COLUMNS,
    Agency: AGENCY_COLUMNS,
    Organization: ORGANIZATION_COLUMNS,
    Grant: GRANT_COLUMNS,
}


def write_csv(
    objects: Iterable[Any],
    target: str | os.PathLike[str] | IO[str],
    *,
    cls: type[Any] | None = None,
) -> int:
    """Write grants, agencies or organisations as CSV, one row each, header first.

    A path is written atomically: to a temporary file beside it, moved into place only
    when every object has been written, so a failure while the objects are produced
    (a :class:`~copsreform.errors.SourceFormatError` from an importer, say) leaves an
    existing file untouched.

    Args:
        objects: Objects of one class: :class:`~copsreform.Grant`,
            :class:`~copsreform.Agency` or :class:`~copsreform.Organization`.
        target: A path (written as UTF-8) or an open text file (opened with
            ``newline=""``, as the :mod:`csv` module asks).
        cls: The class of the objects; taken from the first object when ``None``. Give
            it so that an empty input still writes the header.

    Returns:
        How many objects were written.

    Raises:
        TypeError: If an object is not of the class, or the class is not one of the three.

    Examples:
        >>> import io
        >>> from copsreform import Agency, write_csv
        >>> out = io.StringIO()
        >>> write_csv([], out, cls=Agency)
        0
        >>> out.getvalue().split(",")[:4]
        ['name', 'state', 'jurisdiction', 'agency_type']
    """
    items = iter(objects)
    first = next(items, None)
    if cls is None:
        if first is None:
            return 0
        cls = type(first)
    if cls not in _HEADERS:
        raise TypeError(
            f"write_csv writes Grant, Agency, Organization or Engagement, not {cls.__name__}"
        )
    if isinstance(target, str | os.PathLike):
        with replacing(Path(target), newline="") as stream:
            return _write(stream, cls, first, items)
    return _write(target, cls, first, items)


def _write(stream: IO[str], cls: type[Any], first: Any, rest: Iterator[Any]) -> int:
    writer = csv.writer(stream)
    writer.writerow(_HEADERS[cls])
    count = 0
    if first is not None:
        writer.writerow(_row(first, cls))
        count = 1
    for obj in rest:
        writer.writerow(_row(obj, cls))
        count += 1
    return count


# Reading -------------------------------------------------------------------------------


def _decode(
    codecs: Mapping[str, _Codec], record: Mapping[str, str], prefix: str, problems: list[Problem]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, codec in codecs.items():
        column = _prefixed(prefix, name)
        cell = record.get(column)
        if cell is None or cell == "":
            continue
        try:
            values[name] = codec.read(cell)
        except _CellError as refused:
            problems.append(Problem(refused.reason, cell, (column,)))
    return values


def _complete(
    cls: type[Any], values: Mapping[str, Any], prefix: str, problems: list[Problem]
) -> None:
    for name in _required(cls):
        column = _prefixed(prefix, name)
        if name not in values and not any(p.location == (column,) for p in problems):
            problems.append(Problem("is required", MISSING, (column,)))


def _columns(codecs: Mapping[str, _Codec], prefix: str = "") -> dict[str, str]:
    return {name: _prefixed(prefix, name) for name in codecs}


def _simple(cls: type[T], codecs: Mapping[str, _Codec]) -> Callable[[Any], T]:
    def convert(record: Any) -> T:
        check_width(record)
        problems: list[Problem] = []
        values = _decode(codecs, record, "", problems)
        _complete(cls, values, "", problems)
        if problems:
            raise RecordError(problems)
        return build(cls, values, _columns(codecs))

    return convert


def _grant(record: Any) -> Grant:
    check_width(record)
    problems: list[Problem] = []
    values = _decode(_GRANT_CODECS, record, "", problems)
    recipient_type = record.get("recipient_type") or ""
    recipient_cls = _RECIPIENT_TYPES.get(recipient_type)
    if recipient_cls is None:
        reason = "is required" if not recipient_type else "must be 'agency' or 'organization'"
        problems.append(Problem(reason, recipient_type or MISSING, ("recipient_type",)))
    else:
        codecs = _AGENCY_CODECS if recipient_cls is Agency else _ORGANIZATION_CODECS
        recipient_values = _decode(codecs, record, "recipient_", problems)
        problems.extend(
            Problem(
                f"must be empty for an {recipient_type} recipient",
                record[f"recipient_{name}"],
                (f"recipient_{name}",),
            )
            for name in sorted(_RECIPIENT_CODECS.keys() - codecs.keys())
            if record.get(f"recipient_{name}")
        )
        _complete(recipient_cls, recipient_values, "recipient_", problems)
        if not problems:
            try:
                values["recipient"] = build(
                    recipient_cls, recipient_values, _columns(codecs, "recipient_")
                )
            except RecordError as error:
                problems.extend(error.problems)
    _complete(Grant, {**values, "recipient": True}, "", problems)
    if problems:
        raise RecordError(problems)
    return build(Grant, values, _columns(_GRANT_CODECS))


def _read_json_cell(
    record: Mapping[str, str], column: str, cls: type[Any], many: bool, problems: list[Problem]
) -> Any:
    """Read a JSON cell into a record (or a tuple of records) of ``cls``."""
    cell = record.get(column) or ""
    if not cell:
        return () if many else None
    try:
        data = strictjson.loads(cell)
    except ValidationError as error:
        problems.extend(p.under("$", (column,)) for p in error.problems)
        return None
    except (ValueError, RecursionError):
        problems.append(Problem("must be JSON in copsreform's wire format", cell, (column,)))
        return None
    items = data if many else [data]
    if many and type(data) is not list:
        problems.append(Problem("must be a JSON list", cell, (column,)))
        return None
    built = []
    for index, item in enumerate(items):
        try:
            built.append(from_dict(cls, item))
        except ValidationError as error:  # noqa: PERF203 - every item's problems are wanted
            prefix = (column, index) if many else (column,)
            problems.extend(p.under("$", prefix) for p in error.problems)
    return tuple(built) if many else (built[0] if built else None)


def _engagement(record: Any) -> Engagement:
    check_width(record)
    problems: list[Problem] = []
    values = _decode(_ENGAGEMENT_CODECS, record, "", problems)
    agency_values = _decode(_AGENCY_CODECS, record, "agency_", problems)
    _complete(Agency, agency_values, "agency_", problems)
    for name, (column, cls, many) in _JSON_CELLS.items():
        value = _read_json_cell(record, column, cls, many, problems)
        if value is not None:
            values[name] = value
    if not problems:
        try:
            values["agency"] = build(Agency, agency_values, _columns(_AGENCY_CODECS, "agency_"))
        except RecordError as error:
            problems.extend(error.problems)
    _complete(Engagement, {**values, "agency": True}, "", problems)
    if problems:
        raise RecordError(problems)
    fields = {**_columns(_ENGAGEMENT_CODECS), **{n: c for n, (c, _, _) in _JSON_CELLS.items()}}
    return build(Engagement, values, fields)


#: The classes a CSV file can hold, one class per file.
CSV_CLASSES: Final = frozenset(_HEADERS)

_READERS: Final[Mapping[type[Any], tuple[Callable[[Any], Any], tuple[str, ...]]]] = {
    Engagement: (_engagement, ENGAGEMENT_COLUMNS),
    Agency: (_simple(Agency, _AGENCY_CODECS), AGENCY_COLUMNS),
    Organization: (_simple(Organization, _ORGANIZATION_CODECS), ORGANIZATION_COLUMNS),
    Grant: (_grant, GRANT_COLUMNS),
}


def read_csv(
    cls: type[T],
    source: _io.Source,
    *,
    strict: bool = False,
    max_bytes: int | None = None,
) -> Iterator[T | Rejected]:
    r"""Read a CSV written by :func:`write_csv` (or by hand, with its column names).

    Columns may come in any order; a column that holds an optional field may be left
    out (the field takes its default). The columns of required fields must be there.

    Args:
        cls: :class:`~copsreform.Grant`, :class:`~copsreform.Agency` or
            :class:`~copsreform.Organization`.
        source: A path, or an open binary or text stream; gzip is recognised.
        strict: Raise on the first bad row instead of yielding a rejection.
        max_bytes: The most bytes to read (after decompression); 4 GiB by default.

    Returns:
        An iterator that yields the object or a :class:`~copsreform.batch.Rejected` for
        every data row, in order; the file is read as the iterator is consumed.

    Raises:
        TypeError: At once, if ``cls`` is not one of the three classes.
        ValidationError: In strict mode, for the first bad row (paths such as
            ``row 2: $.state``).
        SourceFormatError: If the file is empty, a required column is missing, a column
            is unknown or repeated, or a line cannot be read as CSV.
        LimitExceededError: If the file is larger than ``max_bytes``.

    Examples:
        >>> import io
        >>> from copsreform import Agency, Rejected, read_csv
        >>> text = ("name,state,jurisdiction,agency_type,ori\n"
        ...         "Omaha Police Department,NE,local,city,NB0280200\n"
        ...         "Omaha Police Department,NE,local,city,NE0280200\n")
        >>> for outcome in read_csv(Agency, io.StringIO(text)):
        ...     print(outcome if isinstance(outcome, Rejected) else outcome.ori)
        NB0280200
        row 2: '$.ori' must start with 'NB', the NCIC code of state 'NE' (got 'NE0280200')
    """
    if cls not in _READERS:
        raise TypeError(f"read_csv reads Grant, Agency, Organization or Engagement, not {cls!r}")
    convert, columns = _READERS[cls]
    return _read(cls, source, convert, columns, strict=strict, max_bytes=max_bytes)


def _read(
    cls: type[Any],
    source: _io.Source,
    convert: Callable[[Any], Any],
    columns: tuple[str, ...],
    *,
    strict: bool,
    max_bytes: int | None,
) -> Iterator[Any]:
    required = [c for c in columns if c in _required(cls)]
    if cls is Grant:
        required.extend(("recipient_type", "recipient_name"))
    if cls is Engagement:
        required.extend(_prefixed("agency_", name) for name in _required(Agency))
    with _io.open_source(source, max_bytes or _io.MAX_CSV_BYTES) as opened:
        header = _io.header_of(opened)
        unknown = [name for name in header if name not in columns]
        if unknown:
            raise SourceFormatError(
                "has column(s) a "
                f"{cls.__name__} CSV does not have: " + ", ".join(repr(n) for n in unknown),
                opened.name,
            )
        rows = _io.csv_records(opened, required, columns)
        yield from outcomes(rows, convert, "row", strict=strict)
