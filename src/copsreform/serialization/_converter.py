"""The cattrs converter: the fast path that reads and writes every model class."""

import datetime as dt
import enum
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from copsreform._fields import WIRE_TYPE
from copsreform._wire import RECIPIENT_TAG, RECIPIENT_TAGS, is_enum_type
from copsreform.agency import Agency, Organization
from copsreform.fiscal import FiscalYear
from copsreform.serialization._checks import CANONICAL, PRIMITIVES, RefusedError, enum_checks
from copsreform.serialization._hints import (
    is_enum_set,
    is_recipient,
    is_tuple,
    optional_inner,
    tagged_class,
    untagged,
    wire_name,
)

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
        raise RefusedError("must be an object")
    cls = tagged_class(value)
    if cls is None:
        raise RefusedError(f"must have {RECIPIENT_TAG!r} 'agency' or 'organization'")
    return typing.cast(Agency | Organization, _recipient_hooks()[cls](untagged(value), cls))


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


def structure_enum_set(value: object, tp: Any) -> frozenset[Any]:
    if type(value) is not list:
        raise RefusedError("must be a list")
    check = enum_checks(typing.get_args(tp)[0])
    members = [check(item) for item in value]
    result = frozenset(members)
    if len(result) != len(members):
        raise RefusedError("must not repeat a value")
    return result


def _structure_tuple(value: object, tp: Any) -> tuple[Any, ...]:
    if type(value) is not list:
        raise RefusedError("must be a list")
    item_type = typing.get_args(tp)[0]
    return tuple(converter.structure(item, item_type) for item in value)


def _nullable(check: Callable[[object], str]) -> Callable[[object, Any], str | None]:
    def hook(value: object, _: Any) -> str | None:
        return None if value is None else check(value)

    return hook


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[object, Any], enum.Enum]:
    """Build, once per enum type, the hook that reads its members by value."""
    check = enum_checks(enum_type)

    def hook(value: object, _: Any) -> enum.Enum:
        return check(value)

    return hook


def _structure_attrs_factory(cls: type[Any]) -> Callable[[Any, Any], Any]:
    # Keys are the constructor's keyword names (attrs aliases), as cattrs writes them.
    overrides: dict[str, Any] = {}
    for field in attrs.fields(cls):
        check = CANONICAL.get(wire_name(field))
        if check is not None:
            overrides[field.name] = override(struct_hook=_nullable(check))
        elif WIRE_TYPE in field.metadata:
            wire_type = field.metadata[WIRE_TYPE]
            overrides[field.name] = override(struct_hook=converter.get_structure_hook(wire_type))
    fn = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=False,
        _cattrs_use_alias=True,
        **overrides,
    )

    own_tag = RECIPIENT_TAGS.get(cls)

    def structure(value: object, tp: Any) -> Any:
        if type(value) is not dict:
            raise RefusedError("must be an object")
        if own_tag is not None and RECIPIENT_TAG in value:
            # A recipient cut out of a grant keeps its tag; its own tag is no problem.
            if value[RECIPIENT_TAG] != own_tag:
                raise RefusedError(f"must have {RECIPIENT_TAG!r} {own_tag!r} or none")
            value = untagged(value)
        return fn(value, tp)

    return structure


def _unstructure_attrs_factory(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    return make_dict_unstructure_fn(cls, converter, _cattrs_use_alias=True)


def _build_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    for tp, check in PRIMITIVES.items():
        conv.register_structure_hook(tp, check)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_unstructure_hook(dt.date, _unstructure_date)
    conv.register_unstructure_hook(FiscalYear, _unstructure_fiscal_year)
    conv.register_structure_hook_factory(is_enum_type, _enum_hook)
    conv.register_unstructure_hook_func(is_enum_type, _unstructure_enum)
    conv.register_structure_hook_func(is_enum_set, structure_enum_set)
    conv.register_unstructure_hook_func(is_enum_set, _unstructure_enum_set)
    conv.register_structure_hook_func(is_tuple, _structure_tuple)
    conv.register_structure_hook_func(is_recipient, _structure_recipient)
    conv.register_unstructure_hook_func(is_recipient, _unstructure_recipient)
    conv.register_structure_hook_factory(attrs.has, _structure_attrs_factory)
    conv.register_structure_hook_factory(_is_plain_optional, _structure_optional_factory)
    conv.register_unstructure_hook_factory(attrs.has, _unstructure_attrs_factory)
    return conv


# The one cattrs converter behind every (un)structuring in copsreform, built once at
# import (documented as copsreform.serialization.converter).
converter: Final = _build_converter()
