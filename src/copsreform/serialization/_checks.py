"""Wire checks: one function per wire type, shared by the converter and the walker.

Each check returns the Python value or raises :class:`RefusedError` with the reason. The
cattrs hooks (fast path) and the detailed walker (error path) share them, so both accept
exactly the same documents.
"""

import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from copsreform._wire import ZERO_CENTS
from copsreform.constraints import DATE_TEXT, MONEY_TEXT, NOT_A_STATE
from copsreform.errors import ValidationError
from copsreform.fiscal import MAX_YEAR, MIN_YEAR, FiscalYear
from copsreform.identifiers import assistance_listing, award_number, ori, solicitation, uei
from copsreform.states import STATES


class RefusedError(Exception):
    """A value refused by a wire check; carries the reason (internal)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Wire checks ------------------------------------------------------------------------
# One function per wire type. Each returns the Python value or raises RefusedError with the
# reason. The cattrs hooks (fast path) and the detailed walker (error path) share them,
# so both accept exactly the same documents.


def _wire_str(value: object, _: object = None) -> str:
    if type(value) is not str:
        raise RefusedError("must be a string")
    return value


def _wire_int(value: object, _: object = None) -> int:
    if type(value) is not int:
        raise RefusedError("must be an int")
    return value


def _wire_bool(value: object, _: object = None) -> bool:
    if type(value) is not bool:
        raise RefusedError("must be true or false")
    return value


def _wire_decimal(value: object, _: object = None) -> Decimal:
    if type(value) is not str:
        raise RefusedError("must be a decimal string such as '1250000.00', not a number")
    if not MONEY_TEXT.fullmatch(value):
        raise RefusedError("must be a decimal string such as '1250000.00' (at most 2 decimals)")
    return ZERO_CENTS if value == "0.00" else Decimal(value)


def _wire_date(value: object, _: object = None) -> dt.date:
    if type(value) is not str or not DATE_TEXT.fullmatch(value):
        raise RefusedError("must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RefusedError("must be a real calendar date") from None


def _wire_fiscal_year(value: object, _: object = None) -> FiscalYear:
    if type(value) is not int:
        raise RefusedError("must be a fiscal year as an int such as 2025")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise RefusedError(f"must be between {MIN_YEAR} and {MAX_YEAR}")
    return FiscalYear.shared(value)


def _wire_enum(enum_type: type[enum.Enum]) -> Callable[[object], enum.Enum]:
    by_value = {member.value: member for member in enum_type}
    reason = "must be one of " + ", ".join(repr(v) for v in by_value)

    def check(value: object) -> enum.Enum:
        member = by_value.get(value) if type(value) is str else None
        if member is None:
            raise RefusedError(reason)
        return member

    return check


def _wire_identifier(validate: Callable[[object], str]) -> Callable[[object], str]:
    def check(value: object) -> str:
        if type(value) is not str:
            raise RefusedError("must be a string")
        try:
            canonical = validate(value)
        except ValidationError as error:
            raise RefusedError(error.reason) from None
        if canonical != value:
            raise RefusedError(f"must be written in canonical form {canonical!r}")
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
CANONICAL: Final[dict[str, Callable[[object], str]]] = {
    "ori": _wire_identifier(ori.validate),
    "uei": _wire_identifier(uei.validate),
    "award_number": _wire_identifier(award_number.validate),
    "solicitation": _wire_identifier(solicitation.validate),
    "assistance_listing": _wire_identifier(assistance_listing.validate),
    "state": _wire_identifier(_state_code),
}

PRIMITIVES: Final[dict[Any, Callable[[object, object], Any]]] = {
    str: _wire_str,
    int: _wire_int,
    bool: _wire_bool,
    Decimal: _wire_decimal,
    dt.date: _wire_date,
    FiscalYear: _wire_fiscal_year,
}


_ENUM_CHECKS: dict[type[enum.Enum], Callable[[object], enum.Enum]] = {}


def enum_checks(enum_type: type[enum.Enum]) -> Callable[[object], enum.Enum]:
    check = _ENUM_CHECKS.get(enum_type)
    if check is None:
        check = _ENUM_CHECKS[enum_type] = _wire_enum(enum_type)
    return check
