"""``copsreform eligibility``: decide an agency, or a file of agencies, against the programs."""

import csv
import json
import sys
from pathlib import Path
from typing import Final

import click

from copsreform import export
from copsreform.agency import Agency, AgencyType, Jurisdiction, Organization
from copsreform.batch import Rejected, Tally
from copsreform.cli._common import (
    EXIT_DATA,
    _errors_as_lines,
    _fail,
    _options_in_messages,
    _read_agencies,
    main,
)
from copsreform.cli._summary import _titled
from copsreform.errors import (
    RuleNotInForceError,
)
from copsreform.fiscal import FiscalYear
from copsreform.programs import CRIProgram, GrantProgram
from copsreform.rules import ASSUMABLE, Decision, check_eligibility, eligibility_matrix
from copsreform.serialization import (
    to_dict,
)

# eligibility ---------------------------------------------------------------------------

_PROGRAMS: dict[str, CRIProgram | GrantProgram] = {
    **{p.value: p for p in CRIProgram},
    **{
        p.value: p
        for p in GrantProgram
        if p not in (GrantProgram.UNKNOWN, GrantProgram.TECHNOLOGY, GrantProgram.CRI)
    },
}


def _tri_state(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "unknown")


_BOOLEANS = {"true": True, "yes": True, "false": False, "no": False}


def _assumptions(values: tuple[str, ...]) -> dict[str, bool]:
    """Parse ``--assume NAME=VALUE`` options (VALUE true/false or yes/no)."""
    assumed: dict[str, bool] = {}
    for text in values:
        name, sep, value = text.partition("=")
        name = name.strip()
        if not sep or name not in ASSUMABLE or value.strip().lower() not in _BOOLEANS:
            raise click.BadParameter(
                f"{text!r}: give NAME=true or NAME=false, NAME one of {', '.join(ASSUMABLE)}",
                param_hint="--assume",
            )
        assumed[name] = _BOOLEANS[value.strip().lower()]
    return assumed


@main.command()
@click.option(
    "--agencies",
    "agencies_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A file of agencies (.jsonl, .json or .csv); more than one gives a matrix.",
)
@click.option("--name", help="The agency's name (instead of --agencies).")
@click.option("--state", help="Its USPS state code.")
@click.option(
    "--jurisdiction", type=click.Choice([j.value for j in Jurisdiction]), help="Its level."
)
@click.option(
    "--type", "agency_type", type=click.Choice([t.value for t in AgencyType]), help="FBI type."
)
@click.option("--ori", help="Its 9-character ORI.")
@click.option(
    "--primary-authority",
    type=click.Choice(["yes", "no", "unknown"]),
    default="unknown",
    show_default=True,
    help="Whether it has primary law enforcement authority.",
)
@click.option("--sworn", type=click.IntRange(min=0), help="Sworn officers.")
@click.option("--population", type=click.IntRange(min=0), help="Population served.")
@click.option(
    "--program",
    "programs",
    type=click.Choice(sorted(_PROGRAMS)),
    multiple=True,
    help="A program to decide (repeatable); every program by default.",
)
@click.option("--fiscal-year", required=True, help="The fiscal year, such as FY2025 or 2025.")
@click.option(
    "--assume",
    "assume",
    multiple=True,
    metavar="NAME=VALUE",
    help=(
        "Assume a value an agency record lacks (repeatable), e.g. "
        "primary_law_enforcement_authority=true; decisions that use it say so."
    ),
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Text for people, JSON for programs, CSV (one row per agency and program) for "
    "spreadsheets.",
)
def eligibility(
    agencies_file: Path | None,
    name: str | None,
    state: str | None,
    jurisdiction: str | None,
    agency_type: str | None,
    ori: str | None,
    primary_authority: str,
    sworn: int | None,
    population: int | None,
    programs: tuple[str, ...],
    fiscal_year: str,
    assume: tuple[str, ...],
    output_format: str,
) -> None:
    """Decide whether an agency, or each agency of a file, is eligible for COPS programs.

    The agencies file is in copsreform's own formats (.jsonl, .json, .csv) or any FBI
    Crime Data Explorer shape that 'import cde' reads. One agency: every decision with
    its reasons, rule by rule, with sources. A file of several agencies: a matrix (E
    eligible, I ineligible, U undetermined, - no rules in force that year; a * marks a
    verdict that rests on an --assume value) with the programs' titles. CSV has one row
    per agency and program. No FBI file says whether an agency has primary law
    enforcement authority: --assume states it for the records that lack it, and every
    decision that used it says so. Exit status 1 if the agency file has bad records.

    \b
    Examples:
      copsreform eligibility --name "Boston Police Department" --state MA \\
          --jurisdiction local --type city --program critical_response --fiscal-year 2024
      copsreform eligibility --agencies agencies.csv --fiscal-year FY2025 --format json
      copsreform eligibility --agencies agencies.csv --program chp --fiscal-year 2025 \\
          --assume primary_law_enforcement_authority=true
    """
    with _errors_as_lines():
        with _options_in_messages(_AGENCY_OPTIONS):
            year = FiscalYear.parse(fiscal_year)
        assumed = _assumptions(assume)
        chosen = [_PROGRAMS[p] for p in programs] or list(_PROGRAMS.values())
        tally = Tally()
        if agencies_file is not None:
            if name is not None:
                raise click.UsageError("give either --agencies or --name, not both")
            applicants: list[Agency | Organization] = []
            for outcome in _read_agencies(agencies_file):
                tally.add(outcome)
                if isinstance(outcome, Rejected):
                    click.echo(f"{agencies_file}: {outcome}", err=True)
                else:
                    applicants.append(outcome)
        else:
            if not (name and state and jurisdiction and agency_type):
                raise click.UsageError(
                    "give --agencies FILE, or --name, --state, --jurisdiction and --type"
                )
            with _options_in_messages(_AGENCY_OPTIONS):
                applicants = [
                    Agency(
                        name=name,
                        state=state,
                        jurisdiction=Jurisdiction(jurisdiction),
                        agency_type=AgencyType(agency_type),
                        ori=ori,
                        sworn_officers=sworn,
                        population=population,
                        primary_law_enforcement_authority=_tri_state(primary_authority),
                    )
                ]
        if not applicants:
            counts = tally.summary()
            _fail(
                f"{agencies_file}: holds no agency to decide "
                f"(read {counts.read}, rejected {counts.rejected})"
            )
        if output_format == "csv":
            _print_csv(applicants, chosen, year, assumed)
        elif len(applicants) == 1:
            _print_decisions(applicants[0], chosen, year, output_format, assumed)
        else:
            _print_matrix(applicants, chosen, year, output_format, assumed)
        if tally.summary().rejected:
            sys.exit(EXIT_DATA)


#: The options of ``eligibility`` that build an agency, by the path a problem names.
_AGENCY_OPTIONS: Final = {
    "Agency.name": "--name",
    "Agency.state": "--state",
    "Agency.ori": "--ori",
    "Agency.jurisdiction": "--jurisdiction",
    "Agency.agency_type": "--type",
    "Agency.sworn_officers": "--sworn",
    "Agency.population": "--population",
    "fiscal_year": "--fiscal-year",
}

#: The columns of ``eligibility --format csv``.
ELIGIBILITY_CSV_COLUMNS: Final = (
    "agency",
    "ori",
    "program",
    "program_title",
    "fiscal_year",
    "status",
    "missing",
)


def _print_csv(
    applicants: list[Agency | Organization],
    programs: list[CRIProgram | GrantProgram],
    year: FiscalYear,
    assumed: dict[str, bool],
) -> None:
    """One row per agency and program; status ``no_rules`` when none are in force that year."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(ELIGIBILITY_CSV_COLUMNS)
    for applicant in applicants:
        for program in programs:
            decision = _decide(applicant, program, year, assumed)
            writer.writerow(
                (
                    export.neutralise(applicant.name),
                    getattr(applicant, "ori", None) or "",
                    program.value,
                    program.title,
                    year.year,
                    "no_rules" if decision is None else decision.status.value,
                    "" if decision is None else ";".join(decision.missing),
                )
            )


def _decide(
    applicant: Agency | Organization,
    program: CRIProgram | GrantProgram,
    year: FiscalYear,
    assumed: dict[str, bool] | None = None,
) -> Decision | None:
    try:
        return check_eligibility(applicant, program, fiscal_year=year, assume=assumed)
    except RuleNotInForceError:
        return None


def _print_decisions(
    applicant: Agency | Organization,
    programs: list[CRIProgram | GrantProgram],
    year: FiscalYear,
    output_format: str,
    assumed: dict[str, bool],
) -> None:
    decisions = [(p, _decide(applicant, p, year, assumed)) for p in programs]
    if output_format == "json":
        click.echo(
            json.dumps(
                [{"program": p.value, "decision": to_dict(d) if d else None} for p, d in decisions],
                ensure_ascii=False,
            )
        )
        return
    for program, decision in decisions:
        if decision is None:
            click.echo(f"{program.value}: no rules in force for {year}\n")
        else:
            click.echo(decision.explain() + "\n")


_LETTER = {"eligible": "E", "ineligible": "I", "undetermined": "U"}


def _print_matrix(
    applicants: list[Agency | Organization],
    programs: list[CRIProgram | GrantProgram],
    year: FiscalYear,
    output_format: str,
    assumed: dict[str, bool],
) -> None:
    in_force = [p for p in programs if _decide(applicants[0], p, year) is not None]
    matrix = eligibility_matrix(applicants, in_force, fiscal_year=year, assume=assumed)
    if output_format == "json":
        rows = [
            {
                "applicant": a.name,
                "ori": getattr(a, "ori", None),
                "status": {p.value: matrix.status(i, p).value for p in in_force},
                "assumed": {
                    p.value: list(matrix.assumed(i, p)) for p in in_force if matrix.assumed(i, p)
                },
            }
            for i, a in enumerate(applicants)
        ]
        document = {"fiscal_year": year.year, "assume": assumed, "rows": rows}
        click.echo(json.dumps(document, ensure_ascii=False))
        return
    labels = [f"{getattr(a, 'ori', None) or '-':<9}  {a.name}" for a in applicants]
    width = max(len(label) for label in labels)
    for number, program in enumerate(programs, start=1):
        click.echo(f"{number:>3}  {_titled(program)}")
    header = " ".join(f"{n:>3}" for n in range(1, len(programs) + 1))
    click.echo(f"\n{'ORI        agency':<{width}}  {header}")
    starred = False
    for i, label in enumerate(labels):
        cells = []
        for p in programs:
            cell = _LETTER[matrix.status(i, p).value] if p in in_force else "-"
            if p in in_force and matrix.assumed(i, p):
                cell += "*"
                starred = True
            cells.append(f"{cell:>3}")
        click.echo(f"{label:<{width}}  {' '.join(cells)}")
    click.echo(f"\n{len(applicants)} agencies x {len(in_force)} programs with rules for {year}")
    if starred:
        stated = ", ".join(f"{n}={str(v).lower()}" for n, v in assumed.items())
        click.echo(f"* rests on an assumption, not on the record: {stated}")
