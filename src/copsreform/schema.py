r"""JSON Schema (draft 2020-12) for the wire format, generated from the model classes.

The schema is built from the same type information the converter uses, so it describes
what :func:`~copsreform.from_dict` accepts: types, required keys, no extra keys, enum
values, identifier patterns, decimal and date string formats, and the documented size
limits. Rules that need more than one value at a time (an end not before its start, an
ORI that matches its state, a legal lifecycle) are beyond JSON Schema; ``from_dict``
checks them and the schema's descriptions say so.

The schemas also ship as files, ``copsreform/schemas/<class>.json``, for tools in other
languages; a test keeps the files equal to what :func:`json_schema` generates.

Examples:
    >>> import copsreform as cr
    >>> schema = cr.json_schema(cr.Grant)
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["properties"]["federal_amount"]["pattern"]
    '^-?[0-9]{1,13}(\\.[0-9]{1,2})?$'
    >>> sorted(schema["required"])
    ['award_number', 'end', 'federal_amount', 'program', 'recipient', 'start']
"""

import datetime as dt
import enum
import json
import typing
from decimal import Decimal
from typing import Any, Final

import attrs

from copsreform import _fields
from copsreform.agency import Agency, Organization
from copsreform.engagement import Engagement
from copsreform.fiscal import MAX_YEAR, MIN_YEAR, FiscalYear
from copsreform.grant import Grant
from copsreform.providers import Provider

# The wire format's own tables: the schema describes what serialization reads, so it
# takes the recipient tag and the optional-type reading from there, not from a copy.
from copsreform.serialization import (
    _RECIPIENT_TAGS,
    _TAG,
    FORMAT_VERSION,
    _is_recipient,
    _optional_inner,
)
from copsreform.states import STATES

__all__ = ["KINDS", "SCHEMA_DIALECT", "json_schema", "schema_text"]

#: The JSON Schema dialect of every generated schema.
SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

_PATTERNS: Final = {
    "ori": r"^[A-Z]{2}[A-Z0-9]{7}$",
    "uei": r"^[1-9A-HJ-NP-Z][0-9A-HJ-NP-Z]{11}$",
    "award_number": r"^(15JCOPS[0-9]{2}G[GK][0-9]{5}[A-Z]{4}|[0-9]{4}[A-Z]{2}WX[A-Z0-9]{4})$",
    "solicitation": r"^(O-COPS-[0-9]{4}-[0-9]{5,6}|[A-Z0-9]+(-[A-Z0-9]+)*-[0-9]{4})$",
    "assistance_listing": r"^[0-9]{2}\.[0-9]{3}$",
}
_DESCRIPTIONS: Final = {
    "ori": "FBI 9-character Originating Agency Identifier; its first two characters are the "
    "NCIC code of the agency's state.",
    "uei": "SAM.gov Unique Entity ID (12 characters, no I or O, not starting with 0, no run of "
    "nine digits).",
    "award_number": "COPS award number (FAIN), compact: 15JCOPSYYGGNNNNNXXXX or YYYYPPWXNNNN. "
    "Must agree with fiscal_year.",
    "solicitation": "Solicitation number: O-COPS-YYYY-NNNNN(N), or a pre-2021 Grants.gov "
    "number ending in a year.",
    "assistance_listing": "COPS Assistance Listing: 16.710, or the program's own 16.068-16.073.",
}
_DECIMAL: Final = {
    "type": "string",
    "pattern": r"^-?[0-9]{1,13}(\.[0-9]{1,2})?$",
    "description": "Money in dollars as a decimal string, at most two decimals "
    "(written with exactly two).",
}
_DATE: Final = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}

#: The document kinds by name, as the command-line tool and the shipped schema files
#: name them.
KINDS: Final[dict[str, type[Any]]] = {
    "agency": Agency,
    "engagement": Engagement,
    "grant": Grant,
    "organization": Organization,
    "provider": Provider,
}


def _definition_name(cls: type[Any]) -> str:
    return cls.__name__


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def for_type(self, tp: Any, field: str | None = None) -> dict[str, Any]:
        args = typing.get_args(tp)
        if _is_recipient(tp):
            return {"oneOf": [self.tagged(cls) for cls in args]}
        inner = _optional_inner(tp)
        if inner is not None:
            return {"anyOf": [self.for_type(inner, field), {"type": "null"}]}
        if tp is FiscalYear:
            return {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}
        if attrs.has(tp):
            name = self.define(tp)
            return {"$ref": f"#/$defs/{name}"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if typing.get_origin(tp) is frozenset:
            return {"type": "array", "items": self.for_type(args[0]), "uniqueItems": True}
        if typing.get_origin(tp) is tuple:
            return {"type": "array", "items": self.for_type(args[0])}
        return self.primitive(tp, field)

    def primitive(self, tp: Any, field: str | None) -> dict[str, Any]:
        if tp is str:
            if field in _PATTERNS:
                return {
                    "type": "string",
                    "pattern": _PATTERNS[field],
                    "description": _DESCRIPTIONS[field],
                }
            if field == "state":
                return {"enum": sorted(STATES)}
            return {"type": "string", "maxLength": _fields.MAX_TEXT}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer", "minimum": 0, "maximum": _fields.MAX_COUNT}
        if tp is Decimal:
            return dict(_DECIMAL)
        if tp is dt.date:
            return dict(_DATE)
        raise TypeError(f"no schema for {tp!r}")  # pragma: no cover

    def properties(self, cls: type[Any]) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        props: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            key = field.alias or field.name
            props[key] = self.for_type(hints[field.name], key)
            if field.default is attrs.NOTHING:
                required.append(key)
        body: dict[str, Any] = {
            "type": "object",
            "title": cls.__name__,
            "description": (cls.__doc__ or "").strip().splitlines()[0],
            "properties": props,
            "required": required,
            "additionalProperties": False,
        }
        return body

    def define(self, cls: type[Any]) -> str:
        name = _definition_name(cls)
        if name not in self.defs:
            self.defs[name] = {}  # placeholder first: classes may refer to each other
            self.defs[name] = self.properties(cls)
        return name

    def tagged(self, cls: type[Any]) -> dict[str, Any]:
        body = self.properties(cls)
        tag = _RECIPIENT_TAGS[cls]
        body["properties"] = {_TAG: {"const": tag}, **body["properties"]}
        body["required"] = [_TAG, *body["required"]]
        return body


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a class's wire format.

    Args:
        cls: A public model class, such as :class:`copsreform.Grant`.

    Returns:
        The schema as a dict; nested classes are under ``$defs``.

    Raises:
        TypeError: If ``cls`` is not a copsreform model class.

    Examples:
        >>> import copsreform as cr
        >>> cr.json_schema(cr.Agency)["properties"]["ori"]["anyOf"][0]["pattern"]
        '^[A-Z]{2}[A-Z0-9]{7}$'
    """
    if not attrs.has(cls) or cls is FiscalYear:
        raise TypeError(f"json_schema needs a copsreform model class, not {cls!r}")
    builder = _Builder()
    root = builder.properties(cls)
    root["properties"]["format_version"] = {
        "type": "integer",
        "minimum": 1,
        "maximum": FORMAT_VERSION,
        "description": "Version of the wire format; read as 1 when absent.",
    }
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:copsreform:schema:{FORMAT_VERSION}:{cls.__name__.lower()}",
        **root,
    }
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def schema_text(cls: type[Any]) -> str:
    """Return :func:`json_schema` as the text of the shipped schema file.

    Args:
        cls: A public model class.

    Returns:
        Indented JSON with sorted keys and a final newline.

    Examples:
        >>> import copsreform as cr
        >>> from copsreform.schema import schema_text
        >>> print(schema_text(cr.Organization).splitlines()[1])
          "$id": "urn:copsreform:schema:1:organization",
    """
    return json.dumps(json_schema(cls), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover - maintenance: python -m copsreform.schema
    from pathlib import Path

    folder = Path(__file__).parent / "schemas"
    folder.mkdir(exist_ok=True)
    for kind, model in KINDS.items():
        (folder / f"{kind}.json").write_text(schema_text(model), encoding="utf-8")
