"""Sphinx extension: make autodoc's view of copsreform resolve under ``nitpicky = True``.

Three fixes, each for a way the package is written on purpose:

Root names
    Users write ``cr.Grant``, and the docstrings link to ``copsreform.Grant``. The
    reference documents each class once, in the module that defines it
    (``copsreform.grant.Grant``). A reference to a root name that the package re-exports
    is resolved to the object's defining module, found by importing it, so the link
    cannot point at the wrong place and no page documents a class twice.

Type variables
    A generic function's ``T`` (``from_dict(cls: type[T], ...) -> T``) is not an object
    a reader can look up. A reference to a module-level :class:`typing.TypeVar` of the
    package renders as its plain name.

"Bases: object"
    Every class has it; it is left out so the bases that matter (an error's parent,
    an enum) stand out.

One-line attribute docstrings
    Napoleon reads the first line of an attribute's or property's docstring as
    ``type: description`` when it holds a colon, so ``"The current status: the last
    change's"`` would render a type called "The current status". The package's types
    come from its annotations, never from such a prefix, so the prefix is put back
    into the text after napoleon has run.
"""

import enum
import importlib
import typing
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

_PACKAGE = "copsreform"


def _lookup(target: str) -> tuple[object, str] | None:
    """Import what ``target`` names; return it and its canonical dotted name.

    The canonical name is that of the deepest class or function on the way, with the
    rest of the target after it, so that an enum member or an attribute
    (``copsreform.GrantProgram.UNKNOWN``) follows its class to where it is documented.
    """
    parts = target.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        canonical = ".".join(parts[:split])
        for name in parts[split:]:
            obj = getattr(obj, name, None)
            if obj is None:
                return None
            owner = _canonical(obj)
            canonical = owner if owner is not None else f"{canonical}.{name}"
        return obj, canonical
    return None


def _canonical(obj: object) -> str | None:
    if not (isinstance(obj, type) or callable(obj)) or isinstance(obj, enum.Enum):
        return None
    module = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None)
    if not (isinstance(module, str) and isinstance(qualname, str)):
        return None
    return f"{module}.{qualname}"


def _resolve(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    if not target.startswith(_PACKAGE + "."):
        return None
    found = _lookup(target)
    if found is None:
        return None
    obj, canonical = found
    if isinstance(obj, typing.TypeVar):
        return contnode
    if canonical == target:
        return None
    domain: Any = env.get_domain("py")
    resolved: nodes.Element | None = domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], canonical, node, contnode
    )
    return resolved


_FIRST_LINES: dict[str, str] = {}


def _remember_first_line(  # noqa: PLR0917 - the signature of the Sphinx event
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    if what in {"attribute", "data", "property"} and lines:
        _FIRST_LINES[name] = lines[0]


def _undo_type_prefix(  # noqa: PLR0917 - the signature of the Sphinx event
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Put back a first line that napoleon split into a ``:type:`` and the rest."""
    first = _FIRST_LINES.pop(name, None)
    if first is None or ":" not in first:
        return
    prefix, _, rest = first.partition(":")
    type_line = f":type: {prefix.strip()}"
    if type_line not in lines:
        return
    at = lines.index(type_line)
    del lines[at]
    if at > 0 and not lines[at - 1].strip():
        del lines[at - 1]
    for index, line in enumerate(lines):
        if line.strip() == rest.strip():
            lines[index] = line.replace(rest.strip(), first.strip(), 1)
            break


def _drop_object_base(
    app: Sphinx, name: str, obj: object, options: object, bases: list[type]
) -> None:
    """Leave out "Bases: object": every class has it, so it tells the reader nothing."""
    bases[:] = [base for base in bases if base is not object]


def _drop_empty_bases(app: Sphinx, doctree: nodes.document) -> None:
    """Remove the "Bases:" line autodoc still writes when no base is left to name.

    Sphinx writes the line for every class shown with ``show-inheritance``, even when
    :func:`_drop_object_base` has left nothing after it (every attrs model class).
    """
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if paragraph.astext().strip() == "Bases:" and paragraph.parent is not None:
            paragraph.parent.remove(paragraph)


def setup(app: Sphinx) -> dict[str, Any]:
    # Around napoleon (priority 500): remember the first line before, mend it after.
    app.connect("autodoc-process-docstring", _remember_first_line, priority=400)
    app.connect("autodoc-process-docstring", _undo_type_prefix, priority=600)
    app.connect("missing-reference", _resolve)
    app.connect("autodoc-process-bases", _drop_object_base)
    app.connect("doctree-read", _drop_empty_bases)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
