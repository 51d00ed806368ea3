"""The fast path of the FBI importers: records already in clean form, straight to Agencies.

Most records of a real FBI table are clean: a folded name, a state code, a canonical ORI,
a known type name, a folded county or none, whole-number counts. For such a record,
:func:`fast_converter` reads each value with one lookup, proves it valid with a table or
one pattern, and fills the frozen :class:`~copsreform.Agency` through its slots, then runs
its cross-field checks (``__attrs_post_init__``), skipping the field converters and
validators, which could change or refuse nothing. Any record it cannot prove clean goes to
the precise converter (:func:`copsreform.sources.cde._convert.agency`), which reads every
shape and reports every problem with its source column. The fast path returns nothing
the precise one would not, and builds equal objects; property tests hold the two to it.

:func:`read_2018` reads the whole 2018 front-end document the same way: msgspec parses
it in compiled code, each entry into a small ``Struct`` kept out of the cycle collector,
and only entries that are not in the list's regular form are parsed again, strictly, and
converted on the precise path. It returns ``None`` (the caller then parses the document
strictly and converts every record precisely) for any document it cannot prove
well-formed by the strict parser's rules: a key given twice is found by counting colons
(see :func:`read_2018`), and text with a backslash (an escape) is not read at all.
"""

import re
from collections.abc import Callable
from typing import Annotated, Any, Final

import msgspec

from copsreform import _engine, strictjson
from copsreform._fields import MAX_COUNT, MAX_NAME, is_folded
from copsreform._records import outcomes
from copsreform.agency import Agency, AgencyType
from copsreform.batch import Rejected
from copsreform.errors import ValidationError
from copsreform.identifiers import ori as _ori
from copsreform.sources.cde._columns import Columns
from copsreform.sources.cde._jurisdiction import infer_jurisdiction
from copsreform.sources.cde._states import NCIC_STATE_CODES
from copsreform.states import STATES

__all__ = ["fast_converter", "read_2018"]

#: A count written as text of digits (CSV cells are text).
_DIGITS: Final = re.compile(r"[0-9]{1,10}")
#: State codes as written (exact case), to USPS codes: USPS codes and NCIC ones.
_STATE_OF: Final[dict[str, str]] = {**{code: code for code in STATES}, **NCIC_STATE_CODES}
#: FBI type names exactly as the FBI writes them (other spellings: the precise path).
_TYPE_OF: Final[dict[str, AgencyType]] = {member.ucr_name: member for member in AgencyType}
#: A canonical ORI: the identifier module's own pattern.
_ORI: Final = re.compile(_ori.PATTERN)
#: The agency from all its field values, through its slots; its cross-field rules run.
_FILL: Final = _engine.filler(Agency)
#: What a count that is not clean reads as (``None`` is a clean "unknown").
_UNCLEAN: Final = -1


def _agency(  # noqa: PLR0917 - positional: called once for every record
    name: object,
    state: object,
    ori: object,
    agency_type: AgencyType,
    county: object,
    population: int | None,
    sworn: int | None,
    nulls: frozenset[str],
) -> Agency | None:
    """The agency of clean values (``None`` and a null token are no value), else ``None``.

    The values are as the source holds them; ``state`` as written, ``agency_type`` already
    read (the type name's lookup is the caller's, as it differs by source).
    """
    # Folded (the model's own test) holds no lone surrogate: str.isprintable refuses it.
    if type(name) is not str or len(name) > MAX_NAME or name in nulls or not is_folded(name):
        return None
    usps = _STATE_OF.get(state) if type(state) is str else None
    if usps is None:
        return None  # FS, empty, lower case, unknown: the precise path
    if ori is not None:
        if type(ori) is not str:
            return None
        if ori in nulls:
            ori = None
        elif not _ORI.fullmatch(ori):
            return None
    if county is not None:
        if type(county) is not str:
            return None
        if county in nulls:
            county = None
        elif len(county) > MAX_NAME or not is_folded(county):
            return None
    jurisdiction = infer_jurisdiction(agency_type, name, usps)
    try:
        return _FILL(
            name, usps, jurisdiction, agency_type, ori, None, county, population, sworn, None
        )
    except ValidationError:
        return None  # a cross-field rule broken: the precise path reports it at the source


def _single(columns: tuple[str, ...]) -> str | None:
    """The one column a role is read from; ``None`` if none, ``""`` if several."""
    return columns[0] if len(columns) == 1 else None if not columns else ""


def fast_converter(columns: Columns) -> Callable[[Any], Agency | None] | None:
    """The fast converter for records with these columns, or ``None`` when there is none.

    The converter returns the :class:`~copsreform.Agency` the precise converter would
    build, or ``None`` when the record is not in the clean form it proves valid.

    Examples:
        >>> from copsreform.sources.cde._columns import Columns
        >>> from copsreform.sources.cde._fast import fast_converter
        >>> convert = fast_converter(Columns.find(["ori", "agency_name", "state_abbr"]))
        >>> convert({"ori": "NB0280200", "agency_name": "Omaha", "state_abbr": "NB"}).state
        'NE'
        >>> print(convert({"ori": "NB0280200", "agency_name": "Omaha ", "state_abbr": "NB"}))
        None
    """
    roles = (
        columns.name,
        columns.state,
        columns.ori,
        columns.agency_type,
        columns.county,
        columns.population,
        columns.sworn_officers,
        columns.unit,
        columns.male_officers,
        columns.female_officers,
    )
    keys = tuple(map(_single, roles))
    if "" in keys or keys[0] is None or keys[1] is None:
        return None  # a role read from several columns: the precise path only
    name_key, state_key, ori_key, type_key, county_key = keys[:5]
    population_key, sworn_key, unit_key, male_key, female_key = keys[5:]
    summed = male_key is not None and female_key is not None
    nulls = frozenset({"", *columns.nulls})

    def count(record: dict[str, Any], key: str | None) -> int | None:
        """A clean count; ``None`` when null; :data:`_UNCLEAN` when not clean."""
        value = record.get(key) if key is not None else None
        kind = type(value)
        if value is None or (kind is str and value in nulls):
            return None
        if kind is str and _DIGITS.fullmatch(value):
            value = int(value)
        elif kind is not int:
            return _UNCLEAN
        return value if 0 <= value <= MAX_COUNT else _UNCLEAN

    def convert(record: Any) -> Agency | None:
        if type(record) is not dict:
            return None
        get = record.get
        if unit_key is not None:
            unit = get(unit_key)
            if unit is not None and not (type(unit) is str and unit in nulls):
                return None  # a unit to append to the name: the precise path
        agency_type = AgencyType.UNKNOWN
        type_name = get(type_key) if type_key is not None else None
        if type_name is not None and not (type(type_name) is str and type_name in nulls):
            found = _TYPE_OF.get(type_name) if type(type_name) is str else None
            if found is None:
                return None
            agency_type = found
        population = count(record, population_key)
        sworn = count(record, sworn_key)
        if sworn is None and summed:  # no total: male plus female officers, if both given
            male, female = count(record, male_key), count(record, female_key)
            if _UNCLEAN in (male, female):
                return None
            sworn = None if male is None or female is None else male + female
            if sworn is not None and sworn > MAX_COUNT:
                return None
        if _UNCLEAN in (population, sworn):
            return None
        return _agency(
            get(name_key),
            get(state_key),
            get(ori_key) if ori_key is not None else None,
            agency_type,
            get(county_key) if county_key is not None else None,
            population,
            sworn,
            nulls,
        )

    return convert


# The 2018 front end's document ------------------------------------------------------------

#: A number of the list's unkept fields: as the strict parser would read it without error.
_Number = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)] | float | None


class _Entry2018(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """One agency of the 2018 front end's list in its regular form (every key, in order)."""

    agency_name: str | None
    agency_type_name: str | None
    icpsr_lat: _Number
    icpsr_lng: _Number
    months_reported: _Number
    nibrs_months_reported: _Number
    past_10_years_reported: _Number
    primary_county: str | None


_FIELDS_2018: Final = len(_Entry2018.__struct_fields__)
_DOCUMENT_2018: Final = msgspec.json.Decoder(dict[str, dict[str, msgspec.Raw]])
_ENTRY_2018: Final = msgspec.json.Decoder(_Entry2018)
_NO_NULLS: Final = frozenset({""})


def read_2018(
    text: str,
    converter: Callable[[Columns], Callable[[Any], Agency]],
    flat: Callable[[str, str, Any], dict[str, Any]],
) -> tuple[Columns, list[Agency | Rejected]] | None:
    """Read the 2018 front end's list: its columns and every record's outcome, or ``None``.

    ``None`` means the document is not one this path can prove well-formed; the caller
    then reads it on the precise path, which gives the same result or names the problem.

    A key given twice in an object is found by counting colons: in JSON text without
    escapes, each colon follows a key or sits inside a string as written, so the text
    has exactly as many colons as the document has distinct keys plus the colons of its
    strings, and more if some key is repeated (msgspec keeps the last). Entries in the
    regular form are counted from their Struct; any other entry is parsed again by the
    strict parser, which counts its keys and refuses a repeated one.

    Args:
        text: The whole document.
        converter: Makes the precise converter for the columns found.
        flat: Turns a state key, an ORI key and an entry into the precise path's record.

    Returns:
        The columns and the outcomes, in document order; or ``None``.
    """
    parsed = _parse_2018(text)
    if parsed is None:
        return None
    keys, results, pending = parsed
    columns = Columns.find(keys)
    precise = converter(columns)
    for index, state, ori, value in pending:
        record = flat(state, ori, value)
        results[index] = next(outcomes([(index, record)], precise, "index", strict=False))
    return columns, results  # type: ignore[return-value] # every place is now filled


def _parse_2018(
    text: str,
) -> tuple[dict[str, None], list[Agency | Rejected | None], list[tuple[int, str, str, Any]]] | None:
    """Parse the document and build the agencies of its clean entries; ``None`` (see above).

    Returns:
        The document's keys (first seen first); the outcomes in document order, ``None``
        in the place of each entry left for the precise path; and those entries: their
        place, state key, ORI key and value as the strict parser reads it.
    """
    if "\\" in text:
        return None  # escapes: decoded strings differ from the text, the count is off
    try:
        document = _DOCUMENT_2018.decode(text)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    colons = 0  # distinct keys plus the colons inside strings, as decoded
    keys: dict[str, None] = dict.fromkeys(("state_key", "ori"))
    results: list[Agency | Rejected | None] = []
    pending: list[tuple[int, str, str, Any]] = []
    first = True
    decode_entry, type_of, unknown = _ENTRY_2018.decode, _TYPE_OF.get, AgencyType.UNKNOWN
    for state, agencies in document.items():
        colons += 1 + state.count(":")
        for ori, raw in agencies.items():
            colons += 1 + ori.count(":")
            try:
                entry = decode_entry(raw)
            except (msgspec.DecodeError, msgspec.ValidationError):
                value = _strict(raw, keys)
                if value is _REFUSED:
                    return None  # a repeated key, a huge integer: for the precise path
                colons += bytes(raw).count(b":")
                pending.append((len(results), state, ori, value))
                results.append(None)
                continue
            # The first regular entry adds its keys, in the order written (later ones
            # have the same keys and add none).
            if first and _strict(raw, keys) is _REFUSED:
                return None
            first = False
            name, type_name, county = (
                entry.agency_name,
                entry.agency_type_name,
                entry.primary_county,
            )
            colons += _FIELDS_2018
            for written in (name, type_name, county):
                if written is not None and ":" in written:
                    colons += written.count(":")
            agency_type = type_of(type_name) if type_name else unknown
            agency = agency_type and _agency(
                name, state, ori, agency_type, county, None, None, _NO_NULLS
            )
            if agency is None:
                pending.append((len(results), state, ori, _strict(raw)))
            results.append(agency)
    if text.count(":") != colons:
        return None  # some key is given twice (or the count cannot tell)
    return keys, results, pending


_REFUSED: Final = object()


def _strict(raw: msgspec.Raw, keys: dict[str, None] | None = None) -> Any:
    """An entry parsed by the strict parser, its keys added to ``keys``; or :data:`_REFUSED`."""
    try:
        value = strictjson.loads(bytes(raw).decode(), decimals=True)
    except (ValueError, RecursionError):  # a repeated key, a huge integer, deep nesting
        return _REFUSED
    if keys is not None and isinstance(value, dict):
        keys.update(dict.fromkeys(value))
    return value
