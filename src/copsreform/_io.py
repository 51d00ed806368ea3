"""Opening source files: paths or streams, plain or gzip, with a cap on the bytes read.

Every importer reads its input through :func:`open_source`, which

* accepts a path, an open binary stream or an open text stream;
* recognises gzip by its magic bytes (not by the file name) and decompresses it as it
  reads, so a ``.json.gz`` or a ``.csv.gz`` needs no option;
* decodes UTF-8, dropping a byte-order mark;
* counts the bytes it reads (after decompression) and stops with
  :class:`~copsreform.errors.LimitExceededError` past a cap, which defeats decompression
  bombs and bounds the memory a whole-document JSON parse can take;
* keeps the first :data:`HEAD_CHARS` characters aside so that the shape of the file can
  be detected without reading it twice, even from a pipe.

A stream the caller opened is never closed here; a file opened from a path is closed when
the ``with`` block ends.
"""

import contextlib
import csv
import gzip
import io
import json
import os
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import IO, Any, Final, Protocol, TypeVar, cast

from copsreform import strictjson
from copsreform.errors import (
    ArgumentTypeError,
    LimitExceededError,
    SourceFormatError,
    ValidationError,
)

__all__ = [
    "HEAD_CHARS",
    "MAX_CSV_BYTES",
    "MAX_JSON_BYTES",
    "MAX_STREAM_BYTES",
    "Opened",
    "Row",
    "Source",
    "bounded_lines",
    "csv_records",
    "csv_rows",
    "describe",
    "header_of",
    "load_json",
    "open_source",
    "sniff",
]

#: What the importers read: a path, or an open binary or text stream.
Source = str | os.PathLike[str] | IO[bytes] | IO[str]

#: Largest JSON document read, in bytes after decompression (32 MiB). JSON inputs (the
#: USAspending API page, the FBI lists) are single documents that must be parsed whole,
#: and parsing takes several times the text's size in memory. The 2018 FBI list is
#: 5.5 MB once decompressed; one API page of 100 awards is about 45 kB.
MAX_JSON_BYTES: Final = 32 * 1024 * 1024
#: Largest streamed file read (CSV, JSON Lines), in bytes after decompression (4 GiB).
#: Such files are read a line at a time, so this does not bound memory; it bounds the
#: work a decompression bomb can cause.
MAX_STREAM_BYTES: Final = 4 * 1024 * 1024 * 1024
#: Largest CSV file read: :data:`MAX_STREAM_BYTES`.
MAX_CSV_BYTES: Final = MAX_STREAM_BYTES
#: Characters read ahead to detect a file's shape: enough for any CSV header seen.
HEAD_CHARS: Final = 64 * 1024

T = TypeVar("T")

_GZIP_MAGIC: Final = b"\x1f\x8b"
_CHUNK: Final = 64 * 1024


def describe(source: object) -> str:
    """Name a source for messages: its path, or the stream's name, or ``<stream>``.

    Args:
        source: A path or a stream.

    Returns:
        A short description.

    Examples:
        >>> import io
        >>> from copsreform._io import describe
        >>> describe("awards.csv"), describe(io.BytesIO())
        ('awards.csv', '<stream>')
    """
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<stream>"


class _Capped(io.RawIOBase):
    """A raw binary stream over another that counts bytes and stops past a cap.

    It also turns a corrupt or truncated gzip stream into a
    :class:`~copsreform.errors.SourceFormatError`.
    """

    def __init__(
        self, inner: IO[bytes], head: bytes, limit: int, name: str, compressed: bool
    ) -> None:
        super().__init__()
        self._inner = inner
        self._head = head
        self._limit = limit
        self._name = name
        self._compressed = compressed
        self._count = 0

    @property
    def delivered(self) -> int:
        """How many bytes this stream has returned so far."""
        return self._count

    @property
    def compressed(self) -> bool:
        """Whether the bytes are those of a decompressed gzip stream."""
        return self._compressed

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1, /) -> bytes:
        """Return up to ``size`` bytes; all that is left if ``size`` is negative.

        The text decoder and gzip read through this: it hands over the inner stream's
        bytes as they are, without :meth:`readinto`'s copy into a buffer.
        """
        if size is None or size < 0:
            return self.readall()
        return self._take(size)

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        data = self._take(len(view))
        view[: len(data)] = data
        return len(data)

    def _take(self, size: int) -> bytes:
        """Up to ``size`` bytes, the head first; counted against the cap."""
        if self._head:
            data, self._head = self._head[:size], self._head[size:]
        else:
            try:
                data = self._inner.read(size)
            except (OSError, EOFError, zlib.error) as error:
                if not self._compressed:
                    raise
                raise SourceFormatError(
                    f"is not a readable gzip file ({error}) after {self._count:,} bytes",
                    self._name,
                ) from None
            if type(data) is not bytes:  # a caller's stream may give a bytearray
                data = bytes(data)
        self._count += len(data)
        if self._count > self._limit:
            what = "decompressed " if self._compressed else ""
            raise LimitExceededError.single(
                f"is larger than the limit of {self._limit:,} {what}bytes; "
                "pass a larger max_bytes if the file is genuine",
                root=self._name,
            )
        return data


class _Text(Protocol):
    """What :class:`Opened` reads from: a text stream."""

    def read(self, size: int = -1, /) -> str: ...

    def readline(self, size: int = -1, /) -> str: ...

    def __iter__(self) -> Iterator[str]: ...


class Opened:
    """An open source as text, with its first characters read ahead.

    Attributes:
        name: The source's description, for messages.
        head: The first characters (at most :data:`HEAD_CHARS`), not yet consumed.
    """

    def __init__(self, name: str, head: str, rest: _Text, raw: "_Capped | None" = None) -> None:
        self.name = name
        self.head = head
        self._rest = rest
        self._raw = raw

    def decode_error(self, error: UnicodeDecodeError) -> SourceFormatError:
        """Describe a decoding failure with the bad byte's position in the whole input."""
        return _decode_error(self.name, error, self._raw)

    def lines(self) -> Iterator[str]:
        """Yield the text as lines with their endings, the head included."""
        head = self.head
        if head and not head.endswith("\n"):
            head += self._rest.readline()
        self.head = ""
        yield from io.StringIO(head, newline="")
        yield from self._rest

    def readline(self, size: int = -1, /) -> str:
        """Read one line, at most ``size`` characters of it, the head first."""
        if not self.head:
            return self._rest.readline(size)
        stop = len(self.head) if size < 0 else min(size, len(self.head))
        newline = self.head.find("\n", 0, stop)
        cut = newline + 1 if newline >= 0 else stop
        line, self.head = self.head[:cut], self.head[cut:]
        if not line.endswith("\n") and not self.head and (size < 0 or len(line) < size):
            line += self._rest.readline(size - len(line) if size >= 0 else -1)
        return line

    def read(self, limit: int) -> str:
        """Return the whole text, refusing more than ``limit`` characters.

        Raises:
            LimitExceededError: If there are more than ``limit`` characters.
        """
        # Read in chunks: one read of ``limit`` characters would have the stream set
        # aside a buffer of that size (32 MiB for JSON) for a 45 kB page.
        parts = [self.head]
        size = len(self.head)
        self.head = ""
        while size <= limit and (chunk := self._rest.read(min(_CHUNK, limit + 1 - size))):
            parts.append(chunk)
            size += len(chunk)
        text = "".join(parts)
        if size > limit:
            raise LimitExceededError.single(
                f"is larger than the limit of {limit:,} characters; "
                "pass a larger max_bytes if the file is genuine",
                root=self.name,
            )
        return text


def _decode_error(
    name: str, error: UnicodeDecodeError, raw: "_Capped | None" = None
) -> SourceFormatError:
    # The decoder sees one chunk at a time, so ``error.start`` counts from the chunk's
    # start. The chunk is the tail of what the raw stream has delivered so far (nothing is
    # buffered between them), which gives the position in the whole input.
    if raw is None:
        return SourceFormatError(f"is not UTF-8 text ({error.reason})", name)
    offset = raw.delivered - len(error.object) + error.start
    byte = error.object[error.start]
    where = " of the decompressed data" if raw.compressed else ""
    return SourceFormatError(
        f"is not UTF-8 text ({error.reason}: byte 0x{byte:02x} at byte {offset:,}{where}); "
        "save the file as UTF-8",
        name,
    )


@contextlib.contextmanager
def open_source(source: Source, limit: int, *, errors: str = "strict") -> Iterator[Opened]:
    r"""Open a source as UTF-8 text, decompressing gzip and capping the bytes read.

    Args:
        source: A path, or an open binary or text stream.
        limit: The most bytes (characters, for a text stream) to read.
        errors: How bytes that are not UTF-8 are decoded: ``"strict"`` raises
            :class:`~copsreform.errors.SourceFormatError`; ``"surrogateescape"`` turns
            each into a lone surrogate, for a reader that refuses only the line holding
            it (:func:`~copsreform.read_jsonl`).

    Yields:
        The opened source.

    Raises:
        SourceFormatError: If the bytes are not UTF-8 or the gzip stream is corrupt.
        LimitExceededError: If more than ``limit`` bytes are read.
        OSError: If a path cannot be opened.
        ArgumentTypeError: If ``source`` is neither a path nor a readable stream.

    Examples:
        >>> import io
        >>> from copsreform._io import open_source
        >>> with open_source(io.BytesIO(b"\xef\xbb\xbfori,county\n"), 100) as opened:
        ...     opened.head
        'ori,county\n'
    """
    if not isinstance(source, str | os.PathLike) and not callable(getattr(source, "read", None)):
        raise ArgumentTypeError.single("must be a path or an open file", source, root="source")
    name = describe(source)
    with contextlib.ExitStack() as stack:
        if isinstance(source, str | os.PathLike):
            binary: IO[Any] = stack.enter_context(open(source, "rb"))
        else:
            binary = source
        first = binary.read(0)
        text: _Text
        raw: _Capped | None = None
        if isinstance(first, str):
            text = _CappedText(binary, limit, name)
        else:
            magic = binary.read(2)
            compressed = magic == _GZIP_MAGIC
            inner: IO[bytes] = binary
            if compressed:
                unzipped = gzip.GzipFile(fileobj=_Capped(binary, magic, 2**62, name, False))
                inner = cast(IO[bytes], unzipped)
                magic = b""
            raw = _Capped(inner, magic, limit, name, compressed)
            # No buffer between the counting stream and the decoder: the count of bytes
            # delivered then places a decoding error exactly (see _decode_error).
            wrapper = io.TextIOWrapper(
                cast(IO[bytes], raw), encoding="utf-8-sig", errors=errors, newline=""
            )
            wrapper._CHUNK_SIZE = _CHUNK  # type: ignore[attr-defined]
            stack.callback(wrapper.close)  # closes only our wrappers, never the caller's stream
            text = wrapper
        try:
            head = text.read(HEAD_CHARS)
        except UnicodeDecodeError as error:
            raise _decode_error(name, error, raw) from None
        yield Opened(name, head.removeprefix("\ufeff"), text, raw)


class _CappedText:
    """A text stream over a caller's text stream that stops past a number of characters."""

    def __init__(self, inner: IO[str], limit: int, name: str) -> None:
        self._inner = inner
        self._limit = limit
        self._name = name
        self._count = 0

    def _counted(self, text: str) -> str:
        self._count += len(text)
        if self._count > self._limit:
            raise LimitExceededError.single(
                f"is larger than the limit of {self._limit:,} characters; "
                "pass a larger max_bytes if the file is genuine",
                root=self._name,
            )
        return text

    def read(self, size: int = -1, /) -> str:
        return self._counted(self._inner.read(size))

    def readline(self, size: int = -1, /) -> str:
        return self._counted(self._inner.readline(size))

    def __iter__(self) -> Iterator[str]:
        while line := self.readline():
            yield line


def load_json(opened: Opened, limit: int) -> Any:
    """Parse a whole JSON document; numbers with a fraction become :class:`~decimal.Decimal`.

    Money never passes through a float: ``750000.0`` is read as ``Decimal('750000.0')``.
    Parsing is strict (:func:`copsreform.strictjson.loads`): ``NaN`` and ``Infinity``,
    which JSON does not have, and a key given twice in one object are refused.

    Args:
        opened: The opened source.
        limit: The most characters to read.

    Returns:
        The parsed document.

    Raises:
        SourceFormatError: If the text is not well-formed JSON (with the line and column),
            holds ``NaN`` or ``Infinity`` (with the line and column), repeats a key in an
            object (with its path), is not UTF-8, or is nested too deeply to parse.
        LimitExceededError: If the document is longer than ``limit``.

    Examples:
        >>> import io
        >>> from copsreform._io import load_json, open_source
        >>> with open_source(io.BytesIO(b'{"Award Amount": -7016.88}'), 100) as opened:
        ...     load_json(opened, 100)
        {'Award Amount': Decimal('-7016.88')}
    """
    return parse_json(read_text(opened, limit), opened.name)


def read_text(opened: Opened, limit: int) -> str:
    """Read the whole of an opened source as text (at most ``limit`` characters).

    Raises:
        SourceFormatError: If the text is not UTF-8.
        LimitExceededError: If it is longer than ``limit``.

    Examples:
        >>> import io
        >>> from copsreform._io import open_source, read_text
        >>> with open_source(io.BytesIO(b'{"a": 1}'), 100) as opened:
        ...     read_text(opened, 100)
        '{"a": 1}'
    """
    try:
        return opened.read(limit)
    except UnicodeDecodeError as error:
        raise opened.decode_error(error) from None


def parse_json(text: str, name: str) -> Any:
    """Parse a whole JSON document read from the source ``name``, as :func:`load_json` does.

    Raises:
        SourceFormatError: As :func:`load_json`.

    Examples:
        >>> from copsreform._io import parse_json
        >>> parse_json('[0.1]', "<stream>")
        [Decimal('0.1')]
    """
    try:
        return strictjson.loads(text, decimals=True)
    except json.JSONDecodeError as error:
        # An unterminated string runs to the end of the text: the text was cut short too.
        truncated = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated")
        ending = "; the document ends too soon (truncated?)" if truncated else ""
        raise SourceFormatError(
            f"is not well-formed JSON: {error.msg}: line {error.lineno} "
            f"column {error.colno}{ending}",
            name,
        ) from None
    except ValidationError as error:  # a key given twice in one object
        raise SourceFormatError(
            f"is not well-formed JSON: {error.path!r} {error.reason}", name
        ) from None
    except RecursionError:
        raise SourceFormatError("is JSON nested too deeply to read", name) from None
    except ValueError as error:  # an integer too long to convert, for one
        raise SourceFormatError(f"cannot be read as JSON: {error}", name) from None


def csv_rows(opened: Opened) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, fields)`` for each CSV record, blank lines skipped.

    ``line`` is the physical line on which the record ends (1-based), for messages.

    Raises:
        SourceFormatError: If the CSV is malformed (a field over the csv module's size
            limit, a NUL byte) or not UTF-8, naming the line.
    """
    reader = csv.reader(opened.lines(), strict=False)
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise SourceFormatError(
                f"is not readable CSV at line {reader.line_num + 1}: {error}", opened.name
            ) from None
        except UnicodeDecodeError as error:
            raise opened.decode_error(error) from None
        if fields:
            yield reader.line_num, fields


class Row(dict[str, str]):
    """One CSV record keyed by column name.

    Attributes:
        width: How many fields the record had; compare with :attr:`expected`.
        expected: How many columns the header names.
    """

    width: int = 0
    expected: int = 0


def csv_records(
    opened: Opened, required: Collection[str], used: Collection[str]
) -> Iterator[tuple[int, Row]]:
    """Read a CSV with a header row; yield ``(row number, record)``, rows counted from 1.

    Columns are found by header name, in any order; columns not in ``used`` are ignored.

    Args:
        opened: The opened source.
        required: Columns that must be in the header.
        used: Columns the caller reads (for the duplicate-name check).

    Yields:
        Data rows, numbered from 1 (the header is not counted), blank lines skipped.

    Raises:
        SourceFormatError: If the file is empty, a required column is missing, a used
            column is named twice, or the CSV cannot be read.
    """
    rows = csv_rows(opened)
    first = next(rows, None)
    if first is None:
        raise SourceFormatError(
            "is empty; expected a CSV header row naming " + _names(required), opened.name
        )
    header = [name.strip() for name in first[1]]
    missing = [name for name in required if name not in header]
    if missing:
        raise SourceFormatError(
            f"has no column {_names(missing)} in its header (line {first[0]}); "
            f"the header starts {_names(header[:6])}",
            opened.name,
        )
    twice = sorted({name for name in header if name in used and header.count(name) > 1})
    if twice:
        raise SourceFormatError(f"names column {_names(twice)} twice in its header", opened.name)
    for number, (_, fields) in enumerate(rows, start=1):
        record = Row(zip(header, fields, strict=False))
        record.width = len(fields)
        record.expected = len(header)
        yield number, record


def header_of(opened: Opened) -> list[str]:
    r"""Return the column names of the CSV header in the head, or ``[]`` if none.

    Examples:
        >>> import io
        >>> from copsreform._io import header_of, open_source
        >>> with open_source(io.StringIO("ori,agency_name\nX,Y\n"), 100) as opened:
        ...     header_of(opened)
        ['ori', 'agency_name']
    """
    try:
        first = next(csv.reader(io.StringIO(opened.head, newline="")), [])
    except csv.Error:
        return []
    return [name.strip() for name in first]


def _names(names: Iterable[str]) -> str:
    return ", ".join(repr(name) for name in names)


def sniff(source: Source, detect: Callable[[Opened], T]) -> T:
    r"""Run ``detect`` on the head of ``source``; put a stream back where it was.

    Args:
        source: A path, or a seekable open stream.
        detect: Reads :attr:`Opened.head` and returns what it found.

    Returns:
        What ``detect`` returned.

    Raises:
        TypeError: If ``source`` is a stream that cannot seek back.

    Examples:
        >>> import io
        >>> from copsreform._io import header_of, sniff
        >>> stream = io.StringIO("ori,agency_name\n")
        >>> sniff(stream, header_of), stream.read()
        (['ori', 'agency_name'], 'ori,agency_name\n')
    """
    if isinstance(source, str | os.PathLike):
        with open_source(source, MAX_CSV_BYTES) as opened:
            return detect(opened)
    if not source.seekable():
        raise TypeError("detecting a format needs a path or a seekable stream")
    position = source.tell()
    try:
        with open_source(source, MAX_CSV_BYTES) as opened:
            return detect(opened)
    finally:
        source.seek(position)


def bounded_lines(stream: Any, max_chars: int) -> Iterator[str]:
    r"""Yield a stream's lines, each line longer than ``max_chars`` as a marker.

    A stream with ``readline`` (an open file, an :class:`Opened`) is read with
    ``readline(limit)``, so an endless line never sits whole in memory: the rest of such
    a line is skipped and a :class:`LongLine` of ``max_chars + 1`` characters, which
    knows the whole line's length, stands in for it; the reader refuses it as too long.
    Any other iterable of lines is passed through.

    Args:
        stream: An open text stream, an :class:`Opened`, or lines.
        max_chars: The longest line, not counting its end.

    Yields:
        The lines, with their ends.

    Examples:
        >>> import io
        >>> from copsreform._io import bounded_lines
        >>> [len(line) for line in bounded_lines(io.StringIO("ab\n" + "x" * 50 + "\nc"), 10)]
        [3, 11, 1]
    """
    readline = getattr(stream, "readline", None)
    if readline is None:
        yield from stream
        return
    while True:
        line = readline(max_chars + 2)  # room for the line end, "\r\n" at most
        if not line:
            return
        if len(line) > max_chars + 1 and not line.endswith("\n"):
            length = len(line)
            while (rest := readline(max_chars)) and not rest.endswith("\n"):
                length += len(rest)
            length += len(rest.rstrip("\r\n"))
            yield LongLine(max_chars, length)
        else:
            yield line


class LongLine(str):
    """Stands for a line too long to keep: ``max_chars + 1`` characters, and its length.

    The reader refuses it by its length as any overlong line; its :attr:`length` is the
    length of the whole line (without its end), so the message can say how long it was.

    Examples:
        >>> from copsreform._io import LongLine
        >>> marker = LongLine(4, 1_000_000)
        >>> len(marker), marker.length
        (5, 1000000)
    """

    length: int

    def __new__(cls, max_chars: int, length: int) -> "LongLine":
        marker = super().__new__(cls, "x" * (max_chars + 1))
        marker.length = length
        return marker
