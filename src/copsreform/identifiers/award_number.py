"""COPS award number: the Federal Award Identification Number (FAIN) of a COPS award.

A COPS award is a grant or a cooperative agreement. The COPS Office issues the number
when it makes the award; USAspending shows it as the ``Award ID`` (without dashes). Two
forms are in use:

- **JustGrants era** (awards from FY2021): ``15JCOPS-YY-GG-NNNNN-XXXX``, compact
  ``15JCOPS24GG03715UHPX``. ``15JCOPS`` names the awarding component (the ``15`` appears
  to be DOJ's federal agency code); ``YY`` is the fiscal year; ``GG`` or ``GK`` is the
  instrument; ``NNNNN`` is a 5-digit sequence; ``XXXX`` is a 4-letter code.
- **Legacy era** (awards up to FY2020): ``YYYY-PP-WX-NNNN``, compact ``2020UMWX0068``.
  ``YYYY`` is the fiscal year, ``PP`` a 2-letter program code, ``WX`` a constant and
  ``NNNN`` four letters or digits (a leading ``K`` seems to mark cooperative agreements).

The canonical form (returned by :func:`validate`) has no dashes and is upper-case;
:func:`format` gives the dashed form. :func:`parse` splits a number into its parts.

Verified (every real number seen fits): the two shapes above; the fiscal year in
``YY``/``YYYY``; ``GG`` and ``GK`` as the only instruments seen.

Uncertain, so not relied on:
    - What ``GG`` and ``GK`` mean (``GK`` may be a cooperative agreement).
    - The 4-letter JustGrants code and the legacy program code are **not** a reliable
      program key: ``UHPX`` (FY2024) and ``MUMU`` (FY2025) were both used for the COPS
      Hiring Program, and ``INDI`` for both tracks of the Tribal Resources Grant
      Program. Use the award's description or solicitation to tell the program.
    - Only the shape is checked. A legacy year must be 1994 (the COPS Office's founding)
      to 2099; nothing else is sanity-checked, so a well-formed number that was never
      issued (such as ``2025-CK-WX-0042``, a legacy form with a JustGrants-era year,
      seen in third-party code) is accepted.

Sources:
    - 15JCOPS-22-GG-01896-INDI: https://bja.ojp.gov/funding/awards/15jcops-22-gg-01896-indi
    - 15JCOPS-24-GG-03715-UHPX (City of Spokane Valley award letter):
      https://laserfiche.spokanevalley.org/WebLink/DocView.aspx?dbid=0&id=516263&repo=SpokaneValley
    - 15JCOPS-25-GG-01001-MUMU (City of Dallas council item):
      https://cityofdallas.legistar.com/LegislationDetail.aspx?GUID=4D33D441-060D-4ACF-AD75-AE6087FD01F3&ID=7772544
    - 2020UMWX0068 (City of Everett): https://lfportal.everettwa.gov/WebLink/0/doc/1164909/Page6.aspx
    - 2013-CK-WX-K016 (COPS publication cops-w0792):
      https://assets.documentcloud.org/documents/2778727/Cops-w0792-Pub.txt
    - 2015-CK-WX-K005 and 2016-CK-WX-K021 (critical incident reviews):
      https://docslib.org/doc/12305623/pulse-nightclub-critical-incident-review
    - 100 COPS awards to Washington recipients as returned by the USAspending API,
      recorded in repository SFBAYKID/grants_agent,
      ``tests/fixtures/usaspending_16710_wa_p1.json`` at commit f167a144da3f.

Examples:
    >>> from copsreform.identifiers import award_number
    >>> award_number.validate("15JCOPS-24-GG-03715-UHPX")
    '15JCOPS24GG03715UHPX'
    >>> award_number.format("2015ckwxk005")
    '2015-CK-WX-K005'
    >>> award_number.fiscal_year("15JCOPS25GK01404CRIT")
    2025
    >>> award_number.validate("15JCOPS-24-GG-3715-UHPX")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'award_number' must have the form
    15JCOPS-YY-GG-NNNNN-XXXX (got '15JCOPS-24-GG-3715-UHPX')
    >>> award_number.validate("15JCOPS-24-GX-03715-UHPX")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'award_number' must have GG or GK as its instrument
    (got '15JCOPS-24-GX-03715-UHPX')
    >>> award_number.validate("2014TEST0001")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'award_number' must have the form YYYY-PP-WX-NNNN
    (got '2014TEST0001')
    >>> award_number.validate("1993-CK-WX-0001")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'award_number' must have a year from 1994 to 2099
    (got '1993-CK-WX-0001')
    >>> award_number.validate("O-COPS-2021-97003")
    Traceback (most recent call last):
        ...
    copsreform.errors.ValidationError: 'award_number' must be a JustGrants
    (15JCOPS-YY-GG-NNNNN-XXXX) or legacy (YYYY-PP-WX-NNNN) award number
    (got 'O-COPS-2021-97003')
"""

import re
from typing import Final, Literal

import attrs

from copsreform.identifiers import _common

__all__ = [
    "PATTERN",
    "AwardNumberParts",
    "compact",
    "encoded_year",
    "fiscal_year",
    "format",
    "is_valid",
    "parse",
    "validate",
]

_ROOT: Final = "award_number"

_JUSTGRANTS_PREFIX: Final = "15JCOPS"
_JUSTGRANTS: Final = re.compile(r"15JCOPS([0-9]{2})([A-Z]{2})([0-9]{5})([A-Z]{4})")
_INSTRUMENTS: Final = ("GG", "GK")
_LEGACY_START: Final = re.compile(r"[0-9]{4}")
_LEGACY: Final = re.compile(r"([0-9]{4})([A-Z]{2})WX([A-Z0-9]{4})")
_EITHER_FORM: Final = (
    "must be a JustGrants (15JCOPS-YY-GG-NNNNN-XXXX) or legacy (YYYY-PP-WX-NNNN) award number"
)
_CANONICAL_JUSTGRANTS: Final = re.compile(r"15JCOPS[0-9]{2}G[GK][0-9]{5}[A-Z]{4}")
_CANONICAL_LEGACY: Final = re.compile(r"[0-9]{4}[A-Z]{2}WX[A-Z0-9]{4}")
_FIRST_LEGACY_YEAR: Final = 1994
_LAST_LEGACY_YEAR: Final = 2099
#: Every award number :func:`validate` accepts in canonical (compact) form, as one
#: regular expression for ``fullmatch`` (the JSON Schema reads it): either era's form,
#: a legacy year from 1994 to 2099.
PATTERN: Final = (
    rf"{_CANONICAL_JUSTGRANTS.pattern}|(?:199[4-9]|20[0-9]{{2}})"
    + _CANONICAL_LEGACY.pattern.removeprefix("[0-9]{4}")
)


@attrs.frozen
class AwardNumberParts:
    """The parts of a COPS award number, as returned by :func:`parse`.

    Attributes:
        era: ``"justgrants"`` for ``15JCOPS-YY-GG-NNNNN-XXXX``, ``"legacy"`` for
            ``YYYY-PP-WX-NNNN``.
        fiscal_year: The federal fiscal year of the award, four digits (JustGrants
            ``YY`` is read as ``2000 + YY``).
        instrument: ``"GG"`` or ``"GK"`` for JustGrants numbers, ``None`` for legacy
            ones.
        sequence: The 5-digit JustGrants sequence, or the 4-character legacy one.
        code: The 4-letter JustGrants code or the 2-letter legacy program code. Not a
            reliable program key (see the module documentation).

    Examples:
        >>> from copsreform.identifiers.award_number import parse
        >>> parse("2020-UM-WX-0068")
        AwardNumberParts(era='legacy', fiscal_year=2020, instrument=None, sequence='0068',
        code='UM')
    """

    era: Literal["justgrants", "legacy"] = attrs.field(
        validator=attrs.validators.in_(("justgrants", "legacy"))
    )
    fiscal_year: int
    instrument: str | None
    sequence: str
    code: str


def compact(number: str) -> str:
    """Remove spaces and dashes and upper-case the letters; check nothing.

    Args:
        number: An award number as written.

    Returns:
        The award number without separators, upper-case.

    Examples:
        >>> from copsreform.identifiers.award_number import compact
        >>> compact(" 15jcops-22-gg-01896-indi ")
        '15JCOPS22GG01896INDI'
    """
    return _common.squeeze(number, "-")


def _check(number: object) -> tuple[str, AwardNumberParts]:
    """Validate ``number`` and return its compacted form and its parts."""
    compacted = _common.prepare(number, _ROOT, compact)
    if compacted.startswith(_JUSTGRANTS_PREFIX):
        match = _JUSTGRANTS.fullmatch(compacted)
        if match is None:
            raise _common.error(_ROOT, "must have the form 15JCOPS-YY-GG-NNNNN-XXXX", number)
        year, instrument, sequence, code = match.groups()
        if instrument not in _INSTRUMENTS:
            raise _common.error(_ROOT, "must have GG or GK as its instrument", number)
        parts = AwardNumberParts("justgrants", 2000 + int(year), instrument, sequence, code)
        return compacted, parts
    if _LEGACY_START.fullmatch(compacted[:4]):
        match = _LEGACY.fullmatch(compacted)
        if match is None:
            raise _common.error(_ROOT, "must have the form YYYY-PP-WX-NNNN", number)
        year, code, sequence = match.groups()
        if not _FIRST_LEGACY_YEAR <= int(year) <= _LAST_LEGACY_YEAR:
            raise _common.error(
                _ROOT,
                f"must have a year from {_FIRST_LEGACY_YEAR} to {_LAST_LEGACY_YEAR}",
                number,
            )
        return compacted, AwardNumberParts("legacy", int(year), None, sequence, code)
    raise _common.error(_ROOT, _EITHER_FORM, number)


def validate(number: object) -> str:
    """Check a COPS award number and return it in its canonical form (no dashes).

    Args:
        number: The award number to check.

    Returns:
        The compacted award number.

    Raises:
        ValidationError: If ``number`` is not a string, is longer than 200 characters,
            does not have the JustGrants or the legacy form once compacted, has an
            instrument other than ``GG`` or ``GK``, or has a legacy year outside 1994 to
            2099.

    Examples:
        >>> from copsreform.identifiers.award_number import validate
        >>> validate("15JCOPS25GG01291SSIX")
        '15JCOPS25GG01291SSIX'
        >>> validate("2016-ck-wx-k021")
        '2016CKWXK021'
    """
    if type(number) is str and (
        _CANONICAL_JUSTGRANTS.fullmatch(number)
        or (
            _CANONICAL_LEGACY.fullmatch(number)
            and _FIRST_LEGACY_YEAR <= int(number[:4]) <= _LAST_LEGACY_YEAR
        )
    ):
        return number  # already canonical: the common case, without building its parts
    return _check(number)[0]


def is_valid(number: object) -> bool:
    """Tell whether ``number`` is a valid COPS award number; never raises.

    Args:
        number: Anything.

    Returns:
        ``True`` if :func:`validate` accepts ``number``.

    Examples:
        >>> from copsreform.identifiers.award_number import is_valid
        >>> is_valid("2020UMWX0499"), is_valid("2020UMXX0499"), is_valid(2020)
        (True, False, False)
    """
    return _common.accepts(validate, number)


def format(number: str) -> str:
    """Return the award number in its dashed display form.

    Args:
        number: The award number, with or without dashes.

    Returns:
        ``15JCOPS-YY-GG-NNNNN-XXXX`` or ``YYYY-PP-WX-NNNN``.

    Raises:
        ValidationError: If ``number`` is not a valid award number (see :func:`validate`).

    Examples:
        >>> from copsreform.identifiers import award_number
        >>> award_number.format("15JCOPS24GG03715UHPX")
        '15JCOPS-24-GG-03715-UHPX'
        >>> award_number.format("2020UMWX0068")
        '2020-UM-WX-0068'
    """
    compacted, parts = _check(number)
    if parts.era == "justgrants":
        return "-".join(
            (_JUSTGRANTS_PREFIX, compacted[7:9], compacted[9:11], parts.sequence, parts.code)
        )
    return "-".join((compacted[:4], parts.code, "WX", parts.sequence))


def parse(number: str) -> AwardNumberParts:
    """Split a COPS award number into its parts.

    Args:
        number: The award number, with or without dashes.

    Returns:
        The era, fiscal year, instrument, sequence and code.

    Raises:
        ValidationError: If ``number`` is not a valid award number (see :func:`validate`).

    Examples:
        >>> from copsreform.identifiers.award_number import parse
        >>> parse("15JCOPS-22-GG-01896-INDI")
        AwardNumberParts(era='justgrants', fiscal_year=2022, instrument='GG',
        sequence='01896', code='INDI')
    """
    return _check(number)[1]


def fiscal_year(number: str) -> int:
    """Return the federal fiscal year of a COPS award number, four digits.

    Args:
        number: The award number, with or without dashes.

    Returns:
        The fiscal year, such as ``2024``.

    Raises:
        ValidationError: If ``number`` is not a valid award number (see :func:`validate`).

    Examples:
        >>> from copsreform.identifiers.award_number import fiscal_year
        >>> fiscal_year("15JCOPS24GG03715UHPX"), fiscal_year("2013-CK-WX-K016")
        (2024, 2013)
    """
    return encoded_year(validate(number))


def encoded_year(canonical: str) -> int:
    """Return the fiscal year that an award number in canonical form encodes, unchecked.

    For a number already known to be canonical (returned by :func:`validate`, or matched
    by :data:`PATTERN`); any other string gives a meaningless year or raises
    :class:`ValueError`. Use :func:`fiscal_year` for anything else.

    Args:
        canonical: The award number in canonical (compact) form.

    Returns:
        The fiscal year, such as ``2024``.

    Examples:
        >>> from copsreform.identifiers.award_number import encoded_year
        >>> encoded_year("15JCOPS24GG03715UHPX"), encoded_year("2013CKWXK016")
        (2024, 2013)
    """
    # A canonical JustGrants number has 20 characters, a legacy one 12.
    return 2000 + int(canonical[7:9]) if len(canonical) == 20 else int(canonical[:4])
