"""The contenders: copsreform, and equivalent pydantic v2 and msgspec models of a grant.

The pydantic and msgspec models accept exactly what copsreform accepts, field by field, so
that no one wins by validating less (:func:`agreement` checks it before any timing):

* award number, ORI, UEI, state, solicitation and Assistance Listing in canonical form,
  with the identifier's rules (instrument ``GG``/``GK``, legacy year 1994-2099, UEI
  without I or O nor a 9-digit run, ORI prefix matching the state, COPS listings only);
* money as a JSON string of at most 13 integer digits and 2 decimals (never a JSON
  number), normalised to whole cents; ``local_match`` not negative;
* dates ``YYYY-MM-DD`` that exist; enums by their values; strict ints and bools (no
  ``1.9``, ``2.0``, ``true`` or ``"10"`` for a count); counts from 0 to 10**9;
* names with white space folded, 1 to 300 characters; blank county or description
  becomes null; descriptions at most 20,000 characters;
* a recipient tagged ``"type": "agency"`` or ``"organization"``; unknown keys refused
  everywhere; ``format_version`` absent or 1;
* the cross-field checks: end not before start, fiscal year equal to the one the award
  number encodes (derived when null), listing allowed for the program, ORI prefix is
  the state's NCIC code, tribal and federal types with their jurisdiction, territorial
  only in a territory.

pydantic is a bench-only dependency (``bench/requirements.txt``), msgspec one of
copsreform's own; this module imports without either, so the copsreform contender and
the agreement check always work.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Literal

import copsreform as cr
from copsreform.agency import AgencyType, Jurisdiction, OrganizationKind
from copsreform.programs import GrantProgram
from copsreform.states import STATES, TERRITORIES

try:
    import pydantic
except ModuleNotFoundError:  # bench-only dependency
    pydantic = None  # type: ignore[assignment]
try:
    import msgspec
except ModuleNotFoundError:  # bench-only dependency
    msgspec = None  # type: ignore[assignment]

# Shared rules, written once as patterns (pydantic runs them in Rust, msgspec with re) ----

_STATES = "|".join(sorted(STATES))
STATE = rf"(?:{_STATES})"
ORI = r"[A-Z]{2}[A-Z0-9]{7}"
UEI = r"[1-9A-HJ-NP-Z][0-9A-HJ-NP-Z]{11}"  # plus: no run of 9 digits (checked apart)
AWARD = r"(?:15JCOPS[0-9]{2}G[GK][0-9]{5}[A-Z]{4}|(?:199[4-9]|20[0-9]{2})[A-Z]{2}WX[A-Z0-9]{4})"
SOLICITATION = r"(?:O-COPS-[0-9]{4}-[0-9]{5,6}|[A-Z0-9]+(?:-[A-Z0-9]+)*-(?:199[4-9]|20[0-9]{2}))"
LISTING = r"16\.(?:710|068|069|070|071|072|073)"
MONEY = r"-?[0-9]{1,13}(?:\.[0-9]{1,2})?"

_MONEY = re.compile(MONEY)
_NINE_DIGITS = re.compile(r"[0-9]{9}")
_CENT = Decimal("0.01")
_ZERO = Decimal("0.00")
_NCIC = {"NE": "NB", "GU": "GM"}
_UMBRELLA = "16.710"
_OWN_LISTING = {p: p.assistance_listing for p in GrantProgram}
_MAX_NAME = 300
_MAX_TEXT = 20_000
_MAX_COUNT = 1_000_000_000
_TYPE_JURISDICTION = {
    AgencyType.TRIBAL: Jurisdiction.TRIBAL,
    AgencyType.FEDERAL: Jurisdiction.FEDERAL,
}


def rust(pattern: str) -> str:
    """Anchor a pattern for pydantic (Rust regex ``is_match``: ``$`` is end of text)."""
    return f"^{pattern}$"


def python(pattern: str) -> str:
    """Anchor a pattern for msgspec (Python ``re.search``: ``\\Z``, as ``$`` allows a final newline)."""
    return f"^{pattern}\\Z"


def money(value: object) -> Decimal:
    """A money string (never a JSON number) in whole cents."""
    if type(value) is not str or _MONEY.fullmatch(value) is None:
        raise ValueError("must be a decimal string with at most 2 decimals")
    return Decimal(value).quantize(_CENT)


def non_negative_money(value: object) -> Decimal:
    """Like :func:`money`, and not below zero."""
    amount = money(value)
    if amount < 0:
        raise ValueError("must not be negative")
    return amount


def fold_name(value: str) -> str:
    """White space folded; 1 to 300 characters."""
    folded = " ".join(value.split())
    if not folded or len(folded) > _MAX_NAME:
        raise ValueError("must be 1 to 300 characters")
    return folded


def fold_county(value: str) -> str | None:
    """White space folded; blank is None; at most 300 characters."""
    folded = " ".join(value.split())
    if len(folded) > _MAX_NAME:
        raise ValueError("must be at most 300 characters")
    return folded or None


def strip_description(value: str) -> str | None:
    """Outer white space stripped; blank is None; at most 20,000 characters."""
    stripped = value.strip()
    if len(stripped) > _MAX_TEXT:
        raise ValueError("must be at most 20,000 characters")
    return stripped or None


def no_nine_digits(value: str) -> str:
    """The UEI rule a pattern without look-around cannot say: no run of 9 digits."""
    if _NINE_DIGITS.search(value):
        raise ValueError("must not contain a run of 9 or more digits")
    return value


def award_fiscal_year(award_number: str) -> int:
    """The fiscal year a canonical award number encodes."""
    if award_number.startswith("15JCOPS"):
        return 2000 + int(award_number[7:9])
    return int(award_number[:4])


def check_agency(
    state: str, ori: str | None, jurisdiction: Jurisdiction, agency_type: AgencyType
) -> None:
    """The agency's cross-field rules."""
    if ori is not None and ori[:2] != _NCIC.get(state, state):
        raise ValueError("ORI must start with the state's NCIC code")
    implied = _TYPE_JURISDICTION.get(agency_type)
    if implied is not None and jurisdiction is not implied:
        raise ValueError(f"jurisdiction must be {implied.value!r} for this agency type")
    if implied is None and jurisdiction is Jurisdiction.TERRITORIAL and state not in TERRITORIES:
        raise ValueError("jurisdiction must not be 'territorial' outside a territory")


def check_grant(
    *,
    award_number: str,
    fiscal_year: int | None,
    start: object,
    end: object,
    program: GrantProgram,
    listing: str | None,
) -> int:
    """The grant's cross-field rules; return the fiscal year (derived when None)."""
    encoded = award_fiscal_year(award_number)
    if fiscal_year is not None and fiscal_year != encoded:
        raise ValueError(f"fiscal_year must agree with the award number (FY{encoded})")
    if end < start:  # type: ignore[operator]
        raise ValueError("end must not be before start")
    if (
        listing is not None
        and program is not GrantProgram.UNKNOWN
        and listing not in (_UMBRELLA, _OWN_LISTING[program])
    ):
        raise ValueError("assistance_listing must be allowed for the program")
    return encoded


# pydantic v2 ------------------------------------------------------------------------------

if pydantic is not None:
    import datetime as _dt

    from pydantic import (
        AfterValidator,
        BaseModel,
        ConfigDict,
        Field,
        PlainSerializer,
        PlainValidator,
        StringConstraints,
        TypeAdapter,
        model_validator,
    )

    _STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)
    PCount = Annotated[int, Field(ge=0, le=_MAX_COUNT)]
    # A PlainValidator replaces pydantic's Decimal validation, which would accept JSON
    # numbers; pydantic 2.14 then warns when serializing unless told how (str, as copsreform).
    PMoney = Annotated[Decimal, PlainValidator(money), PlainSerializer(str, return_type=str)]
    PNonNegativeMoney = Annotated[
        Decimal, PlainValidator(non_negative_money), PlainSerializer(str, return_type=str)
    ]
    PName = Annotated[str, AfterValidator(fold_name)]
    PCounty = Annotated[str, AfterValidator(fold_county)]
    PDescription = Annotated[str, AfterValidator(strip_description)]
    PState = Annotated[str, StringConstraints(pattern=rust(STATE))]
    PUei = Annotated[str, StringConstraints(pattern=rust(UEI)), AfterValidator(no_nine_digits)]

    class PydanticAgency(BaseModel):
        """An agency recipient."""

        model_config = _STRICT

        type: Literal["agency"] = "agency"
        name: PName
        state: PState
        jurisdiction: Jurisdiction
        agency_type: AgencyType
        ori: Annotated[str, StringConstraints(pattern=rust(ORI))] | None = None
        uei: PUei | None = None
        county: PCounty | None = None
        population: PCount | None = None
        sworn_officers: PCount | None = None
        primary_law_enforcement_authority: bool | None = None

        @model_validator(mode="after")
        def _cross_fields(self) -> PydanticAgency:
            check_agency(self.state, self.ori, self.jurisdiction, self.agency_type)
            return self

    class PydanticOrganization(BaseModel):
        """An organisation recipient."""

        model_config = _STRICT

        type: Literal["organization"] = "organization"
        name: PName
        state: PState | None = None
        uei: PUei | None = None
        kind: OrganizationKind = OrganizationKind.UNKNOWN

    class PydanticGrant(BaseModel):
        """A COPS grant, as copsreform's Grant."""

        model_config = _STRICT

        award_number: Annotated[str, StringConstraints(pattern=rust(AWARD))]
        program: GrantProgram
        recipient: Annotated[PydanticAgency | PydanticOrganization, Field(discriminator="type")]
        federal_amount: PMoney
        start: _dt.date
        end: _dt.date
        local_match: PNonNegativeMoney = _ZERO
        match_waived: bool = False
        positions: PCount | None = None
        fiscal_year: Annotated[int, Field(ge=1977, le=2199)] | None = None
        solicitation: (
            Annotated[str, StringConstraints(pattern=rust(SOLICITATION), max_length=100)] | None
        ) = None
        assistance_listing: Annotated[str, StringConstraints(pattern=rust(LISTING))] | None = None
        description: PDescription | None = None
        format_version: Annotated[int, Field(ge=1, le=1)] = 1

        @model_validator(mode="after")
        def _cross_fields(self) -> PydanticGrant:
            year = check_grant(
                award_number=self.award_number,
                fiscal_year=self.fiscal_year,
                start=self.start,
                end=self.end,
                program=self.program,
                listing=self.assistance_listing,
            )
            if self.fiscal_year is None:  # derived, as copsreform does
                object.__setattr__(self, "fiscal_year", year)
            return self

    PYDANTIC_LIST = TypeAdapter(list[PydanticGrant])


# msgspec ------------------------------------------------------------------------------------

if msgspec is not None:
    import datetime as _dt

    from msgspec import Meta, Struct
    from msgspec.structs import force_setattr

    MCount = Annotated[int, Meta(ge=0, le=_MAX_COUNT)]
    MState = Annotated[str, Meta(pattern=python(STATE))]
    MUei = Annotated[str, Meta(pattern=python(rf"(?![0-9A-Z]*[0-9]{{9}}){UEI}"))]
    # msgspec decodes Decimal from JSON numbers too, so money arrives as a checked string
    # and __post_init__ turns it into a Decimal in whole cents.
    MMoney = Annotated[str, Meta(pattern=python(MONEY))]

    class MsgspecAgency(
        Struct, frozen=True, forbid_unknown_fields=True, tag_field="type", tag="agency"
    ):
        """An agency recipient."""

        name: str
        state: MState
        jurisdiction: Jurisdiction
        agency_type: AgencyType
        ori: Annotated[str, Meta(pattern=python(ORI))] | None = None
        uei: MUei | None = None
        county: str | None = None
        population: MCount | None = None
        sworn_officers: MCount | None = None
        primary_law_enforcement_authority: bool | None = None

        def __post_init__(self) -> None:
            force_setattr(self, "name", fold_name(self.name))
            if self.county is not None:
                force_setattr(self, "county", fold_county(self.county))
            check_agency(self.state, self.ori, self.jurisdiction, self.agency_type)

    class MsgspecOrganization(
        Struct, frozen=True, forbid_unknown_fields=True, tag_field="type", tag="organization"
    ):
        """An organisation recipient."""

        name: str
        state: MState | None = None
        uei: MUei | None = None
        kind: OrganizationKind = OrganizationKind.UNKNOWN

        def __post_init__(self) -> None:
            force_setattr(self, "name", fold_name(self.name))

    class MsgspecGrant(Struct, frozen=True, forbid_unknown_fields=True):
        """A COPS grant, as copsreform's Grant."""

        award_number: Annotated[str, Meta(pattern=python(AWARD))]
        program: GrantProgram
        recipient: MsgspecAgency | MsgspecOrganization
        federal_amount: MMoney
        start: _dt.date
        end: _dt.date
        local_match: MMoney = "0.00"
        match_waived: bool = False
        positions: MCount | None = None
        fiscal_year: Annotated[int, Meta(ge=1977, le=2199)] | None = None
        solicitation: Annotated[str, Meta(pattern=python(SOLICITATION), max_length=100)] | None = (
            None
        )
        assistance_listing: Annotated[str, Meta(pattern=python(LISTING))] | None = None
        description: str | None = None
        format_version: Annotated[int, Meta(ge=1, le=1)] = 1

        def __post_init__(self) -> None:
            force_setattr(self, "federal_amount", money(self.federal_amount))
            force_setattr(self, "local_match", non_negative_money(self.local_match))
            if self.description is not None:
                force_setattr(self, "description", strip_description(self.description))
            year = check_grant(
                award_number=self.award_number,
                fiscal_year=self.fiscal_year,
                start=self.start,
                end=self.end,
                program=self.program,
                listing=self.assistance_listing,
            )
            if self.fiscal_year is None:
                force_setattr(self, "fiscal_year", year)

    MSGSPEC_DECODER = msgspec.json.Decoder(MsgspecGrant)
    MSGSPEC_LIST_DECODER = msgspec.json.Decoder(list[MsgspecGrant])
    MSGSPEC_ENCODER = msgspec.json.Encoder()


# The contenders --------------------------------------------------------------------------


@dataclass(frozen=True)
class Contender:
    """One library's way to decode, encode and judge grant documents.

    Attributes:
        name: Short name for tables.
        decode_lines: Lines of JSON text (one document each) to a list of objects.
        decode_one: One JSON document to an object; raises ``rejects`` when it refuses.
        rejects: The exception types that mean "refused" (anything else is a crash).
        encode: Objects to a list of JSON texts (str or bytes), one per object.
        decode_array: One JSON array text to a list of objects, where the library can.
        decode_jsonl: The whole JSON Lines text to a list of objects, where the library
            has a JSON Lines reader of its own.
    """

    name: str
    decode_lines: Callable[[list[str]], list[Any]]
    decode_one: Callable[[str], Any]
    rejects: tuple[type[BaseException], ...]
    encode: Callable[[list[Any]], list[Any]]
    decode_array: Callable[[str], list[Any]] | None = None
    decode_jsonl: Callable[[str], list[Any]] | None = None
    variants: dict[str, Callable[[list[str]], list[Any]]] = field(default_factory=dict)


def _copsreform_read_jsonl(lines: list[str]) -> list[Any]:
    return list(cr.read_jsonl(cr.Grant, lines, strict=True))


def copsreform_contender() -> Contender:
    """copsreform: ``from_json`` per line (what a user writes for JSON Lines text)."""
    grant = cr.Grant
    from_json, from_dict, to_json, loads = cr.from_json, cr.from_dict, cr.to_json, json.loads
    return Contender(
        name="copsreform",
        decode_lines=lambda lines: [from_json(grant, line) for line in lines],
        decode_one=lambda text: from_json(grant, text),
        rejects=(cr.ValidationError,),
        encode=lambda objs: [to_json(o) for o in objs],
        variants={
            "copsreform read_jsonl": _copsreform_read_jsonl,
            "copsreform json.loads+from_dict": lambda lines: [
                from_dict(grant, loads(line)) for line in lines
            ],
        },
    )


def pydantic_contender() -> Contender:
    """pydantic v2: ``Model.model_validate_json`` per line; ``TypeAdapter`` for the array."""
    if pydantic is None:
        raise ModuleNotFoundError("pydantic is a bench-only dependency: bench/requirements.txt")
    validate = PydanticGrant.model_validate_json
    return Contender(
        name="pydantic",
        decode_lines=lambda lines: [validate(line) for line in lines],
        decode_one=validate,
        rejects=(pydantic.ValidationError,),
        encode=lambda objs: [o.model_dump_json() for o in objs],
        decode_array=PYDANTIC_LIST.validate_json,
    )


def msgspec_contender() -> Contender:
    """msgspec: ``Decoder(Model).decode`` per line; ``decode_lines`` and ``list[Model]`` too."""
    if msgspec is None:
        raise ModuleNotFoundError("msgspec is a bench-only dependency: bench/requirements.txt")
    decode, encode = MSGSPEC_DECODER.decode, MSGSPEC_ENCODER.encode
    return Contender(
        name="msgspec",
        decode_lines=lambda lines: [decode(line) for line in lines],
        decode_one=decode,
        rejects=(msgspec.ValidationError, msgspec.DecodeError),
        encode=lambda objs: [encode(o) for o in objs],
        decode_array=MSGSPEC_LIST_DECODER.decode,
        decode_jsonl=MSGSPEC_DECODER.decode_lines,
    )


SECOND = "pydantic second model"


def second_pydantic_contender() -> Contender:
    """A second pydantic v2 model, written apart (``second_model.py``), as a check."""
    if pydantic is None:
        raise ModuleNotFoundError("pydantic is a bench-only dependency: bench/requirements.txt")
    from second_model import SecondGrant

    validate = SecondGrant.model_validate_json
    return Contender(
        name=SECOND,
        decode_lines=lambda lines: [validate(line) for line in lines],
        decode_one=validate,
        rejects=(pydantic.ValidationError,),
        encode=lambda objs: [o.model_dump_json() for o in objs],
    )


def available_contenders() -> list[Contender]:
    """Every contender whose library is installed, copsreform first."""
    found = [copsreform_contender()]
    if pydantic is not None:
        found.append(pydantic_contender())
        found.append(second_pydantic_contender())
    if msgspec is not None:
        found.append(msgspec_contender())
    return found


# The agreement check -------------------------------------------------------------------------


@dataclass
class Verdict:
    """What one contender did with one case."""

    outcome: Literal["accepted", "rejected", "crashed"]
    detail: str = ""
    output: Any = None


def judge(contender: Contender, text: str) -> Verdict:
    """Decode ``text`` with ``contender``; on success keep its JSON output to compare."""
    try:
        obj = contender.decode_one(text)
    except contender.rejects as error:
        return Verdict("rejected", str(error).splitlines()[0][:80])
    except Exception as error:  # any other failure is a crash to report
        return Verdict("crashed", f"{type(error).__name__}: {error}"[:80])
    try:
        output = json.loads(contender.encode([obj])[0])
    except Exception as error:  # a crash to report
        return Verdict("crashed", f"encode: {type(error).__name__}: {error}"[:80])
    return Verdict("accepted", output=output)


@dataclass
class Agreement:
    """The agreement table: every case, what each contender did, and the disagreements."""

    names: list[str]
    rows: list[tuple[str, str, list[Verdict]]]  # (expected, label, verdicts)
    problems: list[str]

    @property
    def ok(self) -> bool:
        """Whether every contender did what was expected with every case."""
        return not self.problems

    def table(self) -> str:
        """The table as text, one line per case."""
        width = max(len(label) for _, label, _ in self.rows)
        head = f"{'case':<{width}}  {'expect':<7}  " + "  ".join(f"{n:<10}" for n in self.names)
        lines = [head, "-" * len(head)]
        for expected, label, verdicts in self.rows:
            cells = "  ".join(
                f"{('ok' if v.outcome == expected else v.outcome.upper()):<10}" for v in verdicts
            )
            lines.append(f"{label:<{width}}  {expected:<7}  {cells}")
        return "\n".join(lines)


def agreement(
    contenders: Iterable[Contender],
    good: Iterable[tuple[str, dict[str, Any]]],
    bad: Iterable[tuple[str, dict[str, Any]]],
) -> Agreement:
    """Check that every contender accepts every good case and rejects every bad one.

    For good cases the contenders' JSON output must also be the same as copsreform's (as
    parsed JSON, so key order and bytes versus str do not matter): they decoded the same
    values, normalised the same way.
    """
    contenders = list(contenders)
    names = [c.name for c in contenders]
    rows: list[tuple[str, str, list[Verdict]]] = []
    problems: list[str] = []
    cases = [("accepted", label, doc) for label, doc in good]
    cases += [("rejected", label, doc) for label, doc in bad]
    for expected, label, doc in cases:
        text = json.dumps(doc, ensure_ascii=False)
        verdicts = [judge(c, text) for c in contenders]
        rows.append((expected, label, verdicts))
        for contender, verdict in zip(contenders, verdicts, strict=True):
            if verdict.outcome != expected:
                problems.append(f"{contender.name} {verdict.outcome} {label!r}: {verdict.detail}")
        reference = verdicts[0].output
        for contender, verdict in zip(contenders[1:], verdicts[1:], strict=True):
            if (
                expected == "accepted"
                and verdict.outcome == expected
                and verdict.output != reference
            ):
                problems.append(
                    f"{contender.name} decoded {label!r} to other values: {verdict.output}"
                )
    return Agreement(names, rows, problems)
