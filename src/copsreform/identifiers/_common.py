"""Checks shared by the identifier modules: input type, input length and clean-up.

Every identifier module turns bad input into a :class:`~copsreform.errors.ValidationError`
whose root is the module's short name (``"ori"``, ``"uei"``, ...), so messages read
``'ori' must be 9 characters (got 'MA0130')``. The helpers here keep that behaviour the
same in each module.
"""

import string
from collections.abc import Callable
from typing import Final

from copsreform.errors import ValidationError

__all__ = ["MAX_INPUT_LENGTH", "accepts", "error", "prepare", "squeeze", "upper_ascii"]

#: Longest input examined. Longer strings are refused before any pattern runs, so a
#: hostile input costs nothing to reject. No identifier handled here is near this long.
MAX_INPUT_LENGTH: Final = 200

_TOO_LONG: Final = f"is too long (at most {MAX_INPUT_LENGTH} characters)"

# Upper-cases ASCII letters only. ``str.upper`` would turn some non-ASCII letters into
# ASCII ones (U+017F LATIN SMALL LETTER LONG S into "S", the ligature U+FB01 into "FI"),
# quietly accepting look-alike input.
_ASCII_UPPER: Final = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)


def error(root: str, reason: str, value: object) -> ValidationError:
    """Build the error an identifier module raises.

    Args:
        root: The module's short name, such as ``"ori"``.
        reason: Why the value was refused, phrased to follow the name.
        value: The input as given (not its compacted form).

    Returns:
        A :class:`~copsreform.errors.ValidationError` with one problem.

    Examples:
        >>> from copsreform.identifiers._common import error
        >>> print(error("uei", "must be 12 characters", "ABC"))
        'uei' must be 12 characters (got 'ABC')
    """
    return ValidationError.single(reason, value, root=root)


def upper_ascii(text: str) -> str:
    """Upper-case the ASCII letters of ``text`` and leave every other character alone.

    Args:
        text: Any string.

    Returns:
        ``text`` with ``a``-``z`` replaced by ``A``-``Z``.

    Examples:
        >>> from copsreform.identifiers._common import upper_ascii
        >>> upper_ascii("wa-spd \u017f")
        'WA-SPD \u017f'
    """
    return text.translate(_ASCII_UPPER)


def squeeze(number: str, separators: str = "") -> str:
    """Remove all whitespace and the given separators, then upper-case ASCII letters.

    Args:
        number: Any string.
        separators: Further characters to remove, such as ``"-"``.

    Returns:
        The cleaned string. Applying it twice gives the same result as once.

    Examples:
        >>> from copsreform.identifiers._common import squeeze
        >>> squeeze(" ma 013-0100 ", "-")
        'MA0130100'
    """
    text = "".join(number.split())
    for separator in separators:
        text = text.replace(separator, "")
    return upper_ascii(text)


def prepare(number: object, root: str, compact: Callable[[str], str]) -> str:
    """Check that ``number`` is a string of sensible length and return it compacted.

    Args:
        number: The input to check.
        root: The module's short name, used in error messages.
        compact: The module's ``compact`` function.

    Returns:
        The compacted input, not empty.

    Raises:
        ValidationError: If ``number`` is not a string, is longer than
            :data:`MAX_INPUT_LENGTH` characters, or is empty once compacted.

    Examples:
        >>> from copsreform.identifiers._common import prepare
        >>> prepare(" ab ", "ori", str.strip)
        'ab'
        >>> prepare(9, "ori", str.strip)
        Traceback (most recent call last):
            ...
        copsreform.errors.ValidationError: 'ori' must be a string (got 9)
    """
    if not isinstance(number, str):
        raise error(root, "must be a string", number)
    if len(number) > MAX_INPUT_LENGTH:
        raise error(root, _TOO_LONG, number)
    compacted = compact(number)
    if not compacted:
        raise error(root, "must not be empty", number)
    return compacted


def accepts(validate: Callable[[object], object], number: object) -> bool:
    """Tell whether ``validate`` accepts ``number``: the body of every ``is_valid``.

    Args:
        validate: A module's ``validate`` function.
        number: Anything.

    Returns:
        ``False`` if ``validate`` raises :class:`~copsreform.errors.ValidationError`,
        ``True`` otherwise.

    Examples:
        >>> from copsreform.identifiers import uei
        >>> from copsreform.identifiers._common import accepts
        >>> accepts(uei.validate, "NSU3DBMM7JN9"), accepts(uei.validate, 12)
        (True, False)
    """
    try:
        validate(number)
    except ValidationError:
        return False
    return True
