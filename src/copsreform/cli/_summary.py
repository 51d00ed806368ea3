"""``copsreform summary``: totals of a grants file, or of an agency-link file."""

import json
import sys
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import click

from copsreform.batch import Rejected, Tally
from copsreform.cli._common import (
    EXIT_DATA,
    FORMAT_OPTION,
    _errors_as_lines,
    _kept,
    main,
    read_records,
    run_with_progress,
)
from copsreform.cli._validate import _repeated, _repeated_note
from copsreform.grant import Grant
from copsreform.linking import (
    agency_totals,
    read_link_rows,
)
from copsreform.programs import CRIProgram, GrantProgram


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--by",
    type=click.Choice(["program", "fiscal_year", "state", "agency"]),
    multiple=True,
    help="Group by these (repeatable); all three, one table each, by default. "
    "'agency' groups a links file (the output of 'link').",
)
@FORMAT_OPTION
def summary(file: Path, by: tuple[str, ...], output_format: str) -> None:
    """Total the grants of FILE by program, fiscal year and state, or a links FILE by agency.

    Amounts are net federal obligations as the file gives them (they can be negative).
    Programs are shown by title. Records with problems are counted and reported, not
    totalled; the exit status is 1 if there are any. Award numbers that appear more than
    once are listed (a transaction download has one record per action; otherwise each
    such award is counted more than once). With --by agency, FILE is the output of 'link':
    high and medium links count, an award linked to two agencies counts under each, and
    awards without a link are grouped as (not linked) or (ambiguous).

    \b
    Examples:
      copsreform summary grants.jsonl --by program
      copsreform summary links.csv --by agency
    """
    if "agency" in by:
        if len(by) > 1:
            raise click.UsageError("--by agency reads a links file; give it alone")
        with _errors_as_lines():
            _agency_summary(file, output_format)
        return
    with _errors_as_lines():
        tally = Tally()
        grants: list[Grant] = []
        for outcome in run_with_progress(read_records(Grant, file), "records"):
            tally.add(outcome)
            if not isinstance(outcome, Rejected):
                grants.append(outcome)
        tables = {
            key: totals_by(grants, key) for key in (by or ("program", "fiscal_year", "state"))
        }
        counts = tally.summary()
        repeated = _repeated(Counter(g.award_number_display for g in grants))
        if output_format == "json":
            click.echo(
                json.dumps(
                    {
                        "records": counts.as_dict(),
                        "totals": {
                            key: [
                                {
                                    "group": g,
                                    **({"title": _program_title(g)} if key == "program" else {}),
                                    "grants": n,
                                    "federal_amount": str(a),
                                }
                                for g, (n, a) in rows.items()
                            ]
                            for key, rows in tables.items()
                        },
                        "repeated_award_numbers": repeated,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            for key, rows in tables.items():
                if key == "program":
                    rows = {_program_title(g): v for g, v in rows.items()}  # noqa: PLW2901
                click.echo(_table(key, rows))
            click.echo(str(counts))
            if repeated:
                click.echo(_repeated_note(repeated))
        if counts.rejected:
            sys.exit(EXIT_DATA)


def _program_title(code: str) -> str:
    """``chp`` as ``COPS Hiring Program (chp)``: the title people know, the code scripts use.

    A title's subtitle (after a colon) is left out, to keep tables narrow.
    """
    return _titled(GrantProgram(code))


def _titled(program: CRIProgram | GrantProgram) -> str:
    return f"{program.title.split(':')[0]} ({program.value})"


def _group_of(grant: Grant, key: str) -> str:
    if key == "program":
        return grant.program.value
    if key == "fiscal_year":
        return str(grant.fiscal_year)
    return grant.recipient.state or "(unknown)"


def totals_by(grants: Iterable[Grant], key: str) -> dict[str, tuple[int, Decimal]]:
    """Count grants and add their federal amounts by ``program``, ``fiscal_year`` or ``state``.

    Args:
        grants: The grants.
        key: What to group by.

    Returns:
        Group label to ``(count, total)``, sorted by label.

    Examples:
        >>> from copsreform.cli import totals_by
        >>> totals_by([], "program")
        {}
    """
    totals: dict[str, tuple[int, Decimal]] = {}
    for grant in grants:
        label = _group_of(grant, key)
        count, amount = totals.get(label, (0, Decimal(0)))
        totals[label] = (count + 1, amount + grant.federal_amount)
    return dict(sorted(totals.items()))


def _table(key: str, rows: dict[str, tuple[int, Decimal]]) -> str:
    header = (key.replace("_", " "), "grants", "federal amount ($)")
    body = [(label, str(n), _money(amount)) for label, (n, amount) in rows.items()]
    total_n = sum(n for n, _ in rows.values())
    total_amount = sum((a for _, a in rows.values()), Decimal(0))
    footer = ("total", str(total_n), _money(total_amount))
    widths = [max(len(r[i]) for r in (header, *body, footer)) for i in range(3)]

    def line(cells: tuple[str, str, str]) -> str:
        return f"{cells[0]:<{widths[0]}}  {cells[1]:>{widths[1]}}  {cells[2]:>{widths[2]}}"

    rule = "-" * (sum(widths) + 4)
    return "\n".join([line(header), rule, *(line(r) for r in body), rule, line(footer), ""])


def _agency_summary(file: Path, output_format: str) -> None:
    tally = Tally()
    rows = _kept(read_link_rows(file), file, tally)
    totals = agency_totals(rows)
    counts = tally.summary()
    awards = {row["award_number"]: Decimal(row["federal_amount"]) for row in rows}
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "records": counts.as_dict(),
                    "awards": len(awards),
                    "federal_amount": str(sum(awards.values(), Decimal("0.00"))),
                    "totals": {
                        "agency": [
                            {"group": g, "grants": n, "federal_amount": str(a)}
                            for g, (n, a) in totals.items()
                        ]
                    },
                },
                ensure_ascii=False,
            )
        )
    else:
        click.echo(_table("agency", totals).rstrip("\n").rsplit("\n", 2)[0])
        click.echo(
            f"{len(awards)} awards, {_money(sum(awards.values(), Decimal(0)))} in all; an award "
            "linked to several agencies counts under each\n"
        )
        click.echo(str(counts))
    if counts.rejected:
        sys.exit(EXIT_DATA)
