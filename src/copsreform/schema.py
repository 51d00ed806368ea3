r"""JSON Schema (draft 2020-12) for the wire format, generated from the model classes.

The schema is built from the same type information the converter uses, so it describes
what :func:`~copsreform.from_dict` accepts: types, required keys, no extra keys, enum
values, identifier patterns, decimal and date string formats, and the documented size
limits, each read from where the validators read it (:mod:`copsreform.constraints` and
each identifier module's ``PATTERN``). Rules that need more than one value at a time (an
end not before its start, an ORI that matches its state, a legal lifecycle) are beyond
JSON Schema; ``from_dict`` checks them, :data:`UNSTATED` lists them and each schema's
description says so. A test generates documents from every schema and checks, field by
field and in both directions, that ``from_dict`` agrees with it.

The schemas also ship as files, ``copsreform/schemas/<class>.json``, for tools in other
languages; a test keeps the files equal to what :func:`json_schema` generates.

Examples:
    >>> import copsreform as cr
    >>> schema = cr.json_schema(cr.Grant)
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["properties"]["federal_amount"]["pattern"]
    '^(?:-?[0-9]{1,13}(?:\\.[0-9]{1,2})?)$'
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

from copsreform import _fields, citation, constraints
from copsreform.agency import Agency, Organization
from copsreform.engagement import Engagement
from copsreform.fiscal import MAX_YEAR, MIN_YEAR, FiscalYear
from copsreform.grant import Grant
from copsreform.identifiers import award_number, ori, solicitation, uei
from copsreform.identifiers.assistance_listing import COPS_LISTINGS
from copsreform.providers import Provider

# The wire format's own tables: the schema describes what serialization reads, so it
# takes the recipient tag and the optional-type reading from there, not from a copy.
from copsreform.serialization import (
    FORMAT_VERSION,
    RECIPIENT_TAG,
    RECIPIENT_TAGS,
    is_recipient,
    optional_inner,
    wire_hints,
)
from copsreform.states import STATES

__all__ = ["KINDS", "SCHEMA_DIALECT", "UNSTATED", "json_schema", "schema_text"]

#: The JSON Schema dialect of every generated schema.
SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

_PATTERNS: Final = {
    "ori": constraints.anchored(ori.PATTERN),
    "uei": constraints.anchored(uei.PATTERN),
    "award_number": constraints.anchored(award_number.PATTERN),
    "solicitation": constraints.anchored(solicitation.PATTERN),
    "url": constraints.anchored(citation.PATTERN),
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
    "url": "An http:// or https:// address without spaces, at most 2,000 characters.",
}
_DECIMAL: Final = {
    "type": "string",
    "pattern": constraints.anchored(constraints.MONEY_PATTERN),
    "description": "Money in dollars as a decimal string, at most two decimals "
    "(written with exactly two).",
}
# Zero or more: a minus sign only before an amount that is zero.
_NON_NEGATIVE_DECIMAL: Final = {
    **_DECIMAL,
    "pattern": constraints.anchored(rf"(?!-(?!0+(?:\.0*)?$)){constraints.MONEY_PATTERN}"),
}
_DATE: Final = {
    "type": "string",
    "format": "date",
    "pattern": constraints.anchored(constraints.DATE_PATTERN),
}
# A value that must hold some text once white space is dropped.
_SOME_TEXT: Final = r"\S"

#: The rules ``from_dict`` applies that this schema cannot state, by class: they involve
#: more than one field, or a test JSON Schema has no words for.
UNSTATED: Final[dict[str, tuple[str, ...]]] = {
    "Agency": (
        "ori must start with the NCIC code of the agency's state",
        "an agency of FBI type Tribal or Federal must be of that jurisdiction",
        "a territorial agency must be in one of the five territories",
    ),
    "Grant": (
        "fiscal_year must agree with the award number",
        "end must not be before start",
        "assistance_listing must be 16.710 or the program's own listing",
    ),
    "Provider": ("acronym must be letters and digits (any script), at most 12 once upper-cased",),
    "Engagement": (
        "the dates must be in order (requested, announced, start, end)",
        "history must be in date order and follow the lifecycle",
        "the provider must deliver the engagement's program",
        "a Critical Response engagement must name at least one TA category",
        "only an Organizational Assessment holds recommendations",
    ),
    "*": (
        "names and texts are read stripped (names with white space folded); lengths count that",
        "strings must not hold a lone surrogate (not Unicode text)",
    ),
}

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
        self.field: attrs.Attribute[Any] | None = None  # the field being described

    def text(self, key: str | None) -> dict[str, Any]:
        """The rules of a free-text field, read from its converter (names or texts)."""
        field = self.field
        converter: object = field.converter if field is not None else None
        required = field is not None and field.default is attrs.NOTHING
        if converter is _fields.fold_spaces:
            return {
                "type": "string",
                "minLength": 1,
                "maxLength": constraints.MAX_NAME,
                "pattern": _SOME_TEXT,
            }
        if converter is _fields.fold_spaces_or_none:  # blank reads as null
            return {"type": "string", "maxLength": constraints.MAX_NAME}
        if converter is _fields.upper_or_none:  # an acronym
            return {"type": "string", "maxLength": 12, "pattern": r"^[^\W_]+$"}
        if converter is _fields.strip_text and required:
            return {"type": "string", "maxLength": constraints.MAX_TEXT, "pattern": _SOME_TEXT}
        return {"type": "string", "maxLength": constraints.MAX_TEXT}

    def for_type(self, tp: Any, field: str | None = None) -> dict[str, Any]:
        args = typing.get_args(tp)
        if is_recipient(tp):
            return {"oneOf": [self.tagged(cls) for cls in args]}
        inner = optional_inner(tp)
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
            if args[0] is str:  # names and sources: each non-empty
                items = {"type": "string", "minLength": 1, "maxLength": constraints.MAX_TEXT}
                return {"type": "array", "items": items}
            return {"type": "array", "items": self.for_type(args[0])}
        return self.primitive(tp, field)

    def primitive(self, tp: Any, field: str | None) -> dict[str, Any]:
        if tp is str:
            if field in _PATTERNS:
                rules: dict[str, Any] = {
                    "type": "string",
                    "pattern": _PATTERNS[field],
                    "description": _DESCRIPTIONS[field],
                }
                if field == "solicitation":
                    rules["maxLength"] = solicitation.MAX_LENGTH
                return rules
            if field == "assistance_listing":
                return {"enum": sorted(COPS_LISTINGS), "description": _DESCRIPTIONS[field]}
            if field == "state":
                return {"enum": sorted(STATES)}
            return self.text(field)
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer", "minimum": 0, "maximum": constraints.MAX_COUNT}
        if tp is Decimal:
            validator: object = self.field.validator if self.field is not None else None
            non_negative = validator is _fields.non_negative_amount
            return dict(_NON_NEGATIVE_DECIMAL if non_negative else _DECIMAL)
        if tp is dt.date:
            return dict(_DATE)
        raise TypeError(f"no schema for {tp!r}")  # pragma: no cover

    def properties(self, cls: type[Any]) -> dict[str, Any]:
        hints = wire_hints(cls)
        props: dict[str, Any] = {}
        required: list[str] = []
        if cls in RECIPIENT_TAGS:  # a recipient read on its own may keep its own tag
            props[RECIPIENT_TAG] = {"const": RECIPIENT_TAGS[cls]}
        for field in attrs.fields(cls):
            key = field.alias or field.name
            self.field = field
            props[key] = self.for_type(hints[field.name], key)
            props[key].update(field.metadata.get(_fields.SCHEMA, {}))
            self.field = None
            if field.default is attrs.NOTHING:
                required.append(key)
        body: dict[str, Any] = {
            "type": "object",
            "title": cls.__name__,
            "description": _description(cls),
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
        tag = RECIPIENT_TAGS[cls]
        body["properties"] = {RECIPIENT_TAG: {"const": tag}, **body["properties"]}
        body["required"] = [RECIPIENT_TAG, *body["required"]]  # in a grant, the tag says which
        return body


def _description(cls: type[Any]) -> str:
    """The class's summary line, then the rules the schema cannot state."""
    summary = (cls.__doc__ or "").strip().splitlines()[0]
    unstated = UNSTATED.get(cls.__name__, ())
    if not unstated:
        return summary
    return f"{summary} Also checked, beyond this schema: {'; '.join(unstated)}."


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
        '^(?:[A-Z]{2}[A-Z0-9]{7})$'
    """
    if not attrs.has(cls) or cls is FiscalYear:
        raise TypeError(f"json_schema needs a copsreform model class, not {cls!r}")
    builder = _Builder()
    root = builder.properties(cls)
    root["description"] += " In every string: " + "; ".join(UNSTATED["*"]) + "."
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
