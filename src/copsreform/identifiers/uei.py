"""UEI (Unique Entity ID): the identifier of an entity registered in SAM.gov.

Every entity doing business with the federal government has one. The General Services
Administration (GSA) issues it through SAM.gov. Since April 2022 it has replaced the DUNS
number on federal awards, so every COPS award recipient in USAspending data carries one.

What is checked (GSA's published rules):
    - 12 characters, letters and digits, not case-sensitive;
    - no letter ``I`` or ``O`` (they read like 1 and 0);
    - the first character is not ``0``;
    - no run of 9 or more digits (so a UEI cannot collide with a DUNS number or a TIN).

What is not checked, and why:
    - The 12th character is a check character computed from the first 11, but GSA has not
      published the algorithm, and GSA's own Federal Audit Clearinghouse does not check
      it. An unofficial algorithm circulates; it is not used here, so a UEI is **never**
      refused because of its last character.
    - The first five characters are said to be chosen to avoid collisions with CAGE
      codes; no rule for that is published, so it is not checked.

Sources:
    - GSA, UEI technical specifications: https://origin-www.gsa.gov/node/132988
    - GSA's rules as quoted and enforced by the Federal Audit Clearinghouse, repository
      GSA-TTS/FAC, ``backend/dissemination/historiclib/common/uei.py`` (at commit
      b98727ecccda) and ``backend/audit/validators.py``.
    - Real UEIs: ``YNDUZMUZF8H8``, ``T53MCMLTWK59``, ``UYDJJ1S8DR85`` (examples at
      https://org-id.guide/list/US-SAM) and ``NSU3DBMM7JN9`` (City of Spokane Valley, on
      its FY2024 COPS award letter):
      https://laserfiche.spokanevalley.org/WebLink/DocView.aspx?dbid=0&id=516263&repo=SpokaneValley

Examples:
    >>> from copsreform.identifiers import uei
    >>> uei.validate(" nsu3dbmm7jn9 ")
    'NSU3DBMM7JN9'
    >>> uei.validate("NSU3DBMM7JN")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'uei' must be 12 characters (got 'NSU3DBMM7JN')
    >>> uei.validate("NSU3DBMM7JN*")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'uei' must contain only letters and digits (got
    'NSU3DBMM7JN*')
    >>> uei.validate("NSU3DBMO7JN9")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'uei' must not contain I or O (got 'NSU3DBMO7JN9')
    >>> uei.validate("0SU3DBMM7JN9")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'uei' must not start with 0 (got '0SU3DBMM7JN9')
    >>> uei.validate("N123456789AB")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'uei' must not contain a run of 9 or more digits
    (got 'N123456789AB')
    >>> uei.validate(None)
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'uei' must be a string (got None)
"""

import re
from typing import Final

from copsreform.identifiers import _common

__all__ = ["PATTERN", "compact", "format", "is_valid", "validate"]

_ROOT: Final = "uei"

_ALPHANUMERIC: Final = re.compile(r"[A-Z0-9]{12}")
_NINE_DIGITS: Final = re.compile(r"[0-9]{9}")
_CANONICAL: Final = re.compile(r"[1-9A-HJ-NP-Z][0-9A-HJ-NP-Z]{11}")
#: Every UEI :func:`validate` accepts in canonical form, as one regular expression for
#: ``fullmatch`` (the JSON Schema reads it): the shape, and no run of nine digits.
PATTERN: Final = rf"(?![0-9A-Z]{{0,3}}[0-9]{{9}}){_CANONICAL.pattern}"


def compact(number: str) -> str:
    """Remove spaces and upper-case the letters; check nothing.

    Args:
        number: A UEI as written.

    Returns:
        The UEI without spaces, upper-case.

    Examples:
        >>> from copsreform.identifiers.uei import compact
        >>> compact(" ynduzmuzf8h8 ")
        'YNDUZMUZF8H8'
    """
    return _common.squeeze(number)


def validate(number: object) -> str:
    """Check a UEI and return it in its canonical form.

    The check character (the 12th) is not verified; see the module documentation.

    Args:
        number: The UEI to check.

    Returns:
        The compacted UEI.

    Raises:
        ValidationError: If ``number`` is not a string, is longer than 200 characters, is
            not 12 characters once compacted, has a character other than a letter or
            digit, contains ``I`` or ``O``, starts with ``0``, or contains a run of 9 or
            more digits.

    Examples:
        >>> from copsreform.identifiers.uei import validate
        >>> validate("T53MCMLTWK59")
        'T53MCMLTWK59'
        >>> validate("UYDJJ1S8DRI5")
        Traceback (most recent call last):
            ...
        copsreform.errors.ValidationError: 'uei' must not contain I or O (got 'UYDJJ1S8DRI5')
    """
    if type(number) is str and _CANONICAL.fullmatch(number) and not _NINE_DIGITS.search(number):
        return number  # already canonical: the common case
    compacted = _common.prepare(number, _ROOT, compact)
    if len(compacted) != 12:
        raise _common.error(_ROOT, "must be 12 characters", number)
    if not _ALPHANUMERIC.fullmatch(compacted):
        raise _common.error(_ROOT, "must contain only letters and digits", number)
    if "I" in compacted or "O" in compacted:
        raise _common.error(_ROOT, "must not contain I or O", number)
    if compacted.startswith("0"):
        raise _common.error(_ROOT, "must not start with 0", number)
    if _NINE_DIGITS.search(compacted):
        raise _common.error(_ROOT, "must not contain a run of 9 or more digits", number)
    return compacted


def is_valid(number: object) -> bool:
    """Tell whether ``number`` is a valid UEI; never raises.

    Args:
        number: Anything.

    Returns:
        ``True`` if :func:`validate` accepts ``number``.

    Examples:
        >>> from copsreform.identifiers.uei import is_valid
        >>> is_valid("E6REDN98SHE7"), is_valid("E6REDN98SHE"), is_valid(12)
        (True, False, False)
    """
    return _common.accepts(validate, number)


def format(number: str) -> str:
    """Return the UEI as it is displayed: the canonical form, which has no separators.

    Args:
        number: The UEI.

    Returns:
        The validated, compacted UEI.

    Raises:
        ValidationError: If ``number`` is not a valid UEI (see :func:`validate`).

    Examples:
        >>> from copsreform.identifiers import uei
        >>> uei.format("uydjj1s8dr85")
        'UYDJJ1S8DR85'
    """
    return validate(number)
