"""The errors copsreform raises.

Every error the library raises on purpose derives from :class:`CopsReformError`, so one
``except cr.CopsReformError`` catches them all. Bad data raises :class:`ValidationError`
(also a :class:`ValueError`), which carries one or more :class:`Problem` records, each
with the *path* to the bad value, the *value* itself and the *reason* it was refused.

The message of every problem follows one template::

    '<path>' <reason> (got <value>)

A mistake in the *type of an argument* (a path where a class is wanted, an int where a
program is wanted) raises :class:`TypeError`, as Python does; copsreform's own such
errors are :class:`ArgumentTypeError`, which is also a :class:`ValidationError` and so
names the argument, the value and the reason. A value *given to a model constructor or
an identifier check* is data, and a wrong one raises :class:`ValidationError` alone. A
lookup by name (:func:`~copsreform.find_provider`) finds nothing for a non-string and
raises its :class:`NotFoundError`.

Every error pickles and unpickles to an equal message and equal attributes, so errors
cross process boundaries (``multiprocessing``, job queues) intact.

Examples:
    >>> from copsreform.errors import Problem, ValidationError
    >>> err = ValidationError([Problem("must be 9 characters", "MA01301", ("recipient", "ori"))])
    >>> print(err)
    '$.recipient.ori' must be 9 characters (got 'MA01301')
    >>> err.path, err.value, err.reason
    ('$.recipient.ori', 'MA01301', 'must be 9 characters')
    >>> isinstance(err, ValueError)
    True
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

__all__ = [
    "MISSING",
    "ArgumentTypeError",
    "CopsReformError",
    "IllegalTransitionError",
    "LimitExceededError",
    "MissingExtraError",
    "NotFoundError",
    "Problem",
    "ProviderNotFoundError",
    "RuleNotInForceError",
    "SourceFormatError",
    "ValidationError",
]

PathSegment = str | int

#: Longest rendering of a bad value kept in a message; the value itself stays intact on
#: :attr:`Problem.value`. Long values are shortened so a hostile input cannot make an
#: error message megabytes long.
_MAX_SHOWN: Final = 80


class _Missing:
    """The type of :data:`MISSING`."""

    _instance: "_Missing | None" = None

    def __new__(cls) -> "_Missing":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __reduce__(self) -> str:
        return "MISSING"


#: Stands for a value that is absent (a required key not given). A problem whose value
#: is ``MISSING`` renders without the ``(got ...)`` part.
MISSING: Final = _Missing()


def _show(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        # Dates read as people write them (``2020-01-01``), not as Python's repr.
        return repr(value.isoformat())
    try:
        text = repr(value)
    except RecursionError:
        return "<a deeply nested value>"
    except ValueError:
        # Python refuses to print an int of more than 4,300 digits (or a container that
        # holds one): the message must still render.
        if isinstance(value, int):
            return f"<an int of {value.bit_length():,} bits>"
        return f"<{indefinite(type(value).__name__)} too large to show>"
    if len(text) > _MAX_SHOWN:
        text = f"{text[: _MAX_SHOWN - 5]}...{text[-2:]}"
    return text


def indefinite(noun: str) -> str:
    """Put "a" or "an" before ``noun``, by its first letter: "an Engagement", "a Grant".

    Args:
        noun: A word, such as a class name.

    Returns:
        The noun with its article.

    Examples:
        >>> from copsreform.errors import indefinite
        >>> indefinite("Engagement"), indefinite("Grant")
        ('an Engagement', 'a Grant')
    """
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def render_path(root: str, location: Iterable[PathSegment]) -> str:
    """Render a path as text: ``$`` then ``.name`` for keys and ``[3]`` for positions.

    Args:
        root: The first segment, ``"$"`` for a document or a class name such as ``"Agency"``.
        location: The keys (``str``) and positions (``int``) below the root.

    Returns:
        The path, such as ``"$.recommendations[2].status"``.

    Examples:
        >>> from copsreform.errors import render_path
        >>> render_path("$", ("recommendations", 2, "status"))
        '$.recommendations[2].status'
        >>> render_path("Agency", ("ori",))
        'Agency.ori'
    """
    rendered = (f"[{s}]" if isinstance(s, int) else f".{s}" for s in location)
    return root + "".join(rendered)


@attrs.frozen
class Problem:
    """One thing wrong with one value.

    Attributes:
        reason: Why the value was refused, phrased to follow the path: ``"must be 9
            characters"``, ``"is required"``.
        value: The offending value, or :data:`MISSING` when the value is absent.
        location: Where the value sits below :attr:`root`: keys and list positions.
        root: What the location starts from: ``"$"`` for a document, a class name for a
            value given to a constructor, an identifier's name for an identifier check.

    Examples:
        >>> from copsreform import Problem
        >>> from copsreform.errors import MISSING
        >>> p = Problem("must not be empty", "", ("name",), root="Agency")
        >>> p.path
        'Agency.name'
        >>> str(p)
        "'Agency.name' must not be empty (got '')"
        >>> str(Problem("is required", MISSING, ("end",)))
        "'$.end' is required"
    """

    reason: str
    value: object = attrs.field(default=MISSING, eq=False)
    location: tuple[PathSegment, ...] = ()
    root: str = "$"

    @property
    def path(self) -> str:
        """The full path as text, such as ``"$.recipient.ori"``."""
        return render_path(self.root, self.location)

    def under(self, root: str, prefix: Sequence[PathSegment] = ()) -> "Problem":
        """Return the same problem placed below another root and prefix.

        Args:
            root: The new root.
            prefix: Segments placed before this problem's location.

        Returns:
            A new :class:`Problem`.

        Examples:
            >>> from copsreform import Problem
            >>> Problem("is too long", "x", ("ori",), root="Agency").under("$", ("recipient",)).path
            '$.recipient.ori'
        """
        return attrs.evolve(self, root=root, location=(*prefix, *self.location))

    def __str__(self) -> str:
        if self.value is MISSING:
            return f"{self.path!r} {self.reason}"
        return f"{self.path!r} {self.reason} (got {_show(self.value)})"


class CopsReformError(Exception):
    """The root of every error copsreform raises on purpose.

    Examples:
        >>> import copsreform as cr
        >>> try:
        ...     cr.find_provider("No Such Provider")
        ... except cr.CopsReformError as err:
        ...     print(type(err).__name__)
        ProviderNotFoundError
    """


class ValidationError(CopsReformError, ValueError):
    """Data that copsreform refuses, with every problem found in it.

    A single problem reads as one line; several read as a count followed by one line each.
    :attr:`path`, :attr:`value` and :attr:`reason` describe the first problem, so code
    that cares about only one can read them directly; :attr:`problems` holds them all.

    Args:
        problems: One or more :class:`Problem` records (at least one).

    Raises:
        ValueError: If ``problems`` is empty (an error must say what is wrong).

    Examples:
        >>> from copsreform import Problem, ValidationError
        >>> from copsreform.errors import MISSING
        >>> err = ValidationError([
        ...     Problem("is required", MISSING, ("end",)),
        ...     Problem("must be a USPS state code", "XX", ("recipient", "state")),
        ... ])
        >>> print(err)
        2 problems:
          - '$.end' is required
          - '$.recipient.state' must be a USPS state code (got 'XX')
        >>> [p.path for p in err.problems]
        ['$.end', '$.recipient.state']
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("a ValidationError needs at least one problem")
        super().__init__(self._message())

    @classmethod
    def single(
        cls,
        reason: str,
        value: object = MISSING,
        location: Sequence[PathSegment] = (),
        root: str = "$",
    ) -> "ValidationError":
        """Build an error with one problem.

        Args:
            reason: Why the value was refused.
            value: The offending value.
            location: Where it sits below ``root``.
            root: What the location starts from.

        Returns:
            An instance of this class with one :class:`Problem`.

        Examples:
            >>> from copsreform import ValidationError
            >>> print(ValidationError.single("must be 12 characters", "ABC", root="uei"))
            'uei' must be 12 characters (got 'ABC')
        """
        return cls([Problem(reason, value, tuple(location), root)])

    def _message(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems:"]
        lines.extend(f"  - {problem}" for problem in self.problems)
        return "\n".join(lines)

    @property
    def path(self) -> str:
        """The path of the first problem."""
        return self.problems[0].path

    @property
    def value(self) -> object:
        """The offending value of the first problem."""
        return self.problems[0].value

    @property
    def reason(self) -> str:
        """The reason of the first problem."""
        return self.problems[0].reason

    def under(self, root: str, prefix: Sequence[PathSegment] = ()) -> "ValidationError":
        """Return the same error with every problem placed below ``root`` and ``prefix``.

        The new error has the same class as this one, so a subclass survives relocation.

        Args:
            root: The new root.
            prefix: Segments placed before each problem's location.

        Returns:
            A new error of the same type.

        Examples:
            >>> from copsreform import ValidationError
            >>> err = ValidationError.single("must be 9 characters", "X", ("ori",), root="Agency")
            >>> err.under("$", ("recipient",)).path
            '$.recipient.ori'
        """
        return type(self)._from_problems([p.under(root, prefix) for p in self.problems])

    @classmethod
    def _from_problems(cls, problems: Iterable[Problem]) -> "ValidationError":
        error = cls.__new__(cls)
        ValidationError.__init__(error, problems)
        return error

    def __reduce__(self) -> tuple[object, ...]:
        return (ValidationError._rebuild, (type(self), self.problems))

    @staticmethod
    def _rebuild(
        error_type: type["ValidationError"], problems: tuple[Problem, ...]
    ) -> "ValidationError":
        return error_type._from_problems(problems)


class ArgumentTypeError(ValidationError, TypeError):
    """An argument of the wrong type given to a copsreform function.

    It is a :class:`TypeError`, as Python's own argument mistakes are, and a
    :class:`ValidationError` naming the argument, the value and what was expected.

    Examples:
        >>> import copsreform as cr
        >>> try:
        ...     cr.from_json(cr.Organization, 12)
        ... except TypeError as err:
        ...     print(type(err).__name__, err)
        ArgumentTypeError 'text' must be JSON text (str or bytes) (got 12)
    """


class IllegalTransitionError(ValidationError):
    """A status change the engagement lifecycle does not allow.

    Examples:
        >>> import copsreform as cr
        >>> issubclass(cr.IllegalTransitionError, cr.ValidationError)
        True
    """


class LimitExceededError(ValidationError):
    """Input refused because it exceeds a documented size or complexity limit.

    Examples:
        >>> import copsreform as cr
        >>> issubclass(cr.LimitExceededError, cr.ValidationError)
        True
    """


class NotFoundError(CopsReformError, LookupError):
    """A lookup in reference data found nothing.

    Examples:
        >>> import copsreform as cr
        >>> issubclass(cr.NotFoundError, LookupError)
        True
    """


class ProviderNotFoundError(NotFoundError):
    """No technical assistance provider matches the name asked for.

    Args:
        query: What was asked for.
        suggestions: Names of known providers that look close, best first.

    Examples:
        >>> from copsreform import ProviderNotFoundError
        >>> err = ProviderNotFoundError("Natonal Policing Institute", ("National Policing Institute",))
        >>> print(err)
        no TA provider is named 'Natonal Policing Institute'; did you mean 'National Policing Institute'?
        >>> err.query
        'Natonal Policing Institute'
    """

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        message = f"no TA provider is named {_show(query)}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.query, self.suggestions))


class RuleNotInForceError(NotFoundError):
    """No version of a rule parameter is in force for the date or fiscal year asked about.

    Args:
        rule: The rule or parameter identifier.
        when: The date or fiscal year asked about, as text.
        program: The title of the program, when a whole program has no rules in force;
            the message then names the program instead of the rule.

    Examples:
        >>> from copsreform.errors import RuleNotInForceError
        >>> print(RuleNotInForceError("chp.max_federal_per_position", "FY1990"))
        rule 'chp.max_federal_per_position' has no version in force for FY1990
        >>> print(RuleNotInForceError("cpd.*", "FY2024", program="Community Policing Development"))
        no rules of Community Policing Development are in force for FY2024
    """

    def __init__(self, rule: str, when: str, *, program: str | None = None) -> None:
        self.rule = rule
        self.when = when
        self.program = program
        if program is None:
            super().__init__(f"rule {rule!r} has no version in force for {when}")
        else:
            super().__init__(f"no rules of {program} are in force for {when}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.rule, self.when))


class SourceFormatError(CopsReformError):
    """A whole input file is not in a shape the reader understands.

    Raised for problems that make the rest of the file unreadable (truncated JSON, a CSV
    without its header row), as opposed to bad records, which are reported one by one.

    Args:
        message: What is wrong, including the position when known.
        source: The file name or other description of the input.

    Examples:
        >>> from copsreform import SourceFormatError
        >>> print(SourceFormatError("no header row", source="awards.csv"))
        awards.csv: no header row
    """

    def __init__(self, message: str, source: str | None = None) -> None:
        self.source = source
        self.detail = message
        super().__init__(f"{source}: {message}" if source else message)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.detail, self.source))


class MissingExtraError(CopsReformError, ImportError):
    """A feature needs an optional dependency that is not installed.

    The message says what to install: the extra of copsreform that brings it (such as
    ``copsreform[arrow]``), or the package itself when copsreform has no extra for it.

    Args:
        feature: What needs the dependency (``"to_arrow"``).
        module: The missing module (``"pyarrow"``).
        extra: The extra of copsreform that installs it (``"arrow"``), if any.

    Examples:
        >>> from copsreform import MissingExtraError
        >>> print(MissingExtraError("to_arrow", "pyarrow", "arrow"))
        to_arrow needs pyarrow, which is not installed: pip install "copsreform[arrow]"
        >>> print(MissingExtraError("to_pandas", "pandas"))
        to_pandas needs pandas, which is not installed: pip install pandas
    """

    def __init__(self, feature: str, module: str, extra: str | None = None) -> None:
        self.feature = feature
        self.module = module
        self.extra = extra
        command = f'"copsreform[{extra}]"' if extra else module
        super().__init__(
            f"{feature} needs {module}, which is not installed: pip install {command}",
            name=module,
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.feature, self.module, self.extra))
