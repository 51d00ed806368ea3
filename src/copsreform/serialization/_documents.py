"""One document: a model object to and from a dict or JSON text, with the format version."""

import json
import typing
from typing import Any, Final, Literal, TypeVar

import attrs

from copsreform import _engine
from copsreform._wire import (
    FORMAT_VERSION,
    RECIPIENT_TAG,
    RECIPIENT_TAGS,
    VERSION_KEY,
    is_model_class,
)
from copsreform.errors import ArgumentTypeError, ValidationError
from copsreform.serialization._converter import converter
from copsreform.serialization._hints import (
    is_enum_set,
    is_recipient,
    is_tuple,
    optional_inner,
    wire_hints,
    wire_name,
)
from copsreform.serialization._migrate import migrate, migrate_in_place
from copsreform.serialization._parse import MAX_DOCUMENT_CHARS, parse_json
from copsreform.serialization._walk import FAILED, Problems, walk

T = TypeVar("T")

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
    if not is_model_class(type(obj)):
        raise TypeError(f"to_dict needs a copsreform model object, not {type(obj).__name__}")
    data = converter.unstructure(obj) if mode == "json" else _python_value(obj, type(obj))
    data[VERSION_KEY] = FORMAT_VERSION
    return data  # type: ignore[no-any-return]


def _python_value(value: Any, tp: Any) -> Any:
    """``value`` as :func:`to_dict` gives it in ``"python"`` mode, read as type ``tp``."""
    if value is None:
        return None
    if is_recipient(tp):
        return {RECIPIENT_TAG: RECIPIENT_TAGS[type(value)], **_python_value(value, type(value))}
    tp = optional_inner(tp) or tp
    if is_model_class(tp):
        hints = wire_hints(tp)
        return {
            wire_name(field): _python_value(getattr(value, field.name), hints[field.name])
            for field in attrs.fields(tp)
        }
    if is_enum_set(tp):
        return sorted(value, key=lambda member: member.value)
    if is_tuple(tp):
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
    found = _engine.convert(cls, data)  # None: read it precisely below
    if found is not None:
        return found
    if type(data) is dict and VERSION_KEY in data:
        data = migrate(data)
    return _structure(cls, data)


def _structure(cls: type[T], data: object) -> T:
    """Structure ``data`` (already migrated) fast, or report every problem in detail."""
    _check_model_class(cls)
    try:
        return converter.structure(data, cls)
    except Exception:  # any failure is re-examined in detail below
        problems = Problems()
        result = walk(cls, data, (), problems)
        if problems:
            raise problems.error() from None
        if result is FAILED:  # pragma: no cover - the walker records why it fails
            raise ValidationError.single("could not be read", data) from None
        return result  # type: ignore[no-any-return]


def _check_model_class(cls: object) -> None:
    """Refuse a ``cls`` that is not a copsreform model class (``dict``, ``int``...)."""
    if not is_model_class(cls):
        raise ArgumentTypeError.single(
            "must be a copsreform model class, such as copsreform.Grant", cls, root="cls"
        )


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
    if type(data) is dict and VERSION_KEY in data:
        migrate_in_place(data)
    return _structure(cls, data)
