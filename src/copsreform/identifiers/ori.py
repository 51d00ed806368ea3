"""ORI (Originating Agency Identifier) of a law enforcement agency.

The ORI is the 9-character code the FBI's Criminal Justice Information Services (CJIS)
Division assigns to each agency in the National Crime Information Center (NCIC). The FBI
Crime Data Explorer keys its agency records by it. The first two characters are the NCIC
state code, which is the USPS state code except in a few places: Nebraska is ``NB`` and
Guam ``GM``. The other seven characters are letters and digits.

The COPS Office has used a 7-character ORI, the first seven characters of the FBI's, as
an applicant's identifier, and has assigned such ORIs itself to agencies without an FBI
ORI. A 7-character ORI does not name one agency: the FBI's 2018 list has 12 prefixes
that several agencies share; the Capitol Police (``MA0130200``) and the Massachusetts
College of Art (``MA013029E``) share ``MA01302``. :func:`validate` therefore refuses the 7-character form and asks for the 9-character one; :func:`is_cops_form`
recognises it and :func:`cops_prefix` derives it.

What is checked:
    - 9 characters after :func:`compact`;
    - letters in positions 1-2; letters or digits in positions 3-9.

What is not checked, and why:
    - The state code is not compared with a list: no verified public list of NCIC state
      codes was found (legacy codes such as ``CZ``, the Canal Zone, still occur in FBI
      data). The agency model checks that an ORI agrees with the agency's state.
    - Positions 3-9 carry a county code and an agency number in many ORIs, but the shapes
      seen in FBI data vary (``WA0310300``, ``WASPD0000``, ``VA039SP00``, ``MA013029E``)
      and no official layout is published, so only the alphabet is checked.

Sources:
    - FBI Crime Data Explorer agency list of 2018, repository fbi-cde/crime-data-frontend,
      ``public/data/agencies-by-state.json.gz`` at commit ddbd3077f8b5: 23,243 ORIs, all
      9 characters; Nebraska ORIs start ``NB``, Guam's ``GM``; one ORI, ``C0034019E``, has
      a digit where the state code's second letter belongs.
    - FBI Crime Data Explorer agency data of February 2025 as published in
      rfordatascience/tidytuesday, ``data/2025/2025-02-18/agencies.csv``.
    - COPS Office CHRP FAQ, https://cops.usdoj.gov/Default.asp?Item=2130 (the 7-character
      ORI used by COPS).

Examples:
    >>> from copsreform.identifiers import ori
    >>> ori.validate(" ma0130100 ")
    'MA0130100'
    >>> ori.state_of("NB0280200")
    'NE'
    >>> ori.validate("MA01301")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'ori' is a 7-character COPS ORI; give the FBI's
    9-character ORI (got 'MA01301')
    >>> ori.validate("MA013010")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'ori' must be 9 characters (got 'MA013010')
    >>> ori.validate("C0034019E")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'ori' must have letters in positions 1-2 (the NCIC
    state code) (got 'C0034019E')
    >>> ori.validate("MA013010*")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'ori' must have only letters and digits in positions
    3-9 (got 'MA013010*')
    >>> ori.validate(130100)
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'ori' must be a string (got 130100)
    >>> ori.is_valid("MA0130100"), ori.is_valid("MA01301")
    (True, False)
"""

import re
from typing import Final

from copsreform.identifiers import _common

__all__ = [
    "PATTERN",
    "compact",
    "cops_prefix",
    "format",
    "is_cops_form",
    "is_valid",
    "ncic_prefix",
    "state_of",
    "validate",
]

_ROOT: Final = "ori"

#: The canonical form :func:`validate` returns, as a regular expression for ``fullmatch``
#: (the JSON Schema reads it too).
PATTERN: Final = r"[A-Z]{2}[A-Z0-9]{7}"
_ORI: Final = re.compile(PATTERN)
_COPS_ORI: Final = re.compile(r"[A-Z]{2}[A-Z0-9]{5}")
_LETTERS: Final = re.compile(r"[A-Z]{2}")

# NCIC state codes that differ from the USPS code of the same state or territory.
_NCIC_TO_USPS: Final = {"NB": "NE", "GM": "GU"}
_USPS_TO_NCIC: Final = {usps: ncic for ncic, usps in _NCIC_TO_USPS.items()}


def compact(number: str) -> str:
    """Remove spaces and dashes and upper-case the letters; check nothing.

    Args:
        number: An ORI as written.

    Returns:
        The ORI without separators, upper-case.

    Examples:
        >>> from copsreform.identifiers.ori import compact
        >>> compact(" wa-031-0300 ")
        'WA0310300'
    """
    return _common.squeeze(number, "-")


def validate(number: object) -> str:
    """Check an ORI and return it in its canonical 9-character form.

    Args:
        number: The ORI to check.

    Returns:
        The compacted ORI.

    Raises:
        ValidationError: If ``number`` is not a string, is longer than 200 characters, is
            a 7-character COPS ORI, is not 9 characters once compacted, does not start
            with two letters, or has a character other than a letter or digit.

    Examples:
        >>> from copsreform.identifiers.ori import validate
        >>> validate("wasp d0000")
        'WASPD0000'
        >>> validate("WA03103")
        Traceback (most recent call last):
            ...
        copsreform.errors.ValidationError: 'ori' is a 7-character COPS ORI; give the
        FBI's 9-character ORI (got 'WA03103')
    """
    if type(number) is str and _ORI.fullmatch(number):
        return number  # already canonical: the common case, checked with one pattern
    compacted = _common.prepare(number, _ROOT, compact)
    if _COPS_ORI.fullmatch(compacted):
        raise _common.error(
            _ROOT, "is a 7-character COPS ORI; give the FBI's 9-character ORI", number
        )
    if len(compacted) != 9:
        raise _common.error(_ROOT, "must be 9 characters", number)
    if not _LETTERS.fullmatch(compacted[:2]):
        raise _common.error(
            _ROOT, "must have letters in positions 1-2 (the NCIC state code)", number
        )
    if not _ORI.fullmatch(compacted):
        raise _common.error(_ROOT, "must have only letters and digits in positions 3-9", number)
    return compacted


def is_valid(number: object) -> bool:
    """Tell whether ``number`` is a valid 9-character ORI; never raises.

    Args:
        number: Anything.

    Returns:
        ``True`` if :func:`validate` accepts ``number``.

    Examples:
        >>> from copsreform.identifiers.ori import is_valid
        >>> is_valid("VA039SP00"), is_valid("WA03103"), is_valid(None)
        (True, False, False)
    """
    return _common.accepts(validate, number)


def format(number: str) -> str:
    """Return the ORI as it is displayed: the canonical form, which has no separators.

    Args:
        number: The ORI.

    Returns:
        The validated, compacted ORI.

    Raises:
        ValidationError: If ``number`` is not a valid ORI (see :func:`validate`).

    Examples:
        >>> from copsreform.identifiers import ori
        >>> ori.format("nj npd 0000")
        'NJNPD0000'
    """
    return validate(number)


def state_of(ori: str) -> str:
    """Return the USPS code of the state or territory an ORI belongs to.

    The code is read from the ORI's first two characters, the NCIC state code, which is
    the USPS code except ``NB`` (Nebraska, USPS ``NE``) and ``GM`` (Guam, USPS ``GU``).

    Args:
        ori: A 9-character ORI.

    Returns:
        The two-letter USPS code.

    Raises:
        ValidationError: If ``ori`` is not a valid ORI (see :func:`validate`).

    Examples:
        >>> from copsreform.identifiers.ori import state_of
        >>> state_of("NB0280200"), state_of("GMTGM0000"), state_of("MA0130100")
        ('NE', 'GU', 'MA')
    """
    prefix = validate(ori)[:2]
    return _NCIC_TO_USPS.get(prefix, prefix)


def ncic_prefix(usps_state: str) -> str:
    """Return the NCIC state code that starts the ORIs of a state or territory.

    The inverse of :func:`state_of`: ``NE`` gives ``NB``, ``GU`` gives ``GM``, and any
    other two-letter code gives itself (the code is not compared with a list).

    Args:
        usps_state: A two-letter USPS state or territory code, in any case.

    Returns:
        The two-letter NCIC state code.

    Raises:
        ValidationError: If ``usps_state`` is not a string of two letters, or is ``NB``
            or ``GM`` (NCIC codes that are not USPS codes).

    Examples:
        >>> from copsreform.identifiers.ori import ncic_prefix
        >>> ncic_prefix("ne"), ncic_prefix("GU"), ncic_prefix("WA")
        ('NB', 'GM', 'WA')
        >>> ncic_prefix("NB")
        Traceback (most recent call last):
            ...
        copsreform.errors.ValidationError: 'usps_state' is the NCIC code for NE; give the
        USPS code (got 'NB')
    """
    if usps_state in _USPS_TO_NCIC:
        return _USPS_TO_NCIC[usps_state]
    if (
        type(usps_state) is str
        and _LETTERS.fullmatch(usps_state)
        and usps_state not in _NCIC_TO_USPS
    ):
        return usps_state  # already a canonical two-letter code: the common case
    root = "usps_state"
    code = _common.prepare(usps_state, root, compact)
    if not _LETTERS.fullmatch(code):
        raise _common.error(root, "must be two letters", usps_state)
    if code in _NCIC_TO_USPS:
        raise _common.error(
            root, f"is the NCIC code for {_NCIC_TO_USPS[code]}; give the USPS code", usps_state
        )
    return _USPS_TO_NCIC.get(code, code)


def cops_prefix(ori: str) -> str:
    """Return the 7-character COPS form of an ORI: its first seven characters.

    Several 9-character ORIs share one 7-character form, so the result cannot be turned
    back into the ORI it came from.

    Args:
        ori: A 9-character ORI.

    Returns:
        The first seven characters of the canonical ORI.

    Raises:
        ValidationError: If ``ori`` is not a valid ORI (see :func:`validate`).

    Examples:
        >>> from copsreform.identifiers.ori import cops_prefix
        >>> cops_prefix("MA0130200"), cops_prefix("MA013029E")
        ('MA01302', 'MA01302')
    """
    return validate(ori)[:7]


def is_cops_form(value: object) -> bool:
    """Tell whether ``value`` looks like a 7-character COPS ORI; never raises.

    Args:
        value: Anything.

    Returns:
        ``True`` if ``value`` is a string that compacts to two letters followed by five
        letters or digits, the shape of the first seven characters of an ORI.

    Examples:
        >>> from copsreform.identifiers.ori import is_cops_form
        >>> is_cops_form("WA03103"), is_cops_form("WA0310300"), is_cops_form(3103)
        (True, False, False)
    """
    return (
        isinstance(value, str)
        and len(value) <= _common.MAX_INPUT_LENGTH
        and _COPS_ORI.fullmatch(compact(value)) is not None
    )
