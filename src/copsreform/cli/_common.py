"""Shared parts of the command-line tool: the ``copsreform`` group, options, output and errors."""

import contextlib
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, NoReturn, TypeVar

import click

from copsreform import __version__, _io, arrow, export
from copsreform._atomic import replacing
from copsreform.agency import Agency
from copsreform.batch import Rejected, Summary, Tally
from copsreform.errors import (
    CopsReformError,
    LimitExceededError,
    SourceFormatError,
    ValidationError,
)
from copsreform.schema import KINDS
from copsreform.serialization import (
    MAX_DOCUMENT_CHARS,
    from_dict,
    parse_json,
    read_jsonl,
)
from copsreform.sources import read_cde

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
