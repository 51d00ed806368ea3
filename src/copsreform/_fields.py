"""Validators and converters shared by the model classes.

Converters only normalise (strip, fold spaces, upper-case, turn a set into a frozenset);
they leave values of an unexpected type untouched so that the validator can refuse them
with a clear message. Validators judge and raise :class:`~copsreform.errors.ValidationError`
whose path is ``<ClassName>.<field>``.

Every validator here has the attrs signature ``(instance, attribute, value)`` and reads
nothing from ``instance`` but its class name, so the serialization layer can call it
without an instance (``instance=None``) to collect every problem of a record at once.
"""

import datetime as dt
import enum
import functools
import inspect
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final, TypeVar, cast

import attrs

from copsreform import constraints
from copsreform.errors import Problem, ValidationError, indefinite
from copsreform.identifiers import assistance_listing, award_number, ori, solicitation, uei

E = TypeVar("E", bound=enum.Enum)
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

# The limits and messages are stated once, in copsreform.constraints.
MAX_NAME: Final = constraints.MAX_NAME
MAX_TEXT: Final = constraints.MAX_TEXT
MAX_MONEY: Final = constraints.MAX_MONEY
MAX_COUNT: Final = constraints.MAX_COUNT
NOT_UNICODE: Final = constraints.NOT_UNICODE
_SURROGATE: Final = constraints.SURROGATE
_MAX_MONEY_DIGITS: Final = constraints.MONEY_DIGITS

#: Field metadata key: the type a field has on the wire when it differs from the
#: attribute's type (``Grant.fiscal_year`` is a FiscalYear, written ``null`` to mean
#: "derive it from the award number").
WIRE_TYPE: Final = "copsreform.wire_type"

#: Field metadata key: JSON Schema keywords a field adds to its generated schema, stated
#: beside the validator that applies the same rule.
SCHEMA: Final = "copsreform.schema"

_CENT = Decimal(1).scaleb(-constraints.MONEY_SCALE)  # 0.01


def fail(instance: object, attribute: "attrs.Attribute[Any]", reason: str, value: object) -> None:
    """Raise the one error every field validator raises."""
    root = type(instance).__name__ if instance is not None else "$"
    raise ValidationError.single(reason, value, (attribute.alias or attribute.name,), root=root)


# Converters -------------------------------------------------------------------------


def is_folded(text: str) -> bool:
    """Tell whether folding white space would leave ``text`` unchanged.

    No outer space, no run of spaces, and no other white space or unprintable character
    (:meth:`str.isprintable` is false for tabs, line breaks and lone surrogates). The
    converters check it first so that a clean string is kept as the same object.

    Examples:
        >>> from copsreform._fields import is_folded
        >>> is_folded("Omaha Police Department"), is_folded("Omaha  Police "), is_folded("")
        (True, False, True)
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


# Each public converter declares the type a caller may pass (the attrs mypy plugin makes
# it the constructor's parameter type), while at run time it hands any other value on
# unchanged, for the field's validator to refuse with a located message.


def fold_spaces(value: str) -> str:
    """Strip a string and fold runs of white space to one space; leave other values."""
    given: object = value  # any value reaches here at run time
    if isinstance(given, str):
        return given if is_folded(given) else " ".join(given.split())
    return value


def fold_spaces_or_none(value: str | None) -> str | None:
    """Like :func:`fold_spaces`, but an empty or blank string becomes ``None``."""
    if isinstance(value, str):
        return (value if is_folded(value) else " ".join(value.split())) or None
    return value


def strip_text(value: str | None) -> str | None:
    """Strip outer white space from a string, keeping inner line breaks; blank is ``None``."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def _upper(value: object) -> object:
    if isinstance(value, str):
        changed = value.strip().upper()
        return value if changed == value else changed
    return value


def upper(value: str) -> str:
    """Strip and upper-case a string; leave other values (a clean string is not copied)."""
    return cast(str, _upper(value))


def upper_or_none(value: str | None) -> str | None:
    """Like :func:`upper`, for an optional field (``None`` stays ``None``)."""
    return cast(str | None, _upper(value))


def to_frozenset(
    value: set[Any] | frozenset[Any] | list[Any] | tuple[Any, ...],
) -> frozenset[Any]:
    """Turn a set, list or tuple into a frozenset; leave other values."""
    if isinstance(value, set | list | tuple):
        return frozenset(value)
    return value


def to_tuple(value: list[Any] | tuple[Any, ...]) -> tuple[Any, ...]:
    """Turn a list into a tuple; leave other values."""
    return tuple(value) if isinstance(value, list) else value


def _money(value: object) -> object:
    if type(value) is int and -MAX_MONEY < value < MAX_MONEY:
        return Decimal(value).quantize(_CENT)
    if isinstance(value, Decimal) and value.is_finite() and _magnitude_ok(value):
        if value.same_quantum(_CENT):
            return value  # already two decimal places: keep the same object
        cents = value.quantize(_CENT)
        if cents == value:  # no rounding happened: only the written form changed
            return cents
    return value


def money(value: Decimal | int) -> Decimal:
    """Normalise an amount to whole cents when it is a finite Decimal or an int with cents.

    ``Decimal("1250000")`` becomes ``Decimal("1250000.00")`` so that equal amounts are
    written identically. Values with fractions of a cent, floats, strings and
    non-finite values are left for the validator to refuse.
    """
    return cast(Decimal, _money(value))


def money_or_none(value: Decimal | int | None) -> Decimal | None:
    """Like :func:`money`, for an optional amount (``None`` stays ``None``)."""
    return cast(Decimal | None, _money(value))


def _magnitude_ok(value: Decimal) -> bool:
    # ``adjusted()`` reads the exponent without arithmetic, so a hostile exponent such as
    # ``1e999999999`` costs nothing and cannot overflow the decimal context.
    return value.is_zero() or value.adjusted() < _MAX_MONEY_DIGITS


# Validators -------------------------------------------------------------------------


def name(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """A non-empty single-line name of at most :data:`MAX_NAME` characters."""
    if not isinstance(value, str):
        fail(instance, attribute, "must be a string", value)
    elif not value:
        fail(instance, attribute, "must not be empty", value)
    elif len(value) > MAX_NAME:
        fail(instance, attribute, f"must be at most {MAX_NAME} characters", value)
    elif _SURROGATE.search(value):
        fail(instance, attribute, NOT_UNICODE, value)


def optional(check: Validator) -> Validator:
    """Accept ``None`` or whatever ``check`` accepts."""

    def optional_check(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional_check


def text(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """A string of at most :data:`MAX_TEXT` characters (line breaks allowed)."""
    if not isinstance(value, str):
        fail(instance, attribute, "must be a string", value)
    elif len(value) > MAX_TEXT:
        fail(instance, attribute, f"must be at most {MAX_TEXT} characters", value)
    elif _SURROGATE.search(value):
        fail(instance, attribute, NOT_UNICODE, value)


def is_text(value: str) -> bool:
    """Tell whether ``value`` is real Unicode text (holds no lone surrogate)."""
    return _SURROGATE.search(value) is None


def member_of(enum_type: type[E]) -> Validator:
    """A member of ``enum_type``; the message lists the allowed values."""
    allowed = ", ".join(repr(m.value) for m in enum_type)

    def member_check(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not isinstance(value, enum_type):
            fail(
                instance,
                attribute,
                f"must be {indefinite(enum_type.__name__)} (one of {allowed})",
                value,
            )

    return member_check


def set_of(enum_type: type[E]) -> Validator:
    """A frozenset whose members all belong to ``enum_type``."""
    allowed = ", ".join(repr(m.value) for m in enum_type)

    def set_check(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not isinstance(value, frozenset):
            fail(instance, attribute, f"must be a set of {enum_type.__name__}", value)
        elif not all(isinstance(m, enum_type) for m in value):
            fail(instance, attribute, f"must hold only {enum_type.__name__} ({allowed})", value)

    return set_check


def tuple_of(item_type: type[Any]) -> Validator:
    """A tuple whose items are all instances of ``item_type``."""

    def tuple_check(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not isinstance(value, tuple):
            fail(instance, attribute, f"must be a tuple of {item_type.__name__}", value)
        elif not all(isinstance(item, item_type) for item in value):
            fail(instance, attribute, f"must hold only {item_type.__name__}", value)

    return tuple_check


def instance(item_type: type[Any] | tuple[type[Any], ...], label: str) -> Validator:
    """An instance of ``item_type``, described as ``label`` in the message."""

    def instance_check(obj: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not isinstance(value, item_type):
            fail(obj, attribute, f"must be {label}", value)

    return instance_check


def boolean(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """A real ``bool`` (not 0 or 1)."""
    if type(value) is not bool:
        fail(instance, attribute, "must be true or false", value)


def count(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """A non-negative ``int`` (not a bool) of at most :data:`MAX_COUNT`."""
    if type(value) is not int:
        fail(instance, attribute, "must be an int", value)
    elif value < 0:
        fail(instance, attribute, "must not be negative", value)
    elif value > MAX_COUNT:
        fail(instance, attribute, f"must be at most {MAX_COUNT:,}", value)


def day(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """A :class:`datetime.date` that is not a :class:`datetime.datetime`."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        fail(instance, attribute, "must be a date", value)


def amount(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """A finite :class:`~decimal.Decimal` in whole cents, below :data:`MAX_MONEY` in size."""
    if isinstance(value, float):
        fail(
            instance, attribute, "must be a Decimal, not a float (floats cannot hold cents)", value
        )
    elif not isinstance(value, Decimal):
        fail(instance, attribute, "must be a Decimal", value)
    elif not value.is_finite():
        fail(instance, attribute, "must be a finite amount", value)
    elif not _magnitude_ok(value):
        fail(instance, attribute, "must be less than 10 trillion in size", value)
    elif not value.same_quantum(_CENT):
        # After the money converter every amount in whole cents has two decimal places.
        fail(instance, attribute, "must be in whole cents", value)


def non_negative_amount(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """An :func:`amount` that is zero or more."""
    amount(instance, attribute, value)
    if isinstance(value, Decimal) and value < 0:
        fail(instance, attribute, "must not be negative", value)


def identifier(validate: Callable[[object], str]) -> Validator:
    """An identifier in the canonical form ``validate`` returns.

    The identifier module's own reason is kept and the path is placed on the field.
    """

    def identifier_check(obj: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        try:
            canonical = validate(value)
        except ValidationError as error:
            fail(obj, attribute, error.reason, value)
        else:
            if canonical != value:
                fail(obj, attribute, f"must be in canonical form {canonical!r}", value)

    return identifier_check


def _canonical(validate: Callable[[object], str], value: object) -> object:
    if isinstance(value, str):
        try:
            return validate(value)
        except ValidationError:
            return value
    return value


# One named converter per identifier: the attrs mypy plugin understands only named
# functions as converters. Each turns a valid string into the identifier's canonical form
# and leaves anything else for the validator to refuse with its reason.


def ori_form(value: str | None) -> str | None:
    """Canonical ORI for a valid ORI string; other values unchanged."""
    return cast(str | None, _canonical(ori.validate, value))


def uei_form(value: str | None) -> str | None:
    """Canonical UEI for a valid UEI string; other values unchanged."""
    return cast(str | None, _canonical(uei.validate, value))


def award_number_form(value: str) -> str:
    """Compact award number for a valid award number string; other values unchanged."""
    return cast(str, _canonical(award_number.validate, value))


def solicitation_form(value: str | None) -> str | None:
    """Canonical solicitation number for a valid string; other values unchanged."""
    return cast(str | None, _canonical(solicitation.validate, value))


def listing_form(value: str | None) -> str | None:
    """Canonical Assistance Listing for a valid string; other values unchanged."""
    return cast(str | None, _canonical(assistance_listing.validate, value))


def ordered_dates(
    instance: object, pairs: Iterable[tuple[str, dt.date | None, str, dt.date | None]]
) -> list[Problem]:
    """Return a problem for each later date given before its earlier one.

    Each later field is reported once, against the first earlier field it precedes.
    """
    root = type(instance).__name__
    problems: list[Problem] = []
    reported: set[str] = set()
    for early_name, early, late_name, late in pairs:
        if early is not None and late is not None and late < early and late_name not in reported:
            reported.add(late_name)
            problems.append(
                Problem(
                    f"must not be before {early_name} ({early.isoformat()})",
                    late,
                    (late_name,),
                    root,
                )
            )
    return problems


# Reporting every field problem at once ---------------------------------------------------

C = TypeVar("C", bound=type)


def every_problem(cls: C) -> C:
    """Make a model class's constructor report every field's problem, not only the first.

    attrs runs the field validators in order and stops at the first that raises. When
    construction fails, the wrapper checks each given field on its own (its converter,
    then its validator) and raises one :class:`~copsreform.errors.ValidationError`
    holding every field problem, as :func:`~copsreform.from_dict` does. Cross-field
    checks run only when every field is valid, so they are reported when the fields are.
    Construction that succeeds costs one extra call.
    """
    init = cls.__init__  # type: ignore[misc]
    signature = inspect.signature(init)
    fields = [field for field in attrs.fields(cls) if field.init]

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:  # noqa: N807 - it is __init__
        try:
            init(self, *args, **kwargs)
        except ValidationError as error:
            problems = _field_problems(self, fields, signature, args, kwargs)
            if len(problems) > len(error.problems):
                raise ValidationError(problems) from None
            raise

    cls.__init__ = __init__  # type: ignore[misc]
    return cls


def _field_problems(
    instance: object,
    fields: list["attrs.Attribute[Any]"],
    signature: inspect.Signature,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> list[Problem]:
    try:
        given = signature.bind(instance, *args, **kwargs).arguments
    except TypeError:  # a call Python itself refuses: nothing more to add
        return []
    problems: list[Problem] = []
    for field in fields:
        key = field.alias or field.name
        if key not in given:
            continue  # the default, which is valid
        value = given[key]
        try:
            if field.converter is not None:
                value = cast(Callable[[Any], Any], field.converter)(value)
            if field.validator is not None:
                field.validator(instance, field, value)
        except ValidationError as error:
            problems.extend(error.problems)
    return problems
