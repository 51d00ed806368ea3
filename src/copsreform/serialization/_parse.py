"""Parsing one JSON document strictly, within the size and depth limits."""

import json
import re
from typing import Any, Final

from copsreform.errors import ArgumentTypeError, LimitExceededError, ValidationError
from copsreform.strictjson import loads as _strict_loads

# Longest JSON document from_json reads, in characters (16 MiB).
MAX_DOCUMENT_CHARS: Final = 16 * 1024 * 1024

# Deepest nesting of arrays and objects accepted in a JSON document.
MAX_DEPTH: Final = 64


def parse_json(text: str | bytes) -> Any:
    """Parse one JSON document strictly, within :data:`MAX_DOCUMENT_CHARS` and :data:`MAX_DEPTH`.

    Bytes are read as UTF-8 (a byte-order mark is ignored). Parsing is
    :func:`copsreform.strictjson.loads`: a key given twice in one object and ``NaN`` or
    ``Infinity`` are refused.

    Args:
        text: The JSON text.

    Returns:
        The parsed value (plain JSON types).

    Raises:
        ValidationError: If the text is not UTF-8 or not JSON (with line and column), or an
            object repeats a key (with its path).
        LimitExceededError: If the text is too long or too deeply nested.
        ArgumentTypeError: If ``text`` is neither ``str`` nor ``bytes`` (a :class:`TypeError`).

    Examples:
        >>> from copsreform.serialization import parse_json
        >>> parse_json('{"federal_amount": "1.00", "federal_amount": "9.00"}')
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: '$.federal_amount' is given more than once (a JSON key must be unique in its object)
        >>> parse_json('{"federal_amount": Infinity}')
        Traceback (most recent call last):
        ...
        copsreform.errors.ValidationError: '$' is not valid JSON: Infinity is not a JSON number (JSON has no NaN or Infinity) at line 1 column 20 (got '{"federal_amount": Infinity}')
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError.single(
                f"is not UTF-8 text (byte {error.start})", text[:40]
            ) from None
    if not isinstance(text, str):
        raise ArgumentTypeError.single("must be JSON text (str or bytes)", text, root="text")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise LimitExceededError.single(
            f"is too long: {len(text):,} characters, more than the "
            f"{MAX_DOCUMENT_CHARS:,} a document may hold"
        )
    text = text.removeprefix("\ufeff")
    if _depth_exceeds(text, MAX_DEPTH):
        raise LimitExceededError.single(f"is nested deeper than {MAX_DEPTH} levels", text[:40])
    try:
        return _strict_loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError.single(
            f"is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}", text
        ) from None
    except ValidationError:  # a key given twice, at its path
        raise
    except (ValueError, RecursionError) as error:  # an int too long to convert, for instance
        raise LimitExceededError.single(f"cannot be read: {error}", text[:40]) from None


_BRACKETS: Final = re.compile(r'[\[\]{}"\\]')


def _depth_exceeds(text: str, limit: int) -> bool:
    """Tell whether JSON text nests arrays and objects deeper than ``limit``.

    A linear scan over brackets, quotes and backslashes that skips string contents; it
    runs before ``json.loads`` so that a hostile document cannot exhaust recursion.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    in_string = False
    escaped_at = -1
    for match in _BRACKETS.finditer(text):
        position = match.start()
        char = text[position]
        if in_string:
            if position == escaped_at:
                continue
            if char == "\\":
                escaped_at = position + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False
