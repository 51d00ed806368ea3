"""One FBI record to an :class:`~copsreform.Agency`, and the report of a repeated ORI."""

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from copsreform._records import Fields, RecordError, build
from copsreform.agency import Agency, AgencyType, Jurisdiction
from copsreform.errors import Problem, ValidationError
from copsreform.identifiers import ori as _ori
from copsreform.sources.cde._columns import Columns
from copsreform.sources.cde._fast import fast_converter
from copsreform.sources.cde._jurisdiction import infer_jurisdiction
from copsreform.sources.cde._states import FEDERAL_STATE, usps_state
from copsreform.states import STATES

__all__ = ["agency", "converter", "deduplicated"]


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


def _state(fields: Fields, columns: Columns, ori: str | None) -> tuple[str | None, bool]:
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


def agency(record: Any, columns: Columns) -> Agency:
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


def _sworn(fields: Fields, columns: Columns) -> int | None:
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


def deduplicated(columns: Columns) -> Callable[[Any], Agency]:
    """A converter that refuses the second listing of an ORI, saying why."""
    seen: dict[str, Any] = {}
    keys = (*columns.name, *columns.unit, *columns.state, *columns.agency_type)
    ori_key = columns.ori[0] if columns.ori else ""
    convert_one = converter(columns)

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
        return convert_one(record)

    return convert


def converter(columns: Columns) -> Callable[[Any], Agency]:
    """The converter of one record with these columns: the fast path, else the precise one."""
    fast = fast_converter(columns)
    if fast is None:
        return lambda record: agency(record, columns)

    def convert(record: Any) -> Agency:
        return fast(record) or agency(record, columns)

    return convert
