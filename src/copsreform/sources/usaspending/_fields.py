"""Where each USAspending shape keeps each value, and how a record becomes a Grant.

One :class:`Shape` per shape names the source field of every value the importer reads;
:func:`grant` maps one record of any shape to a :class:`~copsreform.Grant`, collecting
every problem with the source field's name as its path.
"""

import re
from typing import Any, Final

import attrs

from copsreform._records import Fields, RecordError, build, check_width
from copsreform.agency import Organization, OrganizationKind
from copsreform.constraints import NOT_A_STATE
from copsreform.errors import Problem, ValidationError
from copsreform.grant import Grant
from copsreform.identifiers import assistance_listing as _listing
from copsreform.programs import COPS_UMBRELLA_LISTING
from copsreform.sources.usaspending._classify import classify_program, named_program
from copsreform.states import STATES

__all__ = ["API", "AWARD_CSV", "TRANSACTION_CSV", "Defaults", "Shape", "check_defaults", "grant"]

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
class Shape:
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


API: Final = Shape(
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
AWARD_CSV: Final = Shape(
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
TRANSACTION_CSV: Final = attrs.evolve(
    AWARD_CSV,
    amount="federal_action_obligation",
    descriptions=("transaction_description", "prime_award_base_transaction_description"),
    listing="cfda_number",
    listing_list=False,
    local_match="non_federal_funding_amount",
    classify_from=("prime_award_base_transaction_description", "transaction_description"),
)


@attrs.frozen
class Defaults:
    """What the caller knows that the records may not say (the API request's filters)."""

    assistance_listing: str | None
    recipient_state: str | None


def check_defaults(assistance_listing: object, recipient_state: object) -> Defaults:
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
    return Defaults(listing, state)


def _with_default(
    fields: Fields, column: str | None, value: str | None, default: str | None, keyword: str
) -> str | None:
    """The record's value, else the caller's; both given and different is a problem."""
    if value is None:
        return default
    if default is not None and column is not None and value.strip().upper() != default:
        fields.problem(column, f"disagrees with {keyword}={default!r} given by the caller", value)
    return value


def _listing_of(fields: Fields, shape: Shape, default: str | None) -> str | None:
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


def _kind_of(fields: Fields, shape: Shape) -> OrganizationKind:
    codes = fields.text(shape.business_types) if shape.business_types else None
    letters = {c for c in (codes or "").upper() if c.isalnum()}
    kinds = {_KINDS.get(letter) for letter in letters}
    if len(kinds) == 1:
        kind = kinds.pop()
        if kind is not None:
            return kind
    return OrganizationKind.UNKNOWN


def grant(record: Any, shape: Shape, defaults: Defaults, csv: bool) -> Grant:
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
    text = next((t for t in candidates if named_program(t) is not None), candidates[0])
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
