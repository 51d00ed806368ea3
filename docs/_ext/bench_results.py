"""Sphinx extension: the recorded benchmark results, rendered from bench/results/latest.json.

``.. copsreform-bench::``
    Renders the machine, the targets with their status, and one table per measurement
    (decode with the collector on and off, encode, memory, real-data imports,
    eligibility) from the JSON that ``bench/run.py`` writes. Nothing is copied by hand,
    so the page shows exactly the run that is committed.
"""

import json
import subprocess
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results" / "latest.json"

_TARGET_LABELS = {
    "decode_gc_on": "Decode, garbage collector on (vs pydantic v2)",
    "decode_gc_off": "Decode, garbage collector off (vs pydantic v2)",
    "encode": "Encode (vs pydantic v2)",
    "memory": "Memory per record (vs pydantic v2)",
    "import_cde": "Import the FBI 2018 list (vs bare parse)",
    "import_usaspending": "Import the USAspending page (vs bare parse)",
    "eligibility": "Eligibility decisions per second",
}
_TIMED_SECTIONS = {
    "decode_gc_on": "Decode, garbage collector on",
    "decode_gc_off": "Decode, garbage collector off",
    "encode": "Encode",
}


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = [".. list-table::", "   :header-rows: 1", ""]
    for row in [header, *rows]:
        lines.append(f"   * - {row[0]}")
        lines.extend(f"     - {cell}" for cell in row[1:])
    return [*lines, ""]


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}x"


def _limit(name: str, limit: float) -> str:
    return f">= {limit:,.0f}/s" if name == "eligibility" else f"<= {limit}x"


def _measured(name: str, measured: float) -> str:
    return f"{measured:,.0f}/s" if name == "eligibility" else f"{measured:.2f}x"


def _changes_since(source: str) -> str:
    """Say how far ``src/`` has moved since the measured commit, when git can tell.

    ``source`` is what ``bench/run.py`` recorded: a short commit hash, perhaps followed by
    a note of uncommitted changes.
    """
    commit = source.split(maxsplit=1)[0] if source else ""
    root = RESULTS.parents[2]
    try:
        count = subprocess.run(  # noqa: S603 - git with fixed arguments
            ["git", "rev-list", "--count", f"{commit}..HEAD", "--", "src"],  # noqa: S607
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""  # no git (a source archive), or the commit is not in this history
    if count == "0":
        return " The library's source (``src/``) has not changed since."
    return (
        f" The library's source (``src/``) has changed in {count} commit(s) since: "
        "run ``python3 dev.py bench`` to measure it again."
    )


def render(results: dict[str, Any]) -> list[str]:
    """Return the RST for the recorded results."""
    machine = results["machine"]
    libraries = ", ".join(f"{k} {v}" for k, v in machine["libraries"].items())
    load = "/".join(str(x) for x in machine["load_average_at_start"])
    recorded = (
        f"Recorded {machine['date']} on {machine['cpu']}, {machine['cores']} cores, "
        f"{machine['python']}, {machine['platform']} (copsreform source {machine['source']}). "
        f"Libraries: {libraries}. Load average at the start {load}."
    )
    measured = (
        f"**These results measured copsreform at commit {machine['source']}**, "
        f"recorded {machine['date']}." + _changes_since(machine["source"])
    )
    lines = [
        measured,
        "",
        recorded,
        "",
        f"Input: {results['config']['records']:,} grant records, "
        f"{results['config']['rounds']} rounds with the contenders interleaved; medians of "
        "CPU time. Agreement check before timing: "
        + (
            "every contender accepted and rejected the same documents."
            if results["agreement"]["ok"]
            else "**the contenders disagreed**."
        ),
        "",
    ]
    lines += _title("Targets", "-")
    rows = [
        [
            _TARGET_LABELS[name],
            _measured(name, target["measured"]),
            _limit(name, target["limit"]),
            target["status"],
        ]
        for name, target in results["targets"].items()
    ]
    lines += _table(["Measure", "copsreform", "Target", "Status"], rows)
    for key, title in _TIMED_SECTIONS.items():
        lines += _title(title, "-")
        rows = [
            [
                f"``{name}``",
                f"{row['per_record_us']:.2f}",
                _ratio(row.get("ratio_vs_pydantic")),
                _ratio(row.get("ratio_vs_msgspec")),
            ]
            for name, row in results[key].items()
        ]
        lines += _table(["Contender", "µs per record", "vs pydantic", "vs msgspec"], rows)
    lines += _title("Memory retained per record", "-")
    reference = results["memory"]["pydantic"]
    rows = [
        [name, f"{value:,.0f}", _ratio(value / reference)]
        for name, value in results["memory"].items()
    ]
    lines += _table(["Contender", "bytes per record", "vs pydantic"], rows)
    lines += _title("Real data: import time against bare parsing", "-")
    rows = [
        [
            f"``{row['entry_point']}``",
            f"{1000 * row['import_s']:,.3f}",
            f"{1000 * row['bare_parse_s']:,.3f}",
            _ratio(row["ratio"]),
        ]
        for name, row in results["import"].items()
    ]
    lines += _table(["File", "import (ms)", "bare parse (ms)", "ratio"], rows)
    return lines


def _title(text: str, underline: str) -> list[str]:
    return [text, underline * len(text), ""]


class BenchDirective(SphinxDirective):
    """``.. copsreform-bench::``: the committed benchmark results."""

    #: The results file, and the function that turns its JSON into RST.
    results_file = RESULTS
    renderer = staticmethod(render)

    def run(self) -> list[nodes.Node]:
        """Render the results file into the document."""
        self.env.note_dependency(str(self.results_file))
        results = json.loads(self.results_file.read_text(encoding="utf-8"))
        container = nodes.section()
        container.document = self.state.document
        nested_parse_with_titles(self.state, StringList(self.renderer(results)), container)
        return list(container.children)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("copsreform-bench", BenchDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
