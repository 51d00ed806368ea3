"""The documentation's own extensions: what they put on the pages a reader sees.

The pages themselves are built by ``dev.py check`` (Sphinx, warnings as errors); these
tests pin the properties that the build would not catch: sizes, wording, structure.
"""

import re
import sys
from pathlib import Path

import click
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from copsreform.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_ext"))

import api_refs
import bench_results
import cli_reference
import diagrams


def test_the_model_diagram_fits_beside_the_sidebar_at_1280_px_with_13_px_text() -> None:
    svg = diagrams._model_svg()
    width = float(re.search(r"<svg [^>]*width='(\d+)'", svg).group(1))  # type: ignore[union-attr]
    # copsreform.css gives the figure up to 920 px; at or under that, nothing is scaled
    # down where the window leaves that room (1280 px wide and more).
    assert width <= 920
    field_sizes = {int(s) for s in re.findall(r"monospace'\s+font-size='(\d+)'", svg)}
    assert field_sizes == {13}


def test_long_field_lines_wrap_and_keep_their_indent() -> None:
    lines = diagrams._fields(__import__("copsreform").Agency)
    assert "primary_law_enforcement_authority:" in lines
    assert "  bool | None" in lines
    svg = diagrams._model_svg()
    assert ">bool | None</text>" in svg
    assert "  bool" not in svg  # SVG would drop the spaces: the indent is an x offset


def _parse(text: str) -> nodes.document:
    document = new_document("<test>", get_default_settings(Parser))
    Parser().parse(text, document)
    return document


def test_an_empty_bases_line_is_removed_and_a_real_one_kept() -> None:
    document = _parse("Bases:\n\nBases: Enum\n\nBases are good.\n")
    api_refs._drop_empty_bases(None, document)  # type: ignore[arg-type]
    assert [p.astext() for p in document.findall(nodes.paragraph)] == [
        "Bases: Enum",
        "Bases are good.",
    ]


def test_the_cli_reference_lists_choices_in_the_meaning_not_the_term() -> None:
    ctx = click.Context(main, info_name="copsreform")
    command = main.get_command(ctx, "eligibility")
    assert command is not None
    sub = click.Context(command, info_name="eligibility", parent=ctx)
    items = dict(cli_reference._option_items(command, sub))
    assert "--type TYPE" in items
    assert "One of: ``city``, ``county``" in items["--type TYPE"]
    assert all(len(term) < 40 for term in items)
    rst = "\n".join(cli_reference._command_rst(command, sub, 1))
    assert "list-table" not in rst.split("**Options**", 1)[1]


def test_the_performance_page_leads_with_the_measured_commit() -> None:
    results = {
        "machine": {
            "source": "0000000",
            "date": "2026-12-01 00:00 UTC",
            "cpu": "x",
            "cores": 2,
            "python": "CPython",
            "platform": "Linux",
            "libraries": {},
            "load_average_at_start": [0.0],
        },
        "config": {"records": 1, "rounds": 1},
        "agreement": {"ok": True},
        "targets": {},
        "decode_gc_on": {},
        "decode_gc_off": {},
        "encode": {},
        "memory": {"pydantic": 1.0},
        "import": {},
    }
    first = bench_results.render(results)[0]
    assert first.startswith("**These results measured copsreform at commit 0000000**")


def test_option_names_in_help_prose_stay_code_not_dashes() -> None:
    lines = cli_reference._help_rst("Exit 0 with --allow-rejections and ``--errors``.")
    assert lines[0] == "Exit 0 with ``--allow-rejections`` and ``--errors``."
