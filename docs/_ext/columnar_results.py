"""Sphinx extension: the columnar hand-off's cost and size, from bench/results/columnar.json.

``.. columnar-scale::``
    Renders the times of ``write_jsonl``, ``to_arrow``, ``write_parquet`` and
    ``read_parquet`` per grant, the ``to_arrow`` target, and the bytes a grant takes as
    Python objects, an Arrow table, Parquet and JSON Lines, from the JSON that
    ``bench/columnar.py`` writes. Nothing is copied by hand.
"""

from pathlib import Path
from typing import Any

from bench_results import BenchDirective, _table
from sphinx.application import Sphinx

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results" / "columnar.json"
TARGET = 2.0


def render(results: dict[str, Any]) -> list[str]:
    """Return the RST for the recorded results."""
    n = results["n"]
    tasks = results["tasks"]
    rows = [
        [f"``{name}``", f"{t['us_per_grant']:.2f}", f"{t['vs_write_jsonl']:.2f}x"]
        for name, t in tasks.items()
    ]
    ratio = tasks["to_arrow"]["vs_write_jsonl"]
    sizes = results["bytes_per_grant"]
    million = {name: per * 1_000_000 / 2**20 for name, per in sizes.items()}
    return [
        (
            f"{n:,} grants, {results['rounds']} rounds, CPU time medians; Python "
            f"{results['python']}, pyarrow {results['pyarrow']}. ``to_arrow`` costs "
            f"{ratio:.2f}x writing JSON Lines (target: at most {TARGET:.0f}x, "
            f"{'met' if ratio <= TARGET else 'missed'})."
        ),
        "",
        *_table(["task", "microseconds per grant", "vs write_jsonl"], rows),
        *_table(
            ["a grant held as", "bytes per grant", "a million grants"],
            [[name, f"{per:,.0f}", f"{million[name]:,.0f} MiB"] for name, per in sizes.items()],
        ),
    ]


class ColumnarScale(BenchDirective):
    """``.. columnar-scale::``: the committed columnar benchmark results."""

    results_file = RESULTS
    renderer = staticmethod(render)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("columnar-scale", ColumnarScale)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
