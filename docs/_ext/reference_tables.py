"""Sphinx extension: reference tables generated from the package, so they cannot drift.

Directives:

``.. public-api::``
    A table of every name in ``copsreform.__all__``: a link to where it is documented,
    what kind of thing it is, and the first line of its docstring.

``.. wire-keys:: copsreform.Grant``
    The keys of a class's JSON document, read from its attrs fields and type hints: each
    key, its JSON type, whether it is required (and its default when not), and what the
    shipped JSON Schema says about it.

``.. wire-example::``
    Runs the Python code in its content (with ``cr``, ``date`` and ``Decimal`` in scope)
    and shows the code, then ``cr.to_json(obj, indent=2)`` of the object the code leaves
    in ``obj``. The document shown is what the installed copsreform writes.
"""

import datetime as dt
import enum
import importlib
import inspect
import json
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

import copsreform as cr
from copsreform.agency import Agency, Organization
from copsreform.fiscal import FiscalYear


def _object(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _rst(directive: SphinxDirective, text: str) -> list[nodes.Node]:
    container = nodes.container()
    nested_parse_with_titles(
        directive.state, StringList(text.splitlines(), "<generated>"), container
    )
    return list(container.children)


# public-api --------------------------------------------------------------------------


def _kind(obj: object) -> str:
    if inspect.isclass(obj):
        if issubclass(obj, BaseException):
            return "exception"
        if issubclass(obj, enum.Enum):
            return "enum"
        return "class"
    if inspect.isfunction(obj):
        return "function"
    return "constant"


_ROLE = re.compile(r":(?:\w+:)?\w+:`(~?)([^`<]*?)(?:\s*<([^`>]+)>)?`")


def _plain_role(match: re.Match[str]) -> str:
    """Render a cross-reference as literal text: a summary moves to another module's
    page, where a relative target (``:func:`write_csv```) would not resolve."""
    short, text, target = match.groups()
    shown = text if target else (text.rsplit(".", 1)[-1] if short else text)
    return f"``{shown.strip()}``"


def _summary(obj: object) -> str:
    if not (inspect.isclass(obj) or inspect.isfunction(obj)):
        return ""
    doc = inspect.getdoc(obj) or ""
    first = doc.strip().split("\n\n")[0]
    return _ROLE.sub(_plain_role, " ".join(first.split()))


class PublicApi(SphinxDirective):
    """``.. public-api::``: every root name, where it is documented, and what it is."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for name in cr.__all__:
            obj = getattr(cr, name)
            kind = _kind(obj)
            if kind == "constant":
                link = f"``cr.{name}``"
                what = f"the installed version, ``{obj!r}``" if name == "__version__" else ""
            else:
                role = {"exception": "exc", "function": "func"}.get(kind, "class")
                link = f":{role}:`cr.{name} <{obj.__module__}.{obj.__qualname__}>`"
                what = _summary(obj)
            module = getattr(obj, "__module__", "copsreform")
            where = f":mod:`{module}`" if kind != "constant" else ":mod:`copsreform`"
            rows.append((link, kind, where, what))
        lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 24 10 24 42",
            "",
            "   * - Name",
            "     - Kind",
            "     - Module",
            "     - What it is",
        ]
        for link, kind, where, what in rows:
            lines += [f"   * - {link}", f"     - {kind}", f"     - {where}", f"     - {what}"]
        return _rst(self, "\n".join(lines))


# wire-keys ---------------------------------------------------------------------------


def _optional_inner(tp: Any) -> Any | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) < len(typing.get_args(tp)):
            return args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007
    return None


def _ref(cls: type[Any]) -> str:
    return f":class:`~{cls.__module__}.{cls.__qualname__}`"


def _json_type(tp: Any) -> str:
    """Describe the JSON form of a Python type, in words, with links."""
    inner = _optional_inner(tp)
    if inner is not None:
        return f"{_json_type(inner)}, or ``null``"
    if set(typing.get_args(tp)) == {Agency, Organization}:
        return (
            f'object: an {_ref(Agency)} or an {_ref(Organization)}, with a ``"type"`` key '
            '``"agency"`` or ``"organization"``'
        )
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is frozenset and args and issubclass(args[0], enum.Enum):
        return f"array of {_ref(args[0])} values, sorted, no repeats"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = args[0]
        return f"array of {_json_type(item)}"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        values = ", ".join(f"``{json.dumps(m.value)}``" for m in tp)
        return f"string, a {_ref(tp)} value: {values}"
    if isinstance(tp, type) and attrs.has(tp) and tp is not FiscalYear:
        return f"object ({_ref(tp)})"
    simple = {
        str: "string",
        int: "integer",
        bool: "``true`` or ``false``",
        Decimal: 'string, decimal dollars with two places (``"1250000.00"``)',
        dt.date: 'string, a date ``"YYYY-MM-DD"``',
        FiscalYear: "integer, the fiscal year (``2024`` for FY2024)",
    }
    return simple.get(tp, f"``{tp!r}``")


def _schema_note(prop: dict[str, Any]) -> str:
    for option in (prop, *prop.get("anyOf", ())):
        description = option.get("description")
        if description:
            return str(description)
    return ""


class WireKeys(SphinxDirective):
    """``.. wire-keys:: copsreform.Grant``: the keys of the class's JSON document."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        cls = _object(self.arguments[0])
        hints = cr.serialization.wire_hints(cls)  # the types as the wire format reads them
        schema = cr.json_schema(cls)["properties"]
        lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 18 44 38",
            "",
            "   * - Key",
            "     - JSON type",
            "     - Required, or default; notes",
        ]
        for field in attrs.fields(cls):
            key = field.alias or field.name
            if field.default is attrs.NOTHING:
                need = "required"
            else:
                default = field.default
                shown = cr.serialization.converter.unstructure(default, hints[field.name])
                need = f"optional, default ``{json.dumps(shown)}``"
            note = _schema_note(schema.get(key, {}))
            lines += [
                f"   * - ``{key}``",
                f"     - {_json_type(hints[field.name])}",
                f"     - {need}" + (f". {note}" if note else ""),
            ]
        return _rst(self, "\n".join(lines))


# wire-example ------------------------------------------------------------------------


class WireExample(SphinxDirective):
    """``.. wire-example::``: run the code, show it and the JSON of ``obj``."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        code = "\n".join(self.content)
        scope: dict[str, Any] = {"cr": cr, "date": dt.date, "Decimal": Decimal}
        try:
            exec(code, scope)  # noqa: S102 - the docs' own example code
            text = cr.to_json(scope["obj"], indent=2)
        except Exception as error:  # any failure is a build warning, not a crash
            return [
                self.state.document.reporter.warning(
                    f"wire-example failed: {type(error).__name__}: {error}", line=self.lineno
                )
            ]
        python = nodes.literal_block(code, code, language="python")
        output = nodes.literal_block(text, text, language="json")
        caption = nodes.paragraph(text="The document it writes:")
        return [python, caption, output]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("public-api", PublicApi)
    app.add_directive("wire-keys", WireKeys)
    app.add_directive("wire-example", WireExample)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
