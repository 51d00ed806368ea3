"""Reading the fields of one source record, and turning model errors into record errors.

A :class:`Fields` reads values out of one record (a JSON object or a CSV row as a dict)
and collects a :class:`~copsreform.errors.Problem` for each value it cannot use, with the
path of the *source* field (``$.Award Amount``, ``$.ori``), so that every problem of a
record is reported at once. :func:`build` constructs a model object and, when the model
refuses it, moves each problem from the model's field (``Grant.federal_amount``) to the
source field it came from.
"""

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final, TypeVar

from copsreform.batch import Rejected, Unit
from copsreform.constraints import DATE_TEXT
from copsreform.errors import MISSING, Problem, ValidationError

__all__ = [
    "Fields",
    "RecordError",
    "build",
    "check_format",
    "check_width",
    "outcomes",
    "raise_strict",
    "relocate",
]

T = TypeVar("T")
S = TypeVar("S", bound=str)

_DATE: Final = DATE_TEXT
_AMOUNT: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


class RecordError(Exception):
    """Every problem found in one record; raised inside an importer, never outside it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems)


class Fields:
    """Read typed values out of one record, collecting a problem for each bad one.

    Args:
        record: The record: a JSON object, or a CSV row keyed by column name.
        nulls: Text values that mean "no value" (always includes the empty string).

    Examples:
        >>> from copsreform._records import Fields
        >>> fields = Fields({"Award Amount": "12.5x", "Start Date": "2020-07-01"})
        >>> fields.amount("Award Amount"), fields.day("Start Date")
        (None, datetime.date(2020, 7, 1))
        >>> [str(p) for p in fields.problems]
        ["'$.Award Amount' must be an amount such as 1250000.00 (got '12.5x')"]
    """

    def __init__(self, record: Mapping[str, Any], nulls: Collection[str] = ()) -> None:
        self.record = record
        self.nulls = frozenset({"", *nulls})
        self.problems: list[Problem] = []

    def problem(self, key: str, reason: str, value: object = MISSING) -> None:
        """Record a problem with the field ``key``."""
        self.problems.append(Problem(reason, value, (key,)))

    def raw(self, key: str, *, required: bool = False) -> Any:
        """Return the value as the record holds it; ``None`` when absent or a null token."""
        value = self.record.get(key)
        if isinstance(value, str) and value.strip() in self.nulls:
            value = None
        if value is None and required:
            self.problem(key, "is required")
        return value

    def text(self, key: str, *, required: bool = False) -> str | None:
        """Return a string value; a value of another type is a problem."""
        value = self.raw(key, required=required)
        if value is None or isinstance(value, str):
            return value
        self.problem(key, "must be a string", value)
        return None

    def amount(self, key: str, *, required: bool = False) -> Decimal | None:
        """Return an amount of money as :class:`~decimal.Decimal`.

        A JSON number arrives as ``Decimal`` or ``int`` (the JSON is parsed with
        ``parse_float=Decimal``); CSV text must be a plain decimal number such as
        ``-30851.29``. Cents are checked by the model, not here.
        """
        value = self.raw(key, required=required)
        if value is None:
            return None
        if isinstance(value, Decimal):
            return value
        if type(value) is int:
            return Decimal(value)
        if isinstance(value, str) and _AMOUNT.fullmatch(value.strip()):
            try:
                return Decimal(value.strip())
            except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
                pass
        reason = "must be an amount such as 1250000.00"
        if isinstance(value, bool | float):
            reason = "must be a JSON number or decimal text"
        self.problem(key, reason, value)
        return None

    def day(self, key: str, *, required: bool = False) -> dt.date | None:
        """Return a date written ``YYYY-MM-DD`` (strict ISO: no time, no other order)."""
        value = self.raw(key, required=required)
        if value is None:
            return None
        if isinstance(value, str) and _DATE.fullmatch(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                self.problem(key, "must be a real date", value)
                return None
        self.problem(key, "must be a date written YYYY-MM-DD", value)
        return None


def relocate(error: ValidationError, fields: Mapping[str, str]) -> list[Problem]:
    """Move a model error's problems onto the source fields they came from.

    Args:
        error: The error the model raised, with paths such as ``Grant.federal_amount``.
        fields: Model field name to source field name, such as
            ``{"federal_amount": "Award Amount"}``.

    Returns:
        The problems, rooted at ``$`` and naming the source field; a model field with no
        source field keeps its own name.

    Examples:
        >>> from copsreform import ValidationError
        >>> from copsreform._records import relocate
        >>> err = ValidationError.single("must be a string", None, ("name",), root="Agency")
        >>> [p.path for p in relocate(err, {"name": "agency_name"})]
        ['$.agency_name']
    """
    moved: list[Problem] = []
    for problem in error.problems:
        location = problem.location
        if location and isinstance(location[0], str) and location[0] in fields:
            location = (fields[location[0]], *location[1:])
        moved.append(Problem(problem.reason, problem.value, location, "$"))
    return moved


def build(factory: Callable[..., T], kwargs: Mapping[str, Any], fields: Mapping[str, str]) -> T:
    """Call ``factory(**kwargs)``; on a model error, raise it relocated to source fields.

    Raises:
        RecordError: With the relocated problems, if the model refuses the values.
    """
    try:
        return factory(**kwargs)
    except ValidationError as error:
        raise RecordError(relocate(error, fields)) from None


def outcomes(
    records: Iterable[tuple[int, Any]],
    convert: Callable[[Any], T],
    unit: Unit,
    *,
    strict: bool,
) -> Iterator[T | Rejected]:
    """Convert each ``(position, record)``; yield the object or a rejection.

    Args:
        records: Positions and raw records, in file order.
        convert: Turns one raw record into a model object or raises :class:`RecordError`.
        unit: What the positions count.
        strict: Raise the first rejection as a
            :class:`~copsreform.errors.ValidationError` instead of yielding it; its paths
            start with the position, such as ``row 3: $.ori``.

    Yields:
        Model objects and rejections.

    Raises:
        ValidationError: In strict mode, for the first bad record.
    """
    # The conversion is tried in the loop itself, not in a helper: a call per record is
    # about 0.1 us, a sixtieth of a USAspending record's whole import.
    for position, record in records:
        try:
            converted = convert(record)
        except RecordError as error:
            problems = error.problems
        else:
            yield converted
            continue
        rejected = Rejected(position, unit, problems, record)
        if strict:
            raise_strict(rejected)
        yield rejected


def check_format(format: object, formats: tuple[S, ...]) -> S | None:
    """Return ``format`` if it is one of ``formats`` or ``None``; refuse anything else.

    Raises:
        ValidationError: If ``format`` is not one of ``formats`` (path ``format``).

    Examples:
        >>> from copsreform._records import check_format
        >>> check_format("csv", ("api", "csv"))
        'csv'
        >>> check_format("xml", ("api", "csv"))
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: 'format' must be one of 'api', 'csv' (got 'xml')
    """
    for known in formats:
        if format == known:
            return known
    if format is None:
        return None
    raise ValidationError.single(
        "must be one of " + ", ".join(repr(f) for f in formats), format, root="format"
    )


def raise_strict(rejected: Rejected) -> None:
    """Raise a rejection as a :class:`~copsreform.errors.ValidationError` with its position.

    Raises:
        ValidationError: Always.

    Examples:
        >>> from copsreform import Problem, Rejected
        >>> from copsreform._records import raise_strict
        >>> raise_strict(Rejected(3, "row", (Problem("is required", location=("ori",)),)))
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: 'row 3: $.ori' is required
    """
    root = f"{rejected.unit} {rejected.position}: $"
    raise ValidationError([p.under(root) for p in rejected.problems])


def check_width(record: Any) -> None:
    """Refuse a CSV record whose field count differs from the header's column count.

    Raises:
        RecordError: If the counts differ (the values would be misaligned).
    """
    width, expected = getattr(record, "width", 0), getattr(record, "expected", 0)
    if width != expected:
        raise RecordError(
            [Problem(f"must have {expected} fields like the header, not {width}", MISSING)]
        )
