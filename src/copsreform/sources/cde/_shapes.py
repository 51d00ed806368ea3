"""Which of the three CDE shapes a file is, from its first characters."""

import re
from typing import Final, Literal

from copsreform import _io
from copsreform.errors import SourceFormatError
from copsreform.sources.cde._columns import COLUMN_ALIASES

__all__ = ["FORMATS", "Format", "detect", "detect_format"]

# Public as the package's Format, and documented there.
Format = Literal["api", "frontend_2018", "csv"]
# Public as the package's FORMATS, and documented there.
FORMATS: Final[tuple[Format, ...]] = ("api", "frontend_2018", "csv")

_JSON_SHAPE: Final = re.compile(r'\{\s*"(?:[^"\\]|\\.)*"\s*:\s*([\[{])')


def _is_agency_header(header: list[str]) -> bool:
    folded = {name.strip().casefold() for name in header}
    return "ori" in folded and any(a in folded for a in COLUMN_ALIASES["name"])


def detect(opened: _io.Opened) -> Format:
    head = opened.head.lstrip()
    if not head:
        raise SourceFormatError("is empty", opened.name)
    if head.startswith("{"):
        if re.fullmatch(r"\{\s*\}\s*", head):
            return "api"
        match = _JSON_SHAPE.match(head)
        if match is not None:
            return "api" if match.group(1) == "[" else "frontend_2018"
        raise SourceFormatError(
            "is a JSON object of neither CDE shape: expected county keys holding lists "
            "(the API) or state keys holding objects keyed by ORI (the 2018 list)",
            opened.name,
        )
    if _is_agency_header(_io.header_of(opened)):
        return "csv"
    raise SourceFormatError(
        "is neither CDE JSON nor an FBI agency table (its first line has no 'ori' column "
        "and no name column: 'agency_name' or 'pub_agency_name', in any case)",
        opened.name,
    )


def detect_format(source: _io.Source) -> Format:
    r"""Tell which CDE shape a file is, from its first characters.

    A JSON object whose first value is a list is the ``"api"`` (county-keyed) shape; one
    whose first value is an object is ``"frontend_2018"`` (keyed by state, then ORI); a
    CSV whose header has ``ori`` and ``agency_name`` or ``pub_agency_name``, in any
    case, is ``"csv"``. Gzip is recognised by content.

    Args:
        source: A path, or a seekable open stream (read, then moved back).

    Returns:
        ``"api"``, ``"frontend_2018"`` or ``"csv"``.

    Raises:
        SourceFormatError: If the file is empty or none of the shapes.
        TypeError: If ``source`` is a stream that cannot seek back.

    Examples:
        >>> import io
        >>> from copsreform.sources.cde import detect_format
        >>> detect_format(io.StringIO('{"AL": {"AL0010000": {"agency_name": "X"}}}'))
        'frontend_2018'
        >>> detect_format(io.StringIO('{"KING": [{"ori": "WASPD0000"}]}'))
        'api'
        >>> detect_format(io.StringIO("ori,county,agency_name\n"))
        'csv'
    """
    return _io.sniff(source, detect)
