"""The compiled decode path: JSON documents and dicts in the wire form, straight to objects.

:func:`copsreform.from_json` (and so :func:`copsreform.read_jsonl`) first hands a document
to :func:`decode`, and :func:`copsreform.from_dict` a dict to :func:`convert`. msgspec
parses the text (or checks the dict) in C into one ``msgspec.Struct`` per model class,
whose field types state the wire rules as types, ``Literal`` values, enums, lengths and
bounds. A builder generated per class then checks each field's pattern (msgspec would call
back into Python for it, at about twice the cost), converts what needs converting
(cents to :class:`~decimal.Decimal`, a year to its shared
:class:`~copsreform.FiscalYear`), fills the frozen attrs object through its slots without
its ``__init__`` (the wire types and patterns accept only values the field validators
accept and the converters leave unchanged), and runs the class's cross-field rules.

The fast path takes only documents in the form copsreform writes, which it can prove
valid: identifiers, state codes and amounts in canonical form (money with exactly two
decimals), names already folded, no blank text; a key whose field has a default may be
left out, and ``format_version`` too. It refuses more than the wire format does, never
less: a document it does not take, for whatever reason, goes to the precise path of
:mod:`copsreform.serialization`, which reads the whole wire format and reports every
problem with its path. Property tests hold the two paths to the same verdict and equal
objects, for text and for dicts.

Around msgspec, which does not make them itself:

* a key given twice in a text (msgspec keeps the last) is found by counting keys: every
  key is followed by a colon, so when the text holds exactly as many colons as the
  document has distinct keys (counted from the Structs, less the keys left out), no key
  repeats; otherwise the colons outside strings are counted;
* the document size limit of :func:`copsreform.from_json` is checked before parsing (the
  nesting depth is bounded by the types);
* a dict is taken only when it holds JSON's own types exactly (``msgspec.convert`` would
  also take dates, enum members, tuples and subclasses, which the precise path refuses).

msgspec refuses ``NaN``, ``Infinity``, lone surrogates and invalid UTF-8 itself; its
``int`` never takes a float or a bool, its ``str`` never a number.
"""

import datetime as dt
import enum
import operator
import re
import threading
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Final, Literal, TypeVar

import attrs
import msgspec
from msgspec import Meta

from copsreform import _fields as f
from copsreform import citation
from copsreform._fields import WIRE_TYPE
from copsreform._wire import (
    FORMAT_VERSION,
    RECIPIENT_TAG,
    RECIPIENT_TAGS,
    VERSION_KEY,
    ZERO_CENTS,
    is_model_class,
)
from copsreform.agency import Agency, Organization
from copsreform.citation import PublicSource
from copsreform.constraints import MONEY_DIGITS, MONEY_SCALE
from copsreform.engagement import Engagement, Recommendation, StatusChange
from copsreform.fiscal import MAX_YEAR, MIN_YEAR, FiscalYear
from copsreform.grant import Grant
from copsreform.identifiers import award_number, ori, solicitation, uei
from copsreform.identifiers.assistance_listing import COPS_LISTINGS
from copsreform.programs import CRIProgram
from copsreform.providers import Provider
from copsreform.states import STATES

__all__ = ["convert", "decode", "encode", "filler"]

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


def _whole(pattern: str) -> str:
    """A ``fullmatch`` pattern of an identifier module, anchored for ``search``."""
    return rf"^(?:{pattern})\Z"


# Canonical identifiers: each identifier module's own pattern of its canonical form.
Ori = Annotated[str, Meta(pattern=_whole(ori.PATTERN))]
Uei = Annotated[str, Meta(pattern=_whole(uei.PATTERN))]
AwardNumber = Annotated[str, Meta(pattern=_whole(award_number.PATTERN))]
Solicitation = Annotated[
    str, Meta(max_length=solicitation.MAX_LENGTH, pattern=_whole(solicitation.PATTERN))
]
Acronym = Annotated[str, Meta(pattern=r"^[A-Z0-9]{1,12}\Z")]


def _bounded(cls: type[Any], name: str) -> Any:
    """An int field's wire type, bounded as its JSON Schema metadata bounds it."""
    schema = attrs.fields_dict(cls)[name].metadata[f.SCHEMA]
    return Annotated[int, Meta(ge=schema["minimum"], le=schema["maximum"])]


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
        "first_year": _bounded(Provider, "first_year") | None,
        "last_year": _bounded(Provider, "last_year") | None,
    },
    PublicSource: {
        "title": Name,
        "url": Annotated[str, Meta(max_length=citation.MAX_URL, pattern=_whole(citation.PATTERN))],
        "publisher": Name | None,
    },
    StatusChange: {"note": Text | None},
    Recommendation: {"text": Text, "focus_area": Name | None},
    Engagement: {
        "focus": Text | None,
        "findings_count": Count | None,
        "recommendations_count": Count | None,
        "note": Text | None,
    },
}

_UNSET: Final = msgspec.UNSET


# Checks quicker than a pattern, for the patterns run on every record ----------------------

_NAME_SEARCH: Final = re.compile(typing.get_args(Name)[1].pattern).search
_TEXT_SEARCH: Final = re.compile(typing.get_args(Text)[1].pattern).search


def _is_name(value: str) -> bool:
    """``Name``'s pattern, about twice as quick on printable ASCII (most names)."""
    if value.isascii() and value.isprintable():  # no white space but the plain space
        return value != "" and value[0] != " " and value[-1] != " " and "  " not in value
    return _NAME_SEARCH(value) is not None


def _is_text(value: str) -> bool:
    """``Text``'s pattern, without a scan of every character when the text is ASCII.

    The pattern costs about 2 ns a character: 5 µs for a 2,500-character description.
    """
    if value.isascii():  # no lone surrogate: only the ends are left to check
        return not (value[:1].isspace() or value[-1:].isspace())
    return _TEXT_SEARCH(value) is not None


#: For a pattern: a check that accepts exactly what its ``search`` accepts, quicker.
_QUICKER: Final[dict[str, Callable[[str], bool]]] = {
    typing.get_args(Name)[1].pattern: _is_name,
    typing.get_args(Text)[1].pattern: _is_text,
}


# Wire Structs, and the builders that turn them into model objects ------------------------


_STRUCTS: dict[tuple[type[Any], str | None], type[msgspec.Struct]] = {}
_BUILDERS: dict[type[Any], Callable[[Any], Any]] = {}


class _Conversion(typing.NamedTuple):
    """How a value crosses between wire and attribute: ``template`` applied to ``fn``.

    The template is Python source with ``{f}`` for the function and ``{v}`` for the value.
    """

    fn: Any
    template: str = "{f}({v})"


_CALL: Final = "{f}({v})"
_OPTIONAL: Final = "(None if {v} is None else {f}({v}))"
_DISPATCH: Final = "{f}[type({v})]({v})"
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
_CENTS: Final = "(ZERO if {v} == '0.00' else {f}({v}))"


class _RefusedError(ValueError):
    """A value the fast path does not take: left to the precise path, which names it."""


def _refuse() -> Any:
    """Refuse a value whose pattern does not match: the precise path names the problem."""
    raise _RefusedError


def _distinct(members: tuple[Any, ...]) -> frozenset[Any]:
    result = frozenset(members)
    if len(result) != len(members):
        raise _RefusedError
    return result


def _field_wire(cls: type[Any], field: "attrs.Attribute[Any]") -> tuple[Any, Any, bool]:
    """A field's wire type for msgspec, the check of its pattern (or None), whether null.

    msgspec checks types, lengths and bounds in C, but calls back into Python for a
    pattern at about twice the cost of a direct call; so a field's pattern is taken out
    of the type it hands msgspec, and the builder checks it: the pattern's ``search``, or
    a quicker check that accepts exactly the same strings (:data:`_QUICKER`).
    """
    name = field.alias or field.name
    given = _FIELD_TYPES.get(cls, {})
    wire = given[name] if name in given else _wire(typing.get_type_hints(cls)[field.name])[0]
    optional = typing.get_origin(wire) in (typing.Union, types.UnionType) and type(None) in (
        args := typing.get_args(wire)
    )
    bare = args[0] if optional and len(args) == 2 else wire
    if typing.get_origin(bare) is not Annotated or typing.get_args(bare)[1].pattern is None:
        return wire, None, optional
    base, meta = typing.get_args(bare)
    bare = Annotated[base, Meta(min_length=meta.min_length, max_length=meta.max_length)]
    check = _QUICKER.get(meta.pattern) or re.compile(meta.pattern).search
    return (bare | None if optional else bare), check, optional


def _struct(cls: type[Any], tag: str | None = None) -> type[msgspec.Struct]:
    """The wire Struct of a model class: unknown keys refused, defaults ``UNSET``.

    A key may be left out where its field has a default; the builder then sets that.
    """
    key = (cls, tag)
    if key not in _STRUCTS:
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        for field in attrs.fields(cls):
            name, wire = field.alias or field.name, _field_wire(cls, field)[0]
            has_default = field.default is not attrs.NOTHING
            fields.append((name, wire | msgspec.UnsetType, _UNSET) if has_default else (name, wire))
        options: dict[str, Any] = {"tag_field": RECIPIENT_TAG, "tag": tag} if tag else {}
        _STRUCTS[key] = msgspec.defstruct(
            f"{cls.__name__}Wire",
            fields,
            forbid_unknown_fields=True,
            gc=False,  # short-lived and acyclic: kept out of the cycle collector
            **options,
        )
        _count_keys(_STRUCTS[key])
    return _STRUCTS[key]


def _is_struct(wire: Any) -> bool:
    return isinstance(wire, type) and issubclass(wire, msgspec.Struct)


def _holds_struct(wire: Any) -> bool:
    """Whether a wire type is, or may hold, a Struct (directly or in a tuple)."""
    return _is_struct(wire) or any(_holds_struct(arg) for arg in typing.get_args(wire))


def _converted_fields(cls: type[Any], *, reading: bool) -> tuple[dict[str, Any], list[str]]:
    """Source for each field's value, converted; and the functions it calls, by name.

    Reading, the builder binds each key's value from the wire Struct to ``v`` first: a key
    left out (``UNSET``) gives the field's default, a pattern is checked before the value
    is converted. Writing, a value comes from the object (``obj.<attribute>``).
    """
    hints = typing.get_type_hints(cls)
    namespace: dict[str, Any] = {}
    values = []
    for index, field in enumerate(attrs.fields(cls)):
        hint = field.metadata.get(WIRE_TYPE, hints[field.name]) if reading else hints[field.name]
        convert = _wire(hint)[1 if reading else 2]
        value = "v" if reading else f"obj.{field.name}"
        if convert is not None:
            namespace[f"convert{index}"] = convert.fn
            value = convert.template.format(f=f"convert{index}", v=value)
        if not reading:
            values.append(value)
            continue
        _, check, optional = _field_wire(cls, field)
        if check is not None:  # the field's pattern, which msgspec was not given
            namespace[f"check{index}"] = check
            test = f"v is None or check{index}(v)" if optional else f"check{index}(v)"
            # Money: the common zero needs no pattern; other values are matched, then read.
            cents = convert is not None and convert.template == _CENTS
            shortcut = f"ZERO if v == '0.00' else convert{index}(v)" if cents else value
            value = f"{shortcut} if {test} else refuse()"
        if field.default is not attrs.NOTHING:
            namespace[f"default{index}"] = field.default
            value = f"default{index} if v is UNSET else ({value})"
        values.append(value)
    return namespace, values


#: Classes whose cross-field rules take a fact that ``__attrs_post_init__`` would derive
#: again from a field the wire type has already proven: the rules' entry, the source of
#: the fact from ``wire``, and the names that source uses. A grant's fiscal year is read
#: straight from its award number, which the ``AwardNumber`` pattern has proven canonical.
_ACROSS: Final[dict[type[Any], tuple[Callable[[Any, Any], None], str, dict[str, Any]]]] = {
    Grant: (
        Grant._check_across,
        "shared(encoded_year(wire.award_number))",
        {"shared": FiscalYear.shared, "encoded_year": award_number.encoded_year},
    ),
}


def _builder(cls: type[Any]) -> Callable[[Any], Any]:
    """Generate the function that fills a ``cls`` object from its wire Struct.

    Each attribute is set through its slot, as attrs' own ``__init__`` does for a frozen
    class, after its pattern is checked and the conversion its type needs; a key left out
    gives the field's default. Then the cross-field rules run: ``__attrs_post_init__``,
    or the entry :data:`_ACROSS` names.
    """
    if cls not in _BUILDERS:
        namespace, values = _converted_fields(cls, reading=True)
        namespace.update(new=object.__new__, cls=cls, ZERO=ZERO_CENTS, UNSET=_UNSET, refuse=_refuse)
        lines = [f"def build_{cls.__name__}(wire):", "    obj = new(cls)"]
        for index, (field, value) in enumerate(zip(attrs.fields(cls), values, strict=True)):
            namespace[f"set{index}"] = cls.__dict__[field.name].__set__
            lines.append(f"    v = wire.{field.alias or field.name}")
            lines.append(f"    set{index}(obj, {value})")
        if cls in _ACROSS:
            across, fact, names = _ACROSS[cls]
            namespace.update(names, across=across)
            lines.append(f"    across(obj, {fact})")
        elif hasattr(cls, "__attrs_post_init__"):
            namespace["post_init"] = cls.__attrs_post_init__
            lines.append("    post_init(obj)")
        lines.append("    return obj")
        _BUILDERS[cls] = _generated("\n".join(lines), f"builder {cls.__name__}", namespace)
    return _BUILDERS[cls]


def filler(cls: type[T], *, post_init: bool = True) -> Callable[..., T]:
    """Generate the function that makes a ``cls`` object from all its field values.

    For the importers' fast paths, whose values come from other formats than the wire
    Structs. The function takes every field's value, positionally in the order of the
    class's fields (by keyword, thirteen values cost about 0.05 µs more per grant); each
    is set through the field's slot, as attrs' own ``__init__`` does for a frozen class,
    but without its converters and validators: the caller has proven the values canonical.
    Then ``__attrs_post_init__`` runs, unless ``post_init`` is false (the caller then runs
    the cross-field rules itself). Generated, as the builders are: a loop over the slots
    costs about 0.4 µs more per grant.

    Examples:
        >>> import copsreform as cr
        >>> from copsreform import _engine
        >>> make = _engine.filler(cr.Organization)
        >>> make("CITY OF MORTON", "WA", None, cr.OrganizationKind.UNKNOWN).name
        'CITY OF MORTON'
    """
    names = [field.name for field in attrs.fields(typing.cast(Any, cls))]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = [f"def fill_{cls.__name__}({', '.join(names)}):", "    obj = new(cls)"]
    for index, name in enumerate(names):
        namespace[f"set{index}"] = cls.__dict__[name].__set__
        lines.append(f"    set{index}(obj, {name})")
    rules = getattr(cls, "__attrs_post_init__", None)
    if post_init and rules is not None:
        namespace["post_init"] = rules
        lines.append("    post_init(obj)")
    lines.append("    return obj")
    source = "\n".join(lines)
    return typing.cast(Callable[..., T], _generated(source, f"filler {cls.__name__}", namespace))


_WRITERS: dict[tuple[type[Any], str | None], Callable[[Any], Any]] = {}


def _generated(source: str, name: str, namespace: dict[str, Any]) -> Callable[[Any], Any]:
    """Compile the one function ``source`` defines, with the names in ``namespace``.

    Builders, writers and key counters are generated from the model classes' own field
    names (Python identifiers) and fixed text, never from input data, as attrs and cattrs
    generate their own ``__init__`` and structuring functions.
    """
    before = set(namespace)
    exec(compile(source, f"<copsreform {name}>", "exec"), namespace)  # noqa: S102
    (function,) = (namespace[key] for key in set(namespace) - before - {"__builtins__"})
    return typing.cast(Callable[[Any], Any], function)


def _writer(cls: type[Any], tag: str | None = None, document: bool = False) -> Callable[[Any], Any]:
    """Generate the function that turns a ``cls`` object into its wire Struct, to encode.

    A document's Struct ends with the format version.
    """
    key = (cls, "$" if document else tag)
    if key not in _WRITERS:
        namespace, values = _converted_fields(cls, reading=False)
        namespace["struct"] = _document(cls) if document else _struct(cls, tag)
        if document:
            values.append(repr(FORMAT_VERSION))
        source = f"def write_{cls.__name__}(obj):\n    return struct({', '.join(values)})\n"
        _WRITERS[key] = _generated(source, f"writer {cls.__name__}", namespace)
    return _WRITERS[key]


def _document(cls: type[Any]) -> type[msgspec.Struct]:
    """The Struct of a top-level document: the class's wire Struct and the format version."""
    if cls not in _DOCUMENTS:
        _DOCUMENTS[cls] = msgspec.defstruct(
            f"{cls.__name__}Document",
            [(VERSION_KEY, Literal[FORMAT_VERSION] | msgspec.UnsetType, _UNSET)],
            bases=(_struct(cls),),
            forbid_unknown_fields=True,
            gc=False,
        )
        _count_keys(_DOCUMENTS[cls])
    return _DOCUMENTS[cls]


_DOCUMENTS: Final[dict[type[Any], type[msgspec.Struct]]] = {}
#: The classes the fast path reads.
CLASSES: Final = (Grant, Agency, Organization, Provider, Engagement)


#: Structs, builders and readers are made on first use, one thread at a time, so that
#: every cache above holds the same Struct types.
_MAKING: Final = threading.Lock()


class _Reader(typing.NamedTuple):
    """What :func:`decode` calls for one class: parse, count the keys given, build."""

    parse: Callable[[str | bytes], Any]
    count: Callable[[Any], int]
    build: Callable[[Any], Any]
    document: type[msgspec.Struct]


_READERS: Final[dict[type[Any], _Reader]] = {}


def _reader(cls: type[Any]) -> _Reader | None:
    if cls not in CLASSES:
        return None
    with _MAKING:
        if cls not in _READERS:
            document = _document(cls)
            parse = msgspec.json.Decoder(document).decode
            _READERS[cls] = _Reader(parse, _COUNTERS[document], _builder(cls), document)
    return _READERS[cls]


# Counting keys -----------------------------------------------------------------------------

#: A JSON string, for text where a quote may be escaped (the rare case).
_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)

#: For each wire Struct, the function that counts the distinct keys a decoded document
#: gave: its keys not left out, its tag, and the keys of the Structs it holds.
_COUNTERS: Final[dict[type[Any], Callable[[Any], int]]] = {}


def _count_keys(struct: type[msgspec.Struct]) -> None:
    """Generate the key counter of ``struct`` (its nested Structs have theirs already)."""
    added = [str(len(struct.__struct_fields__) + (struct.__struct_config__.tag is not None))]
    left_out = []
    for info in msgspec.structs.fields(struct):
        if info.default is _UNSET:
            left_out.append(f" - (w.{info.name} is UNSET)")
        if info.required and all(map(_is_struct, typing.get_args(info.type) or [info.type])):
            # always one Struct (the common case, a grant's recipient): no call to nested()
            added.append(f"counters[type(w.{info.name})](w.{info.name})")
        elif _holds_struct(info.type):
            added.append(f"nested(w.{info.name})")
    source = f"def count_{struct.__name__}(w):\n    return {' + '.join(added)}{''.join(left_out)}\n"
    namespace = {"UNSET": _UNSET, "nested": _nested_keys, "counters": _COUNTERS}
    _COUNTERS[struct] = _generated(source, f"key counter {struct.__name__}", namespace)


def _nested_keys(value: Any) -> int:
    """The keys of the Struct (or tuple of Structs) a field holds; none for ``None``."""
    if type(value) is tuple:
        return sum([_COUNTERS[type(item)](item) for item in value])
    if value is None or value is _UNSET:
        return 0
    return _COUNTERS[type(value)](value)


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
        >>> _engine.decode(cr.Organization, '{"name":"CITY OF MORTON","state":"WA"}', 1000).kind
        <OrganizationKind.UNKNOWN: 'unknown'>
        >>> print(_engine.decode(cr.Organization, '{"name":"CITY OF MORTON","name":"X"}', 1000))
        None
    """
    reader = _READERS.get(cls) or _reader(cls)
    if reader is None or type(text) not in (str, bytes) or len(text) > max_chars:
        return None  # the precise path names what is wrong with text that is not text
    try:
        wire = reader.parse(text)
        distinct = reader.count(wire)
        if (text.count(":") if type(text) is str else -1) != distinct and _keys_repeat(
            text, distinct
        ):
            return None
        obj: T = reader.build(wire)
    except Exception:  # any refusal is read again, in detail, by the precise path
        return None
    return obj


def convert(cls: type[T], data: object) -> T | None:
    """Build an object of ``cls`` from a dict in the wire form; ``None`` when not taken.

    The dict must hold only what JSON gives: dicts with string keys, lists, strings, ints,
    bools and ``None``, each of exactly that type (no tuple, date, enum member, Decimal,
    float, or subclass of any of them); then msgspec checks it against the wire Structs,
    as it checks a parsed document, and the builders make the object. A dict cannot
    repeat a key, so no keys are counted.

    Args:
        cls: The model class to build.
        data: The document, as :func:`copsreform.to_dict` writes it.

    Returns:
        The object, or ``None``: the class has no fast path, or the data is not plain JSON
        values in the form copsreform writes, or it has a problem. The precise path then
        reads it and reports every problem.

    Examples:
        >>> import copsreform as cr
        >>> from copsreform import _engine
        >>> _engine.convert(cr.Organization, {"name": "CITY OF MORTON", "state": "WA"}).name
        'CITY OF MORTON'
        >>> print(_engine.convert(cr.Organization, {"name": "CITY OF MORTON", "state": "wa"}))
        None
    """
    reader = _READERS.get(cls) or _reader(cls)
    if reader is None or type(data) is not dict:
        return None
    try:  # a dict nested too deep (or holding itself) stops _json_only with RecursionError
        if not _json_only(data):
            return None
        obj: T = reader.build(_CONVERT(data, reader.document, strict=True))
    except Exception:  # any refusal is read again, in detail, by the precise path
        return None
    return obj


_CONVERT: Final = msgspec.convert
#: The types of the values JSON gives, other than containers (exactly these types).
_JSON_LEAVES: Final = frozenset({str, int, bool, type(None)})


def _json_only(value: Any) -> bool:
    """Tell whether ``value`` holds only JSON's own types, exactly (see :func:`convert`)."""
    kind = type(value)
    if kind is dict:
        for key, item in value.items():  # noqa: SIM110 - quicker than all() of a generator
            if type(key) is not str or (type(item) not in _JSON_LEAVES and not _json_only(item)):
                return False
        return True
    if kind is list:
        for item in value:  # noqa: SIM110 - quicker than all() of a generator
            if type(item) not in _JSON_LEAVES and not _json_only(item):
                return False
        return True
    return kind in _JSON_LEAVES


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
