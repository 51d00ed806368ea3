"""Type hints as the wire format reads them: optional types, recipients, sets, tuples."""

import types
import typing
from typing import Any, Final, Union

import attrs

from copsreform._fields import WIRE_TYPE
from copsreform._wire import RECIPIENT_TAG, RECIPIENT_TAGS, is_enum_type

# The recipient class for each value of its tag.
_RECIPIENT_BY_TAG: Final = {tag: cls for cls, tag in RECIPIENT_TAGS.items()}


def tagged_class(value: dict[str, Any]) -> type[Any] | None:
    """The recipient class a dict's tag names, or ``None`` if its tag is missing or unknown."""
    tag = value.get(RECIPIENT_TAG)
    return _RECIPIENT_BY_TAG.get(tag) if isinstance(tag, str) else None


def untagged(value: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``value`` without its recipient tag."""
    return {key: item for key, item in value.items() if key != RECIPIENT_TAG}


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


def wire_name(field: "attrs.Attribute[Any]") -> str:
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


def is_enum_set(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is frozenset and len(args) == 1 and is_enum_type(args[0])


def is_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis
