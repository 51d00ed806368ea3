"""Rules and their effective-dated versions.

A :class:`Rule` has :class:`RuleVersion` records, sorted by first fiscal year and never
overlapping; :meth:`Rule.version_for` selects the one in force in a year. A
:class:`ConditionRule` is a condition a program lists (certified or scored), with
versions that only carry years and sources. Each version has a :class:`VersionStatus`
and a :class:`Confidence` (see :mod:`copsreform.rules.book`).

Examples:
    >>> from copsreform import FiscalYear
    >>> from copsreform.rules import Confidence, RuleVersion, VersionStatus
    >>> v = RuleVersion(first=FiscalYear(2022), last=FiscalYear(2025),
    ...                 status=VersionStatus.UNKNOWN, confidence=Confidence.INFERRED,
    ...                 sources=("G1",), note="no source gives the value")
    >>> v.label, v.describe()
    ('FY2022-FY2025', 'value unknown: no source gives the value')
"""

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from copsreform import _fields as f
from copsreform.errors import RuleNotInForceError, ValidationError
from copsreform.fiscal import FiscalYear
from copsreform.programs import CRIProgram, GrantProgram
from copsreform.rules.decision import ConditionKind, non_empty_texts
from copsreform.rules.parameters import Params, RuleKind, RuleStage, non_empty_text

__all__ = [
    "ConditionRule",
    "Confidence",
    "Rule",
    "RuleVersion",
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
        >>> from copsreform.rules.versions import program_of
        >>> program_of("critical_response")
        <CRIProgram.CRITICAL_RESPONSE: 'critical_response'>
        >>> program_of("chp")
        <GrantProgram.CHP: 'chp'>
    """
    found = _PROGRAMS.get(value) if isinstance(value, str) else None
    if found is None:
        raise ValidationError.single("must be a program value", value, root="program")
    return found


class VersionStatus(enum.Enum):
    """What a rule version says about its years.

    Examples:
        >>> from copsreform.rules.versions import VersionStatus
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
        >>> from copsreform.rules.versions import Confidence
        >>> Confidence.INFERRED.value
        'inferred'
    """

    #: A cited source states the value for these years.
    VERIFIED = "verified"
    #: Carried over between or from verified years; the version's note says how.
    INFERRED = "inferred"


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
        >>> from copsreform.rules.versions import Confidence, RuleVersion, VersionStatus
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
    note: str | None = attrs.field(default=None, validator=f.optional(non_empty_text))

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
            >>> from copsreform.rules.versions import Confidence, RuleVersion, VersionStatus
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
            >>> from copsreform.rules.versions import Confidence, RuleVersion, VersionStatus
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
    title: str = attrs.field(validator=non_empty_text)
    description: str = attrs.field(validator=non_empty_text)
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

    Its versions only carry years and sources (in force, with :class:`~copsreform.rules.parameters.NoParams`).

    Examples:
        >>> from copsreform.rules import RuleBook
        >>> c = RuleBook.default().condition("chp.usc_1373")
        >>> c.kind.value, [v.label for v in c.versions]
        ('certified', ['FY2025'])
    """

    id: str = attrs.field(validator=_identifier)
    program: str = attrs.field(validator=_program_value)
    kind: ConditionKind = attrs.field(validator=f.member_of(ConditionKind))
    text: str = attrs.field(validator=non_empty_text)
    versions: tuple[RuleVersion, ...] = attrs.field(converter=_sorted_versions, validator=_versions)

    def version_for(self, year: FiscalYear) -> RuleVersion | None:
        """Return the version in force in ``year``, or ``None`` (a condition may lapse)."""
        return next((v for v in self.versions if v.covers(year)), None)
