"""``copsreform link``: link grant recipients to agencies."""

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import click

from copsreform.batch import Tally
from copsreform.cli._common import (
    EXIT_DATA,
    OUTPUT_OPTION,
    REPORT_OPTION,
    _errors_as_lines,
    _fail,
    _kept,
    _read_agencies,
    atomic_output,
    check_outputs,
    main,
    output_format_of,
    read_records,
)
from copsreform.grant import Grant
from copsreform.linking import (
    LinkResult,
    link_recipients,
    write_links,
)

# link ----------------------------------------------------------------------------------


@main.command()
@click.argument(
    "grants_file", metavar="GRANTS", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.argument(
    "agencies_file",
    metavar="AGENCIES",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@OUTPUT_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "csv"]),
    help="Output format; else the output's suffix (.csv) says, else JSON Lines.",
)
@REPORT_OPTION
def link(
    grants_file: Path,
    agencies_file: Path,
    output: Path | None,
    output_format: str | None,
    report: str,
) -> None:
    """Link the recipient of each grant of GRANTS to the FBI agencies of AGENCIES.

    GRANTS is a grants file in copsreform's formats (.jsonl, .json, .csv; 'import
    usaspending' writes one). AGENCIES is an agencies file in copsreform's formats or any
    FBI Crime Data Explorer shape that 'import cde' reads. One row per proposed link
    (award_number, ori, confidence, rule, evidence and more; an ambiguous grant has a row
    per candidate) and one row with the reason for each grant without a link. A count by
    status and confidence goes to standard error. Exit status 1 if an input has bad
    records (they are reported; the others are linked).

    \b
    Examples:
      copsreform link grants.jsonl agencies-by-state-2018.json.gz -o links.csv
      copsreform summary links.csv --by agency
    """
    with _errors_as_lines():
        check_outputs([grants_file, agencies_file], [output])
        chosen = output_format_of(output, output_format)
        if chosen == "parquet":
            raise click.UsageError("links are written as CSV (.csv) or JSON Lines (.jsonl)")
        tally = Tally()
        grants = _kept(read_records(Grant, grants_file), grants_file, tally)
        if not grants:
            read = tally.summary()
            _fail(
                f"{grants_file}: holds no grant to link (read {read.read}, rejected "
                f"{read.rejected}); for a USAspending file, run 'copsreform import "
                "usaspending' first"
            )
        agency_tally = Tally()
        agencies = _kept(_read_agencies(agencies_file), agencies_file, agency_tally)
        bad_agencies = agency_tally.summary().rejected
        results = link_recipients(grants, agencies)
        file_format: Literal["csv", "jsonl"] = "csv" if chosen == "csv" else "jsonl"
        if output is None:
            write_links(results, sys.stdout, file_format)
        else:
            with atomic_output(output, inputs=[grants_file, agencies_file]) as stream:
                write_links(results, stream, file_format)
        counts = link_counts(results)
        counts["grants_rejected"] = tally.summary().rejected
        counts["agencies_rejected"] = bad_agencies
        if report == "json":
            click.echo(json.dumps(counts), err=True)
        else:
            click.echo(
                f"{counts['grants']} grants: {counts['linked']} linked, "
                f"{counts['ambiguous']} ambiguous, {counts['unlinked']} not linked; links "
                f"high {counts['high']}, medium {counts['medium']}, low {counts['low']}",
                err=True,
            )
        if tally.summary().rejected or bad_agencies:
            sys.exit(EXIT_DATA)


def link_counts(results: Iterable[LinkResult]) -> dict[str, int]:
    """Count grants by link status and links by confidence.

    Examples:
        >>> from copsreform.cli import link_counts
        >>> link_counts([])["grants"]
        0
    """
    counts = dict.fromkeys(
        ("grants", "linked", "ambiguous", "unlinked", "high", "medium", "low"), 0
    )
    for result in results:
        counts["grants"] += 1
        counts[result.status.value] += 1
        for found in result.links:
            counts[found.confidence.value] += 1
    return counts
