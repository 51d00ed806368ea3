"""JSON Lines: streaming many records in, each bad line rejected alone, and writing them."""

import io
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final, TypeVar

from copsreform import _io
from copsreform._atomic import replacing
from copsreform.batch import Rejected
from copsreform.constraints import SURROGATE
from copsreform.errors import (
    ArgumentTypeError,
    LimitExceededError,
    SourceFormatError,
    ValidationError,
)
from copsreform.serialization._documents import from_json, to_json

T = TypeVar("T")

# Longest line read_jsonl reads, in characters (1 MiB); a longer line is rejected.
MAX_LINE_CHARS: Final = 1024 * 1024

Source = str | os.PathLike[str] | IO[str] | Iterable[str]


def read_jsonl(cls: type[T], source: Source, *, strict: bool = False) -> Iterator[T | Rejected]:
    """Read many records from JSON Lines, one object per line, streaming.

    Every non-blank line yields either the object or a :class:`~copsreform.batch.Rejected`
    with its 1-based line number and every problem; good lines are returned whatever the
    bad ones hold. Blank lines hold no record and are skipped. A byte-order mark at the
    start is ignored; lines longer than :data:`MAX_LINE_CHARS` (not counting the line end)
    are rejected unread. A path is opened by the same layer as the importers: a gzip file
    is read decompressed, whatever its name, up to 4 GiB once decompressed. A file read
    from a path that holds bytes which are not UTF-8 (a Latin-1 export, say) has each such
    line rejected with the byte and its position.

    Args:
        cls: The class of every record.
        source: A path, an open text file, or any iterable of lines.
        strict: Raise on the first bad line instead of yielding a rejection.

    Yields:
        Objects and rejections, in file order.

    Raises:
        ValidationError: In strict mode, for the first bad line; its problems' paths start
            with the line, as ``line 3: $.ori``.
        SourceFormatError: If an open stream fails to decode its text.
        ArgumentTypeError: If ``source`` is not a path, a text stream or lines.

    Examples:
        >>> import copsreform as cr
        >>> lines = ['{"name": "CITY OF COLFAX"}', '{"name": 12}', '', '{"name": "CITY OF MORTON"}']
        >>> for outcome in cr.read_jsonl(cr.Organization, lines):
        ...     print(outcome)
        CITY OF COLFAX
        line 2: '$.name' must be a string (got 12)
        CITY OF MORTON
    """
    if isinstance(source, str | os.PathLike):
        # Opened by the one I/O layer (gzip recognised, bytes capped). Bytes that are not
        # UTF-8 become lone surrogates (``surrogateescape``), so that such a line is
        # rejected on its own, with its number and the byte's position, and every other
        # line is still read.
        with _io.open_source(source, _io.MAX_STREAM_BYTES, errors="surrogateescape") as opened:
            yield from read_jsonl(cls, _io.bounded_lines(opened, MAX_LINE_CHARS), strict=strict)
        return
    if isinstance(source, bytes | bytearray) or not isinstance(source, Iterable):  # type: ignore[unreachable]
        raise ArgumentTypeError.single(
            "must be a path, an open text file or an iterable of lines", source, root="source"
        )
    lines = (
        _io.bounded_lines(source, MAX_LINE_CHARS) if isinstance(source, io.TextIOBase) else source
    )
    for number, line in _numbered(lines):
        if number == 1 and line.startswith("\ufeff"):
            line = line.removeprefix("\ufeff")  # noqa: PLW2901 - a BOM is not content
        if not line or line.isspace():
            continue
        try:
            # The line end is not part of the line; a line cut short while reading
            # carries its full length.
            length = getattr(line, "length", None) or len(line.rstrip("\r\n"))
            if length > MAX_LINE_CHARS:
                raise LimitExceededError.single(
                    f"is too long: {length:,} characters, more than the "
                    f"{MAX_LINE_CHARS:,} a line may hold"
                )
            _refuse_undecoded(line)
            yield from_json(cls, line)
        except ValidationError as error:
            if strict:
                raise error.under(f"line {number}: $") from None
            yield Rejected.from_error(number, "line", error, raw=_printable(line[:1000]))


_UNDECODED: Final = re.compile("[\udc80-\udcff]")


def _numbered(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Number lines from 1, turning a stream's decoding failure into our error."""
    number = 0
    iterator = iter(lines)
    while True:
        try:
            line = next(iterator)
        except StopIteration:
            return
        except UnicodeDecodeError as error:
            raise SourceFormatError(
                f"is not UTF-8 text after line {number} ({error.reason}); save the file as UTF-8"
            ) from None
        number += 1
        yield number, line


def _refuse_undecoded(line: str) -> None:
    """Refuse a line holding bytes that were not UTF-8 (read with ``surrogateescape``)."""
    found = _UNDECODED.search(line)
    if found is not None:
        offset = len(line[: found.start()].encode("utf-8", "surrogateescape"))
        byte = ord(found.group()) - 0xDC00
        raise ValidationError.single(
            f"is not UTF-8 text (byte 0x{byte:02x} at byte offset {offset} of the line); "
            "save the file as UTF-8",
            _printable(line[max(0, found.start() - 30) : found.start() + 10]),
        )


_SURROGATE: Final = SURROGATE


def _printable(text: str) -> str:
    """``text`` with any lone surrogate (an undecodable byte) shown as U+FFFD, writable."""
    return _SURROGATE.sub("\ufffd", text)


def write_jsonl(objects: Iterable[Any], target: str | os.PathLike[str] | IO[str]) -> int:
    """Write model objects as JSON Lines, one compact document per line.

    Args:
        objects: Model objects.
        target: A path (written as UTF-8) or an open text file.

    Returns:
        How many records were written.

    Examples:
        >>> import io
        >>> import copsreform as cr
        >>> out = io.StringIO()
        >>> cr.write_jsonl([cr.find_provider("NPI"), cr.find_provider("IACP")], out)
        2
        >>> cr.from_json(cr.Provider, out.getvalue().splitlines()[1]).acronym
        'IACP'
    """
    if isinstance(target, str | os.PathLike):
        with replacing(Path(target), newline="\n") as stream:
            return write_jsonl(objects, stream)
    if not callable(getattr(target, "write", None)):
        raise ArgumentTypeError.single("must be a path or an open text file", target, root="target")
    count = 0
    for obj in objects:
        target.write(to_json(obj) + "\n")
        count += 1
    return count
