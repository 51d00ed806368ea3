"""The ``copsreform`` command-line tool.

Commands: ``import`` (USAspending or FBI files to JSON Lines, CSV or Parquet), ``validate``
(check a file of grants, agencies or engagements), ``eligibility`` (decide an agency, or a
file of agencies, against the programs), ``summary`` (totals of a grants file), ``schema``
(print a JSON Schema) and ``engagements`` (the public CRI engagements copsreform ships).

Exit status: 0 when all is well, 1 when the data has problems, 2 for a usage error.
Errors print as one line on stderr; ``--debug`` shows the traceback. When the reader of
the output goes away early (``copsreform validate ... | head -1``), the command finishes
its work with the rest of its output discarded, so its exit status is still that of the
whole file.

Examples:
    >>> from click.testing import CliRunner
    >>> from copsreform.cli import main
    >>> result = CliRunner().invoke(main, ["schema", "organization"])
    >>> result.exit_code, '"title": "Organization"' in result.output
    (0, True)
"""

import contextlib
import csv
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import IO, Any, Final, Literal, NoReturn, TypeVar

import click

from copsreform import __version__, _io, arrow, export
from copsreform._atomic import replacing
from copsreform.agency import Agency, AgencyType, Jurisdiction, Organization
from copsreform.batch import Rejected, Summary, Tally
from copsreform.dataset import engagements as find_engagements
from copsreform.engagement import Engagement
from copsreform.errors import (
    CopsReformError,
    LimitExceededError,
    ProviderNotFoundError,
    RuleNotInForceError,
    SourceFormatError,
    ValidationError,
    indefinite,
)
from copsreform.fiscal import FiscalYear
from copsreform.grant import Grant
from copsreform.linking import (
    LinkResult,
    agency_totals,
    link_recipients,
    read_link_rows,
    write_links,
)
from copsreform.programs import CRIProgram, GrantProgram
from copsreform.rules import ASSUMABLE, Decision, check_eligibility, eligibility_matrix
from copsreform.schema import KINDS, json_schema
from copsreform.serialization import (
    MAX_DOCUMENT_CHARS,
    from_dict,
    parse_json,
    read_jsonl,
    to_dict,
    to_json,
)
from copsreform.sources import read_cde, read_usaspending
from copsreform.sources.usaspending import detect_format as _usaspending_shape

__all__ = ["main"]

T = TypeVar("T")

EXIT_OK = 0
EXIT_DATA = 1


class _State:
    debug = False


def _fail(message: str, code: int = EXIT_DATA) -> NoReturn:
    click.echo(f"copsreform: {message}", err=True)
    sys.exit(code)


class _PipeGuard:
    """Standard output that, once its reader has gone away, discards what is written.

    ``copsreform validate bad.jsonl | head -1`` closes the pipe after one line. Stopping
    there would end with status 0 and hide the problems later in the file; instead the
    command runs to its end, writing nothing more, and exits with the status of the
    whole run.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.closed_early = False

    def write(self, text: str) -> int:
        if not self.closed_early:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._discard()
        return len(text)

    def flush(self) -> None:
        if not self.closed_early:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._discard()

    def _discard(self) -> None:
        self.closed_early = True
        # Whatever the stream still buffers goes to the null device when Python flushes
        # it at exit, instead of failing again on the closed pipe.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _options_in_messages(options: Mapping[str, str]) -> Iterator[None]:
    """Name the command-line option, not the model's field, when an option's value is refused.

    Args:
        options: The rendered path of a problem (``"Agency.state"``) to its option
            (``"--state"``).

    Raises:
        click.BadParameter: For the first problem whose path is an option's (exit status 2).
    """
    try:
        yield
    except ValidationError as error:
        for problem in error.problems:
            option = options.get(problem.path)
            if option is not None:
                text = str(problem).removeprefix(f"'{problem.path}' ")
                raise click.BadParameter(text, param_hint=f"'{option}'") from None
        raise


@contextlib.contextmanager
def _errors_as_lines() -> Iterator[None]:
    """Turn library errors into one clear line and an exit status (traceback with --debug)."""
    try:
        yield
    except BrokenPipeError:
        # The reader of our output went away (``| head``): stop quietly, as other
        # command-line tools do, without a message about the pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except (CopsReformError, OSError, UnicodeError) as error:
        if _State.debug:
            raise
        text = str(error).splitlines()
        first = text[0] if text else type(error).__name__
        more = f" (+{len(text) - 1} more lines; use --debug)" if len(text) > 1 else ""
        _fail(f"{first}{more}")


@contextlib.contextmanager
def atomic_output(path: Path, *, inputs: Iterable[Path] = ()) -> Iterator[IO[str]]:
    r"""Open ``path`` for writing so that it appears whole or not at all.

    The text goes to a temporary file beside ``path``, which replaces ``path`` only when
    the block ends without an error; an error leaves any earlier ``path`` untouched.

    Args:
        path: The output file.
        inputs: Files being read; writing over one of them is refused.

    Yields:
        A text stream (UTF-8, ``\n`` line ends).

    Raises:
        click.UsageError: If ``path`` is one of ``inputs``.

    Examples:
        >>> import tempfile, pathlib
        >>> from copsreform.cli import atomic_output
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
        >>> with atomic_output(target) as out:
        ...     _ = out.write("done\n")
        >>> target.read_text()
        'done\n'
    """
    check_outputs(inputs, [path])
    with replacing(path, newline="\n") as stream:
        yield stream


def check_outputs(inputs: Iterable[Path], outputs: Iterable[Path | None]) -> None:
    """Refuse, before any work, an output that is an input or two outputs that are one file.

    Args:
        inputs: Files being read.
        outputs: Files to be written; ``None`` entries (not asked for) are ignored.

    Raises:
        click.UsageError: If an output is an input, or two outputs name the same file.

    Examples:
        >>> from pathlib import Path
        >>> from copsreform.cli import check_outputs
        >>> check_outputs([Path("in.csv")], [Path("out.jsonl"), None])
        >>> check_outputs([Path("in.csv")], [Path("./in.csv")])
        Traceback (most recent call last):
        ...
        click.exceptions.UsageError: the output in.csv is also an input; choose another path
    """
    sources = {source.resolve() for source in inputs}
    seen: set[Path] = set()
    for output in outputs:
        if output is None:
            continue
        resolved = output.resolve()
        if resolved in sources:
            raise click.UsageError(f"the output {output} is also an input; choose another path")
        if resolved in seen:
            raise click.UsageError(f"{output} is named as two outputs; choose another path")
        seen.add(resolved)


# Reading files of model objects --------------------------------------------------------


def read_records(cls: type[T], path: Path) -> Iterator[T | Rejected]:
    """Read objects of ``cls`` from a JSON Lines, JSON, CSV or Parquet file, by its suffix.

    JSON Lines (``.jsonl``) is read line by line; JSON (``.json``) holds one document or
    an array of documents (positions are array indexes); CSV (``.csv``) uses the columns
    of :mod:`copsreform.export`; Parquet (``.parquet``, with the ``arrow`` extra) the
    columns of :func:`copsreform.arrow_schema` (positions are row indexes).

    Args:
        cls: The model class of every record.
        path: The file.

    Yields:
        Objects and rejections.

    Raises:
        SourceFormatError: If the file as a whole cannot be read.
    """
    suffix = path.suffix.lower()
    if suffix == ".gz":  # gzip is read by the I/O layer; the format is the inner suffix
        suffix = Path(path.stem).suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(cls, path)
    elif suffix == ".json":
        yield from _read_json_file(cls, path)
    elif suffix == ".csv":
        if cls not in export.CSV_CLASSES:
            raise SourceFormatError(
                f"{cls.__name__} records have no CSV form; use .jsonl or .json", str(path)
            )
        yield from export.read_csv(cls, path)
    elif suffix == ".parquet":
        yield from arrow.read_parquet(cls, path)
    else:
        raise SourceFormatError("unknown file type; use .jsonl, .json, .csv or .parquet", str(path))


def _read_json_file(cls: type[T], path: Path) -> Iterator[T | Rejected]:
    # Read no more than the longest document can take in UTF-8 (4 bytes a character), so
    # that a huge file, or a pipe or device that never ends, is refused, not read whole.
    cap = 4 * MAX_DOCUMENT_CHARS
    try:
        with _io.open_source(path, cap) as opened:  # the one I/O layer: gzip, caps, BOM
            text = opened.read(cap)  # the characters are checked by parse_json
    except LimitExceededError:
        raise SourceFormatError(
            f"is larger than a JSON document may be ({cap:,} bytes)", str(path)
        ) from None
    try:
        data = parse_json(text)
    except ValidationError as error:
        # A key given twice is refused at its path; a syntax error is about the whole text.
        detail = error.reason if error.path == "$" else f"is not valid JSON: {error}"
        raise SourceFormatError(detail, str(path)) from None
    documents = data if isinstance(data, list) else [data]
    for index, document in enumerate(documents):
        try:
            yield from_dict(cls, document)
        except ValidationError as error:  # noqa: PERF203 - one record at a time, by design
            yield Rejected.from_error(index, "index", error, raw=document)


def _write_rejections(rejected: Iterable[Rejected], path: Path, inputs: Iterable[Path]) -> None:
    with atomic_output(path, inputs=inputs) as stream:
        for item in rejected:
            stream.write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")


def _report(summary: Summary, output_format: str) -> None:
    if output_format == "json":
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False), err=True)
    else:
        click.echo(str(summary), err=True)


# The command group --------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="copsreform")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def main(debug: bool) -> None:
    """Work with COPS Office data: import, validate, decide eligibility, summarise.

    \b
    Examples:
      copsreform data list
      copsreform import usaspending "$(copsreform data path usaspending-wa-page)" \\
          --listing 16.710 --state WA -o grants.jsonl
      copsreform validate grants grants.jsonl
      copsreform summary grants.jsonl
      copsreform schema grant
    """
    _State.debug = debug
    if not isinstance(sys.stdout, _PipeGuard):
        sys.stdout = _PipeGuard(sys.stdout)


class _KindChoice(click.Choice[str]):
    """A kind of record, singular as the schema names it; the plural is accepted too."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            value = _PLURAL_KINDS.get(value.lower(), value)
        return super().convert(value, param, ctx)


_PLURAL_KINDS = {("agencies" if kind == "agency" else f"{kind}s"): kind for kind in KINDS}

KIND_CHOICE = _KindChoice(sorted(KINDS))
OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here (atomically) instead of to standard output.",
)
REPORT_OPTION = click.option(
    "--report",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Form of the summary printed on standard error.",
)
FORMAT_OPTION = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Text for people, JSON for programs.",
)


@main.command()
@click.argument("kind", type=KIND_CHOICE)
def schema(kind: str) -> None:
    """Print the JSON Schema (draft 2020-12) of KIND.

    \b
    Example:
      copsreform schema grant > grant.schema.json
    """
    click.echo(json.dumps(json_schema(KINDS[kind]), indent=2, ensure_ascii=False))


#: How many bad records ``validate`` prints by default, and how many characters at most:
#: about a screenful (30 lines of 100 columns).
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


# import --------------------------------------------------------------------------------

#: Output formats of ``import`` and the suffix of each.
OUTPUT_FORMATS = {"jsonl": ".jsonl", "csv": ".csv", "parquet": ".parquet"}


def output_format_of(output: Path | None, given: str | None) -> str:
    """The format to write: the one given, else the output's suffix's, else JSON Lines.

    Args:
        output: The output file, or ``None`` for standard output.
        given: The ``--format`` given, if any.

    Returns:
        ``"jsonl"``, ``"csv"`` or ``"parquet"``.

    Raises:
        click.UsageError: If ``given`` contradicts the output's suffix, or Parquet is asked
            for standard output.

    Examples:
        >>> from pathlib import Path
        >>> from copsreform.cli import output_format_of
        >>> output_format_of(Path("grants.parquet"), None), output_format_of(None, "csv")
        ('parquet', 'csv')
        >>> output_format_of(Path("grants.csv"), "parquet")
        Traceback (most recent call last):
        ...
        click.exceptions.UsageError: --format parquet contradicts the output grants.csv; name it grants.parquet or drop --format
    """
    implied = None
    if output is not None:
        by_suffix = {suffix: name for name, suffix in OUTPUT_FORMATS.items()}
        implied = by_suffix.get(output.suffix.lower())
        if given is not None and implied is not None and given != implied:
            raise click.UsageError(
                f"--format {given} contradicts the output {output}; name it "
                f"{output.with_suffix(OUTPUT_FORMATS[given])} or drop --format"
            )
    chosen = given or implied or "jsonl"
    if chosen == "parquet" and output is None:
        raise click.UsageError("Parquet is binary: give -o FILE.parquet")
    return chosen


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


def _read_agencies(path: Path) -> list[Agency | Rejected]:
    """Read agencies in the library's own formats, or else as an FBI Crime Data Explorer file.

    A file whose every record the own formats refuse (an FBI ``.json.gz`` list is one JSON
    document, but not an agency) is read as an FBI file if it has an FBI shape; if it has
    none, the own formats' rejections stand.
    """
    try:
        records = list(read_records(Agency, path))
    except SourceFormatError as own_format_error:
        try:
            return list(read_cde(path))
        except SourceFormatError:
            raise own_format_error from None
    if records and all(isinstance(r, Rejected) for r in records):
        try:
            return list(read_cde(path))
        except SourceFormatError:
            return records
    return records


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


def _kept(outcomes: Iterable[T | Rejected], path: Path, tally: Tally) -> list[T]:
    """Count every outcome, print each rejection on stderr, and return the rest."""
    kept: list[T] = []
    for outcome in outcomes:
        tally.add(outcome)
        if isinstance(outcome, Rejected):
            click.echo(f"{path}: {outcome}", err=True)
        else:
            kept.append(outcome)
    return kept


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


# data ----------------------------------------------------------------------------------

#: The real public files bundled with the package: name, path inside the package, what.
BUNDLED_FILES: Final = {
    "usaspending-wa-page": (
        "data/usaspending/spending_by_award_16710_WA_page1.json",
        (
            "USAspending spending_by_award API page: 100 COPS awards (listing 16.710) to "
            "recipients in Washington; import it with --listing 16.710 --state WA"
        ),
    ),
    "fbi-agencies-2018": (
        "data/cde/agencies-by-state-2018.json.gz",
        (
            "FBI Crime Data Explorer list of agencies by state, 2018 (23,243 agencies; 5 "
            "known bad records)"
        ),
    ),
    "providers": (
        "data/providers.json",
        "registry of Collaborative Reform technical assistance providers, with sources",
    ),
    "rules": (
        "data/rules.json",
        "eligibility and award rules, effective-dated, with sources",
    ),
    "engagements": (
        "data/engagements.json",
        "public Collaborative Reform Initiative engagements since 2011, each with its sources",
    ),
}


def bundled_path(name: str) -> Path:
    """Return where a bundled data file is on disk.

    Args:
        name: A name of :data:`BUNDLED_FILES`, or the file's own name.

    Returns:
        The file's path.

    Raises:
        click.BadParameter: If no bundled file has that name.

    Examples:
        >>> from copsreform.cli import bundled_path
        >>> bundled_path("fbi-agencies-2018").name
        'agencies-by-state-2018.json.gz'
    """
    for key, (inside, _) in BUNDLED_FILES.items():
        if name in (key, Path(inside).name):
            return Path(str(resources.files("copsreform").joinpath(inside)))
    raise click.BadParameter(
        f"no bundled file is named {name!r}; 'copsreform data list' shows them",
        param_hint="'NAME'",
    )


@main.group()
def data() -> None:
    """The real public files that come with copsreform, for trying the commands.

    \b
    Examples:
      copsreform data list
      copsreform import cde "$(copsreform data path fbi-agencies-2018)" -o agencies.jsonl
    """


@data.command(name="list")
def data_list() -> None:
    """List the bundled files: name, file and what each holds.

    \b
    Example:
      copsreform data list
    """
    width = max(len(name) for name in BUNDLED_FILES)
    for name, (inside, what) in BUNDLED_FILES.items():
        click.echo(f"{name:<{width}}  {Path(inside).name}")
        click.echo(f"{'':<{width}}  {what}")


@data.command(name="path")
@click.argument("name")
def data_path(name: str) -> None:
    """Print where the bundled file NAME is, for use in other commands.

    \b
    Example:
      copsreform summary "$(copsreform data path usaspending-wa-page)"
    """
    click.echo(str(bundled_path(name)))


def run_with_progress(items: Iterable[T], label: str) -> Iterator[T]:
    """Yield ``items``, showing click's progress bar on stderr when it is a terminal.

    When standard error is not a terminal (a pipe, a file, a CI log) nothing is shown.

    Args:
        items: Anything iterable.
        label: What is being counted.

    Yields:
        The items, unchanged.
    """
    if not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(
        items, label=label, show_pos=True, file=sys.stderr, update_min_steps=1000
    ) as bar:
        yield from bar


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
