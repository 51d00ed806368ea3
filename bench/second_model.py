"""A second pydantic v2 model of a grant, written apart from the first as a check on it.

``contenders.py``'s pydantic model is the reference of every ratio. To make sure it is not
slow by the way it is written, this one states the same rules in pydantic's other idiom:
no shared helper, no Rust pattern, each rule a ``field_validator`` in Python (its own
compiled patterns, ASCII only), money parsed by a ``mode="before"`` validator and
serialised as text, the cross-field rules in one ``model_validator(mode="after")``
written anew, and pydantic's own ``Field`` bounds and ``Literal`` for the rest.

The agreement check holds it to the same verdicts as copsreform and the other contenders
on the 20 good and 50 bad documents, and to the same JSON on the benchmark records,
before any timing. It needs pydantic (``bench/requirements.txt``).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_serializer,
    field_validator,
    model_validator,
)

from copsreform.agency import AgencyType, Jurisdiction, OrganizationKind
from copsreform.identifiers.assistance_listing import COPS_LISTINGS
from copsreform.programs import GrantProgram
from copsreform.states import STATES, TERRITORIES

__all__ = ["SecondAgency", "SecondGrant", "SecondOrganization"]

CONFIG = ConfigDict(strict=True, extra="forbid", frozen=True)
COUNT = Field(default=None, ge=0, le=10**9)

_ORI = re.compile(r"[A-Z]{2}[A-Z\d]{7}", re.ASCII)
_UEI = re.compile(r"[1-9A-HJ-NP-Z][\dA-HJ-NP-Z]{11}", re.ASCII)
_NINE = re.compile(r"\d{9}", re.ASCII)
_JUSTGRANTS = re.compile(r"15JCOPS\d\dG[GK]\d{5}[A-Z]{4}", re.ASCII)
_LEGACY = re.compile(r"(\d{4})[A-Z]{2}WX[A-Z\d]{4}", re.ASCII)
_SOLICITATION = re.compile(
    r"O-COPS-\d{4}-\d{5,6}|[A-Z\d]+(?:-[A-Z\d]+)*-(?:199[4-9]|20\d\d)", re.ASCII
)
_AMOUNT = re.compile(r"-?\d{1,13}(?:\.\d{1,2})?", re.ASCII)
_PREFIX = {"NE": "NB", "GU": "GM"}


def _folded(value: str, *, blank_is_none: bool) -> str | None:
    words = value.split()
    text = " ".join(words)
    if len(text) > 300:
        raise ValueError("at most 300 characters")
    if not text:
        if blank_is_none:
            return None
        raise ValueError("must not be blank")
    return text


def _check_uei(value: str | None) -> str | None:
    if value is not None and (not _UEI.fullmatch(value) or _NINE.search(value)):
        raise ValueError("not a canonical UEI")
    return value


def _check_state(value: str | None) -> str | None:
    if value is not None and value not in STATES:
        raise ValueError("not a USPS state code")
    return value


class SecondAgency(BaseModel):
    """An agency recipient."""

    model_config = CONFIG

    type: Literal["agency"] = "agency"
    name: str
    state: str
    jurisdiction: Jurisdiction
    agency_type: AgencyType
    ori: str | None = None
    uei: str | None = None
    county: str | None = None
    population: int | None = COUNT
    sworn_officers: int | None = COUNT
    primary_law_enforcement_authority: bool | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str | None:
        return _folded(value, blank_is_none=False)

    @field_validator("county")
    @classmethod
    def _county(cls, value: str | None) -> str | None:
        return None if value is None else _folded(value, blank_is_none=True)

    @field_validator("state")
    @classmethod
    def _state(cls, value: str) -> str | None:
        return _check_state(value)

    @field_validator("uei")
    @classmethod
    def _uei(cls, value: str | None) -> str | None:
        return _check_uei(value)

    @field_validator("ori")
    @classmethod
    def _ori(cls, value: str | None) -> str | None:
        if value is not None and not _ORI.fullmatch(value):
            raise ValueError("not a canonical 9-character ORI")
        return value

    @model_validator(mode="after")
    def _across(self) -> SecondAgency:
        if self.ori is not None and self.ori[:2] != _PREFIX.get(self.state, self.state):
            raise ValueError("the ORI does not start with the state's NCIC code")
        if self.agency_type is AgencyType.TRIBAL:
            if self.jurisdiction is not Jurisdiction.TRIBAL:
                raise ValueError("a tribal agency has tribal jurisdiction")
        elif self.agency_type is AgencyType.FEDERAL:
            if self.jurisdiction is not Jurisdiction.FEDERAL:
                raise ValueError("a federal agency has federal jurisdiction")
        elif self.jurisdiction is Jurisdiction.TERRITORIAL and self.state not in TERRITORIES:
            raise ValueError("territorial only in a territory")
        return self


class SecondOrganization(BaseModel):
    """An organisation recipient."""

    model_config = CONFIG

    type: Literal["organization"] = "organization"
    name: str
    state: str | None = None
    uei: str | None = None
    kind: OrganizationKind = OrganizationKind.UNKNOWN

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str | None:
        return _folded(value, blank_is_none=False)

    @field_validator("state")
    @classmethod
    def _state(cls, value: str | None) -> str | None:
        return _check_state(value)

    @field_validator("uei")
    @classmethod
    def _uei(cls, value: str | None) -> str | None:
        return _check_uei(value)


def _cents(value: Any) -> Decimal:
    if not isinstance(value, str) or not _AMOUNT.fullmatch(value):
        raise ValueError("an amount is a string with at most 2 decimals")
    return Decimal(value).quantize(Decimal("0.01"))


class SecondGrant(BaseModel):
    """A COPS grant."""

    model_config = CONFIG

    award_number: str
    program: GrantProgram
    recipient: Annotated[SecondAgency | SecondOrganization, Field(discriminator="type")]
    federal_amount: Decimal
    start: dt.date
    end: dt.date
    local_match: Decimal = Decimal("0.00")
    match_waived: bool = False
    positions: int | None = COUNT
    fiscal_year: int | None = Field(default=None, ge=1977, le=2199)
    solicitation: str | None = Field(default=None, max_length=100)
    assistance_listing: str | None = None
    description: str | None = None
    # Not Literal[1]: pydantic's Literal takes true for 1 (the agreement check found it).
    format_version: int = Field(default=1, ge=1, le=1)

    @field_validator("federal_amount", mode="before")
    @classmethod
    def _federal(cls, value: Any) -> Decimal:
        return _cents(value)

    @field_validator("local_match", mode="before")
    @classmethod
    def _local(cls, value: Any) -> Decimal:
        amount = _cents(value)
        if amount < 0:
            raise ValueError("the local match is not negative")
        return amount

    @field_serializer("federal_amount", "local_match")
    def _money_text(self, value: Decimal) -> str:
        return str(value)

    @field_validator("award_number")
    @classmethod
    def _award(cls, value: str) -> str:
        legacy = _LEGACY.fullmatch(value)
        if not (_JUSTGRANTS.fullmatch(value) or (legacy and 1994 <= int(legacy[1]) <= 2099)):
            raise ValueError("not a canonical COPS award number")
        return value

    @field_validator("solicitation")
    @classmethod
    def _solicitation(cls, value: str | None) -> str | None:
        if value is not None and not _SOLICITATION.fullmatch(value):
            raise ValueError("not a canonical solicitation number")
        return value

    @field_validator("assistance_listing")
    @classmethod
    def _listing(cls, value: str | None) -> str | None:
        if value is not None and value not in COPS_LISTINGS:
            raise ValueError("not a COPS Assistance Listing")
        return value

    @field_validator("description")
    @classmethod
    def _description(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if len(value.strip()) > 20_000:
            raise ValueError("at most 20,000 characters")
        return value.strip() or None

    @model_validator(mode="after")
    def _across(self) -> SecondGrant:
        number = self.award_number
        year = 2000 + int(number[7:9]) if number.startswith("15JCOPS") else int(number[:4])
        if self.fiscal_year is None:
            object.__setattr__(self, "fiscal_year", year)  # derived, as copsreform does
        elif self.fiscal_year != year:
            raise ValueError("the fiscal year is not the award number's")
        if self.end < self.start:
            raise ValueError("the end is before the start")
        listing, program = self.assistance_listing, self.program
        if (
            listing is not None
            and program is not GrantProgram.UNKNOWN
            and listing not in ("16.710", program.assistance_listing)
        ):
            raise ValueError("the listing is not one of the program's")
        return self
