"""Collaborative Reform engagements: one agency, one program, a provider and a lifecycle.

An engagement moves through a small lifecycle. Each change is dated and kept in
:attr:`Engagement.history`; only these changes are legal::

    requested ──> accepted ──> in_progress ──> completed
        │  │          │             │
        │  └──────────┴─────────────┴──> withdrawn
        └──> declined

The lifecycle is this library's model of the documented sequence (an agency submits a
request, the COPS Office and a provider scope and deliver the assistance; all CRI
levels are voluntary and at the agency's request: cops.usdoj.gov/node/380,
policinginstitute.org Critical Response page). The names of the stages are not an
official COPS vocabulary.

Organizational Assessments carry recommendations, each with the status the COPS site
pages use: complete, partially complete, in progress, not started
(https://cops.usdoj.gov/active-oa-site-charlottesville-va-police-department).

Examples:
    >>> from datetime import date
    >>> import copsreform as cr
    >>> bpd = cr.Agency(name="Boston Police Department", state="MA", ori="MA0130100",
    ...                 jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
    >>> review = cr.Engagement(agency=bpd, program=cr.CRIProgram.CRITICAL_RESPONSE,
    ...                        provider=cr.find_provider("NPI"),
    ...                        categories={cr.TACategory.DATA_ANALYSIS},
    ...                        focus="Human Resources section operations",
    ...                        announced_on=date(2024, 8, 8))
    >>> review.status
    <EngagementStatus.REQUESTED: 'requested'>
    >>> review = review.transition(cr.EngagementStatus.ACCEPTED, on=date(2024, 8, 8))
    >>> review.status, len(review.history)
    (<EngagementStatus.ACCEPTED: 'accepted'>, 1)
    >>> review.transition(cr.EngagementStatus.COMPLETED, on=date(2024, 9, 1))
    Traceback (most recent call last):
    ...
    copsreform.errors.IllegalTransitionError: 'Engagement.history[1]' cannot go from 'accepted' to 'completed'; allowed: 'in_progress', 'withdrawn' (got 'completed')
"""

import datetime as dt
import enum
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from copsreform import _fields as f
from copsreform._repr import brief, counted
from copsreform.agency import Agency
from copsreform.citation import PublicSource
from copsreform.errors import IllegalTransitionError, Problem, ValidationError
from copsreform.programs import CRIProgram, TACategory
from copsreform.providers import Provider

__all__ = [
    "TRANSITIONS",
    "Engagement",
    "EngagementStatus",
    "Recommendation",
    "RecommendationStatus",
    "StatusChange",
]


class EngagementStatus(enum.Enum):
    """Where an engagement stands in its lifecycle.

    Examples:
        >>> from copsreform import EngagementStatus
        >>> EngagementStatus.IN_PROGRESS.is_final
        False
        >>> EngagementStatus.DECLINED.is_final
        True
    """

    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"

    @property
    def is_final(self) -> bool:
        """Whether no further change is possible from this status."""
        return not TRANSITIONS[self]


#: The legal changes: for each status, the statuses it may move to.
TRANSITIONS: Final[Mapping[EngagementStatus, frozenset[EngagementStatus]]] = MappingProxyType(
    {
        EngagementStatus.REQUESTED: frozenset(
            {EngagementStatus.ACCEPTED, EngagementStatus.DECLINED, EngagementStatus.WITHDRAWN}
        ),
        EngagementStatus.ACCEPTED: frozenset(
            {EngagementStatus.IN_PROGRESS, EngagementStatus.WITHDRAWN}
        ),
        EngagementStatus.IN_PROGRESS: frozenset(
            {EngagementStatus.COMPLETED, EngagementStatus.WITHDRAWN}
        ),
        EngagementStatus.DECLINED: frozenset(),
        EngagementStatus.COMPLETED: frozenset(),
        EngagementStatus.WITHDRAWN: frozenset(),
    }
)


class RecommendationStatus(enum.Enum):
    """The status of an Organizational Assessment recommendation, as COPS site pages report it.

    Examples:
        >>> from copsreform import RecommendationStatus
        >>> RecommendationStatus("partially_complete").title
        'Partially Complete'
    """

    COMPLETE = "complete"
    PARTIALLY_COMPLETE = "partially_complete"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"

    @property
    def title(self) -> str:
        """The status as the COPS site pages write it."""
        return self.value.replace("_", " ").title()


@f.every_problem
@attrs.frozen
class StatusChange:
    """One dated change in an engagement's lifecycle.

    Args:
        status: The status the engagement moved to.
        on: The date of the change.
        note: Why, if recorded.

    Examples:
        >>> import datetime as dt
        >>> from copsreform import EngagementStatus, StatusChange
        >>> StatusChange(EngagementStatus.ACCEPTED, dt.date(2024, 8, 8)).on
        datetime.date(2024, 8, 8)
    """

    status: EngagementStatus = attrs.field(validator=f.member_of(EngagementStatus))
    on: dt.date = attrs.field(validator=f.day)
    note: str | None = attrs.field(
        default=None, converter=f.strip_text, validator=f.optional(f.text)
    )


@f.every_problem
@attrs.frozen
class Recommendation:
    """One recommendation of an Organizational Assessment.

    Args:
        text: The recommendation.
        status: Its implementation status; not started by default.
        focus_area: The assessment's focus area it belongs to, if any.

    Examples:
        >>> from copsreform import Recommendation
        >>> r = Recommendation("Publish a staffing plan", focus_area="Resource Analysis")
        >>> r.status
        <RecommendationStatus.NOT_STARTED: 'not_started'>
    """

    text: str = attrs.field(converter=f.strip_text, validator=f.text)
    status: RecommendationStatus = attrs.field(
        default=RecommendationStatus.NOT_STARTED, validator=f.member_of(RecommendationStatus)
    )
    focus_area: str | None = attrs.field(
        default=None, converter=f.fold_spaces_or_none, validator=f.optional(f.name)
    )


#: The programs whose engagements may name Critical Response TA categories.
_CATEGORY_PROGRAMS: Final = frozenset(
    {CRIProgram.CRITICAL_RESPONSE, CRIProgram.CRITICAL_RESPONSE_TA}
)


def _focus(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    f.text(instance, attribute, value)


@f.every_problem
@attrs.frozen
class Engagement:
    """One Collaborative Reform engagement of an agency.

    Args:
        agency: The agency that receives the assistance.
        program: The CRI program.
        provider: The provider delivering it, when known; it must deliver ``program``.
        categories: The Critical Response TA categories a source names; empty when none
            does, and always empty for programs other than Critical Response and the
            2011-2017 Critical Response Technical Assistance.
        focus: What the engagement looks at, in words.
        requested_on: When the agency asked.
        announced_on: When the engagement was announced.
        start: When the work started.
        end: When the work ended.
        history: The dated status changes, oldest first. Empty means the engagement is
            still at ``requested``. Use :meth:`transition` to add one.
        recommendations: Organizational Assessment recommendations (only for that program).
        report_released_on: When the (first) public report was released.
        findings_count: How many findings the report lists, where it says.
        recommendations_count: How many recommendations the report lists, where it says.
        sources: The public sources the record rests on, official ones first.
        note: What a reader should know: uncertainty, conflicting sources, how it ended.

    Raises:
        ValidationError: If a field or a combination is refused, naming
            ``Engagement.<field>``. The dates that are given must be in the order requested,
            announced, start, end; status changes must be dated in order, not before the
            request.
        IllegalTransitionError: If ``history`` holds a change the lifecycle forbids.

    Examples:
        >>> import datetime as dt
        >>> import copsreform as cr
        >>> agency = cr.Agency(name="Charlottesville Police Department", state="VA",
        ...                    jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
        >>> oa = cr.Engagement(agency=agency, program=cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT,
        ...                    announced_on=dt.date(2024, 8, 22),
        ...                    recommendations=(cr.Recommendation("Adopt a wellness plan"),))
        >>> oa.recommendation_counts()[cr.RecommendationStatus.NOT_STARTED]
        1
    """

    agency: Agency = attrs.field(validator=f.instance(Agency, "an Agency"), repr=brief)
    program: CRIProgram = attrs.field(validator=f.member_of(CRIProgram))
    provider: Provider | None = attrs.field(
        default=None, validator=f.optional(f.instance(Provider, "a Provider")), repr=brief
    )
    categories: frozenset[TACategory] = attrs.field(
        default=frozenset(), converter=f.to_frozenset, validator=f.set_of(TACategory)
    )
    focus: str | None = attrs.field(
        default=None, converter=f.strip_text, validator=f.optional(_focus)
    )
    requested_on: dt.date | None = attrs.field(default=None, validator=f.optional(f.day))
    announced_on: dt.date | None = attrs.field(default=None, validator=f.optional(f.day))
    start: dt.date | None = attrs.field(default=None, validator=f.optional(f.day))
    end: dt.date | None = attrs.field(default=None, validator=f.optional(f.day))
    history: tuple[StatusChange, ...] = attrs.field(
        default=(),
        converter=f.to_tuple,
        validator=f.tuple_of(StatusChange),
        repr=counted("status change"),
    )
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(),
        converter=f.to_tuple,
        validator=f.tuple_of(Recommendation),
        repr=counted("recommendation"),
    )
    report_released_on: dt.date | None = attrs.field(default=None, validator=f.optional(f.day))
    findings_count: int | None = attrs.field(default=None, validator=f.optional(f.count))
    recommendations_count: int | None = attrs.field(default=None, validator=f.optional(f.count))
    sources: tuple[PublicSource, ...] = attrs.field(
        default=(),
        converter=f.to_tuple,
        validator=f.tuple_of(PublicSource),
        repr=counted("source"),
    )
    # A note can run to a paragraph; the repr leaves it out (to_dict() and JSON keep it).
    note: str | None = attrs.field(
        default=None, converter=f.strip_text, validator=f.optional(f.text), repr=False
    )

    def __attrs_post_init__(self) -> None:
        root = "Engagement"
        problems: list[Problem] = []
        if self.provider is not None and not self.provider.delivers(self.program):
            delivered = ", ".join(sorted(repr(p.value) for p in self.provider.programs))
            problems.append(
                Problem(
                    f"must deliver {self.program.value!r} (it delivers {delivered})",
                    self.provider.name,
                    ("provider",),
                    root,
                )
            )
        if self.categories and self.program not in _CATEGORY_PROGRAMS:
            problems.append(
                Problem(
                    "must be empty: TA categories belong to Critical Response",
                    sorted(c.value for c in self.categories),
                    ("categories",),
                    root,
                )
            )
        if self.recommendations and self.program is not CRIProgram.ORGANIZATIONAL_ASSESSMENT:
            problems.append(
                Problem(
                    "must be empty: recommendations belong to Organizational Assessment",
                    len(self.recommendations),
                    ("recommendations",),
                    root,
                )
            )
        problems += f.ordered_dates(
            self,
            (
                ("requested_on", self.requested_on, "announced_on", self.announced_on),
                ("requested_on", self.requested_on, "start", self.start),
                ("announced_on", self.announced_on, "start", self.start),
                ("requested_on", self.requested_on, "end", self.end),
                ("announced_on", self.announced_on, "end", self.end),
                ("start", self.start, "end", self.end),
                ("requested_on", self.requested_on, "report_released_on", self.report_released_on),
                ("announced_on", self.announced_on, "report_released_on", self.report_released_on),
            ),
        )
        illegal = self._history_problems(problems)
        if problems:
            only_transitions = len(problems) == illegal
            raise (IllegalTransitionError if only_transitions else ValidationError)(problems)

    def _history_problems(self, problems: list[Problem]) -> int:
        """Add the history's problems to ``problems``; return how many are illegal changes."""
        illegal = 0
        current = EngagementStatus.REQUESTED
        previous = self.requested_on
        previous_name = "requested_on"
        for index, change in enumerate(self.history):
            allowed = TRANSITIONS[current]
            if change.status not in allowed:
                reason = f"cannot go from {current.value!r} to {change.status.value!r}; " + (
                    "allowed: " + ", ".join(sorted(repr(s.value) for s in allowed))
                    if allowed
                    else f"{current.value!r} is final"
                )
                problems.append(
                    Problem(reason, change.status.value, ("history", index), "Engagement")
                )
                illegal += 1
            if previous is not None and change.on < previous:
                problems.append(
                    Problem(
                        f"must not be before {previous_name} ({previous.isoformat()})",
                        change.on,
                        ("history", index, "on"),
                        "Engagement",
                    )
                )
            current, previous, previous_name = change.status, change.on, f"history[{index}].on"
        return illegal

    @property
    def year(self) -> int | None:
        """The calendar year the engagement began: that of its earliest known date.

        The dates looked at are :attr:`requested_on`, :attr:`announced_on`, :attr:`start`,
        :attr:`report_released_on` and :attr:`end`; ``None`` when none is known.

        Examples:
            >>> import datetime as dt
            >>> import copsreform as cr
            >>> agency = cr.Agency(name="Example Police Department", state="KS",
            ...                    jurisdiction=cr.Jurisdiction.LOCAL,
            ...                    agency_type=cr.AgencyType.CITY)
            >>> cr.Engagement(agency=agency, program=cr.CRIProgram.CRI_TAC,
            ...               announced_on=dt.date(2018, 3, 15)).year
            2018
        """
        known = [
            d
            for d in (
                self.requested_on,
                self.announced_on,
                self.start,
                self.report_released_on,
                self.end,
            )
            if d is not None
        ]
        return min(known).year if known else None

    @property
    def status(self) -> EngagementStatus:
        """The current status: the last change's, or ``requested`` when there is none."""
        return self.history[-1].status if self.history else EngagementStatus.REQUESTED

    def transition(
        self, to: EngagementStatus, *, on: dt.date, note: str | None = None
    ) -> "Engagement":
        """Return the engagement moved to a new status, with the change recorded.

        Args:
            to: The new status.
            on: The date of the change.
            note: Why, if worth recording.

        Returns:
            A new engagement; this one is unchanged (engagements are immutable).

        Raises:
            IllegalTransitionError: If the lifecycle does not allow the change.
            ValidationError: If ``on`` is before the previous change or the request.

        Examples:
            >>> import datetime as dt
            >>> import copsreform as cr
            >>> agency = cr.Agency(name="Example Police Department", state="KS",
            ...                    jurisdiction=cr.Jurisdiction.LOCAL,
            ...                    agency_type=cr.AgencyType.CITY)
            >>> e = cr.Engagement(agency=agency, program=cr.CRIProgram.CRI_TAC)
            >>> e.transition(cr.EngagementStatus.DECLINED, on=dt.date(2024, 1, 5)).status
            <EngagementStatus.DECLINED: 'declined'>
        """
        return attrs.evolve(self, history=(*self.history, StatusChange(to, on, note)))

    def with_recommendation_status(self, index: int, status: RecommendationStatus) -> "Engagement":
        """Return the engagement with one recommendation's status changed.

        Args:
            index: The recommendation's position in :attr:`recommendations`.
            status: Its new status.

        Returns:
            A new engagement.

        Raises:
            ValidationError: If there is no recommendation at ``index``.

        Examples:
            >>> import copsreform as cr
            >>> agency = cr.Agency(name="Example Police Department", state="KS",
            ...                    jurisdiction=cr.Jurisdiction.LOCAL,
            ...                    agency_type=cr.AgencyType.CITY)
            >>> oa = cr.Engagement(agency=agency, program=cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT,
            ...                    recommendations=(cr.Recommendation("Adopt a wellness plan"),))
            >>> oa.with_recommendation_status(0, cr.RecommendationStatus.COMPLETE).recommendations[0].status
            <RecommendationStatus.COMPLETE: 'complete'>
        """
        if type(index) is not int or not 0 <= index < len(self.recommendations):
            raise ValidationError.single(
                f"has no recommendation at this position (there are {len(self.recommendations)})",
                index,
                ("recommendations",),
                root="Engagement",
            )
        changed = attrs.evolve(self.recommendations[index], status=status)
        items = (*self.recommendations[:index], changed, *self.recommendations[index + 1 :])
        return attrs.evolve(self, recommendations=items)

    def recommendation_counts(self) -> dict[RecommendationStatus, int]:
        """Count recommendations by status, with every status present (zero if none).

        Returns:
            A dict from each :class:`RecommendationStatus` to its count.

        Examples:
            >>> import copsreform as cr
            >>> agency = cr.Agency(name="Example Police Department", state="KS",
            ...                    jurisdiction=cr.Jurisdiction.LOCAL,
            ...                    agency_type=cr.AgencyType.CITY)
            >>> cr.Engagement(agency=agency, program=cr.CRIProgram.CRI_TAC).recommendation_counts()[
            ...     cr.RecommendationStatus.COMPLETE]
            0
        """
        counts = Counter(r.status for r in self.recommendations)
        return {status: counts.get(status, 0) for status in RecommendationStatus}

    def __str__(self) -> str:
        """The engagement in one line: program, agency, provider and status.

        Examples:
            >>> import copsreform as cr
            >>> bpd = cr.Agency(name="Boston Police Department", state="MA", ori="MA0130100",
            ...                 jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)
            >>> print(cr.Engagement(agency=bpd, program=cr.CRIProgram.CRITICAL_RESPONSE,
            ...                     provider=cr.find_provider("NPI"),
            ...                     categories={cr.TACategory.DATA_ANALYSIS}))
            Critical Response for Boston Police Department (MA, ORI MA0130100), by National Policing Institute (NPI): requested
        """
        by = "" if self.provider is None else f", by {self.provider}"
        return f"{self.program.title} for {self.agency}{by}: {self.status.value}"
