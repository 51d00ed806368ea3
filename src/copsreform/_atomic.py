"""Writing a file so that it appears whole or not at all.

Every writer of a path in copsreform (:func:`~copsreform.serialization.write_jsonl`,
:func:`~copsreform.export.write_csv`, :func:`~copsreform.arrow.write_parquet` and the
command-line outputs) goes through :func:`replacing` or :func:`replacing_bytes`: the
output goes to a temporary file beside the target, is flushed to disk, and replaces the
target only when the writer finishes without an error. An error or an interrupt leaves
any earlier file untouched and removes the temporary file.
"""

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["file_mode", "replacing", "replacing_bytes"]


def file_mode(path: Path) -> int:
    """The permissions a written file gets: those of the file it replaces, else the umask's.

    Args:
        path: The file about to be written.

    Returns:
        Permission bits, such as ``0o644``.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def replacing(path: Path, *, newline: str) -> Iterator[IO[str]]:
    r"""Open ``path`` for writing UTF-8 text that replaces it only when complete.

    Args:
        path: The file to write.
        newline: Passed to :func:`open`: ``"\n"`` for JSON Lines, ``""`` for CSV.

    Yields:
        A text stream.

    Examples:
        >>> import tempfile
        >>> from pathlib import Path
        >>> from copsreform._atomic import replacing
        >>> target = Path(tempfile.mkdtemp()) / "out.txt"
        >>> with replacing(target, newline="\n") as out:
        ...     _ = out.write("done\n")
        >>> target.read_text()
        'done\n'
    """
    with _replacing(path, lambda fd: open(fd, "w", encoding="utf-8", newline=newline)) as stream:
        yield stream


@contextlib.contextmanager
def replacing_bytes(path: Path) -> Iterator[IO[bytes]]:
    """Open ``path`` for writing bytes (a Parquet file) that replace it only when complete.

    Args:
        path: The file to write.

    Yields:
        A binary stream.

    Examples:
        >>> import tempfile
        >>> from pathlib import Path
        >>> from copsreform._atomic import replacing_bytes
        >>> target = Path(tempfile.mkdtemp()) / "out.bin"
        >>> with replacing_bytes(target) as out:
        ...     _ = out.write(b"PAR1")
        >>> target.read_bytes()
        b'PAR1'
    """
    with _replacing(path, lambda fd: open(fd, "wb")) as stream:
        yield stream


@contextlib.contextmanager
def _replacing(path: Path, open_stream: Callable[[int], IO[Any]]) -> Iterator[IO[Any]]:
    folder = path.parent if str(path.parent) else Path()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(temporary, file_mode(path))  # mkstemp makes it private (0o600)
        with open_stream(handle) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())  # on disk before it replaces anything
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
