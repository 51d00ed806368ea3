"""Sphinx extension: the eligibility and award rules, generated from the rule data.

``.. copsreform-rules::``
    Renders every rule of copsreform's rule book (``copsreform/data/rules.json``),
    program by program: what the rule says, which check uses it, and a table of its
    versions (fiscal years, status and confidence, value, sources with links); then the
    conditions each program lists, the cross-program rules, and the register of sources.
    Nothing is written by hand, so the page cannot drift from the data.

``.. copsreform-rules::`` with ``:program: chp``
    Only the rules and conditions of one program (a program value such as ``chp`` or
    ``critical_response``), without the register of sources.
"""

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

from copsreform.rules import ConditionRule, Rule, RuleBook, RuleStage, RuleVersion

_STAGE_TEXT = {
    RuleStage.APPLICANT: "checked by ``check_eligibility`` and, on the recipient, ``check_award``",
    RuleStage.ELIGIBILITY: "checked by ``check_eligibility``",
    RuleStage.AWARD: "checked by ``check_award``",
    RuleStage.DATES: "a computed date on ``check_award`` decisions, not a pass/fail rule",
}


def _escape(text: str) -> str:
    """Escape the characters RST would read as markup in running text."""
    for char in ("\\", "*", "`", "|", "_"):
        text = text.replace(char, "\\" + char)
    return text


def _title(text: str, underline: str) -> list[str]:
    return [text, underline * len(text), ""]


def _links(book: RuleBook, version: RuleVersion) -> str:
    return ", ".join(
        f"`{source_id} <{book.source(source_id).urls[0]}>`__" for source_id in version.sources
    )


def _value(version: RuleVersion) -> str:
    text = _escape(version.describe())
    if version.note and version.params is not None:
        text += f" *({_escape(version.note.rstrip('.'))}.)*"
    return text


def _versions_table(
    book: RuleBook, versions: tuple[RuleVersion, ...], *, values: bool
) -> list[str]:
    header = (
        ["Fiscal years", "Status", "Value", "Sources"] if values else ["Fiscal years", "Sources"]
    )
    widths = "14 16 46 24" if values else "30 70"
    lines = [".. list-table::", "   :header-rows: 1", f"   :widths: {widths}", ""]
    lines += [f"   {'*' if i == 0 else ' '} - {h}" for i, h in enumerate(header)]
    for version in versions:
        cells = [version.label]
        if values:
            cells += [
                f"{version.status.value.replace('_', ' ')}, {version.confidence.value}",
                _value(version),
            ]
        cells.append(_links(book, version))
        lines += [f"   {'*' if i == 0 else ' '} - {cell}" for i, cell in enumerate(cells)]
    return [*lines, ""]


def _rule(book: RuleBook, rule: Rule) -> list[str]:
    lines = [
        f"``{rule.id}``: {_escape(rule.title)}",
        "",
        f"   {_escape(rule.description)} ({_STAGE_TEXT[rule.stage]}.)",
        "",
    ]
    table = _versions_table(book, rule.versions, values=True)
    return lines + [f"   {line}" if line else "" for line in table]


def _condition(book: RuleBook, condition: ConditionRule) -> list[str]:
    lines = [
        f"``{condition.id}`` ({condition.kind.value}): {_escape(condition.text)}",
        "",
    ]
    table = _versions_table(book, condition.versions, values=False)
    return lines + [f"   {line}" if line else "" for line in table]


def _program(book: RuleBook, program: Any, underline: str) -> list[str]:
    lines = _title(f"{program.title} ({program.value})", underline)
    lines += ["Rules:", ""]
    for rule in book.rules_of(program):
        lines += _rule(book, rule)
    conditions = [c for c in book.conditions if c.program == program.value]
    if conditions:
        lines += [
            (
                "Conditions, listed on decisions with their sources and never decided (the "
                "applicant certifies them, or the solicitation scores them):"
            ),
            "",
        ]
        for condition in conditions:
            lines += _condition(book, condition)
    return lines


def render(book: RuleBook, program: str | None = None) -> list[str]:
    """Return the RST lines for the whole book, or for one program's rules."""
    programs = [p for p in book.programs() if program is None or p.value == program]
    if program is not None and not programs:
        raise ValueError(f"the rule book has no rules for program {program!r}")
    lines: list[str] = []
    if program is None:
        lines += [
            (
                f"Generated from ``copsreform/data/rules.json`` (sources read in {book.read}): "
                f"{len(book.rules)} rules and {len(book.conditions)} conditions over "
                f"{len(programs)} programs."
            ),
            "",
        ]
    for chosen in programs:
        lines += _program(book, chosen, "~")
    if program is None:
        lines += _title("Rules of every grant program", "~")
        for rule in book.rules:
            if rule.program is None:
                lines += _rule(book, rule)
        lines += _title("Sources", "~")
        for source in book.sources:
            mark = "official" if source.official else "not official: a copy or a summary"
            lines += [f"``{source.id}`` ({mark})", f"   {_escape(source.title)}", ""]
            lines += [f"   - `{url} <{url}>`__" for url in source.urls] + [""]
    return lines


class RulesDirective(SphinxDirective):
    """Render the rule book as sections, tables and a source register."""

    has_content = False
    option_spec = {"program": directives.unchanged}  # noqa: RUF012 - the docutils API

    def run(self) -> list[nodes.Node]:
        lines = render(RuleBook.default(), self.options.get("program"))
        container = nodes.section() if "program" not in self.options else nodes.container()
        container.document = self.state.document
        nested_parse_with_titles(
            self.state, StringList(lines, source="<copsreform-rules>"), container
        )
        return list(container.children)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("copsreform-rules", RulesDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
