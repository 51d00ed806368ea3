"""Import COPS awards from USAspending.gov.

USAspending publishes federal awards in three shapes, and this module reads all three,
mapping fields **by name** (the download files have changed columns over the years):

``"api"``
    The JSON response of ``POST /api/v2/search/spending_by_award/``: an object whose
    ``results`` list holds one object per award, with the fields the request asked for
    (``Award ID``, ``Recipient Name``, ``Award Amount``, ``Start Date``, ``End Date``,
    ``Description``; optionally ``Recipient UEI`` and ``CFDA Number``). The Assistance
    Listing and the recipient's state are usually **not** row fields: they were filters
    of the request, so the caller passes them (``assistance_listing="16.710"``,
    ``recipient_state="WA"``); they are never guessed.
``"award_csv"``
    The award-level download ``Assistance_PrimeAwardSummaries_*.csv``: one row per
    award. Amount ``total_obligated_amount``; listing from ``cfda_numbers_and_titles``
    (``"16.710: TITLE; 16.071: TITLE"``).
``"transaction_csv"``
    The transaction-level download ``Assistance_PrimeTransactions_*.csv``: one row per
    action (the award, each amendment, each de-obligation). Each row becomes one
    :class:`~copsreform.Grant` whose amount is that action's ``federal_action_obligation``
    and whose local match is that action's ``non_federal_funding_amount``; add them up by
    award number for an award's total, or read the award-level file.

What each shape's fields become (API field; award CSV column; transaction CSV column):

* ``award_number``: ``Award ID``; ``award_id_fain``; ``award_id_fain``.
* ``federal_amount``: ``Award Amount``; ``total_obligated_amount``;
  ``federal_action_obligation``.
* ``local_match``: none (0); ``total_non_federal_funding_amount``;
  ``non_federal_funding_amount``.
* ``start`` and ``end``: ``Start Date`` and ``End Date``;
  ``period_of_performance_start_date`` and ``period_of_performance_current_end_date``
  in both CSVs.
* ``assistance_listing``: ``CFDA Number`` or the caller's; ``cfda_numbers_and_titles``;
  ``cfda_number``.
* ``solicitation``: none; ``funding_opportunity_number`` in both CSVs.
* ``description``: ``Description``; ``prime_award_base_transaction_description``;
  ``transaction_description``, else the base one.
* ``recipient.name``, ``recipient.uei``: ``Recipient Name``, ``Recipient UEI``;
  ``recipient_name``, ``recipient_uei`` in both CSVs.
* ``recipient.state``: the caller's; ``recipient_state_code`` in both CSVs.
* ``recipient.kind``: unknown; from ``business_types_code`` in both CSVs (A state, B and
  C local, I tribal government, M and N nonprofit; other codes stay unknown).
* ``program``: :func:`classify_program`, from the description, listing and award number.

The recipient is an :class:`~copsreform.Organization`: USAspending names the recipient
and gives its UEI, but no ORI, so it cannot be an :class:`~copsreform.Agency`. Left out,
because the model has no field for them: ``internal_id`` and ``generated_internal_id``
(the latter is ``ASST_NON_<FAIN>_015``, derivable from the award number), addresses,
place of performance, DUNS, parent recipient, outlays. ``match_waived`` and
``positions`` are not in USAspending; they keep the model's defaults (``False``,
``None``). Amounts can be zero or negative (de-obligations) and are kept as they are.

Money never passes through a float: the JSON is parsed with ``parse_float=Decimal``.

Every input record comes back, in order, as a :class:`~copsreform.Grant` or a
:class:`~copsreform.batch.Rejected` with its position (``index`` in ``results``, from 0;
``row`` in a CSV, from 1, header not counted) and every problem, whose path names the
source field (``$.Award Amount``, ``$.award_id_fain``). A file that cannot be read as a
whole raises :class:`~copsreform.errors.SourceFormatError` before any record is yielded
(for a CSV, a malformed line further down can still stop the stream there).

Examples:
    >>> import io
    >>> from copsreform import Rejected, read_usaspending
    >>> from copsreform.batch import Tally, counted
    >>> page = io.BytesIO(b'''{"results": [
    ...   {"Award ID": "2020UMWX0499", "Recipient Name": "CITY OF FEDERAL WAY",
    ...    "Award Amount": 750000.0, "Start Date": "2020-07-01", "End Date": "2023-06-30",
    ...    "Description": "CHP"},
    ...   {"Award ID": "2016HEWX0056", "Recipient Name": "PORT GAMBLE S'KLALLAM TRIBE",
    ...    "Award Amount": -7016.88, "Start Date": "2016-09-01", "End Date": "2019-08-31",
    ...    "Description": "TRGP-E/T"},
    ...   {"Award ID": "2020UMWX049", "Recipient Name": "CITY OF MORTON",
    ...    "Award Amount": 125000.0, "Start Date": "2020-07-01", "End Date": "2023-06-30",
    ...    "Description": "CHP"}]}''')
    >>> tally = Tally()
    >>> for outcome in counted(read_usaspending(page, assistance_listing="16.710",
    ...                                         recipient_state="WA"), tally):
    ...     print(outcome if isinstance(outcome, Rejected) else
    ...           (outcome.award_number, outcome.program.value, str(outcome.federal_amount)))
    ('2020UMWX0499', 'chp', '750000.00')
    ('2016HEWX0056', 'trgp', '-7016.88')
    index 2: '$.Award ID' must have the form YYYY-PP-WX-NNNN (got '2020UMWX049')
    >>> summary = tally.summary()
    >>> summary.read, summary.imported, summary.rejected, summary.reasons
    (3, 2, 1, (("'$.Award ID' must have the form YYYY-PP-WX-NNNN", 1),))
"""

import contextlib
import functools
import importlib.resources
import re
from collections.abc import Iterator, Mapping
from typing import Any, Final, Literal

import attrs

from copsreform import _io
from copsreform._records import (
    Fields,
    RecordError,
    build,
    check_format,
    check_width,
    outcomes,
)
from copsreform.agency import Organization, OrganizationKind
from copsreform.batch import Rejected
from copsreform.constraints import NOT_A_STATE
from copsreform.errors import Problem, SourceFormatError, ValidationError
from copsreform.grant import Grant
from copsreform.identifiers import assistance_listing as _listing
from copsreform.identifiers import award_number as _award_number
from copsreform.programs import COPS_UMBRELLA_LISTING, GrantProgram
from copsreform.states import STATES

__all__ = [
    "BUNDLED_PAGE",
    "FORMATS",
    "Format",
    "classify_program",
    "detect_format",
    "read_api",
    "read_award_csv",
    "read_bundled_usaspending",
    "read_transaction_csv",
    "read_usaspending",
]

#: The shapes of USAspending data this module reads.
Format = Literal["api", "award_csv", "transaction_csv"]
#: Every :data:`Format`, in the order the module documentation describes them.
FORMATS: Final[tuple[Format, ...]] = ("api", "award_csv", "transaction_csv")

# Program classification --------------------------------------------------------------

# A program's acronym decides only where a label would stand: at the very start of the
# description ("CHP", "TRGP-E/T") or just after an opening parenthesis ("... HIRING
# PROGRAM (CHP)"). Elsewhere in a narrative a short word could mean anything.
_ACRONYMS: Final[Mapping[GrantProgram, tuple[str, ...]]] = {
    GrantProgram.CHP: ("CHP",),
    GrantProgram.CPD: ("CPD",),
    GrantProgram.TRGP: ("TRGP",),
    GrantProgram.LEMHWA: ("LEMHWA",),
    GrantProgram.SVPP: ("SVPP",),
    GrantProgram.CAMP: ("CAMP",),
    GrantProgram.AHTF: ("AHTF",),
    GrantProgram.PASS: ("PASS",),
    GrantProgram.TECHNOLOGY: ("TEP",),
    GrantProgram.CRI: ("CRI",),
}
# A program's name decides wherever it stands. Names are precise on purpose: a TRGP
# narrative mentions "TECHNOLOGY AND TRAINING", a Safer Outcomes one "ACTIVE SHOOTER
# SITUATIONS" and "MENTAL HEALTH CRISES", a Technology one "COMMUNITY POLICING CAPACITY";
# none of these may decide.
_NAMES: Final[Mapping[GrantProgram, tuple[str, ...]]] = {
    GrantProgram.CHP: (r"COPS HIRING PROGRAM",),
    GrantProgram.CPD: (r"COMMUNITY POLICING DEVELOPMENT",),
    GrantProgram.CPD_MICROGRANTS: (r"MICRO-?GRANTS?",),
    GrantProgram.TRGP: (r"TRIBAL RESOURCES? GRANTS?", r"TRIBAL GRANTS? RESOURCES?"),
    GrantProgram.LEMHWA: (r"MENTAL HEALTH AND WELLNESS",),
    GrantProgram.SVPP: (r"SCHOOL VIOLENCE PREVENTION",),
    GrantProgram.CAMP: (r"ANTI-?METHAMPHETAMINE",),
    GrantProgram.AHTF: (r"ANTI-?HEROIN",),
    GrantProgram.PASS: (r"PREPARING FOR ACTIVE SHOOTER",),
    GrantProgram.SAFER_OUTCOMES: (r"SAFER OUTCOMES",),
    GrantProgram.TECHNOLOGY: (r"TECHNOLOGY AND EQUIPMENT",),
    GrantProgram.CRI: (r"COLLABORATIVE REFORM",),
}
_PATTERNS: Final = tuple(
    (
        program,
        re.compile(
            r"(?:^|\()(?:" + "|".join(_ACRONYMS.get(program, ("(?!)",))) + r")\b"
            r"|\b(?:" + "|".join(_NAMES.get(program, ("(?!)",))) + r")\b"
        ),
    )
    for program in GrantProgram
    if program in _ACRONYMS or program in _NAMES
)


def _literal_prefix(name_pattern: str) -> str:
    # The leading letters and spaces of a name pattern that every match contains
    # ("MICRO-?GRANTS?" -> "MICRO"; "TRIBAL RESOURCES? GRANTS?" -> "TRIBAL RESOURCE",
    # since a quantifier makes the letter before it optional).
    run = len(name_pattern) - len(name_pattern.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ "))
    if name_pattern[run : run + 1] in ("?", "*", "{"):
        run -= 1
    return name_pattern[:run].strip()


# For each pattern, substrings of which the text must hold at least one for the pattern
# to match. Checking them first (a fast substring test) skips the regular expressions
# that cannot match, which on long narratives is most of them; results are unchanged.
_NEEDS: Final = {
    program: tuple(_ACRONYMS.get(program, ()))
    + tuple(_literal_prefix(n) for n in _NAMES.get(program, ()))
    for program, _ in _PATTERNS
}
# A more specific program named together with the one it belongs to wins.
_REFINES: Final = {GrantProgram.CPD_MICROGRANTS: GrantProgram.CPD}

# The listings that belong to one program (16.068 to 16.073, from FY2025).
_BY_LISTING: Final = {
    program.assistance_listing: program
    for program in GrantProgram
    if program.assistance_listing != COPS_UMBRELLA_LISTING
}

# Legacy (FY2020 and before) award-number program codes, YYYY-PP-WX-NNNN. OBSERVED, not
# documented: in the 100 real Washington awards of the bundled USAspending page, every
# award with one of these codes has a description naming this program
# (UMWX, ULWX: "CHP"; SVWX: "SVPP"; HHWX: "TRGP-HIRE"; HEWX: "TRGP-E/T"; CKWX: "CPD").
# JustGrants-era codes (UHPX, MUMU, INDI, ...) are not used: the same code has been seen
# on awards of different programs.
_LEGACY_CODES: Final = {
    "UM": GrantProgram.CHP,
    "UL": GrantProgram.CHP,
    "SV": GrantProgram.SVPP,
    "HH": GrantProgram.TRGP,
    "HE": GrantProgram.TRGP,
    "CK": GrantProgram.CPD,
}


def _named_program(description: object) -> GrantProgram | None:
    """The one program a description names, or ``None`` if it names none or several."""
    if not isinstance(description, str):
        return None
    if len(description) > _MAX_CACHED_DESCRIPTION:
        return _named_in_text.__wrapped__(description)
    return _named_in_text(description)


#: Longest description whose classification is cached. Short labels ("CHP", "TRGP-E/T")
#: repeat across records; long narratives are unique, and caching them would keep up to
#: 4,096 of them (each up to the CSV field limit, 128 KiB) alive after the import.
_MAX_CACHED_DESCRIPTION: Final = 256


@functools.lru_cache(maxsize=4096)
def _named_in_text(description: str) -> GrantProgram | None:
    # Cached: short labels ("CHP", "TRGP-E/T") repeat across records, and a record's
    # description is examined more than once while its program is chosen.
    text = " ".join(description.upper().split())
    found = {
        program
        for program, pattern in _PATTERNS
        if any(need in text for need in _NEEDS[program]) and pattern.search(text)
    }
    for specific, general in _REFINES.items():
        if specific in found:
            found.discard(general)
    return found.pop() if len(found) == 1 else None


def classify_program(
    description: str | None, listing: str | None = None, award_number: str | None = None
) -> GrantProgram:
    """Decide a USAspending award's COPS program from its description, listing and number.

    USAspending has no program field. The first of these rules that decides, wins:

    1. **Listing.** 16.068 to 16.073 each belong to one program (CHP, PASS, LEMHWA, SVPP,
       CAMP, AHTF, from FY2025). 16.710, the umbrella listing, decides nothing.
    2. **Description.** It decides when it names exactly one program: by name anywhere
       (``COPS HIRING PROGRAM``, ``SCHOOL VIOLENCE PREVENTION``, ``TRIBAL RESOURCES
       GRANT`` or the word order ``TRIBAL GRANT RESOURCES`` seen in real data,
       ``COMMUNITY POLICING DEVELOPMENT``, ``SAFER OUTCOMES``, ``TECHNOLOGY AND
       EQUIPMENT``, ...) or by acronym where a label stands: at the start (``CHP``,
       ``TRGP-E/T``, ``TRGP-HIRE``, ``SVPP``, ``CPD``) or after ``(`` (``(CHP)``,
       ``(TEP)``). Case and spacing do not matter. A description that names two programs
       decides nothing (CPD Microgrants counts as one, more specific than CPD).
    3. **Legacy award number.** The program code of an FY2020-or-earlier number
       (``2020UMWX0499``): UM and UL are CHP, SV is SVPP, HH and HE are TRGP, CK is CPD.
       These are *observed* in real awards, not documented by the COPS Office.
       JustGrants-era codes (``UHPX``, ``MUMU``, ``INDI``) are not used: one code has been
       seen on awards of two programs.

    Otherwise the program is :attr:`~copsreform.GrantProgram.UNKNOWN`; nothing is guessed.
    The listing wins over the description so that the program always agrees with the
    listing, which the :class:`~copsreform.Grant` model requires.

    Args:
        description: The award's description, as USAspending gives it.
        listing: The Assistance Listing (``"16.710"``), if known.
        award_number: The award number (FAIN), if known.

    Returns:
        The program, or ``GrantProgram.UNKNOWN``.

    Examples:
        >>> from copsreform import classify_program
        >>> classify_program("TRGP-E/T").value
        'trgp'
        >>> classify_program("THE COPS HIRING PROGRAM (CHP) PROVIDES FUNDING ...").value
        'chp'
        >>> classify_program("TRIBAL GRANT RESOURCES PROGRAM - HIRING").value
        'trgp'
        >>> classify_program("ANY TEXT", listing="16.071").value
        'svpp'
        >>> classify_program("", listing="16.710", award_number="2015CKWX0025").value
        'cpd'
        >>> classify_program("A RECRUITMENT PROJECT", "16.710", "15JCOPS25GG01043PPSE").value
        'unknown'
    """
    if isinstance(listing, str) and _listing.is_valid(listing):
        decided = _BY_LISTING.get(_listing.validate(listing))
        if decided is not None:
            return decided
    named = _named_program(description)
    if named is not None:
        return named
    if isinstance(award_number, str) and _award_number.is_valid(award_number):
        parts = _award_number.parse(award_number)
        if parts.era == "legacy" and parts.code in _LEGACY_CODES:
            return _LEGACY_CODES[parts.code]
    return GrantProgram.UNKNOWN


# Shapes -------------------------------------------------------------------------------

# business_types_code letters whose meaning data-formats section 1.1 verifies (DAIMS code
# list): A state government; B county and C city or township government; I federally
# recognised tribal government; M, N nonprofits. Others stay unknown.
_KINDS: Final = {
    "A": OrganizationKind.STATE_GOVERNMENT,
    "B": OrganizationKind.LOCAL_GOVERNMENT,
    "C": OrganizationKind.LOCAL_GOVERNMENT,
    "I": OrganizationKind.TRIBAL_GOVERNMENT,
    "M": OrganizationKind.NONPROFIT,
    "N": OrganizationKind.NONPROFIT,
}
_CFDA_ITEM: Final = re.compile(r"(?:^|;)\s*([0-9]{2}\.[0-9]{3})\s*:")


@attrs.frozen
class _Shape:
    """Where one shape keeps each value the importer reads (``None``: not in the shape)."""

    award_number: str
    recipient_name: str
    amount: str
    start: str
    end: str
    descriptions: tuple[str, ...]
    recipient_uei: str | None
    recipient_state: str | None
    listing: str | None
    listing_list: bool
    solicitation: str | None
    local_match: str | None
    business_types: str | None
    # Descriptions tried, in order, for the program (the base award's text first).
    classify_from: tuple[str, ...]

    @property
    def required(self) -> tuple[str, ...]:
        return (self.award_number, self.recipient_name, self.amount, self.start, self.end)

    @property
    def used(self) -> tuple[str, ...]:
        optional = (
            self.recipient_uei,
            self.recipient_state,
            self.listing,
            self.solicitation,
            self.local_match,
            self.business_types,
        )
        return (*self.required, *self.descriptions, *(c for c in optional if c))


_API: Final = _Shape(
    award_number="Award ID",
    recipient_name="Recipient Name",
    amount="Award Amount",
    start="Start Date",
    end="End Date",
    descriptions=("Description",),
    recipient_uei="Recipient UEI",
    recipient_state=None,
    listing="CFDA Number",
    listing_list=False,
    solicitation=None,
    local_match=None,
    business_types=None,
    classify_from=("Description",),
)
_AWARD_CSV: Final = _Shape(
    award_number="award_id_fain",
    recipient_name="recipient_name",
    amount="total_obligated_amount",
    start="period_of_performance_start_date",
    end="period_of_performance_current_end_date",
    descriptions=("prime_award_base_transaction_description",),
    recipient_uei="recipient_uei",
    recipient_state="recipient_state_code",
    listing="cfda_numbers_and_titles",
    listing_list=True,
    solicitation="funding_opportunity_number",
    local_match="total_non_federal_funding_amount",
    business_types="business_types_code",
    classify_from=("prime_award_base_transaction_description",),
)
_TRANSACTION_CSV: Final = attrs.evolve(
    _AWARD_CSV,
    amount="federal_action_obligation",
    descriptions=("transaction_description", "prime_award_base_transaction_description"),
    listing="cfda_number",
    listing_list=False,
    local_match="non_federal_funding_amount",
    classify_from=("prime_award_base_transaction_description", "transaction_description"),
)


@attrs.frozen
class _Defaults:
    """What the caller knows that the records may not say (the API request's filters)."""

    assistance_listing: str | None
    recipient_state: str | None


def _check_defaults(assistance_listing: object, recipient_state: object) -> _Defaults:
    listing = None
    if assistance_listing is not None:
        listing = _listing.validate(assistance_listing)
        if not _listing.is_cops(listing):
            raise ValidationError.single(
                "must be a COPS Assistance Listing (16.710, 16.068-16.073)",
                assistance_listing,
                root="assistance_listing",
            )
    state = None
    if recipient_state is not None:
        state = recipient_state.strip().upper() if isinstance(recipient_state, str) else None
        if state not in STATES:
            raise ValidationError.single(
                NOT_A_STATE,
                recipient_state,
                root="recipient_state",
            )
    return _Defaults(listing, state)


def _with_default(
    fields: Fields, column: str | None, value: str | None, default: str | None, keyword: str
) -> str | None:
    """The record's value, else the caller's; both given and different is a problem."""
    if value is None:
        return default
    if default is not None and column is not None and value.strip().upper() != default:
        fields.problem(column, f"disagrees with {keyword}={default!r} given by the caller", value)
    return value


def _listing_of(fields: Fields, shape: _Shape, default: str | None) -> str | None:
    column = shape.listing
    value = fields.text(column) if column else None
    if value is not None and shape.listing_list and column is not None:
        numbers = _CFDA_ITEM.findall(value)
        cops = [n for n in numbers if _listing.is_cops(n)]
        own = [n for n in cops if n != COPS_UMBRELLA_LISTING]
        if not numbers:
            fields.problem(column, "must list Assistance Listings as 'NN.NNN: title'", value)
            return None
        if not cops:
            fields.problem(
                column, "names no COPS Assistance Listing (16.710, 16.068-16.073)", value
            )
            return None
        if len(set(own)) > 1:
            fields.problem(column, "names more than one program's own COPS listing", value)
            return None
        value = own[0] if own else COPS_UMBRELLA_LISTING
    return _with_default(fields, column, value, default, "assistance_listing")


def _kind_of(fields: Fields, shape: _Shape) -> OrganizationKind:
    codes = fields.text(shape.business_types) if shape.business_types else None
    letters = {c for c in (codes or "").upper() if c.isalnum()}
    kinds = {_KINDS.get(letter) for letter in letters}
    if len(kinds) == 1:
        kind = kinds.pop()
        if kind is not None:
            return kind
    return OrganizationKind.UNKNOWN


def _grant(record: Any, shape: _Shape, defaults: _Defaults, csv: bool) -> Grant:
    if csv:
        check_width(record)
    if not isinstance(record, dict):
        raise RecordError([Problem("must be a JSON object", record)])
    fields = Fields(record)
    award_number = fields.text(shape.award_number, required=True)
    name = fields.text(shape.recipient_name, required=True)
    amount = fields.amount(shape.amount, required=True)
    start = fields.day(shape.start, required=True)
    end = fields.day(shape.end, required=True)
    local_match = fields.amount(shape.local_match) if shape.local_match else None
    solicitation = fields.text(shape.solicitation) if shape.solicitation else None
    uei = fields.text(shape.recipient_uei) if shape.recipient_uei else None
    state_value = fields.text(shape.recipient_state) if shape.recipient_state else None
    state = _with_default(
        fields, shape.recipient_state, state_value, defaults.recipient_state, "recipient_state"
    )
    listing = _listing_of(fields, shape, defaults.assistance_listing)
    texts = {c: fields.text(c) for c in dict.fromkeys((*shape.descriptions, *shape.classify_from))}
    description_column = next(
        (c for c in shape.descriptions if texts[c] is not None), shape.descriptions[0]
    )
    description = texts[description_column]
    candidates = [texts[c] for c in shape.classify_from]
    text = next((t for t in candidates if _named_program(t) is not None), candidates[0])
    kind = _kind_of(fields, shape)
    recipient: Organization | None = None
    if name is not None:
        try:
            recipient = build(
                Organization,
                {"name": name, "state": state, "uei": uei, "kind": kind},
                {
                    "name": shape.recipient_name,
                    "uei": shape.recipient_uei or "recipient_uei",
                    "state": shape.recipient_state or "recipient_state",
                    "kind": shape.business_types or "kind",
                },
            )
        except RecordError as error:
            fields.problems.extend(error.problems)
    if fields.problems:
        raise RecordError(fields.problems)
    kwargs: dict[str, Any] = {
        "award_number": award_number,
        "program": classify_program(text, listing, award_number),
        "recipient": recipient,
        "federal_amount": amount,
        "start": start,
        "end": end,
        "solicitation": solicitation,
        "assistance_listing": listing,
        "description": description,
    }
    if local_match is not None:
        kwargs["local_match"] = local_match
    return build(
        Grant,
        kwargs,
        {
            "award_number": shape.award_number,
            "fiscal_year": shape.award_number,
            "program": description_column,
            "federal_amount": shape.amount,
            "local_match": shape.local_match or "local_match",
            "start": shape.start,
            "end": shape.end,
            "solicitation": shape.solicitation or "solicitation",
            "assistance_listing": shape.listing or "assistance_listing",
            "description": description_column,
        },
    )


# Reading ------------------------------------------------------------------------------

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
    if _AWARD_CSV.award_number in header:
        return "award_csv"
    raise SourceFormatError(
        "is neither a spending_by_award JSON response nor a USAspending assistance "
        f"download CSV (its first line has no {_AWARD_CSV.award_number!r} column)",
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
    defaults: _Defaults,
    strict: bool,
    max_bytes: int | None,
) -> Iterator[Grant | Rejected]:
    limit = max_bytes or (_io.MAX_JSON_BYTES if format == "api" else _io.MAX_CSV_BYTES)
    with _io.open_source(source, limit) as opened:
        chosen = format or _detect(opened)
        if chosen == "api":
            document = _io.load_json(opened, max_bytes or _io.MAX_JSON_BYTES)
            results = document.get("results") if isinstance(document, dict) else None
            if not isinstance(results, list):
                raise SourceFormatError(
                    "is not a spending_by_award response: expected a JSON object with a "
                    "'results' list",
                    opened.name,
                )
            yield from outcomes(
                enumerate(results),
                lambda record: _grant(record, _API, defaults, csv=False),
                "index",
                strict=strict,
            )
            return
        shape = _AWARD_CSV if chosen == "award_csv" else _TRANSACTION_CSV
        rows = _io.csv_records(opened, shape.required, shape.used)
        yield from outcomes(
            rows, lambda record: _grant(record, shape, defaults, csv=True), "row", strict=strict
        )


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
    defaults = _check_defaults(assistance_listing, recipient_state)
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
    defaults = _check_defaults(assistance_listing, recipient_state)
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
    defaults = _check_defaults(assistance_listing, recipient_state)
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
    defaults = _check_defaults(assistance_listing, recipient_state)
    return _read(source, "transaction_csv", defaults, strict, max_bytes)


#: The real USAspending page that ships with copsreform, inside the package: 100 COPS
#: awards (Assistance Listing 16.710) to recipients in Washington state. Provenance is in
#: ``data/usaspending/README.md`` inside the package.
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
    resource = importlib.resources.files("copsreform")
    for part in BUNDLED_PAGE.split("/"):
        resource = resource / part
    with contextlib.ExitStack() as stack:
        stream = stack.enter_context(resource.open("rb"))
        yield from read_usaspending(
            stream,
            format="api",
            assistance_listing=COPS_UMBRELLA_LISTING,
            recipient_state="WA",
            strict=strict,
        )
