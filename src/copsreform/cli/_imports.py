"""``copsreform import``: USAspending or FBI files to JSON Lines, CSV or Parquet."""

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from copsreform import arrow, export
from copsreform.agency import Agency
from copsreform.batch import Rejected, Tally
from copsreform.cli._common import (
    EXIT_DATA,
    OUTPUT_FORMATS,
    OUTPUT_OPTION,
    REPORT_OPTION,
    _errors_as_lines,
    _options_in_messages,
    _report,
    _write_rejections,
    atomic_output,
    check_outputs,
    main,
    output_format_of,
    run_with_progress,
)
from copsreform.grant import Grant
from copsreform.serialization import (
    to_json,
)
from copsreform.sources import read_cde, read_usaspending
from copsreform.sources.usaspending import detect_format as _usaspending_shape


@main.command(name="import")
@click.argument("source", type=click.Choice(["usaspending", "cde"]))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@OUTPUT_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(OUTPUT_FORMATS)),
    help="Output format; else the output's suffix (.csv, .parquet) says, else JSON Lines.",
)
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every rejected record, with its position, field, value and reason (JSON Lines).",
)
@click.option("--strict", is_flag=True, help="Stop at the first bad record.")
@click.option(
    "--allow-rejections",
    is_flag=True,
    help="Exit 0 although records were rejected, since --errors holds every one of them "
    "(for files with known bad records, such as the FBI list).",
)
@click.option(
    "--listing",
    help="USAspending API pages: the Assistance Listing of the request filter, e.g. 16.710.",
)
@click.option(
    "--state", help="USAspending API pages: the recipients' state of the request filter, e.g. WA."
)
@REPORT_OPTION
def import_(
    source: str,
    file: Path,
    output: Path | None,
    output_format: str | None,
    errors_path: Path | None,
    strict: bool,
    allow_rejections: bool,
    listing: str | None,
    state: str | None,
    report: str,
) -> None:
    """Convert a USAspending or FBI Crime Data Explorer FILE to JSON Lines, CSV or Parquet.

    The file's shape is detected (USAspending: spending_by_award API page, award or
    transaction download CSV; FBI: county-keyed API JSON, state-keyed JSON such as the
    2018 list, or any agency table with ori and agency_name or pub_agency_name columns,
    such as a NIBRS agencies table; gzip too). Every record is imported or rejected with
    its reason; the summary, with the source columns that were not kept, goes to
    standard error. Exit status 1 if any record was rejected, unless --allow-rejections
    is given and --errors has written every rejection. A file that cannot be read as a
    whole writes nothing. Parquet (the arrow extra) needs -o. An API page does not say
    which listing and state it was asked for: pass them as --listing and --state. A
    progress bar shows on standard error when it is a terminal.

    \b
    Examples:
      copsreform import usaspending page1.json --listing 16.710 --state WA -o grants.jsonl
      copsreform import cde agencies-by-state-2018.json.gz -o agencies.csv \\
          --errors bad.jsonl --allow-rejections
      copsreform import usaspending page1.json -o grants.parquet
    """
    with _errors_as_lines():
        check_outputs([file], [output, errors_path])
        chosen = output_format_of(output, output_format)
        if allow_rejections and errors_path is None:
            raise click.UsageError(
                "--allow-rejections needs --errors FILE, so that no rejection goes unrecorded"
            )
        if source == "usaspending":
            with _options_in_messages(
                {"assistance_listing": "--listing", "recipient_state": "--state"}
            ):
                outcomes: Iterator[Any] = read_usaspending(
                    file, assistance_listing=listing, recipient_state=state, strict=strict
                )
            cls: type[Any] = Grant
        else:
            if listing or state:
                raise click.UsageError("--listing and --state apply to USAspending files only")
            outcomes = read_cde(file, strict=strict)
            cls = Agency
        as_csv = chosen == "csv"
        tally = Tally()
        rejected: list[Rejected] = []

        def imported() -> Iterator[Any]:
            for outcome in run_with_progress(outcomes, "records"):
                tally.add(outcome)
                if isinstance(outcome, Rejected):
                    rejected.append(outcome)
                else:
                    yield outcome

        def emit(stream: IO[str]) -> None:
            if as_csv:
                export.write_csv(imported(), stream, cls=cls)
            else:
                for obj in imported():
                    stream.write(to_json(obj) + "\n")

        if output is None:
            emit(sys.stdout)
        elif chosen == "parquet":
            arrow.write_parquet(imported(), output, cls=cls)
        else:
            with atomic_output(output, inputs=[file]) as stream:
                emit(stream)
        if errors_path is not None:
            _write_rejections(rejected, errors_path, [file])
        if (
            source == "usaspending"
            and (listing is None or state is None)
            and _usaspending_shape(file) == "api"
        ):
            _warn_api_page_filters(listing, state)
        tally.unkept = getattr(outcomes, "unkept", ())
        _report(tally.summary(), report)
        if rejected and not allow_rejections:
            sys.exit(EXIT_DATA)


def _warn_api_page_filters(listing: str | None, state: str | None) -> None:
    missing = [
        text
        for given, text in (
            (listing, "--listing (the Assistance Listing, e.g. 16.710)"),
            (state, "--state (the recipients' state, e.g. WA)"),
        )
        if given is None
    ]
    click.echo(
        "copsreform: warning: an API page does not say which filters it was requested "
        "with; records that do not give their listing or state keep them empty. Pass the "
        "request's " + " and ".join(missing) + ".",
        err=True,
    )
