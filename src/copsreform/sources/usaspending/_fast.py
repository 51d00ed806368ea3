"""The fast path of the ``spending_by_award`` reader: a page in its common form, to grants.

:func:`~copsreform.sources.usaspending.read_api` (and :func:`~copsreform.read_usaspending`
on an API page) parses the page with msgspec, in compiled code, numbers with a fraction
read as :class:`~decimal.Decimal` from their text, as the precise path reads them. Then
each record in the common form of real pages, which the fast path can prove valid, is
built straight into its :class:`~copsreform.Grant`:

* ``Award ID`` a canonical award number; ``Start Date`` and ``End Date`` written
  ``YYYY-MM-DD`` and real dates; ``Recipient Name`` already folded (no outer or double
  spaces, no tab or line break), at most 300 characters; ``Award Amount`` a JSON number
  in whole cents below 10 trillion; ``Description``, ``Recipient UEI`` and ``CFDA
  Number`` absent, ``null`` or already canonical (a listing must agree with the
  caller's);
* the :class:`~copsreform.Organization` and the grant are filled through their slots,
  without their constructors: for such values the field converters would change nothing
  and the validators refuse nothing. Then the grant's cross-field rules run (the fiscal
  year the award number encodes, the end not before the start, the listing agreeing
  with the program), as the engine runs them: through ``Grant._check_across``, with the
  year read straight from the award number already proven canonical;
* the program is decided by the rules of :func:`~copsreform.classify_program`, with the
  description's verdict kept per distinct text for the page (real pages repeat their
  descriptions, long narratives included).

Every other record (another form, a bad value, a cross-field rule broken) is read by the
precise path, :func:`~copsreform.sources.usaspending._fields.grant`, which reads every
form the importer accepts and reports every problem: rejections, their positions,
paths, messages and raw records are the precise path's, since the fast path parses each
record to the same ``dict`` that :func:`copsreform.strictjson.loads` gives.

A document that msgspec does not read exactly as the precise path would is read whole by
the precise path (:func:`copsreform._io.load_json`), which reports it as today: one that
msgspec cannot parse, or that may give a key twice in one object, or that is nested
more than :data:`MAX_DEPTH` levels deep (Python's parser stops a few levels before
msgspec at the recursion limit). msgspec itself refuses ``NaN``, ``Infinity``, lone
surrogates and control characters in strings, as the precise path does; a key given
twice, which msgspec keeps the last of, is found by counting strings: the text's
(:func:`_string_literals`) against the parsed document's (:func:`_strings`).
"""

import datetime as dt
import itertools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, cast

import attrs
import msgspec

from copsreform import _engine, _io
from copsreform._fields import is_folded
from copsreform.agency import Organization, OrganizationKind
from copsreform.constraints import DATE_TEXT, MAX_NAME, MAX_TEXT, MONEY_DIGITS, MONEY_SCALE
from copsreform.errors import ValidationError
from copsreform.fiscal import FiscalYear
from copsreform.grant import Grant
from copsreform.identifiers import award_number as _award_number
from copsreform.identifiers import uei as _uei
from copsreform.identifiers.assistance_listing import COPS_LISTINGS
from copsreform.programs import GrantProgram
from copsreform.sources.usaspending import _classify
from copsreform.sources.usaspending._fields import API, Defaults

__all__ = ["MAX_DEPTH", "api_grant", "load"]

#: The deepest nesting of arrays and objects a document may have to be read on the fast
#: path. A page is three levels deep (the response, ``results``, a record).
MAX_DEPTH: Final = 32

_DECODE: Final = msgspec.json.Decoder(float_hook=Decimal).decode
_SCALARS: Final = frozenset({str, int, Decimal, bool, type(None)})


# The document -----------------------------------------------------------------------------


def load(opened: _io.Opened, limit: int) -> tuple[Any, bool]:
    """Parse a page; tell whether its records may go on the fast path.

    Args:
        opened: The opened source.
        limit: The most characters to read.

    Returns:
        The document, as :func:`copsreform._io.load_json` returns it, and ``True`` when
        msgspec parsed it (the precise path parsed it otherwise).

    Raises:
        SourceFormatError: As :func:`copsreform._io.load_json`.
        LimitExceededError: As :func:`copsreform._io.load_json`.
    """
    text = _io.read_text(opened, limit)
    document = _parse(text)
    if document is not _NOT_PARSED:
        return document, True
    return _io.parse_json(text, opened.name), False


_NOT_PARSED: Final = object()


def _parse(text: str) -> Any:
    """The document as msgspec reads it, or ``_NOT_PARSED`` when the precise path must."""
    try:
        document = _DECODE(text)
    except Exception:  # any refusal is read again, and reported, by the precise path
        return _NOT_PARSED
    strings = _strings(document, MAX_DEPTH)
    if strings is None or _string_literals(text) != strings:
        return _NOT_PARSED
    return document


def _strings(document: Any, depth: int) -> int | None:
    """How many strings the document holds, keys included; ``None`` if it nests too deep.

    ``None`` when some array or object is more than ``depth`` levels deep.
    """
    count = 0
    level = [document]
    for below in range(depth + 1):
        kinds = list(map(type, level))
        count += kinds.count(str)
        if _SCALARS.issuperset(kinds):
            return count
        if below == depth:
            return None
        objects = [v for v in level if type(v) is dict]
        count += sum(map(len, objects))
        arrays = [v for v in level if type(v) is list]
        level = list(itertools.chain(*map(dict.values, objects), *arrays))
    return None  # pragma: no cover - the loop returns


def _string_literals(text: str) -> int:
    r"""How many strings the JSON text writes, keys included; -1 if the count is unsure.

    Every ``"`` of JSON text opens or closes a string, or is escaped inside one (``\"``);
    with no escaped backslash (``\\``) in the text, every ``\"`` is an escaped quote. An
    escape such as ``\u0022`` writes no quote. A key given twice in an object is written
    twice but kept once (msgspec keeps the last), so the text has more strings than the
    parsed document exactly when some key repeats.

    Real pages have few escapes (line breaks in a few narratives): the first
    :data:`_FEW_ESCAPES` are found one by one (``str.find`` skips to the next backslash
    at memory speed), any more by one scan of the rest.
    """
    quotes = text.count('"')
    at, seen = text.find("\\"), 0
    while at >= 0 and seen < _FEW_ESCAPES:
        escaped = text[at + 1 : at + 2]  # text msgspec parsed: a backslash escapes a character
        if escaped == "\\":
            return -1
        if escaped == '"':
            quotes -= 1
        at, seen = text.find("\\", at + 2), seen + 1
    if at >= 0:  # more escapes: a scan of the rest that starts only at a backslash
        escapes = _QUOTE_ESCAPES.findall(text, at)
        if "\\\\" in escapes:
            return -1
        quotes -= len(escapes)
    return quotes // 2


#: Escapes counted one by one before the rest of the text is scanned at once (each costs
#: about 0.1 us one by one; the scan about 12 us for a 43 kB page).
_FEW_ESCAPES: Final = 64
#: An escaped quote or backslash in JSON text (found left to right, an escaped backslash
#: is found whenever the text holds one).
_QUOTE_ESCAPES: Final = re.compile(r'\\["\\]')


# The records ------------------------------------------------------------------------------

_NAMES: Final = API
_CANONICAL_AWARD: Final = re.compile(_award_number.PATTERN)
_GRANT_FIELDS: Final = attrs.fields(Grant)
_NO_MATCH: Final = _GRANT_FIELDS.local_match.default
_SHARED_YEAR: Final = FiscalYear.shared


_ORGANIZATION: Final = _engine.filler(Organization)
# The grant's cross-field rules run through Grant._check_across, with the fiscal year read
# straight from the award number, which the caller has proven canonical (as the engine's
# builder does): __attrs_post_init__ would validate the number again to read it.
_GRANT: Final = _engine.filler(Grant, post_init=False)
_CHECK_ACROSS: Final = Grant._check_across


def _cents(value: object) -> Decimal | None:
    """An amount the precise path reads from a JSON number, in whole cents; else ``None``.

    Exactly the amounts the field's converter (:func:`copsreform._fields.money`) and
    validator accept, as they give them: a finite number below 10 trillion in size
    (:func:`copsreform._fields.amount`'s bound, read from ``adjusted()`` without
    arithmetic, a zero of any exponent included) that quantizing to cents leaves equal.
    Within the bound the quantized value has at most 15 digits, so it is exact.
    """
    if type(value) is int:
        value = Decimal(value)  # as the precise path reads an int
    elif type(value) is not Decimal:
        return None
    if not value.is_finite() or (value.adjusted() >= MONEY_DIGITS and not value.is_zero()):
        return None
    cents = value.quantize(_CENT)
    return cents if cents == value else None


_CENT: Final = Decimal(1).scaleb(-MONEY_SCALE)  # 0.01


def _canonical(validate: Callable[[object], str], value: object) -> bool:
    """Tell whether ``value`` is valid and in the canonical form ``validate`` returns."""
    try:
        return validate(value) == value
    except ValidationError:
        return False


_REFUSED: Final[Any] = object()
_UNKNOWN: Final = OrganizationKind.UNKNOWN
_UNKNOWN_PROGRAM: Final = GrantProgram.UNKNOWN


class _Days(dict[str, dt.date | None]):
    """Dates by their text, for one page: a real ``YYYY-MM-DD`` date, else ``None``."""

    def __missing__(self, text: str) -> dt.date | None:
        try:
            day = dt.date.fromisoformat(text) if DATE_TEXT.fullmatch(text) else None
        except ValueError:  # not a real date
            day = None
        self[text] = day
        return day


class _Named(dict[str, GrantProgram | None]):
    """The program each description names, for one page (real pages repeat them)."""

    def __missing__(self, text: str) -> GrantProgram | None:
        program = self[text] = _classify.named_program(text)
        return program


class _Years(dict[str, FiscalYear]):
    """Fiscal years by the digits a canonical award number writes its year with, for one page.

    Those of a JustGrants number (20 characters) are ``number[7:9]``, those of a legacy
    one ``number[:4]``, as :func:`copsreform.identifiers.award_number.encoded_year` reads
    them; an award number is unique, its year digits are shared by most of a page.
    """

    def __missing__(self, digits: str) -> FiscalYear:
        year = self[digits] = _SHARED_YEAR(int(digits) + (2000 if len(digits) == 2 else 0))
        return year


def api_grant(defaults: Defaults, precise: Callable[[Any], Grant]) -> Callable[[Any], Grant]:
    """How one page's records become grants: on the fast path when it can prove them valid.

    Args:
        defaults: The caller's listing and state.
        precise: The precise path, for every record the fast path does not take.

    Returns:
        A function of one record. It keeps its verdicts on dates and descriptions for the
        page, so make one per page.
    """
    days, named, years = _Days(), _Named(), _Years()
    default_listing, state = defaults.assistance_listing, defaults.recipient_state
    award_key, name_key, amount_key = _NAMES.award_number, _NAMES.recipient_name, _NAMES.amount
    start_key, end_key, (description_key,) = _NAMES.start, _NAMES.end, _NAMES.descriptions
    uei_key, listing_key = _NAMES.recipient_uei, _NAMES.listing

    def build(record: Any) -> Grant:
        if type(record) is not dict:
            return precise(record)
        get = record.get
        number, name, start, end = get(award_key), get(name_key), get(start_key), get(end_key)
        start = days[start] if type(start) is str else None
        end = days[end] if type(end) is str else None
        federal = _cents(get(amount_key))
        text, uei, listing = get(description_key), get(uei_key), get(listing_key)
        if listing is None:
            listing = default_listing
        elif not (
            type(listing) is str and listing in COPS_LISTINGS and default_listing in (None, listing)
        ):
            listing = _REFUSED  # not canonical, or not the caller's: the precise path
        if (
            federal is None
            or start is None
            or end is None
            or listing is _REFUSED
            or type(number) is not str
            or _CANONICAL_AWARD.fullmatch(number) is None
            or type(name) is not str
            or not 0 < len(name) <= MAX_NAME
            or not is_folded(name)  # no outer or double spaces, tab, line break, surrogate
            or (text is not None and (type(text) is not str or len(text) > MAX_TEXT))
            or (uei is not None and not _canonical(_uei.validate, uei))
        ):
            return precise(record)
        # The description as given is classified; stripped, it is kept (blank is none).
        description = None if text is None else text.strip() or None
        # classify_program's rules, with the description's verdict kept for the page.
        decided = None if listing is None else _classify.by_listing(listing)
        if decided is None and description is not None:
            decided = named[cast(str, text)]
        if decided is None:
            decided = _classify.by_canonical_award_number(number)
        year = years[number[7:9] if len(number) == 20 else number[:4]]
        grant = _GRANT(
            number,  # award_number
            _UNKNOWN_PROGRAM if decided is None else decided,  # program
            _ORGANIZATION(name, state, uei, _UNKNOWN),  # recipient
            federal,  # federal_amount
            start,
            end,
            _NO_MATCH,  # local_match
            False,  # match_waived
            None,  # positions
            year,  # fiscal_year, the one the award number encodes: the rules find it agrees
            None,  # solicitation
            listing,  # assistance_listing
            description,
        )
        try:
            _CHECK_ACROSS(grant, year)
        except ValidationError:  # a cross-field rule broken: the precise path says which
            return precise(record)
        return grant

    return build
