"""Assistance Listing number (formerly CFDA number) of a federal assistance program.

The General Services Administration publishes the Assistance Listings on SAM.gov; each
federal assistance program has a number ``NN.NNN``: a 2-digit agency prefix (``16`` for
the Department of Justice) and a 3-digit program number. Award data (USAspending, grant
notices) name the listing an award was made under.

COPS awards were made under **16.710** ("Public Safety Partnership and Community
Policing Grants") for all programs until program-specific listings 16.068 to 16.073
appeared in the federal program inventory for fiscal year 2024; real FY2025 awards cite
them (such as 16.068 for the COPS Hiring Program), while FY2024 ones still cite 16.710.
:data:`COPS_LISTINGS` holds all seven with their official titles.

What is checked: the format only (two digits, a dot, three digits). The agency prefix is
not compared with a list, and a well-formed number need not belong to a real program.

Sources:
    - The federal program inventory, repository EOP-OMB/federal-program-inventory,
      ``website/_program/16.710.md`` and ``website/_program/16.071.md`` at commit
      142b89db0c240151e5c227c62c271acf3518de26.
    - A copy of that inventory, repository metzgr/federal-program-inventory-1,
      ``website/_program/16.068.md`` to ``website/_program/16.073.md`` at commit
      8c4bb71506a50d5a29c63f4503e36572cc881c69 (fiscal year 2024).

Examples:
    >>> from copsreform.identifiers import assistance_listing
    >>> assistance_listing.validate(" 16.710 ")
    '16.710'
    >>> assistance_listing.is_cops("16.068")
    True
    >>> assistance_listing.COPS_LISTINGS["16.071"]
    'School Violence Prevention Program'
    >>> assistance_listing.validate("16.71")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'assistance_listing' must have the form NN.NNN
    (a 2-digit agency prefix, a dot and 3 digits) (got '16.71')
    >>> assistance_listing.validate(16.71)
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'assistance_listing' must be a string (got 16.71)
"""

import re
import types
from collections.abc import Mapping
from typing import Final

from copsreform.identifiers import _common

__all__ = ["COPS_LISTINGS", "compact", "format", "is_cops", "is_valid", "validate"]

_ROOT: Final = "assistance_listing"

_LISTING: Final = re.compile(r"[0-9]{2}\.[0-9]{3}")

#: The Assistance Listings of COPS Office programs: number -> official title, as in the
#: federal program inventory (see the module documentation for the source).
COPS_LISTINGS: Final[Mapping[str, str]] = types.MappingProxyType(
    {
        "16.710": "Public Safety Partnership and Community Policing Grants",
        "16.068": "COPS Hiring Program",
        "16.069": "Preparing for Active Shooter Situations",
        "16.070": "Law Enforcement Mental Health and Wellness Act",
        "16.071": "School Violence Prevention Program",
        "16.072": "COPS Anti-Methamphetamine Program",
        "16.073": "COPS Anti-Heroin Task Force Program",
    }
)


def compact(number: str) -> str:
    """Remove spaces; check nothing (the dot is part of the number and stays).

    Args:
        number: An Assistance Listing number as written.

    Returns:
        The number without spaces.

    Examples:
        >>> from copsreform.identifiers.assistance_listing import compact
        >>> compact(" 16. 710 ")
        '16.710'
    """
    return _common.squeeze(number)


# The COPS listings read from data become these shared strings rather than copies.
_SHARED: Final = {number: number for number in COPS_LISTINGS}


def validate(number: object) -> str:
    """Check the format of an Assistance Listing number and return it.

    Args:
        number: The number to check.

    Returns:
        The compacted number, ``NN.NNN``.

    Raises:
        ValidationError: If ``number`` is not a string, is longer than 200 characters, or
            is not two digits, a dot and three digits once compacted.

    Examples:
        >>> from copsreform.identifiers.assistance_listing import validate
        >>> validate("16.068")
        '16.068'
    """
    if type(number) is str and _LISTING.fullmatch(number):
        return _SHARED.get(number, number)  # canonical: the COPS listings share one string
    compacted = _common.prepare(number, _ROOT, compact)
    if not _LISTING.fullmatch(compacted):
        raise _common.error(
            _ROOT, "must have the form NN.NNN (a 2-digit agency prefix, a dot and 3 digits)", number
        )
    return compacted


def is_valid(number: object) -> bool:
    """Tell whether ``number`` has the format of an Assistance Listing number; never raises.

    Args:
        number: Anything.

    Returns:
        ``True`` if :func:`validate` accepts ``number``.

    Examples:
        >>> from copsreform.identifiers.assistance_listing import is_valid
        >>> is_valid("16.710"), is_valid("16710"), is_valid(16.71)
        (True, False, False)
    """
    return _common.accepts(validate, number)


def format(number: str) -> str:
    """Return the number as it is displayed: the canonical form, ``NN.NNN``.

    Args:
        number: The Assistance Listing number.

    Returns:
        The validated, compacted number.

    Raises:
        ValidationError: If ``number`` is not well formed (see :func:`validate`).

    Examples:
        >>> from copsreform.identifiers import assistance_listing
        >>> assistance_listing.format("16.073 ")
        '16.073'
    """
    return validate(number)


def is_cops(number: str) -> bool:
    """Tell whether an Assistance Listing number is one of the COPS Office's.

    Args:
        number: A well-formed Assistance Listing number.

    Returns:
        ``True`` if the number is in :data:`COPS_LISTINGS`.

    Raises:
        ValidationError: If ``number`` is not well formed (see :func:`validate`), so a
            typing error is not mistaken for "not COPS".

    Examples:
        >>> from copsreform.identifiers.assistance_listing import is_cops
        >>> is_cops("16.710"), is_cops("16.738")
        (True, False)
    """
    return validate(number) in COPS_LISTINGS
