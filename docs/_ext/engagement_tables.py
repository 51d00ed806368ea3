"""Sphinx extension: the engagement and provider tables and chart, from the shipped data.

``.. engagement-table::``
    A table of the public engagements ``copsreform.engagements()`` returns: year, agency,
    program, provider, findings and recommendations, sources (each a link; official
    copies marked). ``:programs:`` takes program values separated by commas to show only
    those programs.

``.. provider-table::``
    The provider registry: role, programs, the years the sources show, how many of the
    dataset's engagements name the provider, and its sources.

``.. engagement-chart::``
    Engagements by the year they began, stacked by program, drawn as SVG at build time.

Nothing is written by hand, so the pages cannot drift from the data.
"""

from collections import Counter
from html import escape
from typing import Any, ClassVar

from diagrams import _figure, _svg, _text
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from rules_table import _escape
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

import copsreform as cr

_SHORT = {
    cr.CRIProgram.COLLABORATIVE_REFORM: "Collaborative Reform (CRI-TA)",
    cr.CRIProgram.CRITICAL_RESPONSE_TA: "Critical Response TA (2011-2017)",
    cr.CRIProgram.CRI_TAC: "CRI-TAC",
    cr.CRIProgram.CRITICAL_RESPONSE: "Critical Response",
    cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT: "Organizational Assessment",
}
# Program order for legends and colours: by era.
_ORDER = (
    cr.CRIProgram.COLLABORATIVE_REFORM,
    cr.CRIProgram.CRITICAL_RESPONSE_TA,
    cr.CRIProgram.CRI_TAC,
    cr.CRIProgram.CRITICAL_RESPONSE,
    cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT,
)
_COLOURS = ("#2f6fb2", "#9bc1e6", "#c9822b", "#2e8b57", "#8e5ba8")


def _row(cells: list[str]) -> list[str]:
    return [f"   {'*' if i == 0 else ' '} - {cell}" for i, cell in enumerate(cells)]


def _link(label: str, url: str) -> str:
    return f"`{_escape(label)} <{url}>`__"


def _citation_link(citation: str) -> str:
    """Link a registry citation, ``"<title>: <url>"``, by its site; mark official ones."""
    title, _, rest = citation.rpartition(": http")
    url = "http" + rest
    site = url.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
    return _link(site, url) + (" (official)" if "[official]" in title else "")


def _sources(engagement: cr.Engagement) -> str:
    links = []
    for source in engagement.sources:
        label = source.domain.removeprefix("www.")
        links.append(_link(label, source.url) + (" (official)" if source.official else ""))
    return ", ".join(links)


def _counts(engagement: cr.Engagement) -> str:
    findings, recs = engagement.findings_count, engagement.recommendations_count
    if findings is None and recs is None:
        return ""
    return f"{'?' if findings is None else findings} / {'?' if recs is None else recs}"


def _provider(provider: cr.Provider | None) -> str:
    if provider is None:
        return "not named"
    return provider.name + (f" ({provider.acronym})" if provider.acronym else "")


def _parse(directive: SphinxDirective, lines: list[str]) -> list[nodes.Node]:
    node = nodes.section()
    node.document = directive.state.document
    nested_parse_with_titles(directive.state, StringList(lines, "engagement_tables"), node)
    return node.children


def _undated_text(count: int) -> str:
    return {0: "all have one", 1: "one has none"}.get(count, f"{count} have none")


class EngagementTable(SphinxDirective):
    """``.. engagement-table::``: the shipped engagements, optionally of some programs."""

    option_spec: ClassVar[dict[str, Any]] = {"programs": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        wanted = [
            cr.CRIProgram(v.strip()) for v in self.options.get("programs", "").split(",") if v
        ]
        found = [e for e in cr.engagements() if not wanted or e.program in wanted]
        if not found:
            raise self.error("engagement-table: no engagement of these programs")
        lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 7 22 15 16 10 30",
            "   :class: copsreform-engagements",
            "",
            *_row(["Year", "Agency", "Program", "Provider", "Findings / recs.", "Sources"]),
        ]
        for e in found:
            agency = f"{_escape(e.agency.name)}, {e.agency.state} (``{e.agency.ori}``)"
            lines += _row(
                [
                    "n/a" if e.year is None else str(e.year),
                    agency,
                    _SHORT[e.program],
                    _escape(_provider(e.provider)),
                    _counts(e) or " ",
                    _sources(e),
                ]
            )
        undated = sum(1 for e in found if e.year is None)
        lines += [
            "",
            (
                f"{len(found)} engagements, from ``copsreform.engagements()``. *Year* is that "
                "of the earliest date a source gives to the day (empty dates stay empty); "
                f"{_undated_text(undated)}. Each engagement's "
                "notes, dates and focus are in its "
                "record (``copsreform engagements --format json``)."
            ),
            "",
        ]
        return _parse(self, lines)


class ProviderTable(SphinxDirective):
    """``.. provider-table::``: the provider registry with the dataset's counts."""

    def run(self) -> list[nodes.Node]:
        sites = Counter(e.provider.name for e in cr.engagements() if e.provider is not None)
        lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 24 10 22 10 8 26",
            "",
            *_row(["Provider", "Role", "Programs", "Years", "Sites here", "Sources"]),
        ]
        for provider in cr.providers():
            first = provider.first_year or "?"
            years = (
                f"since {first}" if provider.last_year is None else f"{first}-{provider.last_year}"
            )
            programs = ", ".join(_SHORT[p] for p in _ORDER if p in provider.programs)
            sources = ", ".join(_citation_link(s) for s in provider.sources)
            aliases = f" (also {', '.join(provider.aliases)})" if provider.aliases else ""
            lines += _row(
                [
                    _escape(_provider(provider) + aliases),
                    provider.role.value,
                    programs,
                    years,
                    str(sites.get(provider.name, 0)),
                    sources,
                ]
            )
        lines += [
            "",
            (
                "*Years* are those in which the sources show the provider in its role (an "
                "open end: still named as a current provider). *Sites here* counts the "
                "engagements of ``copsreform.engagements()`` that name it."
            ),
            "",
        ]
        return _parse(self, lines)


def _chart_svg() -> tuple[str, int, int]:
    dated = [e for e in cr.engagements() if e.year is not None]
    undated = len(cr.engagements()) - len(dated)
    counts = Counter((e.year, e.program) for e in dated)
    first, last = min(e.year for e in dated if e.year), max(e.year for e in dated if e.year)
    years = list(range(first, last + 1))
    top = max(sum(counts[(y, p)] for p in _ORDER) for y in years)
    plot_left, plot_top, plot_h, bar_w, gap = 44.0, 34.0, 220.0, 26.0, 10.0
    scale = plot_h / top
    base = plot_top + plot_h
    plot_w = len(years) * (bar_w + gap) + gap
    body = [_text(plot_left - 36, 18, "Engagements begun", size=12, weight="bold")]
    for value in range(top + 1):
        y = base - value * scale
        body.append(f"<path d='M{plot_left},{y:.1f} h{plot_w:.1f}' stroke='#e4e7eb'/>")
        body.append(_text(plot_left - 8, y + 4, str(value), size=11, anchor="end"))
    for i, year in enumerate(years):
        x = plot_left + gap + i * (bar_w + gap)
        y = base
        for colour, program in zip(_COLOURS, _ORDER, strict=True):
            n = counts[(year, program)]
            if not n:
                continue
            y -= n * scale
            body.append(
                f"<rect x='{x:.1f}' y='{y:.1f}' width='{bar_w}' height='{n * scale:.1f}' "
                f"fill='{colour}'><title>{year} {escape(_SHORT[program])}: {n}</title></rect>"
            )
        body.append(_text(x + bar_w / 2, base + 16, str(year), size=10, anchor="middle"))
    body.append(f"<path d='M{plot_left},{base:.1f} h{plot_w:.1f}' stroke='#1f2933'/>")
    legend_y = base + 36
    for i, (colour, program) in enumerate(zip(_COLOURS, _ORDER, strict=True)):
        lx = plot_left + (i % 2) * (plot_w / 2)
        ly = legend_y + (i // 2) * 20
        body.append(f"<rect x='{lx:.1f}' y='{ly:.1f}' width='13' height='13' fill='{colour}'/>")
        body.append(_text(lx + 19, ly + 11, _SHORT[program], size=12))
    width = plot_left + plot_w + 16
    height = legend_y + ((len(_ORDER) + 1) // 2) * 20 + 8
    title = "Public CRI engagements by the year they began and program"
    return _svg(width, height, body, title), len(dated), undated


class EngagementChart(SphinxDirective):
    """``.. engagement-chart::``: engagements by year and program, from the dataset."""

    def run(self) -> list[nodes.Node]:
        svg, dated, undated = _chart_svg()
        return _figure(
            self,
            "engagements.svg",
            svg,
            f"The {dated} dated engagements of ``copsreform.engagements()`` by the year of "
            f"their earliest known date, stacked by program ({undated} have no date a source "
            "gives to the day and are left out). The dataset is a sample of the public "
            "record, not a census: CRI-TAC alone reports hundreds of unnamed sites. Drawn "
            "at build time.",
            "Stacked bar chart of public CRI engagements by year and program.",
        )


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("engagement-table", EngagementTable)
    app.add_directive("provider-table", ProviderTable)
    app.add_directive("engagement-chart", EngagementChart)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
