"""The rule book: effective-dated rule parameters with their public sources.

Program rules change by fiscal year, so their parameters (caps, shares, periods,
ceilings, who may apply) are data. They ship as ``copsreform/data/rules.json``, with a
provenance header naming every source and when it was read, and load on first use into
the typed records below. Nothing is read at import time.

Each :class:`Rule` has :class:`RuleVersion` records. A version is in force from its
``first`` fiscal year to its ``last`` (``None``: in force as of the date the sources
were read, until superseded); the versions of a rule never overlap. A fiscal year
selects the one version in force, and a year with none raises
:class:`~copsreform.errors.RuleNotInForceError` naming the rule and the year.

A version has a :class:`VersionStatus`:

* ``IN_FORCE``: its parameters apply;
* ``NOT_APPLICABLE``: a source says the rule did not apply in those years (the 2009
  Recovery Act round of the COPS Hiring Program required no match), so it passes;
* ``UNKNOWN``: a source shows the rule exists but gives no value for those years (TRGP
  award ceilings are tiered, amounts unknown), so it answers ``UNKNOWN`` and never
  decides a case.

and a :class:`Confidence`: ``VERIFIED`` when a source states the value for those years,
``INFERRED`` when it is carried over between or from verified years (the note says how).

To change the rules for a new fiscal year, derive a new book; the default book is never
modified:

* :meth:`RuleBook.with_version` adds a version to a rule (``supersede=True`` cuts the
  versions it overlaps, such as an open-ended one);
* :meth:`RuleBook.with_file` merges an extra JSON file in the same format as the shipped
  one (new sources, rules, versions and conditions);

then pass it as ``rules=book`` to :func:`~copsreform.rules.check_eligibility`,
:func:`~copsreform.rules.check_award` or :func:`~copsreform.rules.eligibility_matrix`.

Examples:
    >>> from decimal import Decimal
    >>> from copsreform import FiscalYear, RuleBook
    >>> from copsreform.rules.book import (
    ...     Confidence, PerPositionParams, RuleVersion, VersionStatus)
    >>> book = RuleBook.default()
    >>> rule = book.rule("chp.per_position")
    >>> version = rule.version_for(FiscalYear(2024))
    >>> version.label, version.params.describe()
    ('FY2014-FY2025', 'at most $125,000.00 per position over 36 months')
    >>> rule.version_for(FiscalYear(2008))
    Traceback (most recent call last):
    ...
    copsreform.errors.RuleNotInForceError: rule 'chp.per_position' has no version in force for FY2008
    >>> new = book.with_version("chp.per_position", RuleVersion(
    ...     first=FiscalYear(2026), last=FiscalYear(2026), status=VersionStatus.IN_FORCE,
    ...     confidence=Confidence.VERIFIED, sources=("G2",),
    ...     params=PerPositionParams(amount=Decimal("130000"), months=36)))
    >>> new.rule("chp.per_position").version_for(FiscalYear(2026)).params.describe()
    'at most $130,000.00 per position over 36 months'
"""

import enum
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, TypeAlias

import attrs

from copsreform import _fields as f
from copsreform import strictjson
from copsreform.constraints import money_text as _money_text
from copsreform.constraints import percent_text as _percent_text
from copsreform.errors import (
    MISSING,
    NotFoundError,
    PathSegment,
    Problem,
    RuleNotInForceError,
    ValidationError,
)
from copsreform.fiscal import FiscalYear
from copsreform.programs import CRIProgram, GrantProgram
from copsreform.rules.decision import ConditionKind, Source, non_empty_texts

__all__ = [
    "AmountParams",
    "ApplicantClass",
    "ApplicantParams",
    "CloseoutParams",
    "ConditionRule",
    "Confidence",
    "MatchParams",
    "NoParams",
    "Params",
    "PerPositionParams",
    "PeriodParams",
    "RequestCapParams",
    "RetentionParams",
    "Rule",
    "RuleBook",
    "RuleKind",
    "RuleStage",
    "RuleVersion",
    "ShareParams",
    "Source",
    "VersionStatus",
    "program_of",
]

#: Every program's value, CRI and grant programs alike (they never collide).
_PROGRAMS: Final[Mapping[str, CRIProgram | GrantProgram]] = MappingProxyType(
    {p.value: p for p in CRIProgram} | {p.value: p for p in GrantProgram}
)


def program_of(value: str) -> CRIProgram | GrantProgram:
    """Return the program whose value is ``value``.

    Args:
        value: A :class:`~copsreform.CRIProgram` or :class:`~copsreform.GrantProgram` value.

    Returns:
        The member.

    Raises:
        ValidationError: If no program has that value.

    Examples:
        >>> from copsreform.rules.book import program_of
        >>> program_of("critical_response")
        <CRIProgram.CRITICAL_RESPONSE: 'critical_response'>
        >>> program_of("chp")
        <GrantProgram.CHP: 'chp'>
    """
    found = _PROGRAMS.get(value) if isinstance(value, str) else None
    if found is None:
        raise ValidationError.single("must be a program value", value, root="program")
    return found


# Enumerations ---------------------------------------------------------------------------


class VersionStatus(enum.Enum):
    """What a rule version says about its years.

    Examples:
        >>> from copsreform.rules.book import VersionStatus
        >>> VersionStatus("not_applicable")
        <VersionStatus.NOT_APPLICABLE: 'not_applicable'>
    """

    IN_FORCE = "in_force"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"
    #: Only for a rule of kind ``OFFERED``: the program took no applications or requests
    #: in those years (it had not started, had ended, or ran under another name, which
    #: the note gives).
    NOT_OFFERED = "not_offered"


class Confidence(enum.Enum):
    """How sure the sources are of a version.

    Examples:
        >>> from copsreform.rules.book import Confidence
        >>> Confidence.INFERRED.value
        'inferred'
    """

    #: A cited source states the value for these years.
    VERIFIED = "verified"
    #: Carried over between or from verified years; the version's note says how.
    INFERRED = "inferred"


class RuleStage(enum.Enum):
    """Which check uses a rule.

    Examples:
        >>> from copsreform.rules.book import RuleKind
        >>> RuleKind.PER_POSITION.stage
        <RuleStage.AWARD: 'award'>
    """

    #: Who may apply: checked by both ``check_eligibility`` and ``check_award``.
    APPLICANT = "applicant"
    #: Other facts about the applicant: ``check_eligibility`` only (an award record does
    #: not carry them).
    ELIGIBILITY = "eligibility"
    #: Terms of an award: ``check_award`` only.
    AWARD = "award"
    #: Computed dates of an award, not pass/fail rules.
    DATES = "dates"


class RuleKind(enum.Enum):
    """The kind of a rule: which check it runs and which parameters it takes.

    Examples:
        >>> from copsreform.rules.book import RuleKind
        >>> RuleKind.APPLICANT.params_type.__name__
        'ApplicantParams'
    """

    #: Whether the program ran (took applications or requests) in the year. Checked
    #: first; in a year it did not run, it alone decides (see :class:`VersionStatus`).
    OFFERED = "offered"
    APPLICANT = "applicant"
    PRIMARY_LE_AUTHORITY = "primary_le_authority"
    FEDERAL_SHARE = "federal_share"
    LOCAL_MATCH = "local_match"
    PER_POSITION = "per_position"
    MAX_AWARD = "max_award"
    MIN_AWARD = "min_award"
    PERIOD = "period"
    REQUEST_CAP = "request_cap"
    RETENTION = "retention"
    CLOSEOUT = "closeout"

    @property
    def stage(self) -> RuleStage:
        """The check that uses rules of this kind."""
        return _STAGES.get(self, RuleStage.AWARD)

    @property
    def params_type(self) -> "type[Params]":
        """The parameter record of this kind."""
        return _PARAMS_TYPES[self]


_STAGES: Final = {
    RuleKind.OFFERED: RuleStage.APPLICANT,
    RuleKind.APPLICANT: RuleStage.APPLICANT,
    RuleKind.PRIMARY_LE_AUTHORITY: RuleStage.ELIGIBILITY,
    RuleKind.RETENTION: RuleStage.DATES,
    RuleKind.CLOSEOUT: RuleStage.DATES,
}


class ApplicantClass(enum.Enum):
    """The class of an applicant, in the terms eligibility rules use.

    An :class:`~copsreform.Agency` belongs to the class of its jurisdiction
    (``<jurisdiction>_le_agency``) and, if its FBI type is University or College, also to
    ``CAMPUS_LE_AGENCY``. An :class:`~copsreform.Organization` belongs to the class of its
    :class:`~copsreform.OrganizationKind` (same values).

    Examples:
        >>> from copsreform.rules.book import ApplicantClass
        >>> ApplicantClass.LOCAL_LE_AGENCY.label
        'a local law enforcement agency'
        >>> ApplicantClass("school_district").plural
        'school districts'
    """

    STATE_LE_AGENCY = "state_le_agency"
    LOCAL_LE_AGENCY = "local_le_agency"
    TERRITORIAL_LE_AGENCY = "territorial_le_agency"
    TRIBAL_LE_AGENCY = "tribal_le_agency"
    FEDERAL_LE_AGENCY = "federal_le_agency"
    CAMPUS_LE_AGENCY = "campus_le_agency"
    STATE_GOVERNMENT = "state_government"
    LOCAL_GOVERNMENT = "local_government"
    TRIBAL_GOVERNMENT = "tribal_government"
    TRIBAL_CONSORTIUM = "tribal_consortium"
    TERRITORIAL_GOVERNMENT = "territorial_government"
    SCHOOL_DISTRICT = "school_district"
    PUBLIC_AGENCY = "public_agency"
    SCHOOL = "school"
    INSTITUTION_OF_HIGHER_EDUCATION = "institution_of_higher_education"
    NONPROFIT = "nonprofit"
    FOR_PROFIT = "for_profit"

    @property
    def label(self) -> str:
        """The class in words, with its article."""
        return _LABELS[self][0]

    @property
    def plural(self) -> str:
        """The class in words, plural."""
        return _LABELS[self][1]


_LABELS: Final = {
    ApplicantClass.STATE_LE_AGENCY: (
        "a state law enforcement agency",
        "state law enforcement agencies",
    ),
    ApplicantClass.LOCAL_LE_AGENCY: (
        "a local law enforcement agency",
        "local law enforcement agencies",
    ),
    ApplicantClass.TERRITORIAL_LE_AGENCY: (
        "a territorial law enforcement agency",
        "territorial law enforcement agencies",
    ),
    ApplicantClass.TRIBAL_LE_AGENCY: (
        "a tribal law enforcement agency",
        "tribal law enforcement agencies",
    ),
    ApplicantClass.FEDERAL_LE_AGENCY: (
        "a federal law enforcement agency",
        "federal law enforcement agencies",
    ),
    ApplicantClass.CAMPUS_LE_AGENCY: (
        "a campus law enforcement agency",
        "campus law enforcement agencies",
    ),
    ApplicantClass.STATE_GOVERNMENT: ("a state government", "state governments"),
    ApplicantClass.LOCAL_GOVERNMENT: ("a unit of local government", "units of local government"),
    ApplicantClass.TRIBAL_GOVERNMENT: (
        "a federally recognised tribe",
        "federally recognised tribes",
    ),
    ApplicantClass.TRIBAL_CONSORTIUM: ("a tribal consortium", "tribal consortia"),
    ApplicantClass.TERRITORIAL_GOVERNMENT: ("a territorial government", "territorial governments"),
    ApplicantClass.SCHOOL_DISTRICT: ("a school district", "school districts"),
    ApplicantClass.PUBLIC_AGENCY: ("a public agency", "public agencies"),
    ApplicantClass.SCHOOL: (
        "an individual school that is not a district",
        "individual schools that are not districts",
    ),
    ApplicantClass.INSTITUTION_OF_HIGHER_EDUCATION: (
        "an institution of higher education",
        "institutions of higher education",
    ),
    ApplicantClass.NONPROFIT: ("a nonprofit organisation", "nonprofit organisations"),
    ApplicantClass.FOR_PROFIT: ("a for-profit organisation", "for-profit organisations"),
}


# Parameter records ----------------------------------------------------------------------


def _rate(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or not 0 < value <= 1:
        f.fail(instance, attribute, "must be a Decimal above 0 and at most 1", value)


def _positive_amount(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    f.amount(instance, attribute, value)
    if isinstance(value, Decimal) and value <= 0:
        f.fail(instance, attribute, "must be more than zero", value)


def _positive_count(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    f.count(instance, attribute, value)
    if value == 0:
        f.fail(instance, attribute, "must be at least 1", value)


def _classes(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    f.set_of(ApplicantClass)(instance, attribute, value)


def _text(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        f.fail(instance, attribute, "must be a non-empty string", value)


@attrs.frozen
class NoParams:
    """No parameters: the rule only needs to be in force.

    Examples:
        >>> from copsreform.rules.book import NoParams
        >>> NoParams().describe()
        'in force'
    """

    def describe(self) -> str:
        """Return the parameters in words."""
        return "in force"


@attrs.frozen
class ApplicantParams:
    """Who may apply.

    Args:
        eligible: The applicant classes that may apply.
        uncertain: Classes the sources neither admit nor exclude: they answer UNKNOWN.
        uncertain_note: Why those classes are uncertain (required when there are any).

    Raises:
        ValidationError: If a field is refused, a class is in both sets, federal agencies
            are listed as eligible, or uncertain classes come without a note.

    Examples:
        >>> from copsreform.rules.book import ApplicantClass, ApplicantParams
        >>> ApplicantParams(eligible={ApplicantClass.STATE_LE_AGENCY}).describe()
        'eligible: state law enforcement agencies'
    """

    eligible: frozenset[ApplicantClass] = attrs.field(converter=f.to_frozenset, validator=_classes)
    uncertain: frozenset[ApplicantClass] = attrs.field(
        default=frozenset(), converter=f.to_frozenset, validator=_classes
    )
    uncertain_note: str | None = attrs.field(default=None, validator=f.optional(_text))

    def __attrs_post_init__(self) -> None:
        both = self.eligible & self.uncertain
        if both:
            raise ValidationError.single(
                "must not repeat an eligible class",
                sorted(c.value for c in both),
                ("uncertain",),
                root="ApplicantParams",
            )
        if ApplicantClass.FEDERAL_LE_AGENCY in self.eligible | self.uncertain:
            raise ValidationError.single(
                "must not list federal agencies: no COPS program admits them",
                ApplicantClass.FEDERAL_LE_AGENCY.value,
                ("eligible",),
                root="ApplicantParams",
            )
        if self.uncertain and self.uncertain_note is None:
            raise ValidationError.single(
                "is required when there are uncertain classes",
                location=("uncertain_note",),
                root="ApplicantParams",
            )

    def describe(self) -> str:
        """Return the parameters in words."""
        text = "eligible: " + applicant_list(self.eligible)
        if self.uncertain:
            text += "; not settled: " + applicant_list(self.uncertain)
        return text


def applicant_list(classes: Iterable[ApplicantClass]) -> str:
    """The classes' plural names in the order :class:`ApplicantClass` lists them.

    Examples:
        >>> from copsreform.rules.book import ApplicantClass, applicant_list
        >>> applicant_list({ApplicantClass.LOCAL_LE_AGENCY, ApplicantClass.STATE_LE_AGENCY})
        'state law enforcement agencies, local law enforcement agencies'
    """
    order = list(ApplicantClass)
    return ", ".join(c.plural for c in sorted(classes, key=order.index))


@attrs.frozen
class ShareParams:
    """The largest federal share of the project cost.

    Examples:
        >>> from decimal import Decimal
        >>> from copsreform.rules.book import ShareParams
        >>> ShareParams(Decimal("0.75")).describe()
        'federal share at most 75%, unless the match is waived'
    """

    max_share: Decimal = attrs.field(validator=_rate)

    def describe(self) -> str:
        """Return the parameters in words."""
        return f"federal share at most {_percent_text(self.max_share)}, unless the match is waived"


@attrs.frozen
class MatchParams:
    """The smallest local cash match, as a share of the total cost.

    Args:
        min_rate: The smallest match share (``0.25``).
        microgrant_max: Awards up to this amount may be microgrants whose match is waived.

    Examples:
        >>> from decimal import Decimal
        >>> from copsreform.rules.book import MatchParams
        >>> MatchParams(Decimal("0.25"), Decimal("100000.00")).describe()
        'local cash match at least 25% of the total cost, unless waived; awards up to $100,000.00 may be microgrants with the match waived'
    """

    min_rate: Decimal = attrs.field(validator=_rate)
    microgrant_max: Decimal | None = attrs.field(
        default=None, converter=f.money_or_none, validator=f.optional(_positive_amount)
    )

    def describe(self) -> str:
        """Return the parameters in words."""
        text = f"local cash match at least {_percent_text(self.min_rate)} of the total cost, unless waived"
        if self.microgrant_max is not None:
            text += (
                f"; awards up to {_money_text(self.microgrant_max)} may be microgrants "
                "with the match waived"
            )
        return text


@attrs.frozen
class AmountParams:
    """An amount of money: an award ceiling or floor.

    Examples:
        >>> from decimal import Decimal
        >>> from copsreform.rules.book import AmountParams
        >>> AmountParams(Decimal("4000000")).describe()
        '$4,000,000.00'
    """

    amount: Decimal = attrs.field(converter=f.money, validator=_positive_amount)

    def describe(self) -> str:
        """Return the parameters in words."""
        return _money_text(self.amount)


@attrs.frozen
class PerPositionParams:
    """The most federal money per funded position over the funding period.

    Examples:
        >>> from decimal import Decimal
        >>> from copsreform.rules.book import PerPositionParams
        >>> PerPositionParams(Decimal("125000"), 36).describe()
        'at most $125,000.00 per position over 36 months'
    """

    amount: Decimal = attrs.field(converter=f.money, validator=_positive_amount)
    months: int = attrs.field(validator=_positive_count)

    def describe(self) -> str:
        """Return the parameters in words."""
        return f"at most {_money_text(self.amount)} per position over {self.months} months"


@attrs.frozen
class PeriodParams:
    """The length of the period of performance.

    Examples:
        >>> from copsreform.rules.book import PeriodParams
        >>> PeriodParams(60).describe()
        'at most 60 months'
    """

    months: int = attrs.field(validator=_positive_count)

    def describe(self) -> str:
        """Return the parameters in words."""
        return f"at most {self.months} months"


@attrs.frozen
class RequestCapParams:
    """Positions an agency could request, by sworn force and population served.

    ``small_force_cap`` 0 means no small-force clause is recorded (``small_force_max`` is
    then 0 too); the same cap on both sides of the threshold means population did not
    matter.

    Examples:
        >>> from decimal import Decimal
        >>> from copsreform.rules.book import RequestCapParams
        >>> print(RequestCapParams(Decimal("0.05"), 20, 1, 1_000_000, 15, 25).describe())
        5% of the sworn force, at most 15 positions below a population of 1,000,000 and 25 at or above it; 1 position for a sworn force of 20 or fewer
        >>> print(RequestCapParams(Decimal("0.05"), 0, 0, 1_000_000, 25, 25).describe())
        5% of the sworn force, at most 25 positions
    """

    share_of_sworn: Decimal = attrs.field(validator=_rate)
    small_force_max: int = attrs.field(validator=f.count)
    small_force_cap: int = attrs.field(validator=f.count)
    population_threshold: int = attrs.field(validator=_positive_count)
    cap_below_threshold: int = attrs.field(validator=_positive_count)
    cap_at_or_above_threshold: int = attrs.field(validator=_positive_count)

    def describe(self) -> str:
        """Return the parameters in words."""
        text = f"{_percent_text(self.share_of_sworn)} of the sworn force, at most "
        if self.cap_below_threshold == self.cap_at_or_above_threshold:
            text += f"{self.cap_below_threshold} positions"
        else:
            text += (
                f"{self.cap_below_threshold} positions below a population of "
                f"{self.population_threshold:,} and {self.cap_at_or_above_threshold} at or "
                "above it"
            )
        if self.small_force_cap:
            text += (
                f"; {self.small_force_cap} position{'s' if self.small_force_cap > 1 else ''} "
                f"for a sworn force of {self.small_force_max} or fewer"
            )
        return text


@attrs.frozen
class RetentionParams:
    """Months of federal funding per position, then months of local retention.

    Examples:
        >>> from copsreform.rules.book import RetentionParams
        >>> RetentionParams(36, 12).describe()
        '36 months of federal funding, then 12 months of retention'
    """

    funding_months: int = attrs.field(validator=_positive_count)
    retention_months: int = attrs.field(validator=_positive_count)

    def describe(self) -> str:
        """Return the parameters in words."""
        return (
            f"{self.funding_months} months of federal funding, "
            f"then {self.retention_months} months of retention"
        )


@attrs.frozen
class CloseoutParams:
    """Calendar days after the period of performance within which final reports are due.

    Examples:
        >>> from copsreform.rules.book import CloseoutParams
        >>> CloseoutParams(120, "2 CFR 200.344(b)").describe()
        '120 calendar days after the end of the period of performance (2 CFR 200.344(b))'
    """

    report_days: int = attrs.field(validator=_positive_count)
    section: str = attrs.field(validator=_text)

    def describe(self) -> str:
        """Return the parameters in words."""
        return (
            f"{self.report_days} calendar days after the end of the period of performance "
            f"({self.section})"
        )


#: Any parameter record.
Params: TypeAlias = (
    NoParams
    | ApplicantParams
    | ShareParams
    | MatchParams
    | AmountParams
    | PerPositionParams
    | PeriodParams
    | RequestCapParams
    | RetentionParams
    | CloseoutParams
)

_PARAMS_TYPES: Final[Mapping[RuleKind, "type[Params]"]] = MappingProxyType(
    {
        RuleKind.OFFERED: NoParams,
        RuleKind.APPLICANT: ApplicantParams,
        RuleKind.PRIMARY_LE_AUTHORITY: NoParams,
        RuleKind.FEDERAL_SHARE: ShareParams,
        RuleKind.LOCAL_MATCH: MatchParams,
        RuleKind.PER_POSITION: PerPositionParams,
        RuleKind.MAX_AWARD: AmountParams,
        RuleKind.MIN_AWARD: AmountParams,
        RuleKind.PERIOD: PeriodParams,
        RuleKind.REQUEST_CAP: RequestCapParams,
        RuleKind.RETENTION: RetentionParams,
        RuleKind.CLOSEOUT: CloseoutParams,
    }
)


# Versions, rules, conditions, sources ---------------------------------------------------


_sources = non_empty_texts("source ids")


def _fiscal_year(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, FiscalYear):
        f.fail(instance, attribute, "must be a FiscalYear", value)


@attrs.frozen
class RuleVersion:
    """One version of a rule: its fiscal years, status, sources and parameters.

    Args:
        first: The first fiscal year in force.
        last: The last fiscal year in force; ``None`` while no end is known.
        status: In force, not applicable, or unknown (see the module docstring).
        confidence: Verified or inferred.
        sources: Ids of the sources in the book's register.
        params: The parameters; required when in force, absent otherwise.
        note: What a reader should know: how an inferred version was inferred, why a
            rule did not apply or what is unknown.

    Raises:
        ValidationError: If a field is refused, ``last`` is before ``first``, ``params``
            is missing for a version in force or given for one that is not, or a version
            that is not in force has no note.

    Examples:
        >>> from copsreform import FiscalYear
        >>> from copsreform.rules.book import Confidence, RuleVersion, VersionStatus
        >>> v = RuleVersion(first=FiscalYear(2024), last=None, status=VersionStatus.UNKNOWN,
        ...                 confidence=Confidence.VERIFIED, sources=("G1",),
        ...                 note="no source gives the value")
        >>> v.label, v.covers(FiscalYear(2030))
        ('FY2024 onward', True)
    """

    first: FiscalYear = attrs.field(validator=_fiscal_year)
    last: FiscalYear | None = attrs.field(validator=f.optional(_fiscal_year))
    status: VersionStatus = attrs.field(validator=f.member_of(VersionStatus))
    confidence: Confidence = attrs.field(validator=f.member_of(Confidence))
    sources: tuple[str, ...] = attrs.field(converter=f.to_tuple, validator=_sources)
    params: Params | None = attrs.field(default=None)
    note: str | None = attrs.field(default=None, validator=f.optional(_text))

    def __attrs_post_init__(self) -> None:
        if self.last is not None and self.last < self.first:
            raise ValidationError.single(
                f"must not be before first ({self.first})",
                str(self.last),
                ("last",),
                root="RuleVersion",
            )
        if self.status is VersionStatus.IN_FORCE and self.params is None:
            raise ValidationError.single(
                "is required for a version in force", location=("params",), root="RuleVersion"
            )
        if self.status is not VersionStatus.IN_FORCE:
            if self.params is not None:
                raise ValidationError.single(
                    f"must be absent for a version that is {self.status.value!r}",
                    self.params,
                    ("params",),
                    root="RuleVersion",
                )
            if self.note is None:
                raise ValidationError.single(
                    f"is required for a version that is {self.status.value!r}",
                    location=("note",),
                    root="RuleVersion",
                )

    def covers(self, year: FiscalYear) -> bool:
        """Tell whether the version is in force in ``year``.

        Examples:
            >>> from copsreform import FiscalYear
            >>> from copsreform.rules.book import Confidence, RuleVersion, VersionStatus
            >>> RuleVersion(FiscalYear(2022), FiscalYear(2023), VersionStatus.UNKNOWN,
            ...             Confidence.VERIFIED, ("G1",), note="n").covers(FiscalYear(2024))
            False
        """
        return self.first <= year and (self.last is None or year <= self.last)

    def overlaps(self, other: "RuleVersion") -> bool:
        """Tell whether two versions share a fiscal year."""
        ends_before = self.last is not None and self.last < other.first
        starts_after = other.last is not None and other.last < self.first
        return not (ends_before or starts_after)

    @property
    def label(self) -> str:
        """The fiscal years as text: ``FY2024``, ``FY2015-FY2025`` or ``FY2022 onward``."""
        if self.last is None:
            return f"{self.first} onward"
        if self.last == self.first:
            return str(self.first)
        return f"{self.first}-{self.last}"

    def describe(self) -> str:
        """Return the version's value in words.

        Examples:
            >>> from copsreform import FiscalYear
            >>> from copsreform.rules.book import Confidence, RuleVersion, VersionStatus
            >>> RuleVersion(FiscalYear(2009), FiscalYear(2009), VersionStatus.NOT_APPLICABLE,
            ...             Confidence.VERIFIED, ("G14",), note="no match").describe()
            'does not apply: no match'
        """
        if self.params is not None:
            return self.params.describe()
        if self.status is VersionStatus.NOT_APPLICABLE:
            return f"does not apply: {self.note}"
        return f"value unknown: {self.note}"


def _versions(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    f.tuple_of(RuleVersion)(instance, attribute, value)
    versions: tuple[RuleVersion, ...] = value  # type: ignore[assignment]
    for i, a in enumerate(versions):
        for b in versions[i + 1 :]:
            if a.overlaps(b):
                f.fail(instance, attribute, f"must not overlap ({a.label} and {b.label})", value)


def _sorted_versions(value: object) -> object:
    if isinstance(value, list | tuple) and all(isinstance(v, RuleVersion) for v in value):
        return tuple(sorted(value, key=lambda v: v.first))
    return value


def _identifier(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if (
        not isinstance(value, str)
        or not value
        or not all(
            part and part.replace("_", "").isalnum() and part == part.lower()
            for part in value.split(".")
        )
    ):
        f.fail(instance, attribute, "must be lower-case words joined by '_' and '.'", value)


def _program_value(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if value is not None and value not in _PROGRAMS:
        f.fail(instance, attribute, "must be a program value or None", value)


@attrs.frozen
class Rule:
    """A rule: what it checks, for which program, and its versions over time.

    Args:
        id: ``<program>.<name>`` (``"chp.per_position"``); cross-program rules use another
            prefix (``"ug.closeout"``, the Uniform Guidance).
        program: The program's value (``"chp"``), or ``None`` for a rule of every grant
            program.
        kind: The check it runs, which fixes its parameter record.
        title: A short name.
        description: What the rule says, in words.
        versions: Its versions, sorted by first year, never overlapping.

    Raises:
        ValidationError: If a field is refused, versions overlap, or a version's
            parameters are not the record of the rule's kind.

    Examples:
        >>> from copsreform import FiscalYear, RuleBook
        >>> RuleBook.default().rule("camp.min_award").version_for(FiscalYear(2024)).params
        AmountParams(amount=Decimal('1000000.00'))
    """

    id: str = attrs.field(validator=_identifier)
    program: str | None = attrs.field(validator=_program_value)
    kind: RuleKind = attrs.field(validator=f.member_of(RuleKind))
    title: str = attrs.field(validator=_text)
    description: str = attrs.field(validator=_text)
    versions: tuple[RuleVersion, ...] = attrs.field(converter=_sorted_versions, validator=_versions)

    def __attrs_post_init__(self) -> None:
        expected = self.kind.params_type
        for i, version in enumerate(self.versions):
            if version.status is VersionStatus.NOT_OFFERED and self.kind is not RuleKind.OFFERED:
                raise ValidationError.single(
                    f"must not be 'not_offered' for a rule of kind {self.kind.value!r}",
                    version.status.value,
                    ("versions", i, "status"),
                    root="Rule",
                )
            if version.params is not None and type(version.params) is not expected:
                raise ValidationError.single(
                    f"must be {expected.__name__} for a rule of kind {self.kind.value!r}",
                    type(version.params).__name__,
                    ("versions", i, "params"),
                    root="Rule",
                )

    @property
    def stage(self) -> RuleStage:
        """The check that uses this rule."""
        return self.kind.stage

    def version_for(self, year: FiscalYear) -> RuleVersion:
        """Return the version in force in ``year``.

        Args:
            year: A fiscal year.

        Returns:
            The one version in force.

        Raises:
            RuleNotInForceError: If no version is in force in ``year``; the error names
                the rule (whose id starts with its program) and the year.

        Examples:
            >>> from copsreform import FiscalYear, RuleBook
            >>> RuleBook.default().rule("ahtf.max_award").version_for(FiscalYear(2024)).label
            'FY2024'
        """
        for version in self.versions:
            if version.covers(year):
                return version
        raise RuleNotInForceError(self.id, str(year))


@attrs.frozen
class ConditionRule:
    """A condition a program lists: certified by the applicant or scored competitively.

    Its versions only carry years and sources (in force, with :class:`NoParams`).

    Examples:
        >>> from copsreform import RuleBook
        >>> c = RuleBook.default().condition("chp.usc_1373")
        >>> c.kind.value, [v.label for v in c.versions]
        ('certified', ['FY2025'])
    """

    id: str = attrs.field(validator=_identifier)
    program: str = attrs.field(validator=_program_value)
    kind: ConditionKind = attrs.field(validator=f.member_of(ConditionKind))
    text: str = attrs.field(validator=_text)
    versions: tuple[RuleVersion, ...] = attrs.field(converter=_sorted_versions, validator=_versions)

    def version_for(self, year: FiscalYear) -> RuleVersion | None:
        """Return the version in force in ``year``, or ``None`` (a condition may lapse)."""
        return next((v for v in self.versions if v.covers(year)), None)


# The book ---------------------------------------------------------------------------------


@attrs.frozen
class RuleBook:
    """A set of rules, conditions and sources; immutable.

    Use :meth:`default` for the rules shipped with copsreform, and :meth:`with_version`
    or :meth:`with_file` to derive a changed book.

    Args:
        rules: The rules; ids unique.
        conditions: The listed conditions; ids unique.
        sources: The register of sources every version cites.
        read: When the sources were read (``"2026"``).

    Raises:
        ValidationError: If ids repeat or a version cites a source not in the register.

    Examples:
        >>> from copsreform import RuleBook
        >>> book = RuleBook.default()
        >>> len(book.rules) > 20, book.read
        (True, '2026')
        >>> [p.value for p in book.programs()][:3]
        ['cri_tac', 'critical_response', 'organizational_assessment']
    """

    rules: tuple[Rule, ...] = attrs.field(converter=f.to_tuple, validator=f.tuple_of(Rule))
    conditions: tuple[ConditionRule, ...] = attrs.field(
        converter=f.to_tuple, validator=f.tuple_of(ConditionRule)
    )
    sources: tuple[Source, ...] = attrs.field(converter=f.to_tuple, validator=f.tuple_of(Source))
    read: str = attrs.field(validator=_text)
    _by_id: Mapping[str, Rule] = attrs.field(init=False, eq=False, repr=False)
    _sources_by_id: Mapping[str, Source] = attrs.field(init=False, eq=False, repr=False)
    _cache: dict[Any, Any] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        problems = []
        by_id: dict[str, Rule] = {}
        for i, rule in enumerate(self.rules):
            if rule.id in by_id:
                problems.append(Problem("must not repeat a rule id", rule.id, ("rules", i, "id")))
            by_id[rule.id] = rule
        seen: set[str] = set()
        for i, condition in enumerate(self.conditions):
            if condition.id in seen or condition.id in by_id:
                problems.append(
                    Problem("must not repeat an id", condition.id, ("conditions", i, "id"))
                )
            seen.add(condition.id)
        sources = {s.id: s for s in self.sources}
        listed: tuple[tuple[str, tuple[Rule | ConditionRule, ...]], ...] = (
            ("rules", self.rules),
            ("conditions", self.conditions),
        )
        for field, items in listed:
            for i, item in enumerate(items):
                for j, version in enumerate(item.versions):
                    problems.extend(
                        Problem(
                            "must be a source in the register",
                            source,
                            (field, i, "versions", j, "sources"),
                        )
                        for source in version.sources
                        if source not in sources
                    )
        if problems:
            raise ValidationError([p.under("RuleBook") for p in problems])
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        object.__setattr__(self, "_sources_by_id", MappingProxyType(sources))

    # Loading -------------------------------------------------------------------------

    @classmethod
    def default(cls) -> "RuleBook":
        """Return the rules shipped with copsreform (loaded once, on first use).

        Raises:
            ValidationError: If the shipped data is broken (a packaging error), with the
                path of every problem in ``rules.json``.

        Examples:
            >>> from copsreform import RuleBook
            >>> RuleBook.default() is RuleBook.default()
            True
        """
        return _default_book()

    @classmethod
    def from_dict(cls, data: object, *, name: str = "rules") -> "RuleBook":
        """Build a book from data in the format of ``rules.json``.

        Args:
            data: The parsed JSON: ``provenance`` (with ``sources`` and ``read``), ``rules``
                and ``conditions``.
            name: The document's name, which starts the path of every problem.

        Returns:
            The book.

        Raises:
            ValidationError: Listing every problem found, each with its path
                (``rules.json.rules[3].versions[0].first``).

        Examples:
            >>> from copsreform import RuleBook
            >>> RuleBook.from_dict({"provenance": {"read": "2026", "sources": {}},
            ...                     "rules": [{"id": "x"}], "conditions": []})
            Traceback (most recent call last):
            ...
            copsreform.errors.ValidationError: 6 problems:
              - 'rules.rules[0].program' is required
              - 'rules.rules[0].kind' is required
              - 'rules.rules[0].title' is required
              - 'rules.rules[0].description' is required
              - 'rules.rules[0].versions' is required
              - 'rules.rules[0].id' must be lower-case words joined by '_' and '.' with a program prefix (got 'x')
        """
        return _Loader(name).book(data)

    @classmethod
    def from_file(cls, path: str | Path) -> "RuleBook":
        """Read a book from a JSON file in the format of ``rules.json``.

        Args:
            path: The file.

        Returns:
            The book.

        Raises:
            ValidationError: If the file is not valid JSON or not a valid book.

        Examples:
            >>> from copsreform import RuleBook
            >>> RuleBook.from_file("/no/such/rules.json")
            Traceback (most recent call last):
            ...
            FileNotFoundError: [Errno 2] No such file or directory: '/no/such/rules.json'
        """
        path = Path(path)
        text = path.read_text(encoding="utf-8")
        try:
            data = strictjson.loads(text)
        except json.JSONDecodeError as error:
            raise ValidationError.single(
                f"must be JSON ({error.msg} at line {error.lineno}, column {error.colno})",
                root=path.name,
            ) from None
        return cls.from_dict(data, name=path.name)

    # Deriving ------------------------------------------------------------------------

    def with_version(
        self, rule_id: str, version: RuleVersion, *, supersede: bool = False
    ) -> "RuleBook":
        """Return a new book with one more version of a rule.

        Args:
            rule_id: The rule.
            version: The new version; its sources must be in the register (add new
                sources with :meth:`with_file` or :meth:`with_sources`).
            supersede: Cut the existing versions the new one overlaps instead of
                refusing it: an open-ended version ends the year before, and a version
                spanning the new one is split around it.

        Returns:
            A new book; this one is unchanged.

        Raises:
            NotFoundError: If there is no rule ``rule_id``.
            ValidationError: If the version overlaps another and ``supersede`` is false,
                or its parameters do not fit the rule.

        Examples:
            >>> from decimal import Decimal
            >>> from copsreform import FiscalYear, RuleBook
            >>> from copsreform.rules.book import (
            ...     AmountParams, Confidence, RuleVersion, VersionStatus)
            >>> book = RuleBook.default()
            >>> v = RuleVersion(FiscalYear(2030), None, VersionStatus.IN_FORCE,
            ...                 Confidence.VERIFIED, ("G34",), AmountParams(Decimal("2000000")))
            >>> book.with_version("camp.min_award", v)
            Traceback (most recent call last):
            ...
            copsreform.errors.ValidationError: 'Rule.versions' must not overlap (FY2019 onward and FY2030 onward) (got ...)
            >>> new = book.with_version("camp.min_award", v, supersede=True)
            >>> [x.label for x in new.rule("camp.min_award").versions]
            ['FY2019-FY2029', 'FY2030 onward']
        """
        rule = self.rule(rule_id)
        versions = list(rule.versions)
        if supersede:
            versions = [part for old in versions for part in _cut(old, version)]
        new_rule = attrs.evolve(rule, versions=(*versions, version))
        rules = tuple(new_rule if r.id == rule_id else r for r in self.rules)
        return RuleBook(rules, self.conditions, self.sources, self.read)

    def with_sources(self, sources: Iterable[Source]) -> "RuleBook":
        """Return a new book whose register also holds ``sources`` (same id replaces).

        Examples:
            >>> from copsreform import RuleBook
            >>> from copsreform.rules.book import Source
            >>> book = RuleBook.default().with_sources([Source("X1", "A new NOFO", ("https://example.org",))])
            >>> book.source("X1").title
            'A new NOFO'
        """
        merged = {s.id: s for s in self.sources} | {s.id: s for s in sources}
        return RuleBook(self.rules, self.conditions, tuple(merged.values()), self.read)

    def with_file(self, path: str | Path, *, supersede: bool = False) -> "RuleBook":
        """Return a new book with the sources, rules, versions and conditions of a file.

        The file has the format of ``rules.json``. A rule whose id is new is added; a
        rule whose id exists contributes its versions (as with :meth:`with_version`); a
        condition whose id exists is replaced.

        Args:
            path: The JSON file.
            supersede: As for :meth:`with_version`.

        Returns:
            A new book.

        Raises:
            ValidationError: If the file is not a valid book or a version overlaps.
        """
        return self.merged(RuleBook.from_file(path), supersede=supersede)

    def merged(self, other: "RuleBook", *, supersede: bool = False) -> "RuleBook":
        """Return a new book with everything in ``other`` added (see :meth:`with_file`).

        Examples:
            >>> from copsreform import RuleBook
            >>> RuleBook.default().merged(RuleBook.default()) == RuleBook.default()
            Traceback (most recent call last):
            ...
            copsreform.errors.ValidationError: 'Rule.versions' must not overlap (FY1995-FY2017 and FY1995-FY2017) (got ...)
        """
        book = self.with_sources(other.sources)
        for rule in other.rules:
            if rule.id not in book._by_id:
                book = RuleBook((*book.rules, rule), book.conditions, book.sources, book.read)
                continue
            for version in rule.versions:
                book = book.with_version(rule.id, version, supersede=supersede)
        replaced = {c.id: c for c in book.conditions} | {c.id: c for c in other.conditions}
        return RuleBook(book.rules, tuple(replaced.values()), book.sources, book.read)

    # Lookups -------------------------------------------------------------------------

    def rule(self, rule_id: str) -> Rule:
        """Return the rule ``rule_id``.

        Raises:
            NotFoundError: If there is none.

        Examples:
            >>> from copsreform import RuleBook
            >>> RuleBook.default().rule("chp.nope")
            Traceback (most recent call last):
            ...
            copsreform.errors.NotFoundError: no rule is named 'chp.nope'
        """
        found = self._by_id.get(rule_id)
        if found is None:
            raise NotFoundError(f"no rule is named {rule_id!r}")
        return found

    def condition(self, condition_id: str) -> ConditionRule:
        """Return the condition ``condition_id``.

        Raises:
            NotFoundError: If there is none.
        """
        for condition in self.conditions:
            if condition.id == condition_id:
                return condition
        raise NotFoundError(f"no condition is named {condition_id!r}")

    def source(self, source_id: str) -> Source:
        """Return the source ``source_id`` of the register.

        Raises:
            NotFoundError: If there is none.
        """
        found = self._sources_by_id.get(source_id)
        if found is None:
            raise NotFoundError(f"no source is named {source_id!r}")
        return found

    def citation(self, version: RuleVersion) -> str:
        """Return the citations of a version's sources, joined by ``"; "``.

        Examples:
            >>> from copsreform import RuleBook
            >>> book = RuleBook.default()
            >>> book.citation(book.rule("camp.min_award").versions[0])[:60]
            'G34: 34 U.S.C. sections 10381 to 10389 (Public Safety and Co'
        """
        return "; ".join(self._sources_by_id[s].citation for s in version.sources)

    def sources_of(self, version: RuleVersion) -> tuple[Source, ...]:
        """Return the source records a version cites, in its order.

        Examples:
            >>> from copsreform import RuleBook
            >>> book = RuleBook.default()
            >>> [(s.id, s.official) for s in book.sources_of(book.condition("chp.usc_1373").versions[0])]
            [('G2', True)]
        """
        return tuple(self._sources_by_id[s] for s in version.sources)

    def offered(self, program: CRIProgram | GrantProgram, year: FiscalYear) -> RuleVersion | None:
        """Return the version of ``program``'s ``offered`` rule for ``year``, if it has one.

        ``None`` when the program records no ``offered`` rule, or none for that year.

        Examples:
            >>> from copsreform import FiscalYear, GrantProgram, RuleBook
            >>> RuleBook.default().offered(GrantProgram.CHP, FiscalYear(2003)).status.value
            'not_offered'
        """
        rule = next((r for r in self.rules_of(program) if r.kind is RuleKind.OFFERED), None)
        if rule is None:
            return None
        return next((v for v in rule.versions if v.covers(year)), None)

    def programs(self) -> tuple[CRIProgram | GrantProgram, ...]:
        """Return the programs that have rules, in the order they are listed."""
        seen = dict.fromkeys(r.program for r in self.rules if r.program is not None)
        return tuple(_PROGRAMS[p] for p in seen)

    def rules_of(self, program: CRIProgram | GrantProgram) -> tuple[Rule, ...]:
        """Return the rules of ``program`` (not the cross-program ones), in order."""
        return tuple(r for r in self.rules if r.program == program.value)

    def cross_program(self, kind: RuleKind) -> Rule | None:
        """Return the cross-program rule of ``kind`` (such as the closeout rule), if any."""
        return next((r for r in self.rules if r.program is None and r.kind is kind), None)

    def in_force(
        self, program: CRIProgram | GrantProgram, year: FiscalYear, stage: RuleStage
    ) -> bool:
        """Tell whether the check of ``program`` in ``year`` answers rather than raises.

        It answers when every rule of ``program`` that ``stage``'s check uses has a
        version in ``year``, or when the program's ``offered`` rule says that the program
        did not run that year, or that whether it ran is unknown.

        Args:
            program: The program.
            year: The fiscal year.
            stage: ``ELIGIBILITY`` for :func:`~copsreform.rules.check_eligibility`, ``AWARD``
                for :func:`~copsreform.rules.check_award`.

        Returns:
            ``True`` when the check would not raise
            :class:`~copsreform.errors.RuleNotInForceError`.

        Examples:
            >>> from copsreform import FiscalYear, GrantProgram, RuleBook
            >>> from copsreform.rules.book import RuleStage
            >>> book = RuleBook.default()
            >>> book.in_force(GrantProgram.CHP, FiscalYear(2024), RuleStage.ELIGIBILITY)
            True
            >>> book.in_force(GrantProgram.CAMP, FiscalYear(2012), RuleStage.ELIGIBILITY)
            False
            >>> book.in_force(GrantProgram.CHP, FiscalYear(2003), RuleStage.AWARD)
            True
        """
        offered = self.offered(program, year)
        if offered is not None and offered.status is not VersionStatus.IN_FORCE:
            return True
        rules = self.rules_of(program)
        wanted = _CHECK_STAGES[stage]
        chosen = [r for r in rules if r.stage in wanted]
        return bool(chosen) and all(any(v.covers(year) for v in r.versions) for r in chosen)

    def cached(self, key: object, build: Callable[[], Any]) -> Any:
        """Return ``build()``, computed once per key for this book (plans, lookups)."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
            return value


#: The rule stages each check runs (dates are computed alongside the award check).
_CHECK_STAGES: Final = {
    RuleStage.ELIGIBILITY: frozenset({RuleStage.APPLICANT, RuleStage.ELIGIBILITY}),
    RuleStage.APPLICANT: frozenset({RuleStage.APPLICANT}),
    RuleStage.AWARD: frozenset({RuleStage.APPLICANT, RuleStage.AWARD, RuleStage.DATES}),
    RuleStage.DATES: frozenset({RuleStage.DATES}),
}


def _cut(old: RuleVersion, new: RuleVersion) -> list[RuleVersion]:
    """Return what remains of ``old`` outside the years of ``new``."""
    if not old.overlaps(new):
        return [old]
    parts = []
    if old.first < new.first:
        parts.append(attrs.evolve(old, last=new.first - 1))
    if new.last is not None and (old.last is None or new.last < old.last):
        parts.append(attrs.evolve(old, first=new.last + 1))
    return parts


@functools.cache
def _default_book() -> RuleBook:
    text = resources.files("copsreform").joinpath("data/rules.json").read_text("utf-8")
    return RuleBook.from_dict(strictjson.loads(text), name="rules.json")


# Loading from JSON ------------------------------------------------------------------------


class _Loader:
    """Turn parsed JSON into a book, collecting every problem with its path."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        #: The ids of the sources read, once read; versions must cite only these.
        self.register: set[str] | None = None

    def problem(self, reason: str, value: object, *path: PathSegment) -> None:
        self.problems.append(Problem(reason, value, path, root=self.name))

    def book(self, data: object) -> RuleBook:
        if not isinstance(data, dict):
            raise ValidationError.single(
                "must be a JSON object", type(data).__name__, root=self.name
            )
        provenance = self.mapping(data, "provenance")
        read = provenance.get("read") if provenance else None
        if provenance is not None and not (isinstance(read, str) and read):
            self.problem("must be a non-empty string", read, "provenance", "read")
        sources = self.sources(provenance.get("sources") if provenance else None)
        self.register = {s.id for s in sources} if provenance else None
        rules = [self.rule(item, i) for i, item in enumerate(self.items(data, "rules"))]
        conditions = [
            self.condition(item, i) for i, item in enumerate(self.items(data, "conditions"))
        ]
        if self.problems:
            raise ValidationError(self.problems)
        try:
            return RuleBook(
                tuple(r for r in rules if r is not None),
                tuple(c for c in conditions if c is not None),
                sources,
                str(read),
            )
        except ValidationError as error:
            raise error.under(self.name) from None

    def mapping(self, data: dict[str, Any], key: str) -> dict[str, Any] | None:
        value = data.get(key)
        if not isinstance(value, dict):
            self.problem("must be a JSON object", value, key)
            return None
        return value

    def items(self, data: dict[str, Any], key: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list):
            self.problem("must be a JSON array", value, key)
            return []
        return value

    def sources(self, data: object) -> tuple[Source, ...]:
        if not isinstance(data, dict):
            self.problem("must be a JSON object of sources by id", data, "provenance", "sources")
            return ()
        out = []
        for key, entry in data.items():
            where = ("provenance", "sources", key)
            if not isinstance(entry, dict):
                self.problem("must be an object with title and urls", entry, *where)
                continue
            urls = entry.get("urls")
            if not isinstance(urls, list):
                self.problem("must be a list of URLs", urls, *where, "urls")
                continue
            built = self.build(Source, where, id=key, title=entry.get("title"), urls=tuple(urls))
            if built is not None:
                out.append(built)
        return tuple(out)

    def build(self, cls: Callable[..., Any], where: tuple[PathSegment, ...], **kwargs: Any) -> Any:
        """Construct ``cls``; on a validation error, record its problems under ``where``."""
        try:
            return cls(**kwargs)
        except ValidationError as error:
            for problem in error.problems:
                # The model's own path is Class.field; keep the field, place it under where.
                location = (*where, *problem.location)
                self.problems.append(Problem(problem.reason, problem.value, location, self.name))
            return None

    def required(self, entry: dict[str, Any], keys: Iterable[str], *where: PathSegment) -> bool:
        ok = True
        for key in keys:
            if key not in entry:
                self.problem("is required", MISSING, *where, key)
                ok = False
        return ok

    def rule(self, entry: object, index: int) -> Rule | None:
        where: tuple[PathSegment, ...] = ("rules", index)
        if not isinstance(entry, dict):
            self.problem("must be a JSON object", entry, *where)
            return None
        has_all = self.required(
            entry, ("program", "kind", "title", "description", "versions"), *where
        )
        rule_id = entry.get("id")
        program = entry.get("program")
        if not (isinstance(rule_id, str) and "." in rule_id):
            self.problem(
                "must be lower-case words joined by '_' and '.' with a program prefix",
                rule_id,
                *where,
                "id",
            )
            return None
        if program is not None and not rule_id.startswith(f"{program}."):
            self.problem(f"must start with the program, {program!r}", rule_id, *where, "id")
        try:
            kind = RuleKind(entry.get("kind"))
        except ValueError:
            if has_all:
                allowed = ", ".join(repr(k.value) for k in RuleKind)
                self.problem(f"must be one of {allowed}", entry.get("kind"), *where, "kind")
            return None
        raw_versions = entry.get("versions")
        if not isinstance(raw_versions, list) or not raw_versions:
            self.problem("must be a non-empty JSON array", raw_versions, *where, "versions")
            return None
        versions = [
            self.version(v, kind, (*where, "versions", j)) for j, v in enumerate(raw_versions)
        ]
        if any(v is None for v in versions) or not has_all:
            return None
        built: Rule | None = self.build(
            Rule,
            where,
            id=rule_id,
            program=program,
            kind=kind,
            title=entry.get("title"),
            description=entry.get("description"),
            versions=tuple(versions),
        )
        return built

    def condition(self, entry: object, index: int) -> ConditionRule | None:
        where: tuple[PathSegment, ...] = ("conditions", index)
        if not isinstance(entry, dict):
            self.problem("must be a JSON object", entry, *where)
            return None
        if not self.required(entry, ("id", "program", "kind", "text", "versions"), *where):
            return None
        try:
            kind = ConditionKind(entry["kind"])
        except ValueError:
            allowed = ", ".join(repr(k.value) for k in ConditionKind)
            self.problem(f"must be one of {allowed}", entry["kind"], *where, "kind")
            return None
        raw_versions = entry["versions"]
        if not isinstance(raw_versions, list) or not raw_versions:
            self.problem("must be a non-empty JSON array", raw_versions, *where, "versions")
            return None
        versions = []
        for j, raw in enumerate(raw_versions):
            given = {"status": "in_force", **raw} if isinstance(raw, dict) else raw
            versions.append(self.version(given, None, (*where, "versions", j)))
        if any(v is None for v in versions):
            return None
        built: ConditionRule | None = self.build(
            ConditionRule,
            where,
            id=entry["id"],
            program=entry["program"],
            kind=kind,
            text=entry["text"],
            versions=tuple(versions),
        )
        return built

    def version(
        self, entry: object, kind: RuleKind | None, where: tuple[PathSegment, ...]
    ) -> RuleVersion | None:
        if not isinstance(entry, dict):
            self.problem("must be a JSON object", entry, *where)
            return None
        if not self.required(entry, ("first", "last", "status", "confidence", "sources"), *where):
            return None
        first = self.year(entry["first"], (*where, "first"))
        last = None if entry["last"] is None else self.year(entry["last"], (*where, "last"))
        status = self.member(VersionStatus, entry["status"], (*where, "status"))
        confidence = self.member(Confidence, entry["confidence"], (*where, "confidence"))
        sources = entry["sources"]
        if not isinstance(sources, list):
            self.problem("must be a list of source ids", sources, *where, "sources")
            return None
        for source in sources:
            if self.register is not None and source not in self.register:
                self.problem("must be a source in the register", source, *where, "sources")
        params: Params | None = NoParams() if kind is None else None
        raw_params = entry.get("params")
        if kind is not None and raw_params is not None:
            params = self.params(kind, raw_params, (*where, "params"))
            if params is None:
                return None
        if first is None or status is None or confidence is None:
            return None
        if entry["last"] is not None and last is None:
            return None
        built: RuleVersion | None = self.build(
            RuleVersion,
            where,
            first=first,
            last=last,
            status=status,
            confidence=confidence,
            sources=tuple(sources),
            params=params,
            note=entry.get("note"),
        )
        return built

    def year(self, value: object, where: tuple[PathSegment, ...]) -> FiscalYear | None:
        try:
            return FiscalYear(value)  # type: ignore[arg-type]
        except ValidationError as error:
            self.problem(error.reason, value, *where)
            return None

    def member(
        self, enum_type: type[enum.Enum], value: object, where: tuple[PathSegment, ...]
    ) -> Any:
        try:
            return enum_type(value)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum_type)
            self.problem(f"must be one of {allowed}", value, *where)
            return None

    def params(self, kind: RuleKind, raw: object, where: tuple[PathSegment, ...]) -> Params | None:
        if not isinstance(raw, dict):
            self.problem("must be a JSON object", raw, *where)
            return None
        cls = kind.params_type
        names = {a.name for a in attrs.fields(cls)}
        unknown = sorted(set(raw) - names)
        for key in unknown:
            self.problem(
                f"is not a parameter of a rule of kind {kind.value!r}", raw[key], *where, key
            )
        if unknown:
            return None
        values: dict[str, Any] = {}
        for attribute in attrs.fields(cls):
            if attribute.name not in raw:
                continue
            values[attribute.name] = self.param_value(
                attribute.name, raw[attribute.name], (*where, attribute.name)
            )
        if any(v is _INVALID for v in values.values()):
            return None
        built: Params | None = self.build(cls, where, **values)
        return built

    def param_value(self, name: str, value: object, where: tuple[PathSegment, ...]) -> object:
        if name in _DECIMAL_PARAMS:
            # Money and rates are written as strings so that they never pass through float.
            if value is None and name == "microgrant_max":
                return None
            if not isinstance(value, str):
                self.problem("must be a decimal written as a string", value, *where)
                return _INVALID
            try:
                return Decimal(value)
            except InvalidOperation:
                self.problem("must be a decimal written as a string", value, *where)
                return _INVALID
        if name in ("eligible", "uncertain"):
            if not isinstance(value, list):
                self.problem("must be a list of applicant classes", value, *where)
                return _INVALID
            members = [self.member(ApplicantClass, v, (*where, i)) for i, v in enumerate(value)]
            return _INVALID if None in members else frozenset(members)
        return value


_DECIMAL_PARAMS: Final = frozenset(
    {"max_share", "min_rate", "microgrant_max", "amount", "share_of_sworn"}
)
_INVALID: Final = object()
