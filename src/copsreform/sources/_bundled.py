"""The real data files that ship inside the package, opened for the importers."""

import importlib.resources
from typing import IO

__all__ = ["open_bundled"]


def open_bundled(path: str) -> IO[bytes]:
    r"""Open a file shipped inside the package, by its ``/``-separated path, for reading.

    Args:
        path: The path below the ``copsreform`` package, such as
            ``"data/cde/agencies-by-state-2018.json.gz"``.

    Returns:
        The file, open in binary mode; close it (use ``with``).

    Examples:
        >>> from copsreform.sources._bundled import open_bundled
        >>> with open_bundled("data/cde/agencies-by-state-2018.json.gz") as stream:
        ...     stream.read(2)
        b'\x1f\x8b'
    """
    resource = importlib.resources.files("copsreform")
    for part in path.split("/"):
        resource = resource / part
    return resource.open("rb")
