"""Sphinx extension: the command-line reference, generated from the click definitions.

``.. cli-reference:: copsreform.cli:main``
    Walks the click group and renders, for the group and for every command below it
    (sub-groups too, such as ``copsreform import usaspending``), a section with the
    usage line, the help text, the arguments and the options with their defaults, in
    the order click shows them. Nothing is written by hand, so the page cannot drift
    from ``copsreform --help``.

Help text follows click's conventions: a paragraph that starts with the ``\\b`` marker
keeps its line breaks (it is shown as a literal block), other paragraphs are prose, and
anything after ``\\f`` is left out.
"""

import importlib
import inspect
import re
from collections.abc import Callable
from typing import Any, ClassVar

import click
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

_UNDERLINES = '-~^"'
# Click's marker for a paragraph kept as written is the backspace character; a raw
# docstring (r"""...""") holds a backslash and a "b" instead, meant the same way.
_NO_REWRAP = frozenset({"\b", "\\b"})


def _load(spec: str) -> click.Command:
    module, _, name = spec.partition(":")
    command = getattr(importlib.import_module(module), name)
    if not isinstance(command, click.Command):
        raise TypeError(f"{spec} is not a click command")
    return command


def _help_rst(text: str | None) -> list[str]:
    """Turn click help text into RST lines (``\\b`` paragraphs become literal blocks)."""
    if not text:
        return []
    text = inspect.cleandoc(text).split("\f", 1)[0]
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        rows = paragraph.splitlines()
        if rows and rows[0].strip() in _NO_REWRAP:
            rows = rows[1:]
            heading = rows[0].strip() if rows and rows[0].rstrip().endswith(":") else ""
            if heading:
                lines += [heading, ""]
                rows = rows[1:]
            body = inspect.cleandoc("\n".join(rows)).splitlines()
            if heading.startswith("Example"):  # command lines: show them as typed
                lines += [".. code-block:: console", "", *_prompted(body), ""]
            else:
                lines += ["::", "", *(f"   {row}" for row in body), ""]
        else:
            lines += [*(_literal_options(row) for row in rows), ""]
    return lines


def _prompted(rows: list[str]) -> list[str]:
    """Prefix each command with a prompt; a line after a trailing backslash continues it."""
    lines = []
    continued = False
    for row in rows:
        lines.append(f"     {row.strip()}" if continued else f"   $ {row}")
        continued = row.rstrip().endswith("\\")
    return lines


def _escape(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("*", "\\*").replace("`", "\\`").replace("|", "\\|")
    return _literal_options(escaped)


_OPTION = re.compile(r"(?<![\w`-])(--[a-z][a-z-]*)")


def _literal_options(text: str) -> str:
    """Show option names (``--errors``) as code, so that "--" does not become a dash."""
    return _OPTION.sub(r"``\1``", text)


def _argument_rows(command: click.Command, ctx: click.Context) -> list[tuple[str, str]]:
    rows = []
    for param in command.get_params(ctx):
        if not isinstance(param, click.Argument):
            continue
        what = param.type.get_metavar(param, ctx) if isinstance(param.type, click.Choice) else ""
        kind = {"file": "a file path", "directory": "a folder", "path": "a path"}.get(
            param.type.name, param.type.name
        )
        text = f"one of ``{what}``" if what else _escape(kind)
        if not param.required:
            text += " (optional)"
        if param.nargs != 1:
            text += " (repeatable)"
        rows.append((param.human_readable_name, text))
    return rows


def _option_items(command: click.Command, ctx: click.Context) -> list[tuple[str, str]]:
    """Each option as ``(term, meaning)``; a choice's values go into the meaning, wrapped.

    Shown as a definition list rather than a table: a choice such as ``--type
    [city|county|...]`` is one long word that pushed a table's meaning column off screen.
    """
    items = []
    for param in command.get_params(ctx):
        if isinstance(param, click.Argument):
            continue
        record = param.get_help_record(ctx)
        if record is None:
            continue
        term, meaning = record
        if isinstance(param.type, click.Choice):
            listed = param.type.get_metavar(param, ctx) or ""
            longest = max(param.opts, key=len).lstrip("-")
            term = term.replace(listed, longest.upper().replace("-", "_"))
            values = ", ".join(f"``{choice}``" for choice in param.type.choices)
            meaning = f"{_escape(meaning)} One of: {values}."
        else:
            meaning = _escape(meaning)
        items.append((term, meaning))
    return items


def _definitions(items: list[tuple[str, str]]) -> list[str]:
    lines = []
    for term, meaning in items:
        lines += [f"``{term}``", f"   {meaning or ' '}", ""]
    return lines


def _table(header: tuple[str, str], rows: list[tuple[str, str]]) -> list[str]:
    lines = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 35 65",
        "",
        f"   * - {header[0]}",
        f"     - {header[1]}",
    ]
    for left, right in rows:
        lines += [f"   * - ``{left}``", f"     - {right or ' '}"]
    return [*lines, ""]


def _command_rst(command: click.Command, ctx: click.Context, depth: int) -> list[str]:
    path = ctx.command_path
    lines: list[str] = []
    if depth:  # the page's own title stands for the group itself
        title = f"``{path}``"
        lines += [f".. _cli-{path.replace(' ', '-')}:", "", title]
        lines += [_UNDERLINES[depth - 1] * len(title), ""]
    usage = " ".join([path, *command.collect_usage_pieces(ctx)])
    lines += [".. code-block:: console", "", f"   $ {usage}", ""]
    lines += _help_rst(command.help)
    arguments = _argument_rows(command, ctx)
    if arguments:
        lines += _table(("Argument", "Value"), arguments)
    options = _option_items(command, ctx)
    if options:
        lines += ["**Options**", "", *_definitions(options)]
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            sub_ctx = click.Context(sub, info_name=name, parent=ctx, **sub.context_settings)
            lines += _command_rst(sub, sub_ctx, depth + 1)
    return lines


class CliReference(SphinxDirective):
    """``.. cli-reference:: module:group``: every command of a click group."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], str]]] = {"prog": str.strip}

    def run(self) -> list[nodes.Node]:
        command = _load(self.arguments[0])
        prog = self.options.get("prog", command.name or "cli")
        ctx = click.Context(command, info_name=prog, **command.context_settings)
        text = "\n".join(_command_rst(command, ctx, 0))
        container = nodes.container()
        nested_parse_with_titles(self.state, StringList(text.splitlines(), "<cli>"), container)
        return list(container.children)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("cli-reference", CliReference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
