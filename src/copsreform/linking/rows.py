"""Links as rows: written as CSV or JSON Lines, read back, and totalled by agency.

One row per proposed link (an ambiguous grant has a row per candidate), and one row with
empty link columns for a grant that has no link, so that every grant of the input is in
the output. Columns, in order (:data:`LINK_COLUMNS`):

``award_number, recipient_name, state, program, fiscal_year, federal_amount, status,
ori, agency_name, agency_type, confidence, rule, method, compared, score, identifier,
evidence, reason``

``compared`` is the two keys the rule compared, ``recipient key | agency key``;
``evidence`` is the whole evidence in words; ``reason`` says why a grant is ambiguous or
unlinked. Money is written with two decimals, as text in JSON Lines too.

Examples:
    >>> import io
    >>> import copsreform as cr
    >>> from copsreform.linking import link_rows, write_links
    >>> agencies, _ = cr.split(cr.read_bundled_2018())
    >>> grants, _ = cr.split(cr.read_bundled_usaspending())
    >>> results = cr.link_recipients(grants[:2], agencies)
    >>> [(r["award_number"], r["ori"], r["confidence"]) for r in link_rows(results)]
    [('2020UMWX0499', 'WA0173600', 'high'), ('2020UMWX0489', 'WA0210300', 'high')]
    >>> out = io.StringIO()
    >>> write_links(results, out, "csv")
    2
"""

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Final, Literal

from copsreform.batch import Rejected
from copsreform.errors import Problem, SourceFormatError
from copsreform.export import neutralise, restore
from copsreform.linking.linker import LinkResult

__all__ = ["LINK_COLUMNS", "agency_totals", "link_rows", "read_link_rows", "write_links"]

#: The columns of a links file, in order.
LINK_COLUMNS: Final = (
    "award_number",
    "recipient_name",
    "state",
    "program",
    "fiscal_year",
    "federal_amount",
    "status",
    "ori",
    "agency_name",
    "agency_type",
    "confidence",
    "rule",
    "method",
    "compared",
    "score",
    "identifier",
    "evidence",
    "reason",
)
_TEXT_COLUMNS: Final = frozenset(
    {"recipient_name", "agency_name", "compared", "evidence", "reason"}
)
_REQUIRED: Final = ("award_number", "federal_amount", "status", "ori", "agency_name", "confidence")


def link_rows(results: Iterable[LinkResult]) -> list[dict[str, str]]:
    """Return one row per link (one per grant without links), every cell a string.

    Args:
        results: What :func:`~copsreform.linking.link_recipients` returned.

    Returns:
        Rows with the keys of :data:`LINK_COLUMNS`; an absent value is ``""``.

    Examples:
        >>> from copsreform.linking.rows import link_rows
        >>> import copsreform as cr
        >>> grants, _ = cr.split(cr.read_bundled_usaspending())
        >>> row = link_rows(cr.link_recipients(grants[:1], []))[0]
        >>> row["status"], row["ori"], row["federal_amount"]
        ('unlinked', '', '750000.00')
    """
    rows: list[dict[str, str]] = []
    for result in results:
        grant = result.grant
        base = {
            "award_number": grant.award_number,
            "recipient_name": grant.recipient.name,
            "state": grant.recipient.state or "",
            "program": grant.program.value,
            "fiscal_year": str(grant.fiscal_year.year),
            "federal_amount": f"{grant.federal_amount:.2f}",
            "status": result.status.value,
            "reason": result.reason or "",
        }
        empty = dict.fromkeys(LINK_COLUMNS, "")
        if not result.links:
            rows.append({**empty, **base})
        for link in result.links:
            evidence = link.evidence
            rows.append(
                {
                    **empty,
                    **base,
                    "ori": link.ori or "",
                    "agency_name": link.agency.name,
                    "agency_type": link.agency.agency_type.value,
                    "confidence": link.confidence.value,
                    "rule": evidence.rule.value,
                    "method": evidence.method,
                    "compared": f"{evidence.compared[0]} | {evidence.compared[1]}",
                    "score": f"{evidence.score:.1f}",
                    "identifier": evidence.identifier or "",
                    "evidence": str(evidence),
                }
            )
    return rows


def write_links(
    results: Iterable[LinkResult], stream: IO[str], file_format: Literal["csv", "jsonl"]
) -> int:
    """Write the rows of ``results`` to ``stream`` as CSV (with a header) or JSON Lines.

    CSV text cells that a spreadsheet could run as a formula get a leading apostrophe,
    as :mod:`copsreform.export` does; :func:`read_link_rows` removes it.

    Args:
        results: What :func:`~copsreform.linking.link_recipients` returned.
        stream: A text stream.
        file_format: ``"csv"`` or ``"jsonl"``.

    Returns:
        The number of rows written.

    Examples:
        >>> from copsreform.linking.rows import write_links
        >>> import io
        >>> import copsreform as cr
        >>> grants, _ = cr.split(cr.read_bundled_usaspending())
        >>> out = io.StringIO()
        >>> write_links(cr.link_recipients(grants[:1], []), out, "jsonl")
        1
        >>> '"status": "unlinked"' in out.getvalue()
        True
    """
    rows = link_rows(results)
    if file_format == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(LINK_COLUMNS)
        for row in rows:
            writer.writerow(
                neutralise(row[c]) if c in _TEXT_COLUMNS else row[c] for c in LINK_COLUMNS
            )
    else:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def read_link_rows(path: Path) -> Iterator[dict[str, str] | Rejected]:
    r"""Read a links file written by :func:`write_links` (``.csv`` or ``.jsonl``).

    Args:
        path: The file; its suffix says the format.

    Yields:
        Each row as a dict of strings, or a :class:`~copsreform.Rejected` (``row`` or
        ``line`` from 1) naming the cell that is wrong.

    Raises:
        SourceFormatError: If the suffix is neither, or a CSV header lacks a required
            column.

    Examples:
        >>> from copsreform.linking.rows import read_link_rows
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "links.csv"
        >>> _ = path.write_text("award_number,federal_amount,status,ori,agency_name,"
        ...                     "confidence\nA,10.00,linked,WA0170700,Kent Police Department,high\n")
        >>> [row["ori"] for row in read_link_rows(path)]
        ['WA0170700']
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _read_csv(path)
    elif suffix == ".jsonl":
        yield from _read_jsonl(path)
    else:
        raise SourceFormatError("a links file must be .csv or .jsonl", str(path))


def _read_csv(path: Path) -> Iterator[dict[str, str] | Rejected]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        missing = [c for c in _REQUIRED if c not in (reader.fieldnames or ())]
        if missing:
            raise SourceFormatError(
                f"is not a links file: the header lacks {', '.join(missing)}", str(path)
            )
        for number, raw in enumerate(reader, start=1):
            row = {k: restore(v) if k in _TEXT_COLUMNS else v for k, v in raw.items() if k}
            yield _checked(row, number, "row")


def _read_jsonl(path: Path) -> Iterator[dict[str, str] | Rejected]:
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                yield Rejected(number, "line", (Problem(f"is not JSON ({error.msg})", line[:80]),))
                continue
            if not isinstance(data, dict):
                yield Rejected(number, "line", (Problem("must be a JSON object", data),), data)
                continue
            yield _checked(data, number, "line")


def _checked(
    row: Mapping[str, object], number: int, unit: Literal["row", "line"]
) -> dict[str, str] | Rejected:
    problems: list[Problem] = []
    for column in _REQUIRED:
        value = row.get(column)
        if not isinstance(value, str):
            problems.append(Problem("is required, as text", value, (column,)))
    amount = row.get("federal_amount")
    if isinstance(amount, str):
        try:
            Decimal(amount)
        except InvalidOperation:
            problems.append(
                Problem("must be an amount such as 1250.00", amount, ("federal_amount",))
            )
    if problems:
        return Rejected(number, unit, tuple(problems), dict(row))
    return {k: v if isinstance(v, str) else "" for k, v in row.items()}


def agency_totals(
    rows: Iterable[Mapping[str, str]], *, confidences: Iterable[str] = ("high", "medium")
) -> dict[str, tuple[int, Decimal]]:
    """Count awards and add their amounts by linked agency.

    An award linked to several agencies (an agency the FBI lists twice, a county's sheriff
    and county police) counts under each, so the groups can add up to more than the
    awards. Awards with no link at the given confidences are grouped as ``(not linked)``
    or ``(ambiguous)``, so that every award is counted somewhere.

    Args:
        rows: Link rows, as :func:`link_rows` or :func:`read_link_rows` gives them.
        confidences: The confidence levels that count as a link.

    Returns:
        ``"ORI agency name"`` to ``(awards, federal amount)``, largest amount first, then
        the ``(ambiguous)`` and ``(not linked)`` groups.

    Examples:
        >>> from copsreform.linking.rows import agency_totals
        >>> rows = [{"award_number": "A", "federal_amount": "10.00", "status": "linked",
        ...          "ori": "WA0173600", "agency_name": "Federal Way Police Department",
        ...          "confidence": "high"}]
        >>> agency_totals(rows)
        {'WA0173600 Federal Way Police Department': (1, Decimal('10.00'))}
    """
    wanted = set(confidences)
    groups: dict[str, dict[str, Decimal]] = {}
    status: dict[str, tuple[str, Decimal]] = {}
    linked: set[str] = set()
    for row in rows:
        award = row["award_number"]
        amount = Decimal(row["federal_amount"])
        status[award] = (row["status"], amount)
        if row["ori"] and row["confidence"] in wanted and row["status"] == "linked":
            groups.setdefault(f"{row['ori']} {row['agency_name']}", {})[award] = amount
            linked.add(award)
    for award, (state, amount) in status.items():
        if award not in linked:
            label = "(ambiguous)" if state == "ambiguous" else "(not linked)"
            groups.setdefault(label, {})[award] = amount
    totals = {
        label: (len(awards), sum(awards.values(), Decimal("0.00")))
        for label, awards in groups.items()
    }
    return dict(
        sorted(totals.items(), key=lambda item: (item[0].startswith("("), -item[1][1], item[0]))
    )
