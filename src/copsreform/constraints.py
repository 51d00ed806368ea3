"""The field-level rules of the model, each stated once.

Every pattern, limit and message that more than one part of copsreform applies lives
here: the model's validators, the wire format's checks, the CSV codec and the JSON
Schema all read these names, so they cannot drift apart (a money amount of 14 integer
digits cannot be refused by one and accepted by another).

Examples:
    >>> from decimal import Decimal
    >>> from copsreform import constraints
    >>> bool(constraints.MONEY_TEXT.fullmatch("1250000.00")), constraints.MONEY_DIGITS
    (True, 13)
    >>> bool(constraints.DATE_TEXT.fullmatch("2024-10-01"))
    True
    >>> constraints.money_text(Decimal("1250000"))
    '$1,250,000.00'
    >>> constraints.percent_text(Decimal("0.75"))
    '75%'
"""

import re
from decimal import Decimal
from typing import Final

__all__ = [
    "DATE_PATTERN",
    "DATE_TEXT",
    "MAX_COUNT",
    "MAX_MONEY",
    "MAX_NAME",
    "MAX_TEXT",
    "MONEY_DIGITS",
    "MONEY_PATTERN",
    "MONEY_SCALE",
    "MONEY_TEXT",
    "NOT_A_STATE",
    "NOT_UNICODE",
    "SURROGATE",
    "anchored",
    "money_text",
    "percent_text",
]

# Text -------------------------------------------------------------------------------------

#: Longest free text accepted in a name-like field (agency, provider, recipient names).
MAX_NAME: Final = 300
#: Longest free text accepted in a description-like field (USAspending narratives run to
#: a few thousand characters; the FABS field AwardDescription holds at most 18,000).
MAX_TEXT: Final = 20_000
#: A lone UTF-16 surrogate (from a JSON escape such as ``"\ud800"``, or bytes decoded with
#: ``surrogateescape``) is not text: no UTF-8 file can hold it, so writing it fails later.
SURROGATE: Final = re.compile("[\ud800-\udfff]")
#: The reason given for a string holding a lone surrogate.
NOT_UNICODE: Final = "must be Unicode text (it holds a lone surrogate, which UTF-8 cannot encode)"

# Counts -----------------------------------------------------------------------------------

#: Largest count accepted for a head count (officers, positions, population).
MAX_COUNT: Final = 1_000_000_000

# Money ------------------------------------------------------------------------------------

#: Most integer digits of an amount of money: amounts are below ten trillion dollars in
#: size. The bound caps the cost of arithmetic on hostile input; no COPS appropriation
#: comes near it.
MONEY_DIGITS: Final = 13
#: Decimal places of an amount of money: whole cents.
MONEY_SCALE: Final = 2
#: Largest magnitude accepted for an amount of money (exclusive): ``10 ** MONEY_DIGITS``.
MAX_MONEY: Final = Decimal(10) ** MONEY_DIGITS
#: An amount written as text, on the wire and in CSV: an optional minus sign, at most
#: :data:`MONEY_DIGITS` integer digits and at most :data:`MONEY_SCALE` decimals.
MONEY_PATTERN: Final = rf"-?[0-9]{{1,{MONEY_DIGITS}}}(?:\.[0-9]{{1,{MONEY_SCALE}}})?"
#: :data:`MONEY_PATTERN`, compiled (use ``fullmatch``).
MONEY_TEXT: Final = re.compile(MONEY_PATTERN)

# Dates ------------------------------------------------------------------------------------

#: A date written as text, on the wire and in CSV: ``YYYY-MM-DD``.
DATE_PATTERN: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
#: :data:`DATE_PATTERN`, compiled (use ``fullmatch``).
DATE_TEXT: Final = re.compile(DATE_PATTERN)

# States -----------------------------------------------------------------------------------

#: The reason given for a state that is not one of ``copsreform.states.STATES``.
NOT_A_STATE: Final = "must be a USPS code of a state, DC or a U.S. territory"


def anchored(pattern: str) -> str:
    """``pattern`` anchored at both ends, as a JSON Schema ``pattern`` must be.

    Args:
        pattern: A regular expression meant for ``fullmatch``.

    Returns:
        The same expression that ``search`` (JSON Schema's reading) matches only whole.

    Examples:
        >>> from copsreform.constraints import DATE_PATTERN, anchored
        >>> anchored(DATE_PATTERN)
        '^(?:[0-9]{4}-[0-9]{2}-[0-9]{2})$'
    """
    return f"^(?:{pattern})$"


# Formatting -------------------------------------------------------------------------------


def money_text(amount: Decimal) -> str:
    """An amount as people read it in messages: dollars, thousands separated, cents.

    Args:
        amount: The amount.

    Returns:
        Text such as ``'$1,250,000.00'``.

    Examples:
        >>> from decimal import Decimal
        >>> from copsreform.constraints import money_text
        >>> money_text(Decimal("125000"))
        '$125,000.00'
    """
    return f"${amount:,.2f}"


def percent_text(rate: Decimal) -> str:
    """A rate from 0 to 1 as a percentage, without trailing zeros.

    Args:
        rate: The rate, such as ``Decimal("0.75")``.

    Returns:
        Text such as ``'75%'`` or ``'12.5%'``.

    Examples:
        >>> from decimal import Decimal
        >>> from copsreform.constraints import percent_text
        >>> percent_text(Decimal("0.125"))
        '12.5%'
    """
    percent = (rate * 100).normalize()
    return f"{percent:f}%"
