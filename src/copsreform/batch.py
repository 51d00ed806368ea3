"""Results of batch operations: every record comes back imported or rejected, never dropped.

Readers of many records (the JSON Lines reader, the USAspending and FBI importers) yield,
for every input record, either the model object or a :class:`Rejected` record that says
where the record was (its line, row or index), and every problem with its field path,
value and reason. A :class:`Tally` counts them as they pass, and its :class:`Summary`
adds up: ``read == imported + rejected``.

Examples:
    >>> from copsreform.batch import Rejected, Tally
    >>> from copsreform.errors import Problem
    >>> tally = Tally()
    >>> bad = Rejected(3, "line", (Problem("must be 9 characters", "MA01301", ("ori",)),))
    >>> for outcome in ["an object", bad, "another object"]:
    ...     tally.add(outcome)
    >>> print(bad)
    line 3: '$.ori' must be 9 characters (got 'MA01301')
    >>> print(tally.summary())
    read 3, imported 2, rejected 1
      1  '$.ori' must be 9 characters
"""

import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, Literal, TypeVar

import attrs

from copsreform.constraints import SURROGATE
from copsreform.errors import MISSING, Problem, ValidationError

__all__ = ["Outcomes", "Rejected", "Summary", "Tally", "counted", "split"]

T = TypeVar("T")

Unit = Literal["line", "row", "index"]


@attrs.frozen
class Rejected:
    """An input record that was not imported, and why.

    Args:
        position: Where the record was: a 1-based line or row number, or a 0-based index.
        unit: What ``position`` counts: ``"line"`` (JSON Lines, 1-based), ``"row"`` (CSV data
            rows, 1-based, header not counted), ``"index"`` (position in a JSON array, 0-based).
        problems: Every problem found, each with its path inside the record.
        raw: The record as read, so that it can be written to an errors file and fixed.

    Examples:
        >>> from copsreform import Problem, Rejected
        >>> r = Rejected(0, "index", (Problem("is required", location=("Award ID",)),))
        >>> r.as_dict()["problems"]
        [{'path': '$.Award ID', 'value': None, 'reason': 'is required'}]
    """

    position: int
    unit: Unit
    problems: tuple[Problem, ...]
    raw: Any = attrs.field(default=None, eq=False)

    @classmethod
    def from_error(
        cls, position: int, unit: Unit, error: ValidationError, raw: object = None
    ) -> "Rejected":
        """Build a rejection from a :class:`~copsreform.errors.ValidationError`.

        Args:
            position: Where the record was.
            unit: What ``position`` counts.
            error: The error; all its problems are kept.
            raw: The record as read.

        Returns:
            The rejection.

        Examples:
            >>> from copsreform import Rejected, ValidationError
            >>> err = ValidationError.single("must be an int", 1.9, ("positions",))
            >>> str(Rejected.from_error(7, "line", err))
            "line 7: '$.positions' must be an int (got 1.9)"
        """
        return cls(position, unit, error.problems, raw)

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-ready description: position, unit, problems and the raw record.

        Returns:
            A dict with keys ``position``, ``unit``, ``problems`` (each with ``path``,
            ``value`` and ``reason``; an absent value is ``None``) and ``raw``.
        """
        return {
            "position": self.position,
            "unit": self.unit,
            "problems": [
                {
                    "path": _text(p.path),
                    "value": None if p.value is MISSING else _jsonable(p.value),
                    "reason": p.reason,
                }
                for p in self.problems
            ],
            "raw": _jsonable(self.raw),
        }

    def __str__(self) -> str:
        return f"{self.unit} {self.position}: " + "; ".join(str(p) for p in self.problems)


#: Deepest nesting kept when a rejected record is described; a deeper part is replaced by
#: a marker, so that a hostile record (an importer's JSON may nest hundreds of levels)
#: cannot exhaust the interpreter's recursion when its rejection is written out.
MAX_RAW_DEPTH: Final = 64


# A lone surrogate (a JSON escape such as "\ud800" in the input) cannot be written as
# UTF-8; in a description of a rejected record it is shown as U+FFFD instead.
_SURROGATE: Final = SURROGATE


def _text(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _jsonable(value: object, depth: int = 0) -> object:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return _text(value)
    if depth >= MAX_RAW_DEPTH and isinstance(value, dict | list | tuple):
        return f"<nested deeper than {MAX_RAW_DEPTH} levels>"
    if isinstance(value, dict):
        return {_text(str(k)): _jsonable(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v, depth + 1) for v in value]
    return _text(str(value))


@attrs.frozen
class Summary:
    """How many records were read, imported and rejected, and why, grouped.

    Attributes:
        read: Records read.
        imported: Records that became model objects.
        rejected: Records that did not.
        reasons: ``(reason, count)`` pairs, most frequent first; a reason is a problem's
            path and reason without its value, so that alike problems group together.
        unkept: The source's columns (or JSON keys) that were read but not kept, because
            the model has no field for them, in the order the source has them; empty
            when every column was kept or the reader does not say.

    Examples:
        >>> from copsreform import Summary
        >>> print(Summary(2, 2, 0, unkept=("latitude", "longitude")))
        read 2, imported 2, rejected 0
          not kept (2 columns): latitude, longitude
    """

    read: int
    imported: int
    rejected: int
    reasons: tuple[tuple[str, int], ...] = ()
    unkept: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [f"read {self.read}, imported {self.imported}, rejected {self.rejected}"]
        lines.extend(f"  {count:>5}  {reason}" for reason, count in self.reasons)
        if self.unkept:
            noun = "column" if len(self.unkept) == 1 else "columns"
            lines.extend(
                textwrap.wrap(
                    f"not kept ({len(self.unkept)} {noun}): " + ", ".join(self.unkept),
                    width=100,
                    initial_indent="  ",
                    subsequent_indent="    ",
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-ready form: counts, a list of ``{reason, count}`` and ``unkept``."""
        return {
            "read": self.read,
            "imported": self.imported,
            "rejected": self.rejected,
            "reasons": [{"reason": r, "count": c} for r, c in self.reasons],
            "unkept": list(self.unkept),
        }


class Tally:
    """Count outcomes as they stream past.

    Examples:
        >>> from copsreform import Tally
        >>> tally = Tally()
        >>> tally.add("ok")
        >>> tally.summary().imported
        1
    """

    def __init__(self) -> None:
        self.read = 0
        self.imported = 0
        self.rejected = 0
        self.unkept: tuple[str, ...] = ()
        self._reasons: Counter[str] = Counter()

    def add(self, outcome: object) -> None:
        """Count one outcome: a :class:`Rejected` or any imported object."""
        self.read += 1
        if isinstance(outcome, Rejected):
            self.rejected += 1
            self._reasons.update({f"{p.path!r} {p.reason}" for p in outcome.problems})
        else:
            self.imported += 1

    def summary(self) -> Summary:
        """Return the counts so far."""
        reasons = tuple(sorted(self._reasons.items(), key=lambda item: (-item[1], item[0])))
        return Summary(self.read, self.imported, self.rejected, reasons, self.unkept)


def split(outcomes: Iterable[T | Rejected]) -> tuple[list[T], list[Rejected]]:
    """Separate imported objects from rejections, keeping the order of each.

    Args:
        outcomes: What a reader yielded.

    Returns:
        ``(objects, rejected)``.

    Examples:
        >>> from copsreform import Problem, Rejected, split
        >>> split(["a", Rejected(2, "line", (Problem("x"),)), "b"])[0]
        ['a', 'b']
    """
    objects: list[T] = []
    rejected: list[Rejected] = []
    for outcome in outcomes:
        if isinstance(outcome, Rejected):
            rejected.append(outcome)
        else:
            objects.append(outcome)
    return objects, rejected


def counted(outcomes: Iterable[T], tally: Tally) -> Iterator[T]:
    """Yield ``outcomes`` unchanged while counting them in ``tally``.

    When ``outcomes`` is an :class:`Outcomes` (what the importers return), the columns it
    did not keep are recorded in the tally too, for its summary.

    Examples:
        >>> from copsreform import Tally
        >>> from copsreform.batch import counted
        >>> tally = Tally()
        >>> list(counted(["a", "b"], tally)), tally.summary().read
        (['a', 'b'], 2)
    """
    for outcome in outcomes:
        tally.add(outcome)
        yield outcome
    if isinstance(outcomes, Outcomes):
        tally.unkept = outcomes.unkept


class Outcomes(Iterator[T]):
    """What an importer yields, with the source columns it read but did not keep.

    An iterator over the outcomes (model objects and :class:`Rejected` records), read
    lazily. ``unkept`` is filled in as soon as the reader knows the source's columns
    (for a CSV, once its header is read; for JSON, once the document is parsed), so it
    is complete when the iteration ends. :func:`counted` passes it on to a
    :class:`Tally`.

    Args:
        start: Called once, with a function that records the unkept columns, to give the
            outcomes; it runs when the iteration starts.

    Attributes:
        unkept: The source's columns (JSON keys) that were read and not kept, in source
            order; empty until known.

    Examples:
        >>> from copsreform import Outcomes
        >>> def read(note):
        ...     note(("latitude",))
        ...     yield "an agency"
        >>> outcomes = Outcomes(read)
        >>> list(outcomes), outcomes.unkept
        (['an agency'], ('latitude',))
    """

    def __init__(self, start: "Callable[[Callable[[tuple[str, ...]], None]], Iterable[T]]") -> None:
        self.unkept: tuple[str, ...] = ()
        self._start = start
        self._items: Iterator[T] | None = None

    def _note(self, columns: tuple[str, ...]) -> None:
        self.unkept = columns

    def __iter__(self) -> "Outcomes[T]":
        return self

    def __next__(self) -> T:
        if self._items is None:
            self._items = iter(self._start(self._note))
        return next(self._items)

    def close(self) -> None:
        """Stop reading: close the source now if the reader opened it (as a generator's close)."""
        close = getattr(self._items, "close", None)
        if close is not None:
            close()
