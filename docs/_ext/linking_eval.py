"""Sphinx extension: the linker measured on the labelled awards, computed at build time.

``.. linking-evaluation::``
    Links the bundled USAspending page to the bundled FBI 2018 list with
    ``copsreform.link_recipients``, measures the links against the hand-made labels of
    ``tests/linking/labels.csv`` with ``copsreform.evaluate_links`` and renders the
    figures: links and precision by confidence level, recall, the targets, and every miss
    with its confusion (what was labelled, what was proposed, why).

``.. linking-timing::``
    Renders the committed timing, ``bench/results/linking.json`` (``bench/linking.py``).

Nothing is typed by hand: a change to the linker or the labels changes the page.
"""

import json
from pathlib import Path
from typing import Any

from bench_results import _table as bench_table
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

import copsreform as cr

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "linking" / "labels.csv"
TIMING = ROOT / "bench" / "results" / "linking.json"
PRECISION_TARGET = 0.98
RECALL_TARGET = 0.90


def _table(header: list[str], rows: list[list[str]], widths: str = "") -> list[str]:
    lines = bench_table(header, [[cell or " " for cell in row] for row in rows])
    return [*lines[:2], f"   :widths: {widths}", *lines[2:]] if widths else lines


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _met(value: float | None, target: float) -> str:
    return "met" if value is not None and value >= target else "**missed**"


def _rst(text: str) -> str:
    """Escape what reStructuredText would read as markup in a table cell."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("`", "\\`").replace("|", "\\|")


def render_evaluation() -> list[str]:
    """Return the RST of the measurement."""
    agencies, _ = cr.split(cr.read_bundled_2018())
    grants, _ = cr.split(cr.read_bundled_usaspending())
    results = cr.link_recipients(grants, agencies)
    labels = cr.read_link_labels(LABELS)
    report = cr.evaluate_links(results, labels)
    names = {a.ori: a.name for a in agencies if a.state == "WA"}
    rationale = {label.award_number: label.rationale for label in labels}
    statuses = {s: sum(r.status is s for r in results) for s in cr.LinkStatus}

    high = report.precision(cr.Confidence.HIGH)
    recall = report.recall()
    lines = [
        (
            f"{report.awards} awards, labelled with {report.labelled_links} (award, ORI) links; "
            f"{report.labelled_none} awards are labelled as funding no agency. The linker "
            f"linked {statuses[cr.LinkStatus.LINKED]}, found "
            f"{statuses[cr.LinkStatus.AMBIGUOUS]} ambiguous and left "
            f"{statuses[cr.LinkStatus.UNLINKED]} unlinked."
        ),
        "",
    ]
    rows = [
        [
            score.confidence.value,
            str(score.proposed),
            str(score.correct),
            _share(score.precision),
            str(score.found),
        ]
        for score in report.levels
    ]
    lines += _table(
        ["Confidence", "Links proposed", "Right", "Precision", "Labelled links found"], rows
    )
    lines += _table(
        ["Measure", "Value", "Target", "Status"],
        [
            [
                "Precision of high-confidence links",
                _share(high),
                f">= {PRECISION_TARGET}",
                _met(high, PRECISION_TARGET),
            ],
            [
                "Recall, high links only",
                _share(report.recall(cr.Confidence.HIGH)),
                "",
                "",
            ],
            [
                "Recall, high and medium links",
                _share(report.recall(cr.Confidence.HIGH, cr.Confidence.MEDIUM)),
                "",
                "",
            ],
            [
                "Recall over all labelled links (any confidence)",
                _share(recall),
                f">= {RECALL_TARGET}",
                _met(recall, RECALL_TARGET),
            ],
        ],
    )
    lines += ["Every miss, with its confusion:", ""]
    if not report.misses:
        return [*lines, "None.", ""]
    miss_rows = [
        [
            miss.award_number,
            _rst(miss.recipient_name),
            f"{miss.kind}: {miss.ori} ({_rst(names.get(miss.ori, '?'))})",
            f"{miss.status}"
            + (f", {miss.confidence.value}" if miss.confidence else "")
            + f"; proposed {', '.join(miss.proposed) or 'nothing'}",
            _rst(miss.explanation),
            _rst(rationale.get(miss.award_number, "")),
        ]
        for miss in report.misses
    ]
    lines += _table(
        ["Award", "Recipient", "Miss", "Linker", "Linker's reason", "Label's rationale"],
        miss_rows,
        "12 14 16 12 22 24",
    )
    return lines


def render_timing() -> list[str]:
    """Return the RST of the committed timing."""
    data: dict[str, Any] = json.loads(TIMING.read_text(encoding="utf-8"))
    machine = data["machine"]
    return [
        (
            f"``link_recipients`` on the {data['awards']} awards against the "
            f"{data['agencies']:,} imported agencies: median **{data['link_wall_median'] * 1000:.0f} "
            f"ms** wall clock ({data['link_cpu_median'] * 1000:.0f} ms CPU), slowest of "
            f"{data['rounds']} rounds {data['link_wall_max'] * 1000:.0f} ms; target under "
            f"{data['target_seconds']:.0f} s: {'met' if data['met'] else '**missed**'}. For scale, "
            f"{data['scale_awards']:,} city recipients (every city police department of the list, "
            f'as "CITY OF X") link in {data["scale_wall_median"]:.2f} s. Loading the FBI list '
            f"itself takes {data['load_agencies_seconds']:.2f} s and is not part of the call."
        ),
        "",
        (
            f"Recorded {machine['date']}, Python {machine['python']}, {machine['platform']}, "
            f"{machine['cores']} cores (load average at the start "
            f"{'/'.join(str(x) for x in machine['load_average_at_start'])}), by "
            "``bench/linking.py``."
        ),
        "",
    ]


class _Rendered(SphinxDirective):
    def _parse(self, lines: list[str]) -> list[nodes.Node]:
        container = nodes.section()
        container.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines), container)
        return list(container.children)


class EvaluationDirective(_Rendered):
    """``.. linking-evaluation::``: the measurement, computed now."""

    def run(self) -> list[nodes.Node]:
        """Link, measure and render."""
        self.env.note_dependency(str(LABELS))
        return self._parse(render_evaluation())


class TimingDirective(_Rendered):
    """``.. linking-timing::``: the committed timing."""

    def run(self) -> list[nodes.Node]:
        """Render the timing file."""
        self.env.note_dependency(str(TIMING))
        return self._parse(render_timing())


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives."""
    app.add_directive("linking-evaluation", EvaluationDirective)
    app.add_directive("linking-timing", TimingDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
