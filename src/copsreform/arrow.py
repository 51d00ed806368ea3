"""Arrow tables, Parquet files and DataFrames of model objects, exact to the cent.

Install the extra first: ``pip install "copsreform[arrow]"`` (it brings pyarrow). pandas,
polars and DuckDB are never needed by copsreform itself; install the ones you use.

:func:`to_arrow` turns model objects into a ``pyarrow.Table`` whose schema
(:func:`arrow_schema`) is generated from the attrs classes, one rule per field type, so
a field added to the model gets its column without anything restated here:

=============================  ========================================================
Model type                     Arrow type
=============================  ========================================================
money (``Decimal``)            ``decimal128(15, 2)``: whole cents, up to the model's
                               limit of 10 trillion dollars
``datetime.date``              ``date32``
an enum                        ``dictionary<int32, string>`` of its wire values; the
                               dictionary holds every value, in the enum's order
``FiscalYear``                 ``int16``, the year (``2024``)
``str``, identifiers           ``string``: ``"16.710"`` stays text, never a float
``int``                        ``int64``
``bool``                       ``bool``
``X | None``                   the type of ``X``, nullable
a set of enum members          a list of dictionary strings, sorted
``tuple[X, ...]``              a list of ``X``
an optional record             a struct of its fields (an engagement's ``provider``)
=============================  ========================================================

**Nested records as prefixed columns.** A grant's recipient is an
:class:`~copsreform.Agency` or an :class:`~copsreform.Organization`, and an engagement
always has one agency. Such a record becomes prefixed columns: ``recipient_type``
(``agency`` or ``organization``) and ``recipient_<field>`` for every field of either
class (the other class's columns are null), and ``agency_<field>`` for an engagement.
They are the column names of the CSV export (:mod:`copsreform.export`), so one query
serves both files; every DataFrame tool and SQL engine groups and filters on a flat
column (``GROUP BY recipient_state``) without unnesting a struct; and Arrow's union
type, the only exact form of "one of two classes", cannot be stored in Parquet. Records
that may be absent or repeat (a provider, the dated history, recommendations) have no
fixed set of columns, so they are a struct and lists of structs.

**Metadata.** Every column carries its description from the class's docstring
(``description``); the schema names the class (``copsreform.class``), the wire format
version (``copsreform.format_version``) and the release that wrote it.

:func:`from_arrow` reads a table back into validated objects, with the contract of every
importer: each row yields its object or a :class:`~copsreform.batch.Rejected` (``index``
from 0, the problems naming the column). :func:`write_parquet` and :func:`read_parquet`
do the same with Parquet files, written atomically and in bounded memory.

Examples:
    >>> import copsreform as cr
    >>> table = cr.to_arrow(cr.read_bundled_usaspending())
    >>> table.num_rows, str(table.schema.field("federal_amount").type)
    (100, 'decimal128(15, 2)')
    >>> import pyarrow.compute as pc
    >>> pc.sum(table["federal_amount"]).as_py()
    Decimal('41450414.52')
    >>> table["assistance_listing"][0].as_py()
    '16.710'
    >>> [type(g).__name__ for g in cr.from_arrow(cr.Grant, table.slice(0, 2))]
    ['Grant', 'Grant']
"""

import datetime as dt
import enum
import functools
import inspect
import operator
import os
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from copsreform import _fields
from copsreform._atomic import replacing_bytes
from copsreform._records import raise_strict
from copsreform.batch import Rejected
from copsreform.errors import MissingExtraError, Problem, SourceFormatError, ValidationError
from copsreform.fiscal import FiscalYear
from copsreform.serialization import (
    FORMAT_VERSION,
    RECIPIENT_TAG,
    RECIPIENT_TAGS,
    from_dict,
    is_recipient,
    optional_inner,
    wire_hints,
)

if TYPE_CHECKING:  # pragma: no cover - pyarrow and pandas are optional
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "BATCH_ROWS",
    "arrow_schema",
    "arrow_type",
    "csv_dtypes",
    "from_arrow",
    "read_parquet",
    "to_arrow",
    "to_pandas",
    "write_parquet",
]

T = TypeVar("T")

#: Rows per record batch when objects are written to Parquet or read back: large enough
#: for fast columnar work, small enough that memory stays bounded whatever the file size.
BATCH_ROWS: Final = 65_536

_SCALE: Final = -int(Decimal(_fields._CENT).as_tuple().exponent)  # the model's cents
_PRECISION: Final = _fields.MAX_MONEY.adjusted() + _SCALE  # 13 integer digits + 2 decimals
_META_CLASS: Final = b"copsreform.class"
_META_VERSION: Final = b"copsreform.format_version"
_META_RELEASE: Final = b"copsreform.release"
_DESCRIPTION: Final = b"description"


F = TypeVar("F", bound=Callable[..., Any])


def _per_class(function: F) -> F:
    """Cache a function of model classes (built once per class, then reused)."""
    return typing.cast(F, functools.cache(function))


def _pyarrow(feature: str) -> Any:
    """Import pyarrow, or fail with the extra to install."""
    try:
        import pyarrow  # noqa: PLC0415 - optional dependency, imported on first use
    except ImportError:
        raise MissingExtraError(feature, "pyarrow", "arrow") from None
    return pyarrow


def _parquet(feature: str) -> Any:
    _pyarrow(feature)
    import pyarrow.parquet  # noqa: PLC0415 - optional dependency, imported on first use

    return pyarrow.parquet


# Descriptions -----------------------------------------------------------------------------


@_per_class
def _descriptions(cls: type[Any]) -> dict[str, str]:
    """Each field's description, from the ``Args:`` section of the class's docstring."""
    found: dict[str, str] = {}
    current: str | None = None
    inside = False
    for line in (inspect.getdoc(cls) or "").splitlines():
        if line.strip() == "Args:":
            inside = True
            continue
        if not inside:
            continue
        if line and not line.startswith(" "):
            break
        name, colon, text = line[4:].partition(": ")
        name = name.split(" (")[0]  # "name (type): text" is Google style too
        if line.startswith("    ") and line[4:5] != " " and colon and name.isidentifier():
            current = name
            found[current] = text
        elif current and line.strip():
            found[current] += " " + line.strip()
    return {name: _text(text) for name, text in found.items()}


_ROLE: Final = re.compile(r":\w+:`~?(?:[\w.]+\.)?([^`]+)`")


def _text(rst: str) -> str:
    """Docstring text without reStructuredText markup: roles become their name."""
    return _ROLE.sub(r"\1", rst).replace("``", "")


def _class_summary(cls: type[Any]) -> str:
    return (inspect.getdoc(cls) or cls.__name__).splitlines()[0]


# Types ------------------------------------------------------------------------------------


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _is_record(tp: Any) -> bool:
    return attrs.has(tp) and tp is not FiscalYear


def _hints(cls: type[Any]) -> dict[str, Any]:
    return wire_hints(cls)


def _wire_name(field: "attrs.Attribute[Any]") -> str:
    return field.alias or field.name


def arrow_type(tp: Any) -> "pa.DataType":
    """The Arrow type of one model type: the single rule the whole schema follows.

    Args:
        tp: A field's type, such as ``Decimal``, ``datetime.date`` or ``str | None``.

    Returns:
        The Arrow type (nullability is the field's, not the type's).

    Raises:
        TypeError: For a type the rule does not cover (a new kind of field must be given
            one here before it can be written).

    Examples:
        >>> import datetime, decimal
        >>> from copsreform.arrow import arrow_type
        >>> str(arrow_type(decimal.Decimal)), str(arrow_type(datetime.date | None))
        ('decimal128(15, 2)', 'date32[day]')
    """
    pa = _pyarrow("arrow_type")
    inner = optional_inner(tp)
    if inner is not None and not is_recipient(tp):
        return arrow_type(inner)
    simple = {
        str: pa.string(),
        int: pa.int64(),
        bool: pa.bool_(),
        Decimal: pa.decimal128(_PRECISION, _SCALE),
        dt.date: pa.date32(),
        FiscalYear: pa.int16(),
    }
    if tp in simple:
        return simple[tp]
    if _is_enum(tp):
        return pa.dictionary(pa.int32(), pa.string())
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is frozenset and len(args) == 1 and _is_enum(args[0]):
        return pa.list_(arrow_type(args[0]))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return pa.list_(arrow_type(args[0]))
    if _is_record(tp):
        return pa.struct([_arrow_field(pa, f, _hints(tp)[f.name], tp) for f in attrs.fields(tp)])
    raise TypeError(f"copsreform has no Arrow type for {tp!r}")


def _arrow_field(pa: Any, field: "attrs.Attribute[Any]", tp: Any, owner: type[Any]) -> Any:
    description = _descriptions(owner).get(_wire_name(field), "")
    return pa.field(
        _wire_name(field),
        arrow_type(tp),
        nullable=_nullable(field, tp),
        metadata={_DESCRIPTION: description.encode()} if description else None,
    )


def _nullable(field: "attrs.Attribute[Any]", tp: Any) -> bool:
    return optional_inner(tp) is not None and not is_recipient(tp)


# Columns ----------------------------------------------------------------------------------


@attrs.frozen
class _Column:
    """One column: where its values sit in an object, its type and how it is written."""

    name: str
    #: Attribute names from the object to the record holding the value (``("recipient",)``).
    parent: tuple[str, ...]
    #: The attribute read from that record; ``None`` for a recipient's type tag.
    attribute: str | None
    #: Wire keys from the document to the value (``("recipient", "ori")``).
    keys: tuple[str, ...]
    tp: Any
    nullable: bool
    #: The column must be present in a table read back (a required field).
    required: bool
    description: str
    #: For a recipient column, the tags of the classes that have the field.
    owners: frozenset[str] | None = None


@attrs.frozen
class _Plan:
    cls: type[Any]
    columns: tuple[_Column, ...]
    #: Prefixes of flattened records: wire key to column prefix (``recipient``).
    flattened: frozenset[str]

    @functools.cached_property
    def schema(self) -> "pa.Schema":
        pa = _pyarrow("arrow_schema")
        from copsreform import __version__  # noqa: PLC0415 - the package imports this module

        fields = [
            pa.field(
                c.name,
                pa.dictionary(pa.int32(), pa.string()) if c.attribute is None else arrow_type(c.tp),
                nullable=c.nullable,
                metadata={_DESCRIPTION: c.description.encode()},
            )
            for c in self.columns
        ]
        return pa.schema(
            fields,
            metadata={
                _META_CLASS: self.cls.__name__.encode(),
                _META_VERSION: str(FORMAT_VERSION).encode(),
                _META_RELEASE: __version__.encode(),
                _DESCRIPTION: _class_summary(self.cls).encode(),
            },
        )


@_per_class
def _plan(cls: type[Any]) -> _Plan:
    if not _is_record(cls):
        raise TypeError(f"Arrow tables hold copsreform model objects, not {cls!r}")
    columns: list[_Column] = []
    flattened: set[str] = set()
    hints = _hints(cls)
    descriptions = _descriptions(cls)
    for field in attrs.fields(cls):
        key = _wire_name(field)
        tp = hints[field.name]
        required = field.default is attrs.NOTHING
        if is_recipient(tp):
            flattened.add(key)
            columns.extend(_recipient_columns(field, key, required))
        elif _is_record(tp):
            flattened.add(key)
            columns.extend(_record_columns(field, key, tp, required))
        else:
            columns.append(
                _Column(
                    key,
                    (),
                    field.name,
                    (key,),
                    tp,
                    _nullable(field, tp),
                    required,
                    descriptions.get(key, ""),
                )
            )
    names = [c.name for c in columns]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:  # pragma: no cover - a guard for future fields
        raise TypeError(f"{cls.__name__} would have repeated Arrow columns: {repeated}")
    return _Plan(cls, tuple(columns), frozenset(flattened))


def _record_columns(
    field: "attrs.Attribute[Any]", key: str, tp: type[Any], required: bool
) -> list[_Column]:
    hints = _hints(tp)
    descriptions = _descriptions(tp)
    columns = []
    for inner in attrs.fields(tp):
        inner_key = _wire_name(inner)
        inner_tp = hints[inner.name]
        if _is_record(inner_tp) or is_recipient(inner_tp):  # pragma: no cover - not in the model
            raise TypeError(f"{tp.__name__}.{inner_key}: records nested twice are not flattened")
        columns.append(
            _Column(
                f"{key}_{inner_key}",
                (field.name,),
                inner.name,
                (key, inner_key),
                inner_tp,
                _nullable(inner, inner_tp),
                required and inner.default is attrs.NOTHING,
                f"The {key}'s {inner_key}: {descriptions.get(inner_key, '')}",
            )
        )
    return columns


def _recipient_columns(field: "attrs.Attribute[Any]", key: str, required: bool) -> list[_Column]:
    tags = ", ".join(repr(t) for t in RECIPIENT_TAGS.values())
    columns = [
        _Column(
            f"{key}_{RECIPIENT_TAG}",
            (field.name,),
            None,
            (key, RECIPIENT_TAG),
            str,
            not required,
            required,
            f"The class of the {key}: {tags}.",
        )
    ]
    seen: dict[str, tuple[Any, bool, set[str], list[str], bool]] = {}
    for cls, tag in RECIPIENT_TAGS.items():
        hints = _hints(cls)
        for inner in attrs.fields(cls):
            inner_key = _wire_name(inner)
            inner_tp = hints[inner.name]
            inner_required = inner.default is attrs.NOTHING
            if inner_key not in seen:
                seen[inner_key] = (inner.name, inner_tp, set(), [], True)
            name, tp, owners, texts, always = seen[inner_key]
            base: Any = optional_inner(tp) or tp
            if (optional_inner(inner_tp) or inner_tp) != base:  # pragma: no cover - a guard
                raise TypeError(f"recipient field {inner_key!r} has two types")
            owners.add(tag)
            text = _descriptions(cls).get(inner_key, "")
            if text and text not in texts:
                texts.append(text)
            seen[inner_key] = (name, tp, owners, texts, always and inner_required)
    every = set(RECIPIENT_TAGS.values())
    for inner_key, (name, tp, owners, texts, always) in seen.items():
        only = "" if owners == every else f" ({', '.join(sorted(owners))} only)"
        plain: Any = optional_inner(tp) or tp
        both_required = always and owners == every
        columns.append(
            _Column(
                f"{key}_{inner_key}",
                (field.name,),
                name,
                (key, inner_key),
                plain if both_required else plain | None,
                not both_required,
                required and both_required,
                f"The {key}'s {inner_key}{only}: {' / '.join(texts)}",
                frozenset(owners),
            )
        )
    return columns


# Writing ------------------------------------------------------------------------------------


def _plain(tp: Any) -> Callable[[Any], Any]:
    """A function turning a value of ``tp`` into what pyarrow converts to its Arrow type."""
    inner = optional_inner(tp)
    if inner is not None:
        convert = _plain(inner)
        return lambda value: None if value is None else convert(value)
    if _is_enum(tp):
        return operator.attrgetter("value")
    if tp is FiscalYear:
        return operator.attrgetter("year")
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is frozenset:
        return lambda members: sorted(m.value for m in members)
    if origin is tuple:
        item = _plain(args[0])
        return lambda items: [item(i) for i in items]
    if _is_record(tp):
        hints = _hints(tp)
        parts = [(_wire_name(f), f.name, _plain(hints[f.name])) for f in attrs.fields(tp)]
        return lambda record: {key: c(getattr(record, name)) for key, name, c in parts}
    return lambda value: value


def _encoder(pa: Any, column: _Column, arrow: Any) -> Callable[[list[Any]], Any]:
    """How one column's values (Python objects) become an Arrow array."""
    tp = optional_inner(column.tp) or column.tp
    if column.attribute is None or _is_enum(tp):
        values = list(RECIPIENT_TAGS.values()) if column.attribute is None else list(tp)
        index = {value: i for i, value in enumerate(values)}
        dictionary = pa.array([v if isinstance(v, str) else v.value for v in values], pa.string())

        def encode_enum(items: list[Any]) -> Any:
            indices = pa.array([index.get(item) for item in items], pa.int32())
            return pa.DictionaryArray.from_arrays(indices, dictionary)

        return encode_enum
    if tp is FiscalYear:
        return lambda items: pa.array([i if i is None else i.year for i in items], arrow)
    if typing.get_origin(tp) in (frozenset, tuple) or _is_record(tp):
        convert = _plain(column.tp)
        return lambda items: pa.array([convert(i) for i in items], arrow)
    return lambda items: pa.array(items, arrow)


def _extractor(column: _Column) -> Callable[[list[Any]], list[Any]]:
    """How one column's values are read from the records that hold them."""
    if column.attribute is None:
        tags = RECIPIENT_TAGS

        def tag_of(records: list[Any]) -> list[Any]:
            return [tags[type(r)] for r in records]

        return tag_of
    name = column.attribute
    if column.owners is not None:

        def field_if_any(records: list[Any]) -> list[Any]:
            return [getattr(r, name, None) for r in records]

        return field_if_any
    get = operator.attrgetter(name)

    def field_of(records: list[Any]) -> list[Any]:
        return list(map(get, records))

    return field_of


@_per_class
def _writer(cls: type[Any]) -> Callable[[list[Any]], Any]:
    """The function that turns a list of ``cls`` objects into a record batch."""
    pa = _pyarrow("to_arrow")
    plan = _plan(cls)
    schema = plan.schema
    steps: list[tuple[tuple[str, ...], Callable[[list[Any]], list[Any]], Any]] = []
    for column, field in zip(plan.columns, schema, strict=True):
        encode = _encoder(pa, column, field.type)
        extract = _extractor(column)
        steps.append((column.parent, extract, encode))

    def write(objects: list[Any]) -> Any:
        for obj in objects:
            if type(obj) is not cls:
                raise TypeError(
                    f"an Arrow table holds one class: got a {type(obj).__name__} "
                    f"among {cls.__name__} objects"
                )
        holders: dict[tuple[str, ...], list[Any]] = {(): objects}
        arrays = []
        for parent, extract, encode in steps:
            records = holders.get(parent)
            if records is None:
                records = holders[parent] = list(
                    map(operator.attrgetter(".".join(parent)), objects)
                )
            arrays.append(encode(extract(records)))
        return pa.RecordBatch.from_arrays(arrays, schema=schema)

    return write


def arrow_schema(cls: type[Any]) -> "pa.Schema":
    """Return the Arrow schema of a model class's tables, generated from its fields.

    Args:
        cls: A model class: :class:`~copsreform.Grant`, :class:`~copsreform.Agency`,
            :class:`~copsreform.Organization`, :class:`~copsreform.Engagement`,
            :class:`~copsreform.Provider` (or a record they hold).

    Returns:
        The ``pyarrow.Schema``, with each column's description and the class, format
        version and release as metadata. It is the contract of every Parquet file
        copsreform writes.

    Raises:
        MissingExtraError: If pyarrow is not installed.
        TypeError: If ``cls`` is not a model class.

    Examples:
        >>> import copsreform as cr
        >>> schema = cr.arrow_schema(cr.Grant)
        >>> schema.names[:4]
        ['award_number', 'program', 'recipient_type', 'recipient_name']
        >>> str(schema.field("program").type), str(schema.field("fiscal_year").type)
        ('dictionary<values=string, indices=int32, ordered=0>', 'int16')
        >>> schema.field("start").metadata[b"description"]
        b'First day of the period of performance.'
        >>> schema.metadata[b"copsreform.format_version"]
        b'1'
    """
    _pyarrow("arrow_schema")
    return _plan(cls).schema


def _batches(objects: Iterable[Any], cls: type[Any] | None, rows: int) -> tuple[Any, Iterator[Any]]:
    """The class and an iterator of record batches of at most ``rows`` objects."""
    items = iter(objects)
    first: list[Any] = []
    if cls is None:
        first = [obj for obj in [next(items, None)] if obj is not None]
        if not first:
            raise TypeError("no objects and no cls: give cls= so the table has a schema")
        cls = type(first[0])
    write = _writer(cls)

    def batches() -> Iterator[Any]:
        chunk = first
        for obj in items:
            chunk.append(obj)
            if len(chunk) >= rows:
                yield write(chunk)
                chunk = []
        if chunk:
            yield write(chunk)

    return cls, batches()


def to_arrow(objects: Iterable[Any], *, cls: type[Any] | None = None) -> "pa.Table":
    """Turn model objects of one class into a ``pyarrow.Table``, losing nothing.

    Money is ``decimal128(15, 2)``, dates ``date32``, enums dictionary-encoded wire values,
    identifiers strings; see the module's table. The schema is :func:`arrow_schema`.

    Args:
        objects: Objects of one model class (any iterable, a generator too).
        cls: Their class; taken from the first object when ``None``. Give it so that no
            objects still make an empty table with the right schema.

    Returns:
        The table, one row per object.

    Raises:
        MissingExtraError: If pyarrow is not installed.
        TypeError: If the objects are of more than one class, or there are none and no
            ``cls``.

    Examples:
        >>> import copsreform as cr
        >>> bpd = cr.Agency(name="Boston Police Department", state="MA", ori="MA0130100",
        ...                 jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
        >>> table = cr.to_arrow([bpd])
        >>> table.to_pylist()[0]["ori"], table.num_columns
        ('MA0130100', 10)
        >>> cr.to_arrow([], cls=cr.Grant).num_rows
        0
    """
    pa = _pyarrow("to_arrow")
    items = objects if isinstance(objects, list) else list(objects)
    cls, batches = _batches(items, cls, max(len(items), 1))
    return pa.Table.from_batches(list(batches), schema=_plan(cls).schema)


def write_parquet(
    objects: Iterable[Any], target: str | os.PathLike[str], *, cls: type[Any] | None = None
) -> int:
    """Write model objects of one class to a Parquet file, atomically, in bounded memory.

    Objects are converted :data:`BATCH_ROWS` at a time, so a stream of any length is
    written without holding it. The file appears only when every object is written: an
    error (from the objects' source, say) leaves an earlier file untouched.

    Args:
        objects: Objects of one model class.
        target: The file's path.
        cls: Their class; taken from the first object when ``None``.

    Returns:
        How many objects were written.

    Raises:
        MissingExtraError: If pyarrow is not installed.
        TypeError: As :func:`to_arrow`.

    Examples:
        >>> import tempfile, pathlib
        >>> import copsreform as cr
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "grants.parquet"
        >>> cr.write_parquet(cr.read_bundled_usaspending(), path)
        100
        >>> sum(g.federal_amount for g in cr.read_parquet(cr.Grant, path))
        Decimal('41450414.52')
    """
    pq = _parquet("write_parquet")
    cls, batches = _batches(objects, cls, BATCH_ROWS)
    count = 0
    with replacing_bytes(Path(target)) as stream:
        writer = pq.ParquetWriter(stream, _plan(cls).schema)
        try:
            for batch in batches:
                writer.write_batch(batch)
                count += batch.num_rows
        finally:
            writer.close()
    return count


def to_pandas(objects: Iterable[Any], *, cls: type[Any] | None = None) -> "pd.DataFrame":
    """Turn model objects into a pandas DataFrame with Arrow-backed, exact columns.

    Columns keep their Arrow types (``pandas.ArrowDtype``): money stays
    ``decimal128(15, 2)`` (sums are exact ``Decimal``), dates ``date32``, identifiers
    strings (``"16.710"``), counts nullable integers. Enums become pandas categoricals
    whose categories are every wire value, so grouping by them works as it does on any
    categorical. Needs pandas, which copsreform does not install.

    Args:
        objects: Objects of one model class.
        cls: Their class; taken from the first object when ``None``.

    Returns:
        The DataFrame, one row per object, columns as :func:`arrow_schema`.

    Raises:
        MissingExtraError: If pyarrow or pandas is not installed.

    Examples:
        >>> import copsreform as cr
        >>> df = cr.to_pandas(cr.read_bundled_usaspending())
        >>> str(df["federal_amount"].dtype), str(df["assistance_listing"].dtype)
        ('decimal128(15, 2)[pyarrow]', 'string[pyarrow]')
        >>> df["federal_amount"].sum()
        Decimal('41450414.52')
    """
    pd = _pandas("to_pandas")
    pa = _pyarrow("to_pandas")

    def types(arrow: Any) -> Any:
        return None if pa.types.is_dictionary(arrow) else pd.ArrowDtype(arrow)

    return to_arrow(objects, cls=cls).to_pandas(types_mapper=types)


def _pandas(feature: str) -> Any:
    try:
        import pandas  # noqa: PLC0415 - optional dependency, imported on first use
    except ImportError:
        raise MissingExtraError(feature, "pandas") from None
    return pandas


def csv_dtypes(cls: type[Any]) -> dict[str, Any]:
    """The ``dtype=`` mapping that reads copsreform's CSV export exactly with pandas.

    Read with pandas' pyarrow engine, and only empty cells as missing::

        pandas.read_csv(path, engine="pyarrow", dtype=cr.csv_dtypes(cr.Grant),
                        keep_default_na=False, na_values=[""])

    Money becomes ``decimal128(15, 2)``, dates ``date32``, fiscal years ``int16``, flags
    ``bool``; identifiers, enums and text stay strings (``"16.710"``, not ``16.71``). The
    engine matters: pandas' default C engine cannot parse text into a decimal type.
    ``keep_default_na=False`` keeps a name such as ``"NA"`` as text. Text cells that the
    export protected from spreadsheets keep their leading apostrophe (see
    :func:`copsreform.export.restore`).

    Args:
        cls: A class that has a CSV form: :class:`~copsreform.Grant`,
            :class:`~copsreform.Agency`, :class:`~copsreform.Organization` or
            :class:`~copsreform.Engagement`.

    Returns:
        Column name to ``pandas.ArrowDtype``, for every column of that CSV.

    Raises:
        MissingExtraError: If pyarrow or pandas is not installed.
        TypeError: If ``cls`` has no CSV form.

    Examples:
        >>> import copsreform as cr
        >>> dtypes = cr.csv_dtypes(cr.Grant)
        >>> str(dtypes["federal_amount"]), str(dtypes["assistance_listing"])
        ('decimal128(15, 2)[pyarrow]', 'string[pyarrow]')
    """
    from copsreform import export  # noqa: PLC0415 - export imports the sources, kept lazy

    pd = _pandas("csv_dtypes")
    pa = _pyarrow("csv_dtypes")
    headers: Mapping[type[Any], tuple[str, ...]] = export._HEADERS
    if cls not in headers:
        raise TypeError(f"{cls!r} has no CSV form")
    schema = _plan(cls).schema
    dtypes = {}
    for name in headers[cls]:
        arrow = schema.field(name).type if name in schema.names else pa.string()
        if pa.types.is_dictionary(arrow) or pa.types.is_nested(arrow):
            arrow = pa.string()
        dtypes[name] = pd.ArrowDtype(arrow)
    return dtypes


# Reading ------------------------------------------------------------------------------------


def _string_like(pa: Any, arrow: Any) -> bool:
    if pa.types.is_dictionary(arrow):
        arrow = arrow.value_type
    is_view = getattr(pa.types, "is_string_view", lambda _: False)
    return bool(pa.types.is_string(arrow) or pa.types.is_large_string(arrow) or is_view(arrow))


def _compatible(pa: Any, expected: Any, actual: Any) -> bool:
    """Whether a column of type ``actual`` can hold the values of ``expected``."""
    t = pa.types
    if actual.equals(expected) or t.is_null(actual):
        return True
    if t.is_dictionary(expected) or t.is_string(expected):
        return _string_like(pa, actual)
    if t.is_list(expected):
        return bool(
            (t.is_list(actual) or t.is_large_list(actual))
            and _compatible(pa, expected.value_type, actual.value_type)
        )
    if t.is_struct(expected):
        names = {expected.field(i).name: expected.field(i).type for i in range(expected.num_fields)}
        return t.is_struct(actual) and all(
            actual.field(i).name in names
            and _compatible(pa, names[actual.field(i).name], actual.field(i).type)
            for i in range(actual.num_fields)
        )
    checks = (t.is_decimal, t.is_integer, t.is_boolean)
    if any(check(expected) for check in checks):
        return any(check(expected) and check(actual) for check in checks)
    return bool(t.is_date(expected) and t.is_date(actual))


def _why(pa: Any, expected: Any, actual: Any) -> str:
    if pa.types.is_decimal(expected) and (pa.types.is_floating(actual) or _string_like(pa, actual)):
        return (
            "; money must be a decimal type such as decimal128(15, 2): a float cannot hold "
            "every amount in cents (cast text with pyarrow.compute.cast)"
        )
    if pa.types.is_date(expected) and pa.types.is_timestamp(actual):
        return "; a date is a day, date32, not a timestamp"
    return ""


def _check_schema(pa: Any, plan: _Plan, schema: Any, source: str | None) -> None:
    """Refuse a table whose columns or class do not fit, before any row is read."""
    metadata = schema.metadata or {}
    held = metadata.get(_META_CLASS)
    if held is not None and held.decode() != plan.cls.__name__:
        raise SourceFormatError(f"holds {held.decode()} records, not {plan.cls.__name__}", source)
    version = metadata.get(_META_VERSION)
    if version is not None and (not version.isdigit() or int(version) > FORMAT_VERSION):
        raise SourceFormatError(
            f"is in format {version.decode()!r}, newer than this copsreform reads "
            f"(format {FORMAT_VERSION}); upgrade copsreform",
            source,
        )
    expected = {c.name: f for c, f in zip(plan.columns, plan.schema, strict=True)}
    problems = [
        f"column {name!r} is not a {plan.cls.__name__} column"
        for name in schema.names
        if name not in expected
    ]
    if len(set(schema.names)) != len(schema.names):
        problems.append("a column name is repeated")
    problems.extend(
        f"column {c.name!r} is required"
        for c in plan.columns
        if c.required and c.name not in schema.names
    )
    for name in schema.names:
        field = expected.get(name)
        actual = schema.field(name).type
        if field is not None and not _compatible(pa, field.type, actual):
            problems.append(
                f"column {name!r} holds {actual}, not {field.type}{_why(pa, field.type, actual)}"
            )
    if problems:
        raise SourceFormatError("; ".join(problems), source)


def _money_text(value: Decimal) -> str:
    """The wire text of an amount read from a decimal column of any scale."""
    cents = _fields.money(value)
    if isinstance(cents, Decimal) and cents.same_quantum(_fields._CENT):
        return str(cents)
    if abs(value) >= _fields.MAX_MONEY:
        raise _CellError("must be less than 10 trillion in size")
    raise _CellError("must be in whole cents")


class _CellError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _wire(value: Any, at: tuple[str | int, ...], problems: list[Problem]) -> Any:
    """An Arrow value (as pyarrow gives it to Python) in the wire format's terms."""
    if isinstance(value, Decimal):
        try:
            return _money_text(value)
        except _CellError as refused:
            problems.append(Problem(refused.reason, value, at))
            return None
    if isinstance(value, dt.datetime):
        problems.append(Problem("must be a date, not a date and time", value, at))
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _wire(v, (*at, k), problems) for k, v in value.items()}
    if isinstance(value, list):
        return [_wire(v, (*at, i), problems) for i, v in enumerate(value)]
    return value


@_per_class
def _reader(cls: type[T], names: tuple[str, ...]) -> Callable[[dict[str, Any]], T]:
    """The function that turns one row (a dict by column) into an object, or raises."""
    plan = _plan(cls)
    columns = [c for c in plan.columns if c.name in names]
    tags = set(RECIPIENT_TAGS.values())
    tag_columns = {c.keys[0]: c.name for c in columns if c.attribute is None}

    def relocate(problem: Problem) -> Problem:
        location = problem.location
        if len(location) >= 2 and location[0] in plan.flattened and isinstance(location[1], str):
            location = (f"{location[0]}_{location[1]}", *location[2:])
        return attrs.evolve(problem, root="$", location=location)

    def read(row: dict[str, Any]) -> T:
        problems: list[Problem] = []
        document: dict[str, Any] = {key: {} for key in plan.flattened}
        for column in columns:
            value = row[column.name]
            if value is None:
                if column.nullable and len(column.keys) == 1:
                    document[column.keys[0]] = None
                continue
            if column.owners is not None:
                tag = row[tag_columns[column.keys[0]]]
                if tag in tags and tag not in column.owners:
                    problems.append(
                        Problem(
                            f"must be empty for an {tag} {column.keys[0]}", value, (column.name,)
                        )
                    )
                    continue
            value = _wire(value, (column.name,), problems)
            target = document
            for key in column.keys[:-1]:
                target = target[key]
            target[column.keys[-1]] = value
        for key in plan.flattened:
            if not document[key] and key not in {c.keys[0] for c in plan.columns if c.required}:
                del document[key]
        # A refused cell was replaced by None; the model's complaint about that is dropped.
        refused = {p.location[0] for p in problems}
        try:
            obj = from_dict(cls, document)
        except ValidationError as error:
            problems.extend(
                p
                for p in map(relocate, error.problems)
                if not (p.location and p.location[0] in refused)
            )
        else:
            if not problems:
                return obj
        raise _RowError(problems)

    return read


class _RowError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = tuple(problems)


def _outcomes(
    cls: type[T], pa: Any, batches: Iterable[Any], schema: Any, strict: bool
) -> Iterator[T | Rejected]:
    read = _reader(cls, tuple(schema.names))
    position = 0
    for batch in batches:
        for row in batch.to_pylist():
            try:
                yield read(row)
            except _RowError as error:
                problems = error.problems or (Problem("could not be read", row),)
                rejected = Rejected(position, "index", problems, row)
                if strict:
                    raise_strict(rejected)
                yield rejected
            position += 1


def from_arrow(cls: type[T], table: Any, *, strict: bool = False) -> Iterator[T | Rejected]:
    """Read an Arrow table (or a DataFrame) back into validated model objects.

    The same contract as every importer: each row yields its object or a
    :class:`~copsreform.batch.Rejected` whose position is the row's index (from 0) and
    whose problems name the column (``$.recipient_ori``; a field inside a struct or list
    as ``$.provider.name`` or ``$.history[0].on``), the value and the reason. Nothing is
    dropped. A null cell is an absent value: the field takes its default.

    The columns are checked first, as a whole: an unknown column, a missing required one,
    or a column whose type cannot hold the field (money as a float, dates as timestamps)
    is a :class:`~copsreform.errors.SourceFormatError`. Types other than the generated
    ones are accepted where nothing can be lost: any integer width, any decimal (amounts
    must still be whole cents), plain or large strings for enums and text, ``date64``.

    Args:
        cls: The model class of every row.
        table: A ``pyarrow.Table``, ``RecordBatch`` or ``RecordBatchReader``, or anything
            that exports an Arrow stream (a polars or pandas DataFrame, a DuckDB result).
        strict: Raise on the first bad row instead of yielding a rejection.

    Returns:
        An iterator of objects and rejections, in row order.

    Raises:
        MissingExtraError: If pyarrow is not installed.
        SourceFormatError: At once, if the columns do not fit ``cls`` or the table says it
            holds another class or a newer format.
        ValidationError: In strict mode, for the first bad row (paths such as
            ``index 3: $.recipient_ori``).

    Examples:
        >>> import pyarrow as pa
        >>> import copsreform as cr
        >>> table = cr.to_arrow(cr.read_bundled_usaspending()).slice(0, 3)
        >>> bad = table.set_column(
        ...     table.schema.get_field_index("recipient_state"), "recipient_state",
        ...     pa.array(["WA", "XX", "WA"]))
        >>> for outcome in cr.from_arrow(cr.Grant, bad):
        ...     print(outcome if isinstance(outcome, cr.Rejected) else outcome.award_number)
        2020UMWX0499
        index 1: '$.recipient_state' must be a USPS code of a state, DC or a U.S. territory (got 'XX')
        2020UMWX0274
    """
    pa = _pyarrow("from_arrow")
    plan = _plan(cls)
    if isinstance(table, pa.Table | pa.RecordBatch):
        schema, batches = table.schema, table.to_batches(max_chunksize=BATCH_ROWS)
    elif isinstance(table, pa.RecordBatchReader):
        schema, batches = table.schema, table
    elif hasattr(table, "__arrow_c_stream__"):
        reader = pa.RecordBatchReader.from_stream(table)
        schema, batches = reader.schema, reader
    else:
        raise TypeError(f"from_arrow reads an Arrow table or DataFrame, not {type(table).__name__}")
    _check_schema(pa, plan, schema, None)
    return _outcomes(cls, pa, batches, schema, strict)


def read_parquet(
    cls: type[T], source: str | os.PathLike[str], *, strict: bool = False
) -> Iterator[T | Rejected]:
    """Read a Parquet file back into validated model objects, a batch at a time.

    Reads files :func:`write_parquet` writes, and any other Parquet file whose columns fit
    (see :func:`from_arrow`, whose contract it keeps).

    Args:
        cls: The model class of every row.
        source: The file's path.
        strict: Raise on the first bad row instead of yielding a rejection.

    Returns:
        An iterator of objects and rejections, in row order.

    Raises:
        MissingExtraError: If pyarrow is not installed.
        SourceFormatError: If the file is not Parquet or its columns do not fit ``cls``.
        ValidationError: In strict mode, for the first bad row.

    Examples:
        >>> import tempfile, pathlib
        >>> import copsreform as cr
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "agencies.parquet"
        >>> agencies, rejected = cr.split(cr.read_bundled_2018())
        >>> cr.write_parquet(agencies, path)
        23238
        >>> next(cr.read_parquet(cr.Grant, path))
        Traceback (most recent call last):
        ...
        copsreform.errors.SourceFormatError: ...agencies.parquet: holds Agency records, not Grant
    """
    pa = _pyarrow("read_parquet")
    pq = _parquet("read_parquet")
    name = os.fspath(source)
    try:
        file = pq.ParquetFile(name)
    except pa.ArrowException as error:
        raise SourceFormatError(f"is not a Parquet file ({error})", name) from None
    plan = _plan(cls)
    _check_schema(pa, plan, file.schema_arrow, name)
    return _outcomes(cls, pa, file.iter_batches(batch_size=BATCH_ROWS), file.schema_arrow, strict)
