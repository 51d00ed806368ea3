"""``copsreform engagements``: the public CRI engagements copsreform ships."""

import sys

import click

from copsreform import export
from copsreform.cli._common import _errors_as_lines, main
from copsreform.dataset import engagements as find_engagements
from copsreform.engagement import Engagement
from copsreform.errors import (
    ProviderNotFoundError,
    ValidationError,
)
from copsreform.programs import CRIProgram
from copsreform.serialization import (
    to_json,
)

# Public engagements ------------------------------------------------------------------


@main.command()
@click.option("--state", help="Only agencies in this state (USPS code, such as CA).")
@click.option(
    "--program",
    type=click.Choice([p.value for p in CRIProgram]),
    help="Only this CRI program (the 2011-2017 ones included).",
)
@click.option("--year", type=int, help="Only engagements that began in this calendar year.")
@click.option("--provider", help="Only this provider (name, acronym or former name).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="A table for people; JSON Lines (one engagement per line) or CSV for programs.",
)
def engagements(
    state: str | None,
    program: str | None,
    year: int | None,
    provider: str | None,
    output_format: str,
) -> None:
    """List the public Collaborative Reform engagements copsreform ships, with sources.

    Every engagement, 2011 to today, rests on public sources; JSON and CSV carry them.

    \b
    Examples:
      copsreform engagements --state CA
      copsreform engagements --program critical_response_ta --format csv > reviews.csv
      copsreform engagements --year 2016 --format json
    """
    try:
        found = find_engagements(state=state, program=program, year=year, provider=provider)
    except (ValidationError, ProviderNotFoundError) as error:
        raise click.UsageError(str(error)) from None
    with _errors_as_lines():
        if output_format == "json":
            for engagement in found:
                click.echo(to_json(engagement))
        elif output_format == "csv":
            export.write_csv(found, sys.stdout, cls=Engagement)
        else:
            _print_engagements(found)


def _print_engagements(found: tuple[Engagement, ...]) -> None:
    if not found:
        click.echo("no engagement matches")
        return
    rows = [
        (
            "" if e.year is None else str(e.year),
            e.agency.state,
            e.agency.name,
            e.program.value,
            "" if e.provider is None else (e.provider.acronym or e.provider.name),
            "" if e.findings_count is None else str(e.findings_count),
            "" if e.recommendations_count is None else str(e.recommendations_count),
        )
        for e in found
    ]
    header = ("year", "state", "agency", "program", "provider", "findings", "recs")
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    for row in (header, *rows):
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    click.echo(f"\n{len(rows)} engagements; sources: --format json or csv")
