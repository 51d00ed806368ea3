"""The detailed walker: the error path that reports every problem of a document at once.

It runs only when the converter refuses a document, and reads it with the same wire
checks, recording each problem with its path instead of stopping at the first.
"""

import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from copsreform._wire import RECIPIENT_TAG, RECIPIENT_TAGS, is_enum_type, is_model_class
from copsreform.errors import Problem, ValidationError
from copsreform.serialization._checks import CANONICAL, PRIMITIVES, RefusedError, enum_checks
from copsreform.serialization._converter import structure_enum_set
from copsreform.serialization._hints import (
    is_enum_set,
    is_recipient,
    is_tuple,
    optional_inner,
    tagged_class,
    untagged,
    wire_hints,
    wire_name,
)

# The detailed walker ---------------------------------------------------------------------


class _Failed:
    """Marks a value that could not be structured (its problems are recorded)."""


class Problems(list[Problem]):
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


FAILED: Final = _Failed()
Location = tuple[str | int, ...]


def walk(tp: Any, value: object, at: Location, problems: list[Problem]) -> Any:
    """Structure ``value`` as ``tp``, recording every problem instead of stopping."""
    inner = optional_inner(tp)
    if inner is not None and not is_recipient(tp):
        return None if value is None else walk(inner, value, at, problems)
    if is_recipient(tp):
        return _walk_recipient(value, at, problems)
    if is_model_class(tp):
        return _walk_attrs(tp, value, at, problems)
    try:
        if is_enum_type(tp):
            return enum_checks(tp)(value)
        if is_enum_set(tp) and type(value) is list:
            check = enum_checks(typing.get_args(tp)[0])
            members = []
            for index, item in enumerate(value):
                try:
                    members.append(check(item))
                except RefusedError as refused:  # noqa: PERF203 - the error path, per member
                    problems.append(Problem(refused.reason, item, (*at, index)))
            if len(members) < len(value):
                return FAILED
            return structure_enum_set(value, tp)
        if is_enum_set(tp):
            return structure_enum_set(value, tp)
        if is_tuple(tp):
            if type(value) is not list:
                raise RefusedError("must be a list")
            items = [
                walk(typing.get_args(tp)[0], v, (*at, i), problems) for i, v in enumerate(value)
            ]
            return FAILED if any(i is FAILED for i in items) else tuple(items)
        return PRIMITIVES[tp](value, None)
    except RefusedError as refused:
        problems.append(Problem(refused.reason, value, at))
        return FAILED


def _walk_recipient(value: object, at: Location, problems: list[Problem]) -> Any:
    if type(value) is not dict:
        problems.append(Problem("must be an object", value, at))
        return FAILED
    cls = tagged_class(value)
    if cls is None:
        problems.append(
            Problem("is required: 'agency' or 'organization'", location=(*at, RECIPIENT_TAG))
            if RECIPIENT_TAG not in value
            else Problem(
                "must be 'agency' or 'organization'", value[RECIPIENT_TAG], (*at, RECIPIENT_TAG)
            )
        )
        return FAILED
    return _walk_attrs(cls, untagged(value), at, problems)


def _walk_attrs(cls: type[Any], value: object, at: Location, problems: list[Problem]) -> Any:
    if type(value) is not dict:
        problems.append(Problem("must be an object", value, at))
        return FAILED
    before = len(problems)
    value = _without_own_tag(cls, value, at, problems)
    fields = attrs.fields(cls)
    hints = wire_hints(cls)
    known = {wire_name(f) for f in fields}
    problems.extend(
        Problem("is not a known field", value[key], (*at, key)) for key in value if key not in known
    )
    kwargs: dict[str, Any] = {}
    for field in fields:
        key = wire_name(field)
        if key not in value:
            if field.default is attrs.NOTHING:
                problems.append(Problem("is required", location=(*at, key)))
            continue
        raw = value[key]
        check = CANONICAL.get(key)
        if check is not None and raw is not None:
            try:
                item = check(raw)
            except RefusedError as refused:
                problems.append(Problem(refused.reason, raw, (*at, key)))
                continue
        else:
            item = walk(hints[field.name], raw, (*at, key), problems)
            if item is FAILED:
                continue
        item = _field_checked(field, item, (*at, key), problems)
        if item is not FAILED:
            kwargs[key] = item
    if len(problems) > before:
        return FAILED
    try:
        return cls(**kwargs)
    except ValidationError as error:
        problems.extend(p.under("$", at) for p in error.problems)
        if type(error) is not ValidationError and isinstance(problems, Problems):
            problems.special[type(error)] = problems.special.get(type(error), 0) + len(
                error.problems
            )
        return FAILED


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
    return untagged(value)


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
        return FAILED
    return value
