"""The wire format: one strict converter for every public class, JSON and JSON Lines.

Every public model class (:class:`~copsreform.Agency`, :class:`~copsreform.Organization`,
:class:`~copsreform.Provider`, :class:`~copsreform.Engagement`, :class:`~copsreform.Grant`
and the records they hold) travels as a plain JSON object:

* keys are the constructor's keyword names, written in field order, every field present
  (``null`` where a value is absent);
* :class:`~decimal.Decimal` money is a string with two decimals (``"1250000.00"``), never a
  JSON number, so no amount passes through a float;
* dates are ``"YYYY-MM-DD"``; a :class:`~copsreform.FiscalYear` is its year (``2025``);
* enums are their stable lower-case values; sets are sorted lists; tuples are lists;
* a grant's recipient carries a ``"type"`` key, ``"agency"`` or ``"organization"``;
* identifiers (ORI, UEI, award number, solicitation, Assistance Listing) and state codes
  are in their canonical form;
* a top-level document carries ``"format_version": 1``.

Input is strict: no coercion (``1.9`` is not an int, ``123`` is not a string, a number is
not money), unknown keys are refused, missing required keys are named, and every problem
in a document is reported at once with its path. See :doc:`/reference/format`.

Examples:
    >>> import datetime as dt
    >>> import copsreform as cr
    >>> agency = cr.Agency(name="Boston Police Department", state="MA", ori="MA0130100",
    ...                    jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
    >>> data = cr.to_dict(agency)
    >>> data["jurisdiction"], data["format_version"]
    ('local', 1)
    >>> cr.from_dict(cr.Agency, data) == agency
    True
    >>> cr.from_dict(cr.Agency, {**data, "ori": "MA01301", "population": 1.5})
    Traceback (most recent call last):
    ...
    copsreform.errors.ValidationError: 2 problems:
      - '$.ori' is a 7-character COPS ORI; give the FBI's 9-character ORI (got 'MA01301')
      - '$.population' must be an int (got 1.5)
"""

# One idea per module (see "Module layout" in docs/design/0001-attrs-frozen-cattrs.rst);
# this file gathers the public names. Each is documented here, under this module's name.
from typing import Final

from copsreform import _wire
from copsreform.serialization import _converter, _jsonlines, _parse
from copsreform.serialization._documents import from_dict, from_json, to_dict, to_json
from copsreform.serialization._hints import is_recipient, optional_inner, wire_hints
from copsreform.serialization._jsonlines import read_jsonl, write_jsonl
from copsreform.serialization._parse import parse_json

#: The version of the wire format this release writes. Documents without the key are
#: read as version 1, the first.
FORMAT_VERSION: Final = _wire.FORMAT_VERSION
#: Longest JSON document :func:`from_json` reads, in characters (16 MiB).
MAX_DOCUMENT_CHARS: Final = _parse.MAX_DOCUMENT_CHARS
#: Longest line :func:`read_jsonl` reads, in characters (1 MiB); a longer line is rejected.
MAX_LINE_CHARS: Final = _jsonlines.MAX_LINE_CHARS
#: Deepest nesting of arrays and objects accepted in a JSON document.
MAX_DEPTH: Final = _parse.MAX_DEPTH
#: The key that says which class a grant's recipient is.
RECIPIENT_TAG: Final = _wire.RECIPIENT_TAG
#: The value of :data:`RECIPIENT_TAG` for each recipient class.
RECIPIENT_TAGS: Final = _wire.RECIPIENT_TAGS
#: The one cattrs converter behind every (un)structuring in copsreform. Built once, at
#: import of this module. Use :func:`to_dict` and :func:`from_dict` rather than calling it
#: directly: they add the format version and turn failures into located problems.
converter: Final = _converter.converter

# The functions are documented, pickled and shown as this module's, where users find them.
for _public in (
    from_dict,
    from_json,
    is_recipient,
    optional_inner,
    parse_json,
    read_jsonl,
    to_dict,
    to_json,
    wire_hints,
    write_jsonl,
):
    _public.__module__ = __name__
del _public

__all__ = [
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MAX_DOCUMENT_CHARS",
    "MAX_LINE_CHARS",
    "RECIPIENT_TAG",
    "RECIPIENT_TAGS",
    "converter",
    "from_dict",
    "from_json",
    "is_recipient",
    "optional_inner",
    "parse_json",
    "read_jsonl",
    "to_dict",
    "to_json",
    "wire_hints",
    "write_jsonl",
]
