"""The federal fiscal year.

The U.S. federal fiscal year runs from 1 October to 30 September and is named for the
calendar year in which it ends: FY2010 ran from 1 October 2009 to 30 September 2010
(source: U.S. DOJ, CTAS fact sheet, https://www.justice.gov/asg/coordinated-tribal-assistance-solicitation-fact-sheet).
COPS awards are made by 30 September of a fiscal year and their period of performance
typically starts on 1 October, the first day of the next one.

copsreform never passes a fiscal year around as a bare ``int``, which would invite
reading it as a calendar year; :class:`FiscalYear` is the type.

Examples:
    >>> from datetime import date
    >>> from copsreform import FiscalYear
    >>> FiscalYear.of(date(2024, 10, 1))
    FiscalYear(2025)
    >>> fy = FiscalYear(2025)
    >>> fy.start, fy.end
    (datetime.date(2024, 10, 1), datetime.date(2025, 9, 30))
    >>> str(fy)
    'FY2025'
    >>> date(2025, 9, 30) in fy
    True
"""

import datetime as dt
import re
from typing import Final

import attrs

from copsreform.errors import ArgumentTypeError, ValidationError

__all__ = ["FiscalYear"]

#: The earliest and latest fiscal years the type accepts. The federal fiscal year has
#: started on 1 October since FY1977; earlier years followed other calendars.
MIN_YEAR: Final = 1977
MAX_YEAR: Final = 2199

_LABEL = re.compile(r"(?:FY)?\s*(\d{4})", re.IGNORECASE)


def _check_year(instance: object, attribute: "attrs.Attribute[int]", value: object) -> None:
    if type(value) is not int:
        raise ValidationError.single("must be an int", value, ("year",), root="FiscalYear")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ValidationError.single(
            f"must be between {MIN_YEAR} and {MAX_YEAR}", value, ("year",), root="FiscalYear"
        )


@attrs.frozen(order=True, repr=False)
class FiscalYear:
    """A U.S. federal fiscal year: 1 October to 30 September, named for the year it ends.

    Fiscal years are ordered and hashable, so they sort and work as dictionary keys.
    Adding an ``int`` moves by whole years.

    Args:
        year: The calendar year in which the fiscal year ends, from 1977 (the first
            fiscal year to start on 1 October) to 2199.

    Raises:
        ValidationError: If ``year`` is not an ``int`` or is out of range.

    Examples:
        >>> from copsreform import FiscalYear
        >>> FiscalYear(2024) < FiscalYear(2025)
        True
        >>> FiscalYear(2024) + 1
        FiscalYear(2025)
        >>> FiscalYear(2024.5)
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: 'FiscalYear.year' must be an int (got 2024.5)
    """

    year: int = attrs.field(validator=_check_year)

    @classmethod
    def shared(cls, year: int) -> "FiscalYear":
        """Return the one shared instance for ``year`` (fiscal years are immutable).

        Readers of many records use it so that a million grants of FY2024 hold one
        ``FiscalYear(2024)`` between them, not a million equal copies.

        Args:
            year: The calendar year in which the fiscal year ends.

        Returns:
            The fiscal year; equal to ``FiscalYear(year)``.

        Raises:
            ValidationError: As :class:`FiscalYear` does, for a bad ``year``.

        Examples:
            >>> from copsreform import FiscalYear
            >>> FiscalYear.shared(2025) is FiscalYear.shared(2025)
            True
        """
        found = _SHARED.get(year) if type(year) is int else None
        if found is None:
            found = cls(year)
            _SHARED[year] = found
        return found

    @classmethod
    def of(cls, day: dt.date) -> "FiscalYear":
        """Return the fiscal year that contains a date.

        Args:
            day: A date (a :class:`~datetime.datetime` counts by its date).

        Returns:
            The fiscal year: the date's year, plus one from October on.

        Raises:
            ValidationError: If ``day`` is not a date.

        Examples:
            >>> import datetime as dt
            >>> from copsreform import FiscalYear
            >>> FiscalYear.of(dt.date(2024, 9, 30))
            FiscalYear(2024)
            >>> FiscalYear.of(dt.date(2024, 10, 1))
            FiscalYear(2025)
        """
        if not isinstance(day, dt.date):
            raise ArgumentTypeError.single("must be a date", day, root="day")
        return cls.shared(day.year + 1 if day.month >= 10 else day.year)

    @classmethod
    def parse(cls, text: str) -> "FiscalYear":
        """Read a fiscal year written as ``"FY2025"``, ``"fy 2025"`` or ``"2025"``.

        Args:
            text: The label; surrounding spaces and the case of ``FY`` do not matter.

        Returns:
            The fiscal year.

        Raises:
            ValidationError: If ``text`` is not such a label.

        Examples:
            >>> from copsreform import FiscalYear
            >>> FiscalYear.parse("FY2025")
            FiscalYear(2025)
            >>> FiscalYear.parse("25")
            Traceback (most recent call last):
            ...
            copsreform.errors.ValidationError: 'fiscal_year' must look like 'FY2025' or '2025' (got '25')
        """
        match = _LABEL.fullmatch(text.strip()) if isinstance(text, str) and len(text) < 32 else None
        if match is None:
            raise ValidationError.single(
                "must look like 'FY2025' or '2025'", text, root="fiscal_year"
            )
        return cls(int(match.group(1)))

    @property
    def start(self) -> dt.date:
        """The first day: 1 October of the previous calendar year."""
        return dt.date(self.year - 1, 10, 1)

    @property
    def end(self) -> dt.date:
        """The last day: 30 September of :attr:`year`."""
        return dt.date(self.year, 9, 30)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= _as_date(day) <= self.end

    def __add__(self, years: int) -> "FiscalYear":
        if type(years) is not int:
            return NotImplemented
        return FiscalYear(self.year + years)

    def __sub__(self, years: int) -> "FiscalYear":
        if type(years) is not int:
            return NotImplemented
        return FiscalYear(self.year - years)

    def __repr__(self) -> str:
        return f"FiscalYear({self.year})"

    def __str__(self) -> str:
        return f"FY{self.year}"


#: Shared instances by year; bounded by the range of valid years (at most 223 entries).
_SHARED: dict[int, FiscalYear] = {}


def _as_date(day: dt.date) -> dt.date:
    return day.date() if isinstance(day, dt.datetime) else day
