"""What a rule checks and with which parameters: rule kinds and parameter records.

A :class:`RuleKind` names the check a rule runs; it fixes the :class:`RuleStage` that
uses it and the parameter record its versions carry (:class:`ShareParams`,
:class:`PerPositionParams`, ...). Parameter records are immutable and validated on
construction; each can say what it requires in words (``describe``). Who may apply is
stated in :class:`ApplicantClass` terms.

Examples:
    >>> from decimal import Decimal
    >>> from copsreform.rules import PerPositionParams, RuleKind
    >>> RuleKind.PER_POSITION.params_type is PerPositionParams
    True
    >>> PerPositionParams(amount=Decimal("125000"), months=36).describe()
    'at most $125,000.00 per position over 36 months'
"""

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final, TypeAlias

import attrs

from copsreform import _fields as f
from copsreform.constraints import money_text as _money_text
from copsreform.constraints import percent_text as _percent_text
from copsreform.errors import ValidationError

__all__ = [
    "AmountParams",
    "ApplicantClass",
    "ApplicantParams",
    "CloseoutParams",
    "MatchParams",
    "NoParams",
    "Params",
    "PerPositionParams",
    "PeriodParams",
    "RequestCapParams",
    "RetentionParams",
    "RuleKind",
    "RuleStage",
    "ShareParams",
]


class RuleStage(enum.Enum):
    """Which check uses a rule.

    Examples:
        >>> from copsreform.rules.parameters import RuleKind
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
        >>> from copsreform.rules.parameters import RuleKind
        >>> RuleKind.APPLICANT.params_type.__name__
        'ApplicantParams'
    """

    #: Whether the program ran (took applications or requests) in the year. Checked
    #: first; in a year it did not run, it alone decides (see :class:`~copsreform.rules.versions.VersionStatus`).
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
        >>> from copsreform.rules.parameters import ApplicantClass
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


def non_empty_text(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """Refuse anything but a string with a character other than whitespace.

    Examples:
        >>> import attrs
        >>> from copsreform.rules.parameters import non_empty_text
        >>> @attrs.frozen
        ... class Titled:
        ...     title: str = attrs.field(validator=non_empty_text)
        >>> Titled("Hiring").title
        'Hiring'
    """
    if not isinstance(value, str) or not value.strip():
        f.fail(instance, attribute, "must be a non-empty string", value)


@attrs.frozen
class NoParams:
    """No parameters: the rule only needs to be in force.

    Examples:
        >>> from copsreform.rules.parameters import NoParams
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
        >>> from copsreform.rules.parameters import ApplicantClass, ApplicantParams
        >>> ApplicantParams(eligible={ApplicantClass.STATE_LE_AGENCY}).describe()
        'eligible: state law enforcement agencies'
    """

    eligible: frozenset[ApplicantClass] = attrs.field(converter=f.to_frozenset, validator=_classes)
    uncertain: frozenset[ApplicantClass] = attrs.field(
        default=frozenset(), converter=f.to_frozenset, validator=_classes
    )
    uncertain_note: str | None = attrs.field(default=None, validator=f.optional(non_empty_text))

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
        >>> from copsreform.rules.parameters import ApplicantClass, applicant_list
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
        >>> from copsreform.rules.parameters import ShareParams
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
        >>> from copsreform.rules.parameters import MatchParams
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
        >>> from copsreform.rules.parameters import AmountParams
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
        >>> from copsreform.rules.parameters import PerPositionParams
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
        >>> from copsreform.rules.parameters import PeriodParams
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
        >>> from copsreform.rules.parameters import RequestCapParams
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
        >>> from copsreform.rules.parameters import RetentionParams
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
        >>> from copsreform.rules.parameters import CloseoutParams
        >>> CloseoutParams(120, "2 CFR 200.344(b)").describe()
        '120 calendar days after the end of the period of performance (2 CFR 200.344(b))'
    """

    report_days: int = attrs.field(validator=_positive_count)
    section: str = attrs.field(validator=non_empty_text)

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
