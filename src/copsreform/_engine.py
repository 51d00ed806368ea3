"""The compiled decode path: JSON documents as copsreform writes them, straight to objects.

:func:`copsreform.from_json` (and so :func:`copsreform.read_jsonl`) first hands a document
to :func:`decode`. It parses and checks the wire format in compiled code (msgspec), into
one ``msgspec.Struct`` per model class whose field types state the wire rules as types,
patterns and bounds; then it fills the frozen attrs object field by field, without its
``__init__`` (the wire types already hold everything the field validators and converters
would check or change), and runs the class's ``__attrs_post_init__``, which holds the
cross-field rules. Python runs only for what is not a type, a pattern or a bound: cents
to :class:`~decimal.Decimal`, a fiscal year to its shared
:class:`~copsreform.FiscalYear`, the cross-field rules.

The fast path takes only documents in the form copsreform writes, which it can prove
valid: every key present, identifiers, state codes and amounts in canonical form (money
with exactly two decimals), names already folded, no blank text. It refuses more than the
wire format does, never less: a document it does not take, for whatever reason, goes to
the precise path of :mod:`copsreform.serialization`, which reads the whole wire format
and reports every problem with its path. A property test holds the two paths to the same
verdict and equal objects.

Two checks are made around msgspec, which does not make them itself:

* a key given twice (msgspec keeps the last) is found by counting keys: every key is
  followed by a colon, so when the text holds exactly as many colons as the document has
  distinct keys, no key repeats; otherwise the colons outside strings are counted;
* the document size limit of :func:`copsreform.from_json` is checked before parsing (the
  nesting depth is bounded by the types).

msgspec refuses ``NaN``, ``Infinity``, lone surrogates and invalid UTF-8 itself; its
``int`` never takes a float or a bool, its ``str`` never a number.
"""

import datetime as dt
import enum
import operator
import re
import threading
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Final, Literal, TypeVar

import attrs
import msgspec
from msgspec import Meta

from copsreform import _fields as f
from copsreform._wire import (
    FORMAT_VERSION,
    RECIPIENT_TAG,
    RECIPIENT_TAGS,
    VERSION_KEY,
    ZERO_CENTS,
    is_model_class,
)
from copsreform.agency import Agency, Organization
from copsreform.constraints import MONEY_DIGITS, MONEY_SCALE
from copsreform.engagement import Engagement, Recommendation, StatusChange
from copsreform.fiscal import MAX_YEAR, MIN_YEAR, FiscalYear
from copsreform.grant import Grant
from copsreform.identifiers.assistance_listing import COPS_LISTINGS
from copsreform.programs import CRIProgram
from copsreform.providers import Provider
from copsreform.states import STATES

__all__ = ["decode"]

T = TypeVar("T")

# Wire types: the rules of each field, as the fast path states them ------------------------
# Patterns run with ``re.search``, so each is anchored with ``^`` and ``\Z``. Each accepts
# only values that the field's converter leaves unchanged and its validator accepts.

_CHAR = r"[^\s\ud800-\udfff]"  # neither white space nor a lone surrogate
#: A name already folded (no outer or double spaces, no tab or line break), 1 to 300.
Name = Annotated[str, Meta(max_length=f.MAX_NAME, pattern=rf"^{_CHAR}+(?: {_CHAR}+)*\Z")]
#: Text already stripped and not blank, at most 20,000 characters; inner line breaks kept.
Text = Annotated[
    str,
    Meta(min_length=1, max_length=f.MAX_TEXT, pattern=r"^(?!\s)[^\ud800-\udfff]*(?<!\s)\Z"),
]
#: A non-empty string, at most 20,000 characters (provider aliases and sources).
Words = Annotated[str, Meta(min_length=1, max_length=f.MAX_TEXT)]
Count = Annotated[int, Meta(ge=0, le=f.MAX_COUNT)]
State = Literal[tuple(sorted(STATES))]  # type: ignore[valid-type]
Listing = Literal[tuple(sorted(COPS_LISTINGS))]  # type: ignore[valid-type]
Year = Annotated[int, Meta(ge=MIN_YEAR, le=MAX_YEAR)]
#: Money as copsreform writes it: exactly two decimals, below 10**13 in size.
_CENTS_TEXT = rf"[0-9]{{1,{MONEY_DIGITS}}}\.[0-9]{{{MONEY_SCALE}}}"
Money = Annotated[str, Meta(pattern=rf"^-?{_CENTS_TEXT}\Z")]
NonNegativeMoney = Annotated[str, Meta(pattern=rf"^{_CENTS_TEXT}\Z")]
# Canonical identifiers: the same shapes as the identifier modules' rules.
Ori = Annotated[str, Meta(pattern=r"^[A-Z]{2}[A-Z0-9]{7}\Z")]
Uei = Annotated[str, Meta(pattern=r"^(?![0-9A-Z]*[0-9]{9})[1-9A-HJ-NP-Z][0-9A-HJ-NP-Z]{11}\Z")]
AwardNumber = Annotated[
    str,
    Meta(
        pattern=r"^(?:15JCOPS[0-9]{2}G[GK][0-9]{5}[A-Z]{4}"
        r"|(?:199[4-9]|20[0-9]{2})[A-Z]{2}WX[A-Z0-9]{4})\Z"
    ),
]
Solicitation = Annotated[
    str,
    Meta(
        pattern=r"^(?:O-COPS-[0-9]{4}-[0-9]{5,6}"
        r"|(?=[A-Z0-9-]{1,100}\Z)[A-Z0-9]+(?:-[A-Z0-9]+)*-(?:199[4-9]|20[0-9]{2}))\Z"
    ),
]
Acronym = Annotated[str, Meta(pattern=r"^[A-Z0-9]{1,12}\Z")]

#: The wire type of each field whose plain type hint does not say enough. Every other
#: field's wire type is its hint (enums by value, dates, bools, nested records).
_FIELD_TYPES: Final[dict[type[Any], dict[str, Any]]] = {
    Agency: {
        "name": Name,
        "state": State,
        "ori": Ori | None,
        "uei": Uei | None,
        "county": Name | None,
        "population": Count | None,
        "sworn_officers": Count | None,
    },
    Organization: {"name": Name, "state": State | None, "uei": Uei | None},
    Grant: {
        "award_number": AwardNumber,
        "federal_amount": Money,
        "local_match": NonNegativeMoney,
        "positions": Count | None,
        "fiscal_year": Year | None,
        "solicitation": Solicitation | None,
        "assistance_listing": Listing | None,
        "description": Text | None,
    },
    Provider: {
        "name": Name,
        "programs": Annotated[tuple[CRIProgram, ...], Meta(min_length=1)],
        "acronym": Acronym | None,
        "aliases": tuple[Words, ...],
        "sources": tuple[Words, ...],
        "note": Text | None,
    },
    StatusChange: {"note": Text | None},
    Recommendation: {"text": Text, "focus_area": Name | None},
    Engagement: {"focus": Text | None},
}

_UNSET: Final = msgspec.UNSET


# Plans: a wire Struct and the builder that turns it into the model object ----------------


class _Plan:
    """How one model class is read: its wire Struct, key count and builder."""

    def __init__(self, struct: type[msgspec.Struct], build: Callable[[Any], Any]) -> None:
        self.struct = struct
        self.build = build


_STRUCTS: dict[tuple[type[Any], str | None], type[msgspec.Struct]] = {}
_BUILDERS: dict[type[Any], Callable[[Any], Any]] = {}


class _Conversion(typing.NamedTuple):
    """How a value crosses between wire and attribute: ``template`` applied to ``fn``.

    The template is Python source with ``{f}`` for the function and ``{v}`` for the value.
    """

    fn: Any
    template: str = "{f}({v})"


_CALL: Final = "{f}({v})"
_OPTIONAL: Final = "(None if (v := {v}) is None else {f}(v))"
_DISPATCH: Final = "{f}[type(v := {v})](v)"
_EACH: Final = "tuple(map({f}, {v}))"
_YEAR: Final = operator.attrgetter("year")
_VALUE: Final = operator.attrgetter("value")


def _sorted_members(members: frozenset[enum.Enum]) -> list[enum.Enum]:
    return sorted(members, key=_VALUE)


def _wire(tp: Any) -> tuple[Any, _Conversion | None, _Conversion | None]:
    """For a type hint: the wire type, and the conversions from and to the wire (or None)."""
    # serialization imports this module; by the time a plan is made it is loaded.
    from copsreform.serialization import is_recipient, optional_inner  # noqa: PLC0415

    inner = optional_inner(tp)
    if inner is not None and not is_recipient(tp):
        wire, read, write = _wire(inner)
        if (read and read.template != _CALL) or (write and write.template != _CALL):
            raise TypeError(f"no optional conversion for {tp!r}")  # pragma: no cover
        return (
            wire | None,
            read and _Conversion(read.fn, _OPTIONAL),
            write and _Conversion(write.fn, _OPTIONAL),
        )
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if is_recipient(tp):
        tagged = {cls: _struct(cls, RECIPIENT_TAGS[cls]) for cls in args}
        builders = {struct: _builder(cls) for cls, struct in tagged.items()}
        writers = {cls: _writer(cls, RECIPIENT_TAGS[cls]) for cls in args}
        first, second = tagged.values()
        return first | second, _Conversion(builders, _DISPATCH), _Conversion(writers, _DISPATCH)
    if tp is Decimal:  # msgspec writes a Decimal as its string, as copsreform does
        return Money, _Conversion(Decimal, _CENTS), None
    if tp is FiscalYear:
        return Year, _Conversion(FiscalYear.shared), _Conversion(_YEAR)
    if is_model_class(tp):
        return _struct(tp), _Conversion(_builder(tp)), _Conversion(_writer(tp))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item, read, write = _wire(args[0])
        return (
            tuple[item, ...],  # type: ignore[valid-type]
            read and _Conversion(read.fn, _EACH),
            write and _Conversion(write.fn, _EACH),
        )
    if origin is frozenset and issubclass(args[0], enum.Enum):
        return (
            tuple[args[0], ...],  # type: ignore[valid-type]
            _Conversion(_distinct),
            _Conversion(_sorted_members),
        )
    if tp in (str, int, bool, dt.date) or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return tp, None, None
    raise TypeError(f"no wire type for {tp!r}")


#: An amount read from the wire; the most common one (no local match) is one shared
#: object, as on the precise path.
_CENTS: Final = "(ZERO if (v := {v}) == '0.00' else {f}(v))"


class _RepeatedError(ValueError):
    """A set given with a repeated member: left to the precise path, which names it."""


def _distinct(members: tuple[Any, ...]) -> frozenset[Any]:
    result = frozenset(members)
    if len(result) != len(members):
        raise _RepeatedError
    return result


def _struct(cls: type[Any], tag: str | None = None) -> type[msgspec.Struct]:
    """The wire Struct of a model class: every key required, unknown keys refused."""
    key = (cls, tag)
    if key not in _STRUCTS:
        hints = typing.get_type_hints(cls)
        given = _FIELD_TYPES.get(cls, {})
        fields = []
        nested = []
        for field in attrs.fields(cls):
            name = field.alias or field.name
            wire = given[name] if name in given else _wire(hints[field.name])[0]
            fields.append((name, wire))
            if _holds_struct(wire):
                nested.append(name)
        options: dict[str, Any] = {"tag_field": RECIPIENT_TAG, "tag": tag} if tag else {}
        _STRUCTS[key] = msgspec.defstruct(
            f"{cls.__name__}Wire",
            fields,
            forbid_unknown_fields=True,
            gc=False,  # short-lived and acyclic: kept out of the cycle collector
            **options,
        )
        _count_keys(_STRUCTS[key], nested)
    return _STRUCTS[key]


def _holds_struct(wire: Any) -> bool:
    """Whether a wire type is, or may hold, a Struct (directly or in a tuple)."""
    if isinstance(wire, type) and issubclass(wire, msgspec.Struct):
        return True
    return any(_holds_struct(arg) for arg in typing.get_args(wire))


def _converted_fields(cls: type[Any], *, reading: bool) -> tuple[dict[str, Any], list[str]]:
    """Source for each field's value, converted; and the functions it calls, by name.

    Reading, a value comes from the wire Struct (``wire.<key>``); writing, from the
    object (``obj.<attribute>``).
    """
    hints = typing.get_type_hints(cls)
    namespace: dict[str, Any] = {}
    values = []
    for index, field in enumerate(attrs.fields(cls)):
        value = f"wire.{field.alias or field.name}" if reading else f"obj.{field.name}"
        convert = _wire(hints[field.name])[1 if reading else 2]
        if convert is not None:
            namespace[f"convert{index}"] = convert.fn
            value = convert.template.format(f=f"convert{index}", v=value)
        values.append(value)
    return namespace, values


def _builder(cls: type[Any]) -> Callable[[Any], Any]:
    """Generate the function that fills a ``cls`` object from its wire Struct.

    Each attribute is set through its slot, as attrs' own ``__init__`` does for a frozen
    class, after the conversion its type needs; then ``__attrs_post_init__`` runs.
    """
    if cls not in _BUILDERS:
        namespace, values = _converted_fields(cls, reading=True)
        namespace.update({"new": object.__new__, "cls": cls, "ZERO": ZERO_CENTS})
        lines = [f"def build_{cls.__name__}(wire):", "    obj = new(cls)"]
        for index, (field, value) in enumerate(zip(attrs.fields(cls), values, strict=True)):
            namespace[f"set{index}"] = cls.__dict__[field.name].__set__
            lines.append(f"    set{index}(obj, {value})")
        if hasattr(cls, "__attrs_post_init__"):
            namespace["post_init"] = cls.__attrs_post_init__
            lines.append("    post_init(obj)")
        lines.append("    return obj")
        code = compile("\n".join(lines), f"<copsreform builder {cls.__name__}>", "exec")
        exec(code, namespace)  # noqa: S102 - generated from the class's own field names
        _BUILDERS[cls] = namespace[f"build_{cls.__name__}"]
    return _BUILDERS[cls]


_WRITERS: dict[tuple[type[Any], str | None], Callable[[Any], Any]] = {}


def _writer(cls: type[Any], tag: str | None = None, document: bool = False) -> Callable[[Any], Any]:
    """Generate the function that turns a ``cls`` object into its wire Struct, to encode.

    A document's Struct ends with the format version.
    """
    key = (cls, "$" if document else tag)
    if key not in _WRITERS:
        namespace, values = _converted_fields(cls, reading=False)
        namespace["struct"] = _plan(cls).struct if document else _struct(cls, tag)
        if document:
            values.append(repr(FORMAT_VERSION))
        source = f"def write_{cls.__name__}(obj):\n    return struct({', '.join(values)})\n"
        code = compile(source, f"<copsreform writer {cls.__name__}>", "exec")
        exec(code, namespace)  # noqa: S102 - generated from the class's own field names
        _WRITERS[key] = namespace[f"write_{cls.__name__}"]
    return _WRITERS[key]


def _plan(cls: type[Any]) -> _Plan:
    if cls in _PLANS:
        return _PLANS[cls]
    struct = _struct(cls)
    document = msgspec.defstruct(
        f"{cls.__name__}Document",
        [(VERSION_KEY, Literal[FORMAT_VERSION] | msgspec.UnsetType, _UNSET)],
        bases=(struct,),
        forbid_unknown_fields=True,
        gc=False,
    )
    _count_keys(document, list(_KEYS[struct][1]))
    _PLANS[cls] = _Plan(document, _builder(cls))
    return _PLANS[cls]


_PLANS: Final[dict[type[Any], _Plan]] = {}
_DECODERS: Final[dict[type[Any], Callable[[Any], Any]]] = {}
#: The classes the fast path reads.
CLASSES: Final = (Grant, Agency, Organization, Provider, Engagement)


#: Plans are made on first use, one thread at a time, so that every cache above holds
#: the same Struct types.
_MAKING: Final = threading.Lock()


def _decoder(cls: type[Any]) -> Callable[[str | bytes], Any] | None:
    if cls not in CLASSES:
        return None
    with _MAKING:
        if cls not in _DECODERS:
            _DECODERS[cls] = msgspec.json.Decoder(_plan(cls).struct).decode
    return _DECODERS[cls]


# Counting keys -----------------------------------------------------------------------------

#: A JSON string, for text where a quote may be escaped (the rare case).
_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _distinct_keys(wire: Any) -> int:
    """How many distinct keys the document of ``wire`` has, tags and version included."""
    keys, nested, versioned = _KEYS[type(wire)]
    if versioned and wire.format_version is _UNSET:
        keys -= 1
    for name in nested:
        value = getattr(wire, name)
        if type(value) is tuple:
            keys += sum(map(_distinct_keys, value))
        elif value is not None:
            keys += _distinct_keys(value)
    return keys


#: For each wire Struct: its keys (with the tag), the fields that hold Structs, and
#: whether it is a document (whose format version may be left out).
_KEYS: Final[dict[type[Any], tuple[int, tuple[str, ...], bool]]] = {}


def _count_keys(struct: type[msgspec.Struct], nested: list[str]) -> None:
    tagged = struct.__struct_config__.tag is not None
    versioned = VERSION_KEY in struct.__struct_fields__
    _KEYS[struct] = (len(struct.__struct_fields__) + tagged, tuple(nested), versioned)


def _keys_repeat(text: str | bytes, distinct: int) -> bool:
    """Tell whether the text has more keys than ``distinct``: some key is repeated.

    Every key is followed by a colon, and other colons are inside strings.
    """
    if isinstance(text, bytes):
        text = text.decode()  # msgspec has read it: valid UTF-8
    if text.count(":") == distinct:
        return False
    if '\\"' in text:  # a quote may be escaped: find the strings with a pattern
        return _STRING.sub("", text).count(":") != distinct
    # Every quote delimits a string: the even pieces are outside strings.
    return "".join(text.split('"')[::2]).count(":") != distinct


# The entry point ---------------------------------------------------------------------------


def decode(cls: type[T], text: str | bytes, max_chars: int) -> T | None:
    """Read a document of ``cls`` on the fast path; ``None`` when it does not take it.

    Args:
        cls: The model class to build.
        text: The JSON document.
        max_chars: The longest document to read; a longer one is left to the precise path.

    Returns:
        The object, or ``None``: the class has no fast path, or the document is not in the
        form copsreform writes, or it has a problem. The precise path then reads it and
        reports every problem.

    Examples:
        >>> import copsreform as cr
        >>> from copsreform import _engine
        >>> _engine.decode(cr.Organization, '{"name":"CITY OF MORTON","state":"WA",'
        ...                '"uei":null,"kind":"unknown"}', 1000).name
        'CITY OF MORTON'
        >>> print(_engine.decode(cr.Organization, '{"name":"CITY OF MORTON"}', 1000))
        None
    """
    decoder = _DECODERS.get(cls) or _decoder(cls)
    if decoder is None or type(text) not in (str, bytes) or len(text) > max_chars:
        return None  # the precise path names what is wrong with text that is not text
    try:
        wire = decoder(text)
        distinct = _distinct_keys(wire)
        if (text.count(":") if type(text) is str else -1) != distinct and _keys_repeat(
            text, distinct
        ):
            return None
        obj: T = _PLANS[cls].build(wire)
    except Exception:  # any refusal is read again, in detail, by the precise path
        return None
    return obj


_ENCODE: Final = msgspec.json.Encoder().encode
_DOCUMENT_WRITERS: dict[type[Any], Callable[[Any], Any] | None] = {}


def encode(obj: object) -> str | None:
    """Write a model object as compact JSON text; ``None`` for an object it cannot write.

    The text is byte for byte what :func:`copsreform.to_json` writes: keys in field
    order, money as strings, sets sorted, ``format_version`` last.

    Args:
        obj: A model object.

    Returns:
        The JSON text, or ``None`` when ``obj`` is not an attrs object whose every field
        type the engine covers.

    Examples:
        >>> import copsreform as cr
        >>> from copsreform import _engine
        >>> _engine.encode(cr.Organization(name="CITY OF MORTON", state="WA"))
        '{"name":"CITY OF MORTON","state":"WA","uei":null,"kind":"unknown","format_version":1}'
    """
    cls = type(obj)
    write = _DOCUMENT_WRITERS.get(cls)
    if write is None:
        if cls in _DOCUMENT_WRITERS or not is_model_class(cls):
            return None
        with _MAKING:
            try:
                write = _writer(cls, document=True)
            except TypeError:  # a field type the engine does not cover
                _DOCUMENT_WRITERS[cls] = None
                return None
            _DOCUMENT_WRITERS[cls] = write
    return _ENCODE(write(obj)).decode()
