"""``copsreform validate``: check a file of grants, agencies or engagements."""

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from copsreform.batch import Rejected, Tally
from copsreform.cli._common import (
    EXIT_DATA,
    FORMAT_OPTION,
    KIND_CHOICE,
    _errors_as_lines,
    _write_rejections,
    check_outputs,
    main,
    read_records,
    run_with_progress,
)
from copsreform.errors import (
    CopsReformError,
    indefinite,
)
from copsreform.grant import Grant
from copsreform.schema import KINDS

SHOWN_BY_DEFAULT = 10
SCREENFUL_CHARS = 3_000


@main.command()
@click.argument("kind", type=KIND_CHOICE)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@FORMAT_OPTION
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every record with problems, with its position, field, value and reason "
    "(JSON Lines).",
)
@click.option(
    "--show",
    type=click.IntRange(min=0),
    help="Print the problems of this many bad records, then a count of the rest; 0 prints "
    f"all. By default, up to {SHOWN_BY_DEFAULT} records and about a screenful of text.",
)
def validate(
    kind: str, file: Path, output_format: str, errors_path: Path | None, show: int | None
) -> None:
    """Check every record of FILE (.jsonl, .json, .csv or .parquet) as KIND.

    KIND is singular or plural (grant, grants). Prints the problems of the first bad
    records with their locations and a count of the rest (--errors writes them all);
    when the records look like another kind, says which. Award numbers that appear more
    than once are listed. Exits 1 if any record has problems.

    \b
    Examples:
      copsreform validate grant grants.jsonl
      copsreform validate agencies agencies.csv --errors problems.jsonl
    """
    with _errors_as_lines():
        check_outputs([file], [errors_path])
        tally = Tally()
        rejected: list[Rejected] = []
        screen = _Screen(show)
        accepted = 0
        awards: Counter[str] = Counter()
        for outcome in run_with_progress(read_records(KINDS[kind], file), "records"):
            tally.add(outcome)
            if isinstance(outcome, Rejected):
                rejected.append(outcome)
                if output_format == "text":
                    screen.echo(f"{file}: {outcome}")
            else:
                accepted += 1
                if isinstance(outcome, Grant):
                    awards[outcome.award_number_display] += 1
        summary = tally.summary()
        repeated = _repeated(awards)
        if errors_path is not None:
            _write_rejections(rejected, errors_path, [file])
        other_kind = _looks_like(file, kind) if rejected and not accepted else None
        if output_format == "json":
            report: dict[str, Any] = {
                "summary": summary.as_dict(),
                "rejected": [r.as_dict() for r in rejected],
            }
            if kind == "grant":
                report["repeated_award_numbers"] = repeated
            if other_kind is not None:
                report["looks_like"] = other_kind
            click.echo(json.dumps(report, ensure_ascii=False))
        else:
            hidden = len(rejected) - screen.shown
            if hidden > 0:
                where = (
                    f"{errors_path} holds them all"
                    if errors_path is not None
                    else "--errors FILE writes them all, --show 0 prints them all"
                )
                click.echo(f"{file}: ... and {hidden} more records with problems ({where})")
            click.echo(f"{file}: {summary.read} records, {summary.rejected} with problems")
            _print_hints(file, kind, repeated, other_kind)
        if summary.rejected:
            sys.exit(EXIT_DATA)


class _Screen:
    """Prints the first bad records, about a screenful of them.

    ``show`` of them (0: all), or by default up to :data:`SHOWN_BY_DEFAULT` within
    :data:`SCREENFUL_CHARS` characters (the first always).
    """

    def __init__(self, show: int | None) -> None:
        self.limit = SHOWN_BY_DEFAULT if show is None else show
        self.budget = SCREENFUL_CHARS if show is None else None
        self.shown = 0
        self.full = False

    def echo(self, line: str) -> None:
        if self.limit and self.shown >= self.limit:
            self.full = True
        if self.budget is not None and self.shown and len(line) > self.budget:
            self.full = True  # in order: once one record is left out, so are the rest
        if self.full:
            return
        click.echo(line)
        self.shown += 1
        if self.budget is not None:
            self.budget -= len(line)


def _print_hints(file: Path, kind: str, repeated: dict[str, int], other_kind: str | None) -> None:
    if repeated:
        click.echo(f"{file}: {_repeated_note(repeated)}")
    if other_kind is not None:
        click.echo(
            f"{file}: no record reads as {indefinite(kind)}, but they read as "
            f"{other_kind} records: try 'copsreform validate {other_kind} {file}'"
        )


def _repeated(awards: Counter[str]) -> dict[str, int]:
    """Award numbers seen more than once, with how often, most frequent first."""
    return {number: n for number, n in awards.most_common() if n > 1}


def _repeated_note(repeated: dict[str, int]) -> str:
    shown = ", ".join(f"{number} ({n} times)" for number, n in list(repeated.items())[:5])
    more = f" and {len(repeated) - 5} more" if len(repeated) > 5 else ""
    return (
        f"note: {len(repeated)} award number(s) appear more than once: {shown}{more}. "
        "A transaction download has one record per action; otherwise totals count "
        "such an award more than once."
    )


def _looks_like(path: Path, kind: str, sample: int = 20) -> str | None:
    """Return the kind whose reader accepts every one of the first records, if one does."""
    for other in sorted(KINDS):
        if other == kind:
            continue
        try:
            outcomes = []
            for outcome in read_records(KINDS[other], path):
                outcomes.append(outcome)
                if len(outcomes) == sample:
                    break
        except (CopsReformError, OSError, UnicodeError):
            continue
        if outcomes and not any(isinstance(o, Rejected) for o in outcomes):
            return other
    return None
