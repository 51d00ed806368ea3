"""The wire format: one strict converter for every public class, JSON and JSON Lines.

Every public model class (:class:`~copsreform.Agency`, :class:`~copsreform.Organization`,
:class:`~copsreform.Provider`, :class:`~copsreform.Engagement`, :class:`~copsreform.Grant`
and the records they hold) travels as a plain JSON object:

* keys are the constructor's keyword names, written in field order, every field present
  (``null`` where a value is absent);
* :class:`~decimal.Decimal` money is a string with two decimals (``"1250000.00"``), never a
  JSON number, so no amount passes through a float;
* dates are ``"YYYY-MM-DD"``; a :class:`~copsreform.FiscalYear` is its year (``2025``);
* enums are their stable lower-case values; sets are sorted lists; tuples are lists;
* a grant's recipient carries a ``"type"`` key, ``"agency"`` or ``"organization"``;
* identifiers (ORI, UEI, award number, solicitation, Assistance Listing) and state codes
  are in their canonical form;
* a top-level document carries ``"format_version": 1``.

Input is strict: no coercion (``1.9`` is not an int, ``123`` is not a string, a number is
not money), unknown keys are refused, missing required keys are named, and every problem
in a document is reported at once with its path. See :doc:`/reference/format`.

Examples:
    >>> import datetime as dt
    >>> import copsreform as cr
    >>> agency = cr.Agency(name="Boston Police Department", state="MA", ori="MA0130100",
    ...                    jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
    >>> data = cr.to_dict(agency)
    >>> data["jurisdiction"], data["format_version"]
    ('local', 1)
    >>> cr.from_dict(cr.Agency, data) == agency
    True
    >>> cr.from_dict(cr.Agency, {**data, "ori": "MA01301", "population": 1.5})
    Traceback (most recent call last):
    ...
    copsreform.errors.ValidationError: 2 problems:
      - '$.ori' is a 7-character COPS ORI; give the FBI's 9-character ORI (got 'MA01301')
      - '$.population' must be an int (got 1.5)
"""

import datetime as dt
import enum
import io
import json
import os
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final, Literal, TypeVar, Union

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from copsreform import _engine, _io
from copsreform._atomic import replacing
from copsreform._fields import WIRE_TYPE
from copsreform.agency import Agency, Organization
from copsreform.batch import Rejected
from copsreform.constraints import DATE_TEXT, MONEY_TEXT, NOT_A_STATE, SURROGATE
from copsreform.errors import (
    ArgumentTypeError,
    LimitExceededError,
    Problem,
    SourceFormatError,
    ValidationError,
)
from copsreform.fiscal import MAX_YEAR, MIN_YEAR, FiscalYear
from copsreform.identifiers import assistance_listing, award_number, ori, solicitation, uei
from copsreform.states import STATES
from copsreform.strictjson import loads as _strict_loads

__all__ = [
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MAX_DOCUMENT_CHARS",
    "MAX_LINE_CHARS",
    "RECIPIENT_TAG",
    "RECIPIENT_TAGS",
    "converter",
    "from_dict",
    "from_json",
    "is_recipient",
    "optional_inner",
    "parse_json",
    "read_jsonl",
    "to_dict",
    "to_json",
    "wire_hints",
    "write_jsonl",
]

T = TypeVar("T")

#: The version of the wire format this release writes. Documents without the key are
#: read as version 1, the first.
FORMAT_VERSION: Final = 1
#: Longest JSON document :func:`from_json` reads, in characters (16 MiB).
MAX_DOCUMENT_CHARS: Final = 16 * 1024 * 1024
#: Longest line :func:`read_jsonl` reads, in characters (1 MiB); a longer line is rejected.
MAX_LINE_CHARS: Final = 1024 * 1024
#: Deepest nesting of arrays and objects accepted in a JSON document.
MAX_DEPTH: Final = 64

_VERSION_KEY: Final = "format_version"
#: The key that says which class a grant's recipient is.
RECIPIENT_TAG: Final = "type"
#: The value of :data:`RECIPIENT_TAG` for each recipient class.
RECIPIENT_TAGS: Final[dict[type[Any], str]] = {Agency: "agency", Organization: "organization"}
_RECIPIENT_BY_TAG: Final = {tag: cls for cls, tag in RECIPIENT_TAGS.items()}
_DECIMAL_TEXT: Final = MONEY_TEXT
_DATE_TEXT: Final = DATE_TEXT


class _RefusedError(Exception):
    """A value refused by a wire check; carries the reason (internal)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Wire checks ------------------------------------------------------------------------
# One function per wire type. Each returns the Python value or raises _RefusedError with the
# reason. The cattrs hooks (fast path) and the detailed walker (error path) share them,
# so both accept exactly the same documents.


def _wire_str(value: object, _: object = None) -> str:
    if type(value) is not str:
        raise _RefusedError("must be a string")
    return value


def _wire_int(value: object, _: object = None) -> int:
    if type(value) is not int:
        raise _RefusedError("must be an int")
    return value


def _wire_bool(value: object, _: object = None) -> bool:
    if type(value) is not bool:
        raise _RefusedError("must be true or false")
    return value


def _wire_decimal(value: object, _: object = None) -> Decimal:
    if type(value) is not str:
        raise _RefusedError("must be a decimal string such as '1250000.00', not a number")
    if not _DECIMAL_TEXT.fullmatch(value):
        raise _RefusedError("must be a decimal string such as '1250000.00' (at most 2 decimals)")
    return _ZERO_CENTS if value == "0.00" else Decimal(value)


# The most common amount on the wire (no local match) is shared rather than copied.
_ZERO_CENTS: Final = Decimal("0.00")


def _wire_date(value: object, _: object = None) -> dt.date:
    if type(value) is not str or not _DATE_TEXT.fullmatch(value):
        raise _RefusedError("must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _RefusedError("must be a real calendar date") from None


def _wire_fiscal_year(value: object, _: object = None) -> FiscalYear:
    if type(value) is not int:
        raise _RefusedError("must be a fiscal year as an int such as 2025")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise _RefusedError(f"must be between {MIN_YEAR} and {MAX_YEAR}")
    return FiscalYear.shared(value)


def _wire_enum(enum_type: type[enum.Enum]) -> Callable[[object], enum.Enum]:
    by_value = {member.value: member for member in enum_type}
    reason = "must be one of " + ", ".join(repr(v) for v in by_value)

    def check(value: object) -> enum.Enum:
        member = by_value.get(value) if type(value) is str else None
        if member is None:
            raise _RefusedError(reason)
        return member

    return check


def _wire_identifier(validate: Callable[[object], str]) -> Callable[[object], str]:
    def check(value: object) -> str:
        if type(value) is not str:
            raise _RefusedError("must be a string")
        try:
            canonical = validate(value)
        except ValidationError as error:
            raise _RefusedError(error.reason) from None
        if canonical != value:
            raise _RefusedError(f"must be written in canonical form {canonical!r}")
        return canonical

    return check


def _state_code(value: object) -> str:
    shared = _STATE_CODES.get(value) if type(value) is str else None
    if shared is None:
        raise ValidationError.single(NOT_A_STATE, value)
    return shared


# Each state code read from the wire becomes the one shared string of STATES.
_STATE_CODES: Final = {code: code for code in STATES}


#: Fields whose strings must be in canonical form on the wire, and the check for each.
_CANONICAL: Final[dict[str, Callable[[object], str]]] = {
    "ori": _wire_identifier(ori.validate),
    "uei": _wire_identifier(uei.validate),
    "award_number": _wire_identifier(award_number.validate),
    "solicitation": _wire_identifier(solicitation.validate),
    "assistance_listing": _wire_identifier(assistance_listing.validate),
    "state": _wire_identifier(_state_code),
}

_PRIMITIVES: Final[dict[Any, Callable[[object, object], Any]]] = {
    str: _wire_str,
    int: _wire_int,
    bool: _wire_bool,
    Decimal: _wire_decimal,
    dt.date: _wire_date,
    FiscalYear: _wire_fiscal_year,
}


# Type inspection ----------------------------------------------------------------------


def optional_inner(tp: Any) -> Any | None:
    """For a type hint ``X | None`` return ``X``; for any other hint, ``None``.

    Examples:
        >>> from copsreform.serialization import optional_inner
        >>> optional_inner(int | None), optional_inner(int)
        (<class 'int'>, None)
    """
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) < len(typing.get_args(tp)):
            return args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007
    return None


def is_recipient(tp: Any) -> bool:
    """Tell whether a type hint is a grant recipient's, ``Agency | Organization``.

    Examples:
        >>> import copsreform as cr
        >>> from copsreform.serialization import is_recipient
        >>> is_recipient(cr.Agency | cr.Organization), is_recipient(cr.Agency)
        (True, False)
    """
    return typing.get_origin(tp) in (Union, types.UnionType) and set(typing.get_args(tp)) == set(
        RECIPIENT_TAGS
    )


def _wire_name(field: "attrs.Attribute[Any]") -> str:
    return field.alias or field.name


_HINTS: dict[type[Any], dict[str, Any]] = {}


def wire_hints(cls: type[Any]) -> dict[str, Any]:
    """The type of each field of ``cls`` as the wire format reads it (cached).

    The attribute's type hint, unless the field's metadata gives another wire type.

    Examples:
        >>> import copsreform as cr
        >>> from copsreform.serialization import wire_hints
        >>> wire_hints(cr.Grant)["fiscal_year"]
        copsreform.fiscal.FiscalYear | None
    """
    hints = _HINTS.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        if attrs.has(cls):
            hints.update(
                {
                    f.name: f.metadata[WIRE_TYPE]
                    for f in attrs.fields(cls)
                    if WIRE_TYPE in f.metadata
                }
            )
        _HINTS[cls] = hints
    return hints


# The converter ---------------------------------------------------------------------------


def _unstructure_decimal(value: Decimal) -> str:
    return str(value)


def _unstructure_date(value: dt.date) -> str:
    return value.isoformat()


def _unstructure_fiscal_year(value: FiscalYear) -> int:
    return value.year


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


def _unstructure_enum_set(value: frozenset[enum.Enum]) -> list[Any]:
    return sorted(member.value for member in value)


def _unstructure_recipient(value: Agency | Organization) -> dict[str, Any]:
    body: dict[str, Any] = {RECIPIENT_TAG: RECIPIENT_TAGS[type(value)]}
    body.update(_recipient_unstructure_hooks()[type(value)](value))
    return body


_RECIPIENT_UNSTRUCTURE: dict[type[Any], Callable[[Any], dict[str, Any]]] = {}


def _recipient_unstructure_hooks() -> dict[type[Any], Callable[[Any], dict[str, Any]]]:
    if not _RECIPIENT_UNSTRUCTURE:
        _RECIPIENT_UNSTRUCTURE.update(
            {cls: converter.get_unstructure_hook(cls) for cls in RECIPIENT_TAGS}
        )
    return _RECIPIENT_UNSTRUCTURE


def _structure_recipient(value: object, _: Any) -> Agency | Organization:
    if type(value) is not dict:
        raise _RefusedError("must be an object")
    tag = value.get(RECIPIENT_TAG)
    cls = _RECIPIENT_BY_TAG.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise _RefusedError(f"must have {RECIPIENT_TAG!r} 'agency' or 'organization'")
    body = value.copy()
    del body[RECIPIENT_TAG]
    return typing.cast(Agency | Organization, _recipient_hooks()[cls](body, cls))


_RECIPIENT_HOOKS: dict[type[Any], Callable[[Any, Any], Any]] = {}


def _recipient_hooks() -> dict[type[Any], Callable[[Any, Any], Any]]:
    if not _RECIPIENT_HOOKS:
        _RECIPIENT_HOOKS.update({cls: converter.get_structure_hook(cls) for cls in RECIPIENT_TAGS})
    return _RECIPIENT_HOOKS


def _is_plain_optional(tp: Any) -> bool:
    return optional_inner(tp) is not None and not is_recipient(tp)


def _structure_optional_factory(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = optional_inner(tp)
    inner_hook = conv.get_structure_hook(inner)

    def structure(value: object, _: Any) -> Any:
        return None if value is None else inner_hook(value, inner)

    return structure


def _is_enum_set(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) is frozenset
        and len(args) == 1
        and isinstance(args[0], type)
        and issubclass(args[0], enum.Enum)
    )


def _structure_enum_set(value: object, tp: Any) -> frozenset[Any]:
    if type(value) is not list:
        raise _RefusedError("must be a list")
    check = _enum_checks(typing.get_args(tp)[0])
    members = [check(item) for item in value]
    result = frozenset(members)
    if len(result) != len(members):
        raise _RefusedError("must not repeat a value")
    return result


def _is_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _structure_tuple(value: object, tp: Any) -> tuple[Any, ...]:
    if type(value) is not list:
        raise _RefusedError("must be a list")
    item_type = typing.get_args(tp)[0]
    return tuple(converter.structure(item, item_type) for item in value)


_ENUM_CHECKS: dict[type[enum.Enum], Callable[[object], enum.Enum]] = {}


def _enum_checks(enum_type: type[enum.Enum]) -> Callable[[object], enum.Enum]:
    check = _ENUM_CHECKS.get(enum_type)
    if check is None:
        check = _ENUM_CHECKS[enum_type] = _wire_enum(enum_type)
    return check


def _nullable(check: Callable[[object], str]) -> Callable[[object, Any], str | None]:
    def hook(value: object, _: Any) -> str | None:
        return None if value is None else check(value)

    return hook


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[object, Any], enum.Enum]:
    """Build, once per enum type, the hook that reads its members by value."""
    check = _enum_checks(enum_type)

    def hook(value: object, _: Any) -> enum.Enum:
        return check(value)

    return hook


def _structure_attrs_factory(cls: type[Any]) -> Callable[[Any, Any], Any]:
    overrides: dict[str, Any] = {}
    for field in attrs.fields(cls):
        name = _wire_name(field)
        check = _CANONICAL.get(name)
        if check is not None:
            overrides[field.name] = override(rename=name, struct_hook=_nullable(check))
        elif WIRE_TYPE in field.metadata:
            overrides[field.name] = override(
                rename=name, struct_hook=converter.get_structure_hook(field.metadata[WIRE_TYPE])
            )
        elif name != field.name:
            overrides[field.name] = override(rename=name)
    fn = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=False,
        **overrides,
    )

    own_tag = RECIPIENT_TAGS.get(cls)

    def structure(value: object, tp: Any) -> Any:
        if type(value) is not dict:
            raise _RefusedError("must be an object")
        if own_tag is not None and RECIPIENT_TAG in value:
            # A recipient cut out of a grant keeps its tag; its own tag is no problem.
            if value[RECIPIENT_TAG] != own_tag:
                raise _RefusedError(f"must have {RECIPIENT_TAG!r} {own_tag!r} or none")
            value = {key: item for key, item in value.items() if key != RECIPIENT_TAG}
        return fn(value, tp)

    return structure


def _unstructure_attrs_factory(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    overrides = {
        f.name: override(rename=_wire_name(f)) for f in attrs.fields(cls) if _wire_name(f) != f.name
    }
    return make_dict_unstructure_fn(cls, converter, **typing.cast(dict[str, Any], overrides))


def _build_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    for tp, check in _PRIMITIVES.items():
        conv.register_structure_hook(tp, check)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_unstructure_hook(dt.date, _unstructure_date)
    conv.register_unstructure_hook(FiscalYear, _unstructure_fiscal_year)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _unstructure_enum
    )
    conv.register_structure_hook_func(_is_enum_set, _structure_enum_set)
    conv.register_unstructure_hook_func(_is_enum_set, _unstructure_enum_set)
    conv.register_structure_hook_func(_is_tuple, _structure_tuple)
    conv.register_structure_hook_func(is_recipient, _structure_recipient)
    conv.register_unstructure_hook_func(is_recipient, _unstructure_recipient)
    conv.register_structure_hook_factory(attrs.has, _structure_attrs_factory)
    conv.register_structure_hook_factory(_is_plain_optional, _structure_optional_factory)
    conv.register_unstructure_hook_factory(attrs.has, _unstructure_attrs_factory)
    return conv


#: The one cattrs converter behind every (un)structuring in copsreform. Built once, at
#: import of this module. Use :func:`to_dict` and :func:`from_dict` rather than calling it
#: directly: they add the format version and turn failures into located problems.
converter: Final = _build_converter()


# The detailed walker ---------------------------------------------------------------------


class _Failed:
    """Marks a value that could not be structured (its problems are recorded)."""


class _Problems(list[Problem]):
    """Problems found by the walker, and the error class to raise them with.

    A document whose only problems come from one specific error (an illegal lifecycle
    change) is reported with that error's class, as direct construction would be.
    """

    def __init__(self) -> None:
        super().__init__()
        self.special: dict[type[ValidationError], int] = {}

    def error(self) -> ValidationError:
        for error_type, count in self.special.items():
            if count == len(self):
                return error_type(self)
        return ValidationError(self)


_FAILED: Final = _Failed()
Location = tuple[str | int, ...]


def _walk(tp: Any, value: object, at: Location, problems: list[Problem]) -> Any:
    """Structure ``value`` as ``tp``, recording every problem instead of stopping."""
    inner = optional_inner(tp)
    if inner is not None and not is_recipient(tp):
        return None if value is None else _walk(inner, value, at, problems)
    if is_recipient(tp):
        return _walk_recipient(value, at, problems)
    if attrs.has(tp) and tp not in _PRIMITIVES:
        return _walk_attrs(tp, value, at, problems)
    try:
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return _enum_checks(tp)(value)
        if _is_enum_set(tp) and type(value) is list:
            check = _enum_checks(typing.get_args(tp)[0])
            members = []
            for index, item in enumerate(value):
                try:
                    members.append(check(item))
                except _RefusedError as refused:  # noqa: PERF203 - the error path, per member
                    problems.append(Problem(refused.reason, item, (*at, index)))
            if len(members) < len(value):
                return _FAILED
            return _structure_enum_set(value, tp)
        if _is_enum_set(tp):
            return _structure_enum_set(value, tp)
        if _is_tuple(tp):
            if type(value) is not list:
                raise _RefusedError("must be a list")
            items = [
                _walk(typing.get_args(tp)[0], v, (*at, i), problems) for i, v in enumerate(value)
            ]
            return _FAILED if any(i is _FAILED for i in items) else tuple(items)
        return _PRIMITIVES[tp](value, None)
    except _RefusedError as refused:
        problems.append(Problem(refused.reason, value, at))
        return _FAILED


def _walk_recipient(value: object, at: Location, problems: list[Problem]) -> Any:
    if type(value) is not dict:
        problems.append(Problem("must be an object", value, at))
        return _FAILED
    tag = value.get(RECIPIENT_TAG)
    cls = _RECIPIENT_BY_TAG.get(tag) if isinstance(tag, str) else None
    if cls is None:
        problems.append(
            Problem("is required: 'agency' or 'organization'", location=(*at, RECIPIENT_TAG))
            if RECIPIENT_TAG not in value
            else Problem(
                "must be 'agency' or 'organization'", value[RECIPIENT_TAG], (*at, RECIPIENT_TAG)
            )
        )
        return _FAILED
    return _walk_attrs(cls, {k: v for k, v in value.items() if k != RECIPIENT_TAG}, at, problems)


def _walk_attrs(cls: type[Any], value: object, at: Location, problems: list[Problem]) -> Any:
    if type(value) is not dict:
        problems.append(Problem("must be an object", value, at))
        return _FAILED
    before = len(problems)
    value = _without_own_tag(cls, value, at, problems)
    fields = attrs.fields(cls)
    hints = wire_hints(cls)
    known = {_wire_name(f) for f in fields}
    problems.extend(
        Problem("is not a known field", value[key], (*at, key)) for key in value if key not in known
    )
    kwargs: dict[str, Any] = {}
    for field in fields:
        key = _wire_name(field)
        if key not in value:
            if field.default is attrs.NOTHING:
                problems.append(Problem("is required", location=(*at, key)))
            continue
        raw = value[key]
        check = _CANONICAL.get(key)
        if check is not None and raw is not None:
            try:
                item = check(raw)
            except _RefusedError as refused:
                problems.append(Problem(refused.reason, raw, (*at, key)))
                continue
        else:
            item = _walk(hints[field.name], raw, (*at, key), problems)
            if item is _FAILED:
                continue
        item = _field_checked(field, item, (*at, key), problems)
        if item is not _FAILED:
            kwargs[key] = item
    if len(problems) > before:
        return _FAILED
    try:
        return cls(**kwargs)
    except ValidationError as error:
        problems.extend(p.under("$", at) for p in error.problems)
        if type(error) is not ValidationError and isinstance(problems, _Problems):
            problems.special[type(error)] = problems.special.get(type(error), 0) + len(
                error.problems
            )
        return _FAILED


def _without_own_tag(
    cls: type[Any], value: dict[str, Any], at: Location, problems: list[Problem]
) -> dict[str, Any]:
    """Drop a recipient's own ``"type"`` tag (kept when it was cut out of a grant)."""
    own_tag = RECIPIENT_TAGS.get(cls)
    if own_tag is None or RECIPIENT_TAG not in value:
        return value
    if value[RECIPIENT_TAG] != own_tag:
        problems.append(
            Problem(
                f"must be {own_tag!r} (or left out)", value[RECIPIENT_TAG], (*at, RECIPIENT_TAG)
            )
        )
    return {key: item for key, item in value.items() if key != RECIPIENT_TAG}


def _field_checked(
    field: "attrs.Attribute[Any]", value: Any, at: Location, problems: list[Problem]
) -> Any:
    """Run a field's own converter and validator alone, so every field's problem is found."""
    try:
        if field.converter is not None:
            value = typing.cast(Callable[[Any], Any], field.converter)(value)
        if field.validator is not None:
            field.validator(None, field, value)
    except ValidationError as error:
        problems.extend(Problem(p.reason, p.value, at) for p in error.problems)
        return _FAILED
    return value


# Public API ----------------------------------------------------------------------------


def to_dict(obj: Any, *, mode: Literal["json", "python"] = "json") -> dict[str, Any]:
    """Turn a model object into a dict, with the format version.

    Both modes give the same keys in the same order (a grant's recipient tagged with
    ``"type"``, ``format_version`` last); they differ in the values:

    * ``"json"`` (the default): plain JSON types, exactly what :func:`to_json` writes and
      :func:`from_dict` reads: money as ``"1250000.00"``, dates as ``"2024-10-01"``,
      enums as their values, a fiscal year as its int, sets as sorted lists.
    * ``"python"``: the Python values: :class:`~decimal.Decimal`, :class:`datetime.date`,
      :class:`~copsreform.FiscalYear` and enum members; sets and tuples become lists
      (sets sorted by value). For analysis (a ``pandas.DataFrame``, say), not for the
      wire: :func:`from_dict` reads only the JSON mode.

    Args:
        obj: Any public model object (an attrs class of copsreform).
        mode: ``"json"`` or ``"python"``.

    Returns:
        The dict.

    Raises:
        TypeError: If ``obj`` is not a copsreform model object, or ``mode`` is unknown.

    Examples:
        >>> import copsreform as cr
        >>> cr.to_dict(cr.find_provider("NPI"))["programs"]
        ['collaborative_reform', 'critical_response', 'critical_response_ta']
        >>> cr.to_dict(cr.find_provider("NPI"), mode="python")["programs"][1]
        <CRIProgram.CRITICAL_RESPONSE: 'critical_response'>
    """
    if mode not in ("json", "python"):
        raise ArgumentTypeError.single("must be 'json' or 'python'", mode, root="mode")
    if not attrs.has(type(obj)) or type(obj) in _PRIMITIVES:
        raise TypeError(f"to_dict needs a copsreform model object, not {type(obj).__name__}")
    data = converter.unstructure(obj) if mode == "json" else _python_value(obj, type(obj))
    data[_VERSION_KEY] = FORMAT_VERSION
    return data  # type: ignore[no-any-return]


def _python_value(value: Any, tp: Any) -> Any:
    """``value`` as :func:`to_dict` gives it in ``"python"`` mode, read as type ``tp``."""
    if value is None:
        return None
    if is_recipient(tp):
        return {RECIPIENT_TAG: RECIPIENT_TAGS[type(value)], **_python_value(value, type(value))}
    tp = optional_inner(tp) or tp
    if attrs.has(tp) and tp not in _PRIMITIVES:
        hints = wire_hints(tp)
        return {
            _wire_name(field): _python_value(getattr(value, field.name), hints[field.name])
            for field in attrs.fields(tp)
        }
    if _is_enum_set(tp):
        return sorted(value, key=lambda member: member.value)
    if _is_tuple(tp):
        return [_python_value(item, typing.get_args(tp)[0]) for item in value]
    return value


def from_dict(cls: type[T], data: object) -> T:
    """Build a model object from a dict in the wire format, strictly.

    Args:
        cls: The class to build, such as :class:`copsreform.Grant`.
        data: The dict, as :func:`to_dict` writes it (``format_version`` is optional).

    Returns:
        The object, validated.

    A recipient cut out of a grant's dict may keep its ``"type"`` tag: ``from_dict(Agency,
    to_dict(grant)["recipient"])`` reads it, when the tag is the class's own.

    Raises:
        ValidationError: Listing every problem in ``data``, each with its path from ``$``.
        ArgumentTypeError: If ``cls`` is not a copsreform model class (a
            :class:`TypeError`).

    Examples:
        >>> import copsreform as cr
        >>> cr.from_dict(cr.Organization, {"name": "CITY OF FEDERAL WAY", "state": "WA"}).state
        'WA'
        >>> cr.from_dict(cr.Organization, {"name": "X", "stat": "WA"})
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: '$.stat' is not a known field (got 'WA')
    """
    if type(data) is dict and _VERSION_KEY in data:
        data = _migrate(data)
    return _structure(cls, data)


def _structure(cls: type[T], data: object) -> T:
    """Structure ``data`` (already migrated) fast, or report every problem in detail."""
    _check_model_class(cls)
    try:
        return converter.structure(data, cls)
    except Exception:  # any failure is re-examined in detail below
        problems = _Problems()
        result = _walk(cls, data, (), problems)
        if problems:
            raise problems.error() from None
        if result is _FAILED:  # pragma: no cover - the walker records why it fails
            raise ValidationError.single("could not be read", data) from None
        return result  # type: ignore[no-any-return]


def _check_model_class(cls: object) -> None:
    """Refuse a ``cls`` that is not a copsreform model class (``dict``, ``int``...)."""
    if not (isinstance(cls, type) and attrs.has(cls)) or cls in _PRIMITIVES:
        raise ArgumentTypeError.single(
            "must be a copsreform model class, such as copsreform.Grant", cls, root="cls"
        )


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of a document brought up to :data:`FORMAT_VERSION`, without the key."""
    copy = data.copy()
    _migrate_in_place(copy)
    return copy


def _migrate_in_place(data: dict[str, Any]) -> None:
    """Bring a document up to :data:`FORMAT_VERSION` and drop the version key."""
    version = data.pop(_VERSION_KEY)
    if type(version) is not int or version < 1:
        raise ValidationError.single("must be a positive int", version, (_VERSION_KEY,))
    if version > FORMAT_VERSION:
        raise ValidationError.single(
            f"is newer than this copsreform reads (format {FORMAT_VERSION}); upgrade copsreform",
            version,
            (_VERSION_KEY,),
        )
    # Future versions add steps here, each taking a version N document to N + 1, for
    # example: ``if version < 2: _migrate_1_to_2(data)``.


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Write a model object as JSON text. The same object always gives the same text.

    Args:
        obj: Any public model object.
        indent: Spaces per level for readable output; compact when ``None``.

    Returns:
        The JSON text (UTF-8 characters kept as they are).

    Examples:
        >>> import copsreform as cr
        >>> cr.to_json(cr.Organization(name="CITY OF FEDERAL WAY", state="WA"))
        '{"name":"CITY OF FEDERAL WAY","state":"WA","uei":null,"kind":"unknown","format_version":1}'
    """
    if indent is None:
        text = _engine.encode(obj)  # None: not a class the engine writes
        return _COMPACT.encode(to_dict(obj)) if text is None else text
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent, separators=(",", ": "))


# Built once: json.dumps with non-default options builds a new encoder on every call.
_COMPACT: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def from_json(cls: type[T], text: str | bytes) -> T:
    """Read a model object from JSON text, strictly.

    Args:
        cls: The class to build.
        text: The JSON document, at most :data:`MAX_DOCUMENT_CHARS` long and
            :data:`MAX_DEPTH` deep.

    Returns:
        The object.

    Raises:
        ValidationError: If the text is not JSON (with line and column) or the document
            has problems (each with its path).
        LimitExceededError: If the text is too long or too deeply nested.

    Examples:
        >>> import copsreform as cr
        >>> cr.from_json(cr.Organization, '{"name": "CITY OF COLFAX"}').name
        'CITY OF COLFAX'
        >>> cr.from_json(cr.Organization, '{"name": "CITY OF COLFAX"')
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: '$' is not valid JSON: Expecting ',' delimiter at line 1 column 26 (got '{"name": "CITY OF COLFAX"')
    """
    found = _engine.decode(cls, text, MAX_DOCUMENT_CHARS)  # None: read it precisely below
    if found is not None:
        return found
    data = parse_json(text)
    if type(data) is dict and _VERSION_KEY in data:
        _migrate_in_place(data)
    return _structure(cls, data)


def parse_json(text: str | bytes) -> Any:
    """Parse one JSON document strictly, within :data:`MAX_DOCUMENT_CHARS` and :data:`MAX_DEPTH`.

    Bytes are read as UTF-8 (a byte-order mark is ignored). Parsing is
    :func:`copsreform.strictjson.loads`: a key given twice in one object and ``NaN`` or
    ``Infinity`` are refused.

    Args:
        text: The JSON text.

    Returns:
        The parsed value (plain JSON types).

    Raises:
        ValidationError: If the text is not UTF-8 or not JSON (with line and column), or an
            object repeats a key (with its path).
        LimitExceededError: If the text is too long or too deeply nested.
        ArgumentTypeError: If ``text`` is neither ``str`` nor ``bytes`` (a :class:`TypeError`).

    Examples:
        >>> from copsreform.serialization import parse_json
        >>> parse_json('{"federal_amount": "1.00", "federal_amount": "9.00"}')
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: '$.federal_amount' is given more than once (a JSON key must be unique in its object)
        >>> parse_json('{"federal_amount": Infinity}')
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: '$' is not valid JSON: Infinity is not a JSON number (JSON has no NaN or Infinity) at line 1 column 20 (got '{"federal_amount": Infinity}')
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError.single(
                f"is not UTF-8 text (byte {error.start})", text[:40]
            ) from None
    if not isinstance(text, str):
        raise ArgumentTypeError.single("must be JSON text (str or bytes)", text, root="text")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise LimitExceededError.single(
            f"is too long: {len(text):,} characters, more than the "
            f"{MAX_DOCUMENT_CHARS:,} a document may hold"
        )
    text = text.removeprefix("\ufeff")
    if _depth_exceeds(text, MAX_DEPTH):
        raise LimitExceededError.single(f"is nested deeper than {MAX_DEPTH} levels", text[:40])
    try:
        return _strict_loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError.single(
            f"is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}", text
        ) from None
    except ValidationError:  # a key given twice, at its path
        raise
    except (ValueError, RecursionError) as error:  # an int too long to convert, for instance
        raise LimitExceededError.single(f"cannot be read: {error}", text[:40]) from None


_BRACKETS: Final = re.compile(r'[\[\]{}"\\]')


def _depth_exceeds(text: str, limit: int) -> bool:
    """Tell whether JSON text nests arrays and objects deeper than ``limit``.

    A linear scan over brackets, quotes and backslashes that skips string contents; it
    runs before ``json.loads`` so that a hostile document cannot exhaust recursion.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    in_string = False
    escaped_at = -1
    for match in _BRACKETS.finditer(text):
        position = match.start()
        char = text[position]
        if in_string:
            if position == escaped_at:
                continue
            if char == "\\":
                escaped_at = position + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


Source = str | os.PathLike[str] | IO[str] | Iterable[str]


def read_jsonl(cls: type[T], source: Source, *, strict: bool = False) -> Iterator[T | Rejected]:
    """Read many records from JSON Lines, one object per line, streaming.

    Every non-blank line yields either the object or a :class:`~copsreform.batch.Rejected`
    with its 1-based line number and every problem; good lines are returned whatever the
    bad ones hold. Blank lines hold no record and are skipped. A byte-order mark at the
    start is ignored; lines longer than :data:`MAX_LINE_CHARS` (not counting the line end)
    are rejected unread. A path is opened by the same layer as the importers: a gzip file
    is read decompressed, whatever its name, up to 4 GiB once decompressed. A file read
    from a path that holds bytes which are not UTF-8 (a Latin-1 export, say) has each such
    line rejected with the byte and its position.

    Args:
        cls: The class of every record.
        source: A path, an open text file, or any iterable of lines.
        strict: Raise on the first bad line instead of yielding a rejection.

    Yields:
        Objects and rejections, in file order.

    Raises:
        ValidationError: In strict mode, for the first bad line; its problems' paths start
            with the line, as ``line 3: $.ori``.
        SourceFormatError: If an open stream fails to decode its text.
        ArgumentTypeError: If ``source`` is not a path, a text stream or lines.

    Examples:
        >>> import copsreform as cr
        >>> lines = ['{"name": "CITY OF COLFAX"}', '{"name": 12}', '', '{"name": "CITY OF MORTON"}']
        >>> for outcome in cr.read_jsonl(cr.Organization, lines):
        ...     print(outcome)
        CITY OF COLFAX
        line 2: '$.name' must be a string (got 12)
        CITY OF MORTON
    """
    if isinstance(source, str | os.PathLike):
        # Opened by the one I/O layer (gzip recognised, bytes capped). Bytes that are not
        # UTF-8 become lone surrogates (``surrogateescape``), so that such a line is
        # rejected on its own, with its number and the byte's position, and every other
        # line is still read.
        with _io.open_source(source, _io.MAX_STREAM_BYTES, errors="surrogateescape") as opened:
            yield from read_jsonl(cls, _io.bounded_lines(opened, MAX_LINE_CHARS), strict=strict)
        return
    if isinstance(source, bytes | bytearray) or not isinstance(source, Iterable):  # type: ignore[unreachable]
        raise ArgumentTypeError.single(
            "must be a path, an open text file or an iterable of lines", source, root="source"
        )
    lines = (
        _io.bounded_lines(source, MAX_LINE_CHARS) if isinstance(source, io.TextIOBase) else source
    )
    for number, line in _numbered(lines):
        if number == 1 and line.startswith("\ufeff"):
            line = line.removeprefix("\ufeff")  # noqa: PLW2901 - a BOM is not content
        if not line or line.isspace():
            continue
        try:
            # The line end is not part of the line; a line cut short while reading
            # carries its full length.
            length = getattr(line, "length", None) or len(line.rstrip("\r\n"))
            if length > MAX_LINE_CHARS:
                raise LimitExceededError.single(
                    f"is too long: {length:,} characters, more than the "
                    f"{MAX_LINE_CHARS:,} a line may hold"
                )
            _refuse_undecoded(line)
            yield from_json(cls, line)
        except ValidationError as error:
            if strict:
                raise error.under(f"line {number}: $") from None
            yield Rejected.from_error(number, "line", error, raw=_printable(line[:1000]))


_UNDECODED: Final = re.compile("[\udc80-\udcff]")


def _numbered(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Number lines from 1, turning a stream's decoding failure into our error."""
    number = 0
    iterator = iter(lines)
    while True:
        try:
            line = next(iterator)
        except StopIteration:
            return
        except UnicodeDecodeError as error:
            raise SourceFormatError(
                f"is not UTF-8 text after line {number} ({error.reason}); save the file as UTF-8"
            ) from None
        number += 1
        yield number, line


def _refuse_undecoded(line: str) -> None:
    """Refuse a line holding bytes that were not UTF-8 (read with ``surrogateescape``)."""
    found = _UNDECODED.search(line)
    if found is not None:
        offset = len(line[: found.start()].encode("utf-8", "surrogateescape"))
        byte = ord(found.group()) - 0xDC00
        raise ValidationError.single(
            f"is not UTF-8 text (byte 0x{byte:02x} at byte offset {offset} of the line); "
            "save the file as UTF-8",
            _printable(line[max(0, found.start() - 30) : found.start() + 10]),
        )


_SURROGATE: Final = SURROGATE


def _printable(text: str) -> str:
    """``text`` with any lone surrogate (an undecodable byte) shown as U+FFFD, writable."""
    return _SURROGATE.sub("\ufffd", text)


def write_jsonl(objects: Iterable[Any], target: str | os.PathLike[str] | IO[str]) -> int:
    """Write model objects as JSON Lines, one compact document per line.

    Args:
        objects: Model objects.
        target: A path (written as UTF-8) or an open text file.

    Returns:
        How many records were written.

    Examples:
        >>> import io
        >>> import copsreform as cr
        >>> out = io.StringIO()
        >>> cr.write_jsonl([cr.find_provider("NPI"), cr.find_provider("IACP")], out)
        2
        >>> cr.from_json(cr.Provider, out.getvalue().splitlines()[1]).acronym
        'IACP'
    """
    if isinstance(target, str | os.PathLike):
        with replacing(Path(target), newline="\n") as stream:
            return write_jsonl(objects, stream)
    if not callable(getattr(target, "write", None)):
        raise ArgumentTypeError.single("must be a path or an open text file", target, root="target")
    count = 0
    for obj in objects:
        target.write(to_json(obj) + "\n")
        count += 1
    return count
