"""COPS solicitation number: the funding opportunity number of a COPS funding notice.

A solicitation is a notice of funding opportunity (NOFO). The COPS Office assigns the
number when it publishes a solicitation on Grants.gov (and, since FY2021, in JustGrants).
Two forms are in use:

- **JustGrants era** (FY2021 on): ``O-COPS-YYYY-NNNNN`` or ``O-COPS-YYYY-NNNNNN``,
  such as ``O-COPS-2021-97003`` and ``O-COPS-2023-171691``. ``YYYY`` is the fiscal year;
  the 5- or 6-digit number appears to be a sequence shared with other DOJ components.
  Input without dashes (``OCOPS202197003``) is accepted; the canonical form is dashed.
- **Legacy** (before FY2021): free text chosen per solicitation, such as
  ``COPS-CHP-APPLICATION-2019`` and ``MENTAL-HEALTH-AND-WELLNESS-ACT-2020``. This form
  has **no published structure**, so only its shape is checked: segments of letters and
  digits joined by single dashes, ending in a 4-digit year from 1994 (the COPS Office's
  founding) to 2099, at most 100 characters. The canonical form is upper-case.

A number that starts like a JustGrants one but has neither form is reported against
the JustGrants form. Not checked: the JustGrants year and number have no published
range, so any four and any five or six digits are accepted. Grants.gov's numeric
Opportunity ID (such as ``339485``) is a different identifier and is not accepted here.

Sources (real numbers):
    - O-COPS-2021-97003 (FY2021 COPS Hiring Program), O-COPS-2023-171691 (FY2023
      Collaborative Reform Initiative), O-COPS-2025-172379 (FY2025 School Violence
      Prevention Program):
      https://www.topgovernmentgrants.com/grants_gov_display.php?program=O-COPS-2025-172379
    - COPS-CHP-APPLICATION-2019:
      http://www.topgovernmentgrants.com/grants_gov_display.php?program=COPS-CHP-APPLICATION-2019
    - MENTAL-HEALTH-AND-WELLNESS-ACT-2020 and
      COPS-Community-Policing-Development-Microgrants-2020 (Grants.gov listings).

Examples:
    >>> from copsreform.identifiers import solicitation
    >>> solicitation.validate("OCOPS2023171691")
    'O-COPS-2023-171691'
    >>> solicitation.validate("COPS-Community-Policing-Development-Microgrants-2020")
    'COPS-COMMUNITY-POLICING-DEVELOPMENT-MICROGRANTS-2020'
    >>> solicitation.parse("O-COPS-2025-172379")
    SolicitationParts(era='justgrants', fiscal_year=2025)
    >>> solicitation.validate("O-COPS-2021-9700")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'solicitation' must have the form O-COPS-YYYY-NNNNN
    or O-COPS-YYYY-NNNNNN (got 'O-COPS-2021-9700')
    >>> solicitation.validate("COPS CHP 2019")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'solicitation' must be segments of letters and
    digits joined by single dashes (got 'COPS CHP 2019')
    >>> solicitation.validate("COPS-CHP-APPLICATION")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'solicitation' must end with a dash and a 4-digit
    year (got 'COPS-CHP-APPLICATION')
    >>> solicitation.validate("COPS-CHP-1993")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'solicitation' must end with a year from 1994 to
    2099 (got 'COPS-CHP-1993')
    >>> solicitation.validate("COPS-" + "X" * 100 + "-2020")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'solicitation' must be at most 100 characters in the
    legacy form (got 'COPS-XXXX...')
"""

import re
from typing import Final, Literal

import attrs

from copsreform.errors import ValidationError
from copsreform.identifiers import _common

__all__ = [
    "MAX_LENGTH",
    "PATTERN",
    "SolicitationParts",
    "compact",
    "format",
    "is_valid",
    "parse",
    "validate",
]

_ROOT: Final = "solicitation"

_JUSTGRANTS: Final = re.compile(r"O-?COPS-?([0-9]{4})-?([0-9]{5,6})")
_JUSTGRANTS_START: Final = re.compile(r"O-?COPS")
_SEGMENT: Final = re.compile(r"[A-Z0-9]+")
_YEAR: Final = re.compile(r"[0-9]{4}")
_LEGACY_MAX_LENGTH: Final = 100
_FIRST_YEAR: Final = 1994
_LAST_YEAR: Final = 2099
#: Every solicitation number :func:`validate` accepts in canonical form is at most
#: ``MAX_LENGTH`` characters and matches ``PATTERN`` (``fullmatch``):
#: ``O-COPS-YYYY-NNNNN(N)``, or a legacy number (letters and digits in dashed segments
#: ending in a year from 1994 to 2099) that is not a JustGrants number written another
#: way. The JSON Schema reads both.
PATTERN: Final = (
    r"O-COPS-[0-9]{4}-[0-9]{5,6}"
    r"|(?!O-?COPS-?[0-9]{4}-?[0-9]{5,6}$)"
    r"[A-Z0-9]+(?:-[A-Z0-9]+)*-(?:199[4-9]|20[0-9]{2})"
)
MAX_LENGTH: Final = _LEGACY_MAX_LENGTH


@attrs.frozen
class SolicitationParts:
    """What a solicitation number says, as returned by :func:`parse`.

    Attributes:
        era: ``"justgrants"`` for ``O-COPS-YYYY-NNNNN(N)``, ``"legacy"`` for the free-text
            Grants.gov form.
        fiscal_year: The year in the number: the fiscal year of the solicitation.

    Examples:
        >>> from copsreform.identifiers.solicitation import parse
        >>> parse("COPS-CHP-APPLICATION-2019")
        SolicitationParts(era='legacy', fiscal_year=2019)
    """

    era: Literal["justgrants", "legacy"] = attrs.field(
        validator=attrs.validators.in_(("justgrants", "legacy"))
    )
    fiscal_year: int


def compact(number: str) -> str:
    """Strip surrounding whitespace and upper-case the letters; check nothing.

    Dashes and inner spaces are kept: in the legacy form dashes separate words, so they
    cannot be dropped.

    Args:
        number: A solicitation number as written.

    Returns:
        The number stripped and upper-case.

    Examples:
        >>> from copsreform.identifiers.solicitation import compact
        >>> compact(" o-cops-2021-97003 ")
        'O-COPS-2021-97003'
    """
    return _common.upper_ascii(number.strip())


def _check(number: object) -> tuple[str, SolicitationParts]:
    """Validate ``number`` and return its canonical form and its parts."""
    compacted = _common.prepare(number, _ROOT, compact)
    match = _JUSTGRANTS.fullmatch(compacted)
    if match is not None:
        year, sequence = match.groups()
        return f"O-COPS-{year}-{sequence}", SolicitationParts("justgrants", int(year))
    try:
        year = _legacy_year(compacted, number)
    except ValidationError:
        if _JUSTGRANTS_START.match(compacted):
            raise _common.error(
                _ROOT, "must have the form O-COPS-YYYY-NNNNN or O-COPS-YYYY-NNNNNN", number
            ) from None
        raise
    return compacted, SolicitationParts("legacy", year)


def _legacy_year(compacted: str, number: object) -> int:
    """Check the shape of a legacy solicitation number and return its year."""
    segments = compacted.split("-")
    if not all(_SEGMENT.fullmatch(segment) for segment in segments):
        raise _common.error(
            _ROOT, "must be segments of letters and digits joined by single dashes", number
        )
    if len(segments) < 2 or not _YEAR.fullmatch(segments[-1]):
        raise _common.error(_ROOT, "must end with a dash and a 4-digit year", number)
    year = int(segments[-1])
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise _common.error(
            _ROOT, f"must end with a year from {_FIRST_YEAR} to {_LAST_YEAR}", number
        )
    if len(compacted) > _LEGACY_MAX_LENGTH:
        raise _common.error(
            _ROOT,
            f"must be at most {_LEGACY_MAX_LENGTH} characters in the legacy form",
            number,
        )
    return year


def validate(number: object) -> str:
    """Check a COPS solicitation number and return it in its canonical form.

    Args:
        number: The solicitation number to check.

    Returns:
        ``O-COPS-YYYY-NNNNN(N)`` for JustGrants-era numbers, the upper-cased text for
        legacy ones.

    Raises:
        ValidationError: If ``number`` is not a string, is longer than 200 characters,
            starts like a JustGrants number but does not have that form, or does not
            have the legacy shape (letters and digits in dash-separated segments, ending
            with a year from 1994 to 2099, at most 100 characters).

    Examples:
        >>> from copsreform.identifiers.solicitation import validate
        >>> validate("o-cops-2021-97003")
        'O-COPS-2021-97003'
        >>> validate("MENTAL-HEALTH-AND-WELLNESS-ACT-2020")
        'MENTAL-HEALTH-AND-WELLNESS-ACT-2020'
    """
    return _check(number)[0]


def is_valid(number: object) -> bool:
    """Tell whether ``number`` is a valid COPS solicitation number; never raises.

    Args:
        number: Anything.

    Returns:
        ``True`` if :func:`validate` accepts ``number``.

    Examples:
        >>> from copsreform.identifiers.solicitation import is_valid
        >>> is_valid("O-COPS-2023-171691"), is_valid("COPS--2019"), is_valid([])
        (True, False, False)
    """
    return _common.accepts(validate, number)


def format(number: str) -> str:
    """Return the solicitation number as it is displayed: the canonical, dashed form.

    Args:
        number: The solicitation number.

    Returns:
        The validated canonical form.

    Raises:
        ValidationError: If ``number`` is not a valid solicitation number (see
            :func:`validate`).

    Examples:
        >>> from copsreform.identifiers import solicitation
        >>> solicitation.format("OCOPS202197003")
        'O-COPS-2021-97003'
    """
    return validate(number)


def parse(number: str) -> SolicitationParts:
    """Return the era and fiscal year of a COPS solicitation number.

    Args:
        number: The solicitation number.

    Returns:
        Its era and fiscal year.

    Raises:
        ValidationError: If ``number`` is not a valid solicitation number (see
            :func:`validate`).

    Examples:
        >>> from copsreform.identifiers.solicitation import parse
        >>> parse("O-COPS-2023-171691").fiscal_year
        2023
        >>> parse("COPS-COMMUNITY-POLICING-DEVELOPMENT-2016").era
        'legacy'
    """
    return _check(number)[1]
