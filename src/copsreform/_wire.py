"""The wire format's shared facts, stated once for every reader and writer of it.

The precise path (:mod:`copsreform.serialization`), the compiled engine
(``copsreform._engine``), the JSON Schema (:mod:`copsreform.schema`) and the Arrow codec
(:mod:`copsreform.arrow`) all need the format's version, the key that holds it, the key
that tags a grant's recipient, and the test for a model class. Each takes them from here,
so that none keeps a copy that could drift.
"""

import enum
from decimal import Decimal
from typing import Any, Final

import attrs

from copsreform.agency import Agency, Organization
from copsreform.fiscal import FiscalYear

#: The version of the wire format this release writes; documents without
#: :data:`VERSION_KEY` are read as version 1, the first.
FORMAT_VERSION: Final = 1
#: The key of a document's format version.
VERSION_KEY: Final = "format_version"
#: The key that says which class a grant's recipient is.
RECIPIENT_TAG: Final = "type"
#: The value of :data:`RECIPIENT_TAG` for each recipient class.
RECIPIENT_TAGS: Final[dict[type[Any], str]] = {Agency: "agency", Organization: "organization"}
#: The most common amount on the wire, shared by every record that reads it.
ZERO_CENTS: Final = Decimal("0.00")


def is_model_class(tp: object) -> bool:
    """Tell whether ``tp`` is a copsreform model class (an attrs class, not a fiscal year)."""
    return isinstance(tp, type) and attrs.has(tp) and tp is not FiscalYear


def is_enum_type(tp: object) -> bool:
    """Tell whether ``tp`` is an enum class."""
    return isinstance(tp, type) and issubclass(tp, enum.Enum)
