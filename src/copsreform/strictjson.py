"""Strict JSON parsing: the one parser behind every JSON copsreform reads.

Python's :func:`json.loads` is lenient in two ways that let bad data through silently:

* an object with a key given twice keeps the **last** value (``{"federal_amount": "1.00",
  "federal_amount": "9.00"}`` reads as 9.00), so two programs can read one file two ways;
* ``NaN``, ``Infinity`` and ``-Infinity`` are accepted, though JSON (RFC 8259) has no such
  numbers.

:func:`loads` refuses both. A duplicated key is a :class:`~copsreform.errors.ValidationError`
with one problem per duplicated key, each at its path (``$.recipient.name``); a
non-finite constant is a :class:`json.JSONDecodeError` at its position, like any other
syntax error, so callers report the two kinds of syntax error the same way. Every reader
of JSON text in copsreform (:func:`~copsreform.from_json`, :func:`~copsreform.read_jsonl`,
the importers, the CSV codec's JSON cells, the rule book and the command line) parses
with it.

Examples:
    >>> from copsreform import strictjson
    >>> strictjson.loads('{"a": [1, 2]}')
    {'a': [1, 2]}
    >>> strictjson.loads('{"a": {"b": 1, "b": 2}}')
    Traceback (most recent call last):
    ...
    copsreform.errors.ValidationError: '$.a.b' is given more than once (a JSON key must be unique in its object)
    >>> strictjson.loads('[1, NaN]')
    Traceback (most recent call last):
    ...
    json.decoder.JSONDecodeError: NaN is not a JSON number (JSON has no NaN or Infinity): line 1 column 5 (char 4)
"""

import json
import re
import threading
from decimal import Decimal
from typing import Any, Final

from copsreform.errors import Problem, ValidationError

__all__ = ["DUPLICATE_KEY", "loads"]

#: The reason given for a key that appears twice in one JSON object.
DUPLICATE_KEY: Final = "is given more than once (a JSON key must be unique in its object)"

Location = tuple[str | int, ...]


class _Duplicated(dict[str, Any]):
    """An object in which some key was given more than once (marks it for the report)."""

    repeated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    built = dict(pairs)
    if len(built) == len(pairs):
        return built
    marked = _Duplicated(built)
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _ in pairs:
        if key in seen and key not in repeated:
            repeated.append(key)
        seen.add(key)
    marked.repeated = tuple(repeated)
    _STATE.duplicated = True
    return marked


# Set by the object hook when it meets a duplicated key, so that the (rare) search for
# where it sits runs only then; per thread, as parsers run concurrently.
_STATE: Final = threading.local()


class _Constant(Exception):  # noqa: N818 - a private signal, never seen by users
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _refuse_constant(name: str) -> Any:
    raise _Constant(name)


_DECODERS: dict[bool, json.JSONDecoder] = {
    False: json.JSONDecoder(object_pairs_hook=_object, parse_constant=_refuse_constant),
    True: json.JSONDecoder(
        object_pairs_hook=_object, parse_constant=_refuse_constant, parse_float=Decimal
    ),
}


def loads(text: str, *, decimals: bool = False) -> Any:
    """Parse JSON text strictly: unique keys, no ``NaN`` or ``Infinity``.

    Args:
        text: The JSON text.
        decimals: Read numbers with a fraction or exponent as :class:`~decimal.Decimal`
            instead of float, so that an amount never passes through a float.

    Returns:
        The parsed value.

    Raises:
        json.JSONDecodeError: If the text is not JSON, or holds ``NaN``, ``Infinity`` or
            ``-Infinity`` (with the constant's position).
        ValidationError: If an object gives a key more than once, one problem per such key
            at its path.
        RecursionError: If the text is nested too deeply for Python's parser.

    Examples:
        >>> from copsreform import strictjson
        >>> strictjson.loads('{"amount": 0.1}', decimals=True)
        {'amount': Decimal('0.1')}
    """
    decoder = _DECODERS[decimals]
    _STATE.duplicated = False
    try:
        value = decoder.decode(text)
    except _Constant as constant:
        position = _constant_position(text, constant.name)
        raise json.JSONDecodeError(
            f"{constant.name} is not a JSON number (JSON has no NaN or Infinity)", text, position
        ) from None
    if _STATE.duplicated:
        problems = [
            Problem(DUPLICATE_KEY, location=(*where, key)) for where, key in _duplicates(value, ())
        ]
        raise ValidationError(problems)
    return value


_CONSTANT_OR_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"|-?(?:NaN|Infinity)', re.DOTALL)


def _constant_position(text: str, name: str) -> int:
    """The offset of the first ``name`` outside a string (where the parser met it)."""
    for match in _CONSTANT_OR_STRING.finditer(text):
        if match.group() == name:
            return match.start()
    return 0  # pragma: no cover - the parser met the constant, so the scan finds it


def _duplicates(value: Any, at: Location) -> list[tuple[Location, str]]:
    found: list[tuple[Location, str]] = []
    if isinstance(value, dict):
        if type(value) is _Duplicated:
            found.extend((at, key) for key in value.repeated)
        for key, item in value.items():
            found.extend(_duplicates(item, (*at, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_duplicates(item, (*at, index)))
    return found
