"""Reading USAspending files: detecting the shape, opening, and yielding every record."""

from collections.abc import Callable, Iterator
from typing import Any, Final, Literal

from copsreform import _io
from copsreform._records import check_format, outcomes
from copsreform.batch import Rejected
from copsreform.errors import SourceFormatError
from copsreform.grant import Grant
from copsreform.programs import COPS_UMBRELLA_LISTING
from copsreform.sources._bundled import open_bundled
from copsreform.sources.usaspending import _fast
from copsreform.sources.usaspending._fields import (
    API,
    AWARD_CSV,
    TRANSACTION_CSV,
    Defaults,
    check_defaults,
    grant,
)

__all__ = [
    "BUNDLED_PAGE",
    "FORMATS",
    "Format",
    "detect_format",
    "read_api",
    "read_award_csv",
    "read_bundled_usaspending",
    "read_transaction_csv",
    "read_usaspending",
]

# Public as the package's Format, and documented there.
Format = Literal["api", "award_csv", "transaction_csv"]
# Public as the package's FORMATS, and documented there.
FORMATS: Final[tuple[Format, ...]] = ("api", "award_csv", "transaction_csv")

_TRANSACTION_MARKERS: Final = ("assistance_transaction_unique_key", "federal_action_obligation")


def _detect(opened: _io.Opened) -> Format:
    head = opened.head.lstrip()
    if not head:
        raise SourceFormatError("is empty", opened.name)
    if head.startswith("{"):
        return "api"
    if head.startswith("["):
        raise SourceFormatError(
            "is a JSON array; expected a spending_by_award response (an object with 'results')",
            opened.name,
        )
    header = _io.header_of(opened)
    if any(marker in header for marker in _TRANSACTION_MARKERS):
        return "transaction_csv"
    if AWARD_CSV.award_number in header:
        return "award_csv"
    raise SourceFormatError(
        "is neither a spending_by_award JSON response nor a USAspending assistance "
        f"download CSV (its first line has no {AWARD_CSV.award_number!r} column)",
        opened.name,
    )


def detect_format(source: _io.Source) -> Format:
    r"""Tell which USAspending shape a file is, from its first characters.

    A JSON object is the ``"api"`` response; a CSV whose header has
    ``assistance_transaction_unique_key`` or ``federal_action_obligation`` is the
    ``"transaction_csv"``; one with ``award_id_fain`` (and neither of those) the
    ``"award_csv"``. Gzip-compressed files are recognised by their content.

    Args:
        source: A path, or a seekable open stream (read, then moved back).

    Returns:
        ``"api"``, ``"award_csv"`` or ``"transaction_csv"``.

    Raises:
        SourceFormatError: If the file is empty or none of the shapes.
        TypeError: If ``source`` is a stream that cannot seek back.

    Examples:
        >>> import io
        >>> from copsreform.sources.usaspending import detect_format
        >>> detect_format(io.StringIO("award_id_fain,recipient_name\n"))
        'award_csv'
        >>> detect_format(io.BytesIO(b'{"results": []}'))
        'api'
        >>> detect_format(io.StringIO("ori,agency_name\n"))
        Traceback (most recent call last):
        ...
        copsreform.errors.SourceFormatError: <stream>: is neither a spending_by_award JSON response nor a USAspending assistance download CSV (its first line has no 'award_id_fain' column)
    """
    return _io.sniff(source, _detect)


def _read(
    source: _io.Source,
    format: Format | None,
    defaults: Defaults,
    strict: bool,
    max_bytes: int | None,
) -> Iterator[Grant | Rejected]:
    limit = max_bytes or (_io.MAX_JSON_BYTES if format == "api" else _io.MAX_CSV_BYTES)
    with _io.open_source(source, limit) as opened:
        chosen = format or _detect(opened)
        if chosen == "api":
            document, fast = _fast.load(opened, max_bytes or _io.MAX_JSON_BYTES)
            results = document.get("results") if isinstance(document, dict) else None
            if not isinstance(results, list):
                raise SourceFormatError(
                    "is not a spending_by_award response: expected a JSON object with a "
                    "'results' list",
                    opened.name,
                )
            yield from outcomes(
                enumerate(results), _api_grant(defaults, fast), "index", strict=strict
            )
            return
        shape = AWARD_CSV if chosen == "award_csv" else TRANSACTION_CSV
        rows = _io.csv_records(opened, shape.required, shape.used)
        yield from outcomes(
            rows, lambda record: grant(record, shape, defaults, csv=True), "row", strict=strict
        )


def _api_grant(defaults: Defaults, fast: bool) -> Callable[[Any], Grant]:
    """How one page's records become grants: the fast path when it may, else the precise."""

    def precise(record: Any) -> Grant:
        return grant(record, API, defaults, csv=False)

    return _fast.api_grant(defaults, precise) if fast else precise


def read_usaspending(
    source: _io.Source,
    *,
    format: Format | None = None,
    assistance_listing: str | None = None,
    recipient_state: str | None = None,
    strict: bool = False,
    max_bytes: int | None = None,
) -> Iterator[Grant | Rejected]:
    r"""Read COPS awards from any USAspending shape, detecting which one it is.

    Args:
        source: A path, or an open binary or text stream; gzip is recognised.
        format: ``"api"``, ``"award_csv"`` or ``"transaction_csv"``; detected when
            ``None`` (see :func:`detect_format`).
        assistance_listing: The listing the records belong to when they do not say
            (the API request's ``program_numbers`` filter), such as ``"16.710"``.
        recipient_state: The recipients' state when the records do not say (the API
            request's ``recipient_locations`` filter), such as ``"WA"``.
        strict: Raise on the first bad record instead of yielding a rejection.
        max_bytes: The most bytes to read (after decompression); by default 32 MiB for
            JSON, which is parsed whole, and 4 GiB for CSV, which is streamed.

    Returns:
        An iterator that yields a :class:`~copsreform.Grant` or a
        :class:`~copsreform.batch.Rejected` for every record, in file order. The file is
        opened and read only as the iterator is consumed.

    Raises:
        ValidationError: At once, if ``format``, ``assistance_listing`` or
            ``recipient_state`` is not valid. While iterating, in strict mode, for the
            first bad record, with paths such as ``row 3: $.award_id_fain``.
        SourceFormatError: While iterating, if the file is not one of the shapes, not
            well-formed JSON or CSV, or lacks a required column.
        LimitExceededError: While iterating, if the file is larger than ``max_bytes``.

    Examples:
        >>> import io
        >>> from copsreform import read_usaspending
        >>> csv_text = (
        ...     "award_id_fain,recipient_name,recipient_state_code,total_obligated_amount,"
        ...     "period_of_performance_start_date,period_of_performance_current_end_date,"
        ...     "cfda_numbers_and_titles,prime_award_base_transaction_description\n"
        ...     "2015UMWX0174,CITY OF MARYSVILLE,WA,-30851.29,2015-09-01,2019-03-30,"
        ...     '"16.710: PUBLIC SAFETY PARTNERSHIP AND COMMUNITY POLICING GRANTS",CHP\n')
        >>> [grant] = read_usaspending(io.StringIO(csv_text))
        >>> grant.recipient.state, grant.federal_amount, grant.program.value
        ('WA', Decimal('-30851.29'), 'chp')
    """
    checked = check_format(format, FORMATS)
    defaults = check_defaults(assistance_listing, recipient_state)
    return _read(source, checked, defaults, strict, max_bytes)


def read_api(
    source: _io.Source,
    *,
    assistance_listing: str | None = None,
    recipient_state: str | None = None,
    strict: bool = False,
    max_bytes: int | None = None,
) -> Iterator[Grant | Rejected]:
    """Read a ``spending_by_award`` API response (one page), a single JSON document.

    The response is parsed whole (JSON cannot be streamed record by record without a
    streaming parser), so its size is capped by ``max_bytes`` (32 MiB by default; a page
    of 100 awards is about 45 kB). Positions are indexes in ``results``, from 0.

    Args:
        source: A path, or an open binary or text stream; gzip is recognised.
        assistance_listing: The request's listing filter, used where a record has no
            ``CFDA Number``; a record whose ``CFDA Number`` differs is rejected.
        recipient_state: The request's recipient-state filter; the page has no state field.
        strict: Raise on the first bad record instead of yielding a rejection.
        max_bytes: The most bytes to read (after decompression).

    Returns:
        An iterator of grants and rejections, as :func:`read_usaspending`.

    Raises:
        ValidationError: As :func:`read_usaspending`.
        SourceFormatError: If the JSON is not well formed (truncated, say) or has no
            ``results`` list; no record is yielded then.
        LimitExceededError: If the document is larger than ``max_bytes``.

    Examples:
        >>> import io
        >>> from copsreform.sources.usaspending import read_api
        >>> page = io.StringIO('{"results": [{"Award ID": "2020UMWX0499"}]}')
        >>> print(next(read_api(page)))
        index 0: '$.Recipient Name' is required; '$.Award Amount' is required; '$.Start Date' is required; '$.End Date' is required
        >>> list(read_api(io.StringIO('{"results": [')))
        Traceback (most recent call last):
        ...
        copsreform.errors.SourceFormatError: <stream>: is not well-formed JSON: Expecting value: line 1 column 14; the document ends too soon (truncated?)
    """
    defaults = check_defaults(assistance_listing, recipient_state)
    return _read(source, "api", defaults, strict, max_bytes)


def read_award_csv(
    source: _io.Source,
    *,
    assistance_listing: str | None = None,
    recipient_state: str | None = None,
    strict: bool = False,
    max_bytes: int | None = None,
) -> Iterator[Grant | Rejected]:
    r"""Read the award-level download (``Assistance_PrimeAwardSummaries``), streaming.

    Required columns: ``award_id_fain``, ``recipient_name``, ``total_obligated_amount``,
    ``period_of_performance_start_date``, ``period_of_performance_current_end_date``;
    the others in the module's table are read when present. Other columns are ignored.
    The listing is the COPS listing named in ``cfda_numbers_and_titles`` (a program's own
    listing if one is named, else 16.710). Positions are data rows, from 1.

    Args:
        source: A path, or an open binary or text stream; gzip is recognised.
        assistance_listing: Used where a row names no listing; a row naming another
            COPS listing is rejected.
        recipient_state: Used where a row has no ``recipient_state_code``.
        strict: Raise on the first bad row instead of yielding a rejection.
        max_bytes: The most bytes to read (after decompression); 4 GiB by default.

    Returns:
        An iterator of grants and rejections, as :func:`read_usaspending`.

    Raises:
        ValidationError: As :func:`read_usaspending`.
        SourceFormatError: If the file is empty, a required column is missing, or a line
            cannot be read as CSV (the message names the line).
        LimitExceededError: If the file is larger than ``max_bytes``.

    Examples:
        >>> import io
        >>> from copsreform.sources.usaspending import read_award_csv
        >>> list(read_award_csv(io.StringIO("award_id_fain,recipient_name\n")))
        Traceback (most recent call last):
        ...
        copsreform.errors.SourceFormatError: <stream>: has no column 'total_obligated_amount', 'period_of_performance_start_date', 'period_of_performance_current_end_date' in its header (line 1); the header starts 'award_id_fain', 'recipient_name'
    """
    defaults = check_defaults(assistance_listing, recipient_state)
    return _read(source, "award_csv", defaults, strict, max_bytes)


def read_transaction_csv(
    source: _io.Source,
    *,
    assistance_listing: str | None = None,
    recipient_state: str | None = None,
    strict: bool = False,
    max_bytes: int | None = None,
) -> Iterator[Grant | Rejected]:
    r"""Read the transaction-level download (``Assistance_PrimeTransactions``), streaming.

    One grant per row (per action): its amount is ``federal_action_obligation``, which
    is negative for a de-obligation. Required columns as :func:`read_award_csv`, with
    ``federal_action_obligation`` in place of ``total_obligated_amount``. The program is
    classified from ``prime_award_base_transaction_description`` first (an amendment's
    own text rarely names the program), then ``transaction_description``.

    Args:
        source: A path, or an open binary or text stream; gzip is recognised.
        assistance_listing: Used where a row has no ``cfda_number``.
        recipient_state: Used where a row has no ``recipient_state_code``.
        strict: Raise on the first bad row instead of yielding a rejection.
        max_bytes: The most bytes to read (after decompression); 4 GiB by default.

    Returns:
        An iterator of grants and rejections, as :func:`read_usaspending`.

    Raises:
        ValidationError: As :func:`read_usaspending`.
        SourceFormatError: As :func:`read_award_csv`.
        LimitExceededError: If the file is larger than ``max_bytes``.

    Examples:
        >>> import io
        >>> from copsreform.sources.usaspending import read_transaction_csv
        >>> text = (
        ...     "award_id_fain,recipient_name,federal_action_obligation,"
        ...     "period_of_performance_start_date,period_of_performance_current_end_date,"
        ...     "cfda_number,transaction_description,prime_award_base_transaction_description\n"
        ...     "2015UMWX0174,CITY OF MARYSVILLE,-30851.29,2015-09-01,2019-03-30,16.710,"
        ...     "DEOBLIGATION,CHP\n")
        >>> [action] = read_transaction_csv(io.StringIO(text), recipient_state="WA")
        >>> action.description, action.program.value, action.is_net_negative
        ('DEOBLIGATION', 'chp', True)
    """
    defaults = check_defaults(assistance_listing, recipient_state)
    return _read(source, "transaction_csv", defaults, strict, max_bytes)


# Public as the package's BUNDLED_PAGE, and documented there.
BUNDLED_PAGE: Final = "data/usaspending/spending_by_award_16710_WA_page1.json"


def read_bundled_usaspending(*, strict: bool = False) -> Iterator[Grant | Rejected]:
    """Read the real USAspending page that ships with copsreform.

    The page's request filtered on Assistance Listing 16.710 and recipients in
    Washington, so those are applied to every record (they are not row fields).

    Args:
        strict: Raise on the first bad record instead of yielding a rejection.

    Returns:
        An iterator of 100 grants (every record of the page imports).

    Examples:
        >>> from copsreform import read_bundled_usaspending
        >>> grants = list(read_bundled_usaspending())
        >>> len(grants), grants[0].award_number, grants[0].recipient.state
        (100, '2020UMWX0499', 'WA')
    """
    with open_bundled(BUNDLED_PAGE) as stream:
        yield from read_usaspending(
            stream,
            format="api",
            assistance_listing=COPS_UMBRELLA_LISTING,
            recipient_state="WA",
            strict=strict,
        )
