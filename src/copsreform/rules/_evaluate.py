"""Compiled rule plans: the rules of one program in one fiscal year, ready to run.

A plan is built once per (book, program, fiscal year, check) and cached on the book:
each rule's version is selected, its citation and version label rendered, and its
parameters bound into a small function. Eligibility rules only look at a few facts of
the applicant (its jurisdiction, campus type, primary law enforcement authority, or an
organisation's kind), so a plan also caches its verdict for each combination of those
facts: an eligibility matrix over thousands of agencies evaluates each combination once.
"""

import datetime as dt
import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from copsreform.agency import Agency, AgencyType, Jurisdiction, Organization, OrganizationKind
from copsreform.constraints import money_text as _money
from copsreform.errors import RuleNotInForceError
from copsreform.fiscal import FiscalYear
from copsreform.grant import Grant
from copsreform.rules.book import (
    AmountParams,
    ApplicantClass,
    ApplicantParams,
    CloseoutParams,
    MatchParams,
    Params,
    PeriodParams,
    PerPositionParams,
    RequestCapParams,
    RetentionParams,
    Rule,
    RuleBook,
    RuleKind,
    RuleStage,
    RuleVersion,
    ShareParams,
    VersionStatus,
    applicant_list,
)
from copsreform.rules.decision import (
    Condition,
    Decision,
    DecisionKind,
    Eligibility,
    Outcome,
    Program,
    Reason,
    Source,
    fold,
)

Result = tuple[Outcome, str, tuple[str, ...]]

PASSED: Final = Outcome.PASSED
FAILED: Final = Outcome.FAILED
UNKNOWN: Final = Outcome.UNKNOWN


# Applicant facts ----------------------------------------------------------------------


@attrs.frozen
class Facts:
    """What eligibility rules know about an applicant."""

    classes: frozenset[ApplicantClass]
    description: str
    is_organization: bool
    kind_unknown: bool
    plea: bool | None


#: An applicant's signature: the only inputs eligibility rules read.
Signature = tuple[object, ...]

_AGENCY_CLASS: Final = {
    Jurisdiction.STATE: ApplicantClass.STATE_LE_AGENCY,
    Jurisdiction.LOCAL: ApplicantClass.LOCAL_LE_AGENCY,
    Jurisdiction.TERRITORIAL: ApplicantClass.TERRITORIAL_LE_AGENCY,
    Jurisdiction.TRIBAL: ApplicantClass.TRIBAL_LE_AGENCY,
    Jurisdiction.FEDERAL: ApplicantClass.FEDERAL_LE_AGENCY,
}
_CAMPUS: Final = AgencyType.UNIVERSITY_OR_COLLEGE
_FACTS: dict[Signature, Facts] = {}


def signature(applicant: Agency | Organization) -> Signature:
    """Return the inputs eligibility rules read from ``applicant``."""
    if type(applicant) is Agency:
        return (
            applicant.jurisdiction,
            applicant.agency_type is _CAMPUS,
            applicant.primary_law_enforcement_authority,
        )
    assert isinstance(applicant, Organization)  # noqa: S101 - checked by the caller
    return (applicant.kind,)


def facts(sig: Signature) -> Facts:
    """Return the facts of a signature (cached: there are a few dozen signatures)."""
    found = _FACTS.get(sig)
    if found is None:
        found = _FACTS[sig] = _facts(sig)
    return found


def _facts(sig: Signature) -> Facts:
    if len(sig) == 3:
        jurisdiction, campus, plea = sig
        main = _AGENCY_CLASS[jurisdiction]  # type: ignore[index]
        classes = {main}
        description = main.label
        if campus:
            classes.add(ApplicantClass.CAMPUS_LE_AGENCY)
            description += " (a campus agency)"
        return Facts(frozenset(classes), description, False, False, plea)  # type: ignore[arg-type]
    (kind,) = sig
    if kind is OrganizationKind.UNKNOWN:
        return Facts(frozenset(), "an organisation of unrecorded kind", True, True, None)
    cls = ApplicantClass(kind.value)  # type: ignore[attr-defined]
    return Facts(frozenset({cls}), cls.label, True, False, None)


def subject(applicant: Agency | Organization) -> str:
    """Return how a decision names the applicant: its name, with its ORI when known."""
    if type(applicant) is Agency and applicant.ori:
        return f"{applicant.name} ({applicant.ori})"
    return applicant.name


# Rule functions -------------------------------------------------------------------------

EligibilityCheck = Callable[[Facts], Result]
AwardCheck = Callable[[Grant], Result]


def _pct(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def _share_text(part: Decimal, total: Decimal) -> str:
    return f"{(part * 100 / total).quantize(Decimal('0.01'))}%"


def applicant_check(params: ApplicantParams) -> EligibilityCheck:
    """Who may apply: eligible, not settled by the sources, or not eligible."""
    eligible = f"eligible: {applicant_list(params.eligible)}"

    def check(who: Facts) -> Result:
        if ApplicantClass.FEDERAL_LE_AGENCY in who.classes:
            return (
                FAILED,
                f"the applicant is {who.description}: federal agencies are not eligible ({eligible})",
                (),
            )
        if ApplicantClass.CAMPUS_LE_AGENCY in who.classes & params.uncertain:
            # The sources conflict on campus agencies: a campus agency is not decided by
            # its jurisdiction's class.
            return UNKNOWN, f"the applicant is {who.description}: {params.uncertain_note}", ()
        if who.classes & params.eligible:
            return PASSED, f"the applicant is {who.description}, which may apply ({eligible})", ()
        if who.classes & params.uncertain:
            return UNKNOWN, f"the applicant is {who.description}: {params.uncertain_note}", ()
        if who.kind_unknown:
            return (
                UNKNOWN,
                f"the organisation's kind is not recorded, and the rule needs it ({eligible})",
                ("kind",),
            )
        return FAILED, f"the applicant is {who.description}, which may not apply ({eligible})", ()

    return check


def plea_check(_: Params) -> EligibilityCheck:
    """The agency has primary law enforcement authority."""

    def check(who: Facts) -> Result:
        if who.is_organization:
            return (
                UNKNOWN,
                (
                    "an organisation record does not say whether the law enforcement agency the "
                    "application is for has primary law enforcement authority"
                ),
                ("primary_law_enforcement_authority",),
            )
        if who.plea is None:
            return (
                UNKNOWN,
                "whether the agency has primary law enforcement authority is not recorded",
                ("primary_law_enforcement_authority",),
            )
        if who.plea:
            return PASSED, "the agency has primary law enforcement authority", ()
        return (
            FAILED,
            "the agency does not have primary law enforcement authority for the population it serves",
            (),
        )

    return check


def _not_positive(grant: Grant) -> Result:
    return (
        UNKNOWN,
        (
            f"the reported federal amount ({_money(grant.federal_amount)}) is not positive: it is a "
            "net obligation after de-obligations, not the amount awarded, so this amount rule "
            "cannot be checked"
        ),
        ("federal_amount",),
    )


_NO_MATCH: Final = (
    "no local match is recorded and no waiver; a record can show no match because its "
    "source does not report one, so this is not taken as a zero match"
)


def share_check(params: ShareParams) -> AwardCheck:
    """The federal share is at most the limit unless the match was waived."""
    limit = params.max_share
    pct = _pct(limit)

    def check(grant: Grant) -> Result:
        fed, match = grant.federal_amount, grant.local_match
        if fed <= 0:
            return _not_positive(grant)
        if limit == 1:
            return PASSED, "the federal share may be up to 100% of the cost", ()
        if grant.match_waived:
            return PASSED, f"the local match was waived, so the federal share may exceed {pct}", ()
        if match == 0:
            return (
                UNKNOWN,
                f"the federal share would be 100%, more than {pct}, but {_NO_MATCH}",
                ("local_match",),
            )
        total = fed + match
        share = f"the federal share is {_share_text(fed, total)} ({_money(fed)} of {_money(total)})"
        if fed <= limit * total:
            return PASSED, f"{share}, at most {pct}", ()
        return FAILED, f"{share}, more than {pct}, and the match was not waived", ()

    return check


def match_check(params: MatchParams) -> AwardCheck:
    """The local cash match is at least the rate unless waived."""
    rate = params.min_rate
    pct = _pct(rate)
    micro = params.microgrant_max

    def check(grant: Grant) -> Result:
        fed, match = grant.federal_amount, grant.local_match
        if fed <= 0:
            return _not_positive(grant)
        if grant.match_waived:
            return PASSED, "the local match was waived", ()
        total = fed + match
        found = f"the local match of {_money(match)} is {_share_text(match, total)} of the total cost of {_money(total)}"
        if match >= rate * total:
            return PASSED, f"{found}, at least {pct}", ()
        if micro is not None and fed <= micro:
            return (
                UNKNOWN,
                (
                    f"{found}, less than {pct}; an award of at most {_money(micro)} may be a "
                    "microgrant, whose match is waived, and the record does not say"
                ),
                ("match_waived",),
            )
        if match == 0:
            return UNKNOWN, _NO_MATCH, ("local_match",)
        return FAILED, f"{found}, less than {pct}, and it was not waived", ()

    return check


def per_position_check(params: PerPositionParams) -> AwardCheck:
    """The federal amount per position is at most the cap."""
    cap = params.amount
    limit = f"at most {_money(cap)} per position over {params.months} months"

    def check(grant: Grant) -> Result:
        fed, positions = grant.federal_amount, grant.positions
        if fed <= 0:
            return _not_positive(grant)
        if not positions:
            recorded = "not recorded" if positions is None else "recorded as 0"
            return (
                UNKNOWN,
                f"the number of positions is {recorded}, so the amount per position cannot be computed",
                ("positions",),
            )
        per = (fed / positions).quantize(Decimal("0.01"))
        found = f"{_money(fed)} for {positions} position{'s' if positions > 1 else ''} is {_money(per)} per position"
        if fed <= cap * positions:
            return PASSED, f"{found}, {limit}", ()
        return FAILED, f"{found}, more than the cap ({limit})", ()

    return check


def _bound_check(params: AmountParams, *, ceiling: bool) -> AwardCheck:
    """The federal amount is at most the ceiling, or at least the floor."""
    bound = params.amount
    name = "ceiling" if ceiling else "floor"
    within, beyond = ("at most", "more than") if ceiling else ("at least", "less than")

    def check(grant: Grant) -> Result:
        fed = grant.federal_amount
        if fed <= 0:
            return _not_positive(grant)
        ok = fed <= bound if ceiling else fed >= bound
        relation = within if ok else beyond
        message = f"the federal amount of {_money(fed)} is {relation} the {name} of {_money(bound)}"
        return (PASSED if ok else FAILED), message, ()

    return check


def max_award_check(params: AmountParams) -> AwardCheck:
    """The federal amount is at most the ceiling."""
    return _bound_check(params, ceiling=True)


def min_award_check(params: AmountParams) -> AwardCheck:
    """The federal amount is at least the floor."""
    return _bound_check(params, ceiling=False)


def period_end(start: dt.date, months: int) -> dt.date:
    """Return the last day of a period of ``months`` months that starts on ``start``.

    >>> import datetime as dt
    >>> from copsreform.rules._evaluate import period_end
    >>> period_end(dt.date(2024, 10, 1), 60)
    datetime.date(2029, 9, 30)
    >>> period_end(dt.date(2024, 1, 31), 1)
    datetime.date(2024, 2, 28)
    """
    return start + relativedelta(months=months) - dt.timedelta(days=1)


def retention_last_day(start: dt.date, params: RetentionParams) -> dt.date:
    """The last day of retention: funding months, then retention months, from ``start``.

    >>> import datetime as dt
    >>> from copsreform.rules._evaluate import RetentionParams, retention_last_day
    >>> retention_last_day(dt.date(2024, 10, 1), RetentionParams(funding_months=36, retention_months=12))
    datetime.date(2028, 9, 30)
    """
    return period_end(start, params.funding_months + params.retention_months)


def closeout_date(end: dt.date, params: CloseoutParams) -> dt.date:
    """The day final reports are due: ``params.report_days`` calendar days after ``end``."""
    return end + dt.timedelta(days=params.report_days)


def period_check(params: PeriodParams) -> AwardCheck:
    """The period of performance is no longer than the limit (a longer one: unknown)."""
    months = params.months

    def check(grant: Grant) -> Result:
        limit = period_end(grant.start, months)
        period = f"the period of performance {grant.start.isoformat()} to {grant.end.isoformat()}"
        if grant.end <= limit:
            return (
                PASSED,
                f"{period} is within {months} months (to {limit.isoformat()} at the latest)",
                (),
            )
        return (
            UNKNOWN,
            (
                f"{period} runs past {limit.isoformat()}, the end of {months} months; an approved "
                "extension would explain it, and the record does not say whether there was one"
            ),
            ("extension",),
        )

    return check


def _cap_details(
    p: RequestCapParams,
    sworn: int | None,
    exact: Decimal | None,
    population: int | None,
    cap: int,
) -> str:
    """Say how the request cap was computed for an agency."""
    details = []
    if exact is not None:
        details.append(
            f"{_pct(p.share_of_sworn)} of {sworn} sworn officers is {exact.normalize():f}"
        )
    if population is not None:
        if p.cap_below_threshold == p.cap_at_or_above_threshold:
            details.append(f"at most {cap} whatever the population")
        else:
            side = "under" if population < p.population_threshold else "of at least"
            details.append(f"at most {cap} for a population {side} {p.population_threshold:,}")
    return "; ".join(details)


def request_cap_check(params: RequestCapParams) -> AwardCheck:
    """Positions funded are within what the agency could request (FY2011 to FY2019)."""
    p = params

    def check(grant: Grant) -> Result:
        n = grant.positions
        if n is None:
            return UNKNOWN, "the number of positions is not recorded", ("positions",)
        if p.small_force_cap and n <= p.small_force_cap:
            return (
                PASSED,
                f"{n} position{'s' if n != 1 else ''}: any agency could request {p.small_force_cap}",
                (),
            )
        recipient = grant.recipient
        sworn = recipient.sworn_officers if type(recipient) is Agency else None
        population = recipient.population if type(recipient) is Agency else None
        if p.small_force_cap and sworn is not None and sworn <= p.small_force_max:
            return (
                FAILED,
                (
                    f"{n} positions, but an agency with {sworn} sworn officers "
                    f"({p.small_force_max} or fewer) could request {p.small_force_cap}"
                ),
                (),
            )
        if population is not None:
            by_population = (
                p.cap_below_threshold
                if population < p.population_threshold
                else p.cap_at_or_above_threshold
            )
            low_pop = high_pop = by_population
        else:
            low_pop, high_pop = p.cap_below_threshold, p.cap_at_or_above_threshold
        exact = Decimal(sworn) * p.share_of_sworn if sworn is not None else None
        low_sworn = math.floor(exact) if exact is not None else p.small_force_cap
        high_sworn = math.ceil(exact) if exact is not None else None
        upper = high_pop if high_sworn is None else min(high_sworn, high_pop)
        lower = min(low_sworn, low_pop)
        found = _cap_details(p, sworn, exact, population, low_pop)
        if n > upper:
            return (
                FAILED,
                f"{n} positions exceed what the agency could request ({found or p.describe()})",
                (),
            )
        if n <= lower:
            return PASSED, f"{n} positions are within what the agency could request ({found})", ()
        missing = []
        if sworn is None:
            missing.append("sworn_officers")
        if population is None and low_pop < n:
            missing.append("population")
        if missing:
            return (
                UNKNOWN,
                f"{n} positions: the cap depends on {' and '.join(missing)}, which the record does not give",
                tuple(missing),
            )
        return UNKNOWN, f"{n} positions: {found}, and the sources do not say how 5% is rounded", ()

    return check


_ELIGIBILITY_CHECKS: Final[dict[RuleKind, Callable[[Params], EligibilityCheck]]] = {
    RuleKind.APPLICANT: applicant_check,  # type: ignore[dict-item]
    RuleKind.PRIMARY_LE_AUTHORITY: plea_check,
}
_AWARD_CHECKS: Final[dict[RuleKind, Callable[[Params], AwardCheck]]] = {
    RuleKind.FEDERAL_SHARE: share_check,  # type: ignore[dict-item]
    RuleKind.LOCAL_MATCH: match_check,  # type: ignore[dict-item]
    RuleKind.PER_POSITION: per_position_check,  # type: ignore[dict-item]
    RuleKind.MAX_AWARD: max_award_check,  # type: ignore[dict-item]
    RuleKind.MIN_AWARD: min_award_check,  # type: ignore[dict-item]
    RuleKind.PERIOD: period_check,  # type: ignore[dict-item]
    RuleKind.REQUEST_CAP: request_cap_check,  # type: ignore[dict-item]
}


# Plans ------------------------------------------------------------------------------------


@attrs.frozen
class Step:
    """One rule of a plan, with its version chosen and rendered."""

    rule: Rule
    version: RuleVersion
    sources: tuple[Source, ...]
    label: str
    fixed: Result | None
    run: Callable[..., Result] | None

    @property
    def citation(self) -> str:
        """The sources as one line of text, for notes."""
        return "; ".join(source.citation for source in self.sources)

    def reason(self, result: Result) -> Reason:
        outcome, message, missing = result
        return Reason(self.rule.id, outcome, message, self.sources, self.label, missing)


def _label(version: RuleVersion) -> str:
    text = f"{version.label}, {version.confidence.value}"
    if version.note and version.status is VersionStatus.IN_FORCE:
        note = version.note.rstrip(".")
        text += f" ({note[0].lower()}{note[1:]})"
    return text


def _step(
    book: RuleBook,
    rule: Rule,
    year: FiscalYear,
    factory: Callable[[Params], Callable[..., Result]] | None,
    stage: RuleStage = RuleStage.ELIGIBILITY,
) -> Step:
    version = rule.version_for(year)
    fixed: Result | None = None
    run = None
    if rule.kind is RuleKind.OFFERED:
        fixed = _offered_result(version, year, stage)
    elif version.status is VersionStatus.NOT_APPLICABLE:
        fixed = (PASSED, f"does not apply in {year}: {version.note}", ())
    elif version.status is VersionStatus.UNKNOWN:
        fixed = (UNKNOWN, f"the value for {year} is not known: {version.note}", ())
    elif factory is not None:
        assert version.params is not None  # noqa: S101 - a version in force has params
        run = factory(version.params)
    return Step(rule, version, book.sources_of(version), _label(version), fixed, run)


def _rules_to_run(
    rules: tuple[Rule, ...], offered: RuleVersion | None, year: FiscalYear
) -> tuple[tuple[Rule, ...], list[str]]:
    """Select the rules a plan runs, by the program's ``offered`` version for the year.

    Returns the rules and the notes to add to the decision.
    """
    if offered is None:
        return rules, []
    if offered.status is VersionStatus.NOT_OFFERED:
        # The program did not run: its "offered" rule alone answers.
        return tuple(r for r in rules if r.kind is RuleKind.OFFERED), []
    if offered.status is VersionStatus.IN_FORCE:
        # The program ran: its "offered" rule passes and is not listed.
        return tuple(r for r in rules if r.kind is not RuleKind.OFFERED), []
    # Whether it ran is unknown: check the rules that have a version that year.
    skipped = [r.id for r in rules if not any(v.covers(year) for v in r.versions)]
    notes = []
    if skipped:
        notes.append(
            f"No version is recorded for {year} of rules {', '.join(skipped)}; "
            "they are not checked."
        )
    return tuple(r for r in rules if r.id not in skipped), notes


def _offered_result(version: RuleVersion, year: FiscalYear, stage: RuleStage) -> Result:
    """The outcome of a program's ``offered`` rule.

    In a year the program did not run, an applicant could not get it (``FAILED``), while
    an award recorded under it most likely belongs to the program the note names, whose
    terms are not checked here (``UNKNOWN``).
    """
    if version.status is VersionStatus.IN_FORCE:
        return PASSED, f"the program took applications or requests in {year}", ()
    if version.status is VersionStatus.UNKNOWN:
        return UNKNOWN, f"whether the program ran in {year} is not known: {version.note}", ()
    if stage is RuleStage.AWARD:
        return (
            UNKNOWN,
            (
                f"the program did not run in {year}, so an award of that year recorded under it "
                f"is most likely another program's and is not checked against these rules: "
                f"{version.note}"
            ),
            (),
        )
    return FAILED, f"program not running in {year}: {version.note}", ()


@attrs.frozen
class Verdict:
    """The outcome of a plan for one applicant signature (or one grant)."""

    status: Eligibility
    reasons: tuple[Reason, ...]
    missing: tuple[str, ...]
    #: The validated decision of the first applicant seen, copied for the others.
    template: Decision | None = attrs.field(default=None, eq=False, repr=False)


class Plan:
    """The rules of one program in one fiscal year for one check, ready to run."""

    def __init__(
        self, book: RuleBook, program: Program, year: FiscalYear, stage: RuleStage
    ) -> None:
        self.program = program
        self.year = year
        self.stage = stage
        rules = book.rules_of(program)
        if not rules:
            raise RuleNotInForceError(f"{program.value}.*", str(year), program=program.title)
        self.applicant_steps: list[Step] = []
        self.eligibility_steps: list[Step] = []
        self.award_steps: list[Step] = []
        self.date_steps: dict[RuleKind, Step] = {}
        offered = book.offered(program, year)
        rules, self.notes = _rules_to_run(rules, offered, year)
        for rule in rules:
            stage_of = rule.stage
            if rule.kind is RuleKind.OFFERED:
                self.applicant_steps.append(_step(book, rule, year, None, stage))
            elif stage_of is RuleStage.APPLICANT:
                self.applicant_steps.append(_step(book, rule, year, _ELIGIBILITY_CHECKS[rule.kind]))
            elif stage_of is RuleStage.ELIGIBILITY and stage is RuleStage.ELIGIBILITY:
                self.eligibility_steps.append(
                    _step(book, rule, year, _ELIGIBILITY_CHECKS[rule.kind])
                )
            elif stage_of is RuleStage.AWARD and stage is RuleStage.AWARD:
                self.award_steps.append(_step(book, rule, year, _AWARD_CHECKS[rule.kind]))
            elif stage_of is RuleStage.DATES and stage is RuleStage.AWARD:
                self.date_steps[rule.kind] = _step(book, rule, year, None)
        closeout = book.cross_program(RuleKind.CLOSEOUT)
        self.closeout: RuleVersion | None = None
        self.closeout_citation = ""
        if stage is RuleStage.AWARD and closeout is not None:
            self.closeout = next((v for v in closeout.versions if v.covers(year)), None)
            if self.closeout is not None:
                self.closeout_citation = book.citation(self.closeout)
        not_offered = offered is not None and offered.status is VersionStatus.NOT_OFFERED
        self.conditions = () if not_offered else tuple(_conditions(book, program, year))
        self._verdicts: dict[Signature, Verdict] = {}

    # Eligibility --------------------------------------------------------------------

    def verdict(self, sig: Signature) -> Verdict:
        """Return the verdict for an applicant signature (computed once)."""
        found = self._verdicts.get(sig)
        if found is None:
            who = facts(sig)
            reasons = tuple(
                step.reason(step.fixed or step.run(who))  # type: ignore[misc]
                for step in (*self.applicant_steps, *self.eligibility_steps)
            )
            status, missing = fold(reasons)
            found = self._verdicts[sig] = Verdict(status, reasons, missing)
        return found

    def eligibility(self, applicant: Agency | Organization) -> Decision:
        """Return the eligibility decision for ``applicant``."""
        return self.decision(self.verdict(signature(applicant)), subject(applicant))

    def decision(self, verdict: Verdict, who: str) -> Decision:
        """Build the decision of a verdict for the applicant named ``who``."""
        template = verdict.template
        if template is None:
            template = Decision.of(
                DecisionKind.ELIGIBILITY,
                who,
                self.program,
                self.year,
                verdict.reasons,
                conditions=self.conditions,
                notes=self.notes,
            )
            object.__setattr__(verdict, "template", template)
            return template
        return template._for_subject(who)

    # Awards -------------------------------------------------------------------------

    def award(self, grant: Grant) -> Decision:
        """Return the award decision for ``grant``."""
        who = facts(signature(grant.recipient))
        reasons = [step.reason(step.fixed or step.run(who)) for step in self.applicant_steps]  # type: ignore[misc]
        reasons += [step.reason(step.fixed or step.run(grant)) for step in self.award_steps]  # type: ignore[misc]
        notes: list[str] = list(self.notes)
        funding_end = retention_end = None
        retention = self.date_steps.get(RuleKind.RETENTION)
        if retention is not None:
            params = retention.version.params
            if isinstance(params, RetentionParams):
                funding_end = period_end(grant.start, params.funding_months)
                retention_end = retention_last_day(grant.start, params)
                notes.append(
                    f"The end of federal funding ({params.funding_months} months) and of "
                    f"retention ({params.retention_months} months more) assume that federal "
                    "funding of every position starts on the first day of the period of "
                    f"performance ({grant.start.isoformat()}); a position filled later is "
                    f"funded and retained later. Rule {retention.rule.id}, {retention.label}: "
                    f"{retention.citation}"
                )
            else:
                notes.append(f"Retention dates are not computed: {retention.version.describe()}")
        closeout_due = None
        if self.closeout is not None and isinstance(self.closeout.params, CloseoutParams):
            days = self.closeout.params.report_days
            closeout_due = closeout_date(grant.end, self.closeout.params)
            notes.append(
                f"Final reports are due {days} calendar days after the period of performance "
                f"ends ({self.closeout.params.section}); the awarding agency may approve an "
                f"extension. Rule ug.closeout, {_label(self.closeout)}: {self.closeout_citation}"
            )
        else:
            notes.append(
                f"No closeout rule is recorded for {self.year} awards (the Uniform Guidance "
                "rule is recorded from FY2015), so no due date for final reports is computed."
            )
        return Decision.of(
            DecisionKind.AWARD,
            subject(grant.recipient),
            self.program,
            self.year,
            reasons,
            conditions=self.conditions,
            award_number=grant.award_number,
            funding_end=funding_end,
            retention_end=retention_end,
            closeout_due=closeout_due,
            notes=tuple(notes),
        )


def _conditions(book: RuleBook, program: Program, year: FiscalYear) -> Sequence[Condition]:
    out = []
    for condition in book.conditions:
        if condition.program != program.value:
            continue
        version = condition.version_for(year)
        if version is not None:
            out.append(
                Condition(
                    condition.id,
                    condition.kind,
                    condition.text,
                    book.sources_of(version),
                    f"{version.label}, {version.confidence.value}",
                )
            )
    return out


def plan(book: RuleBook, program: Program, year: FiscalYear, stage: RuleStage) -> Plan:
    """Return the cached plan of ``program`` in ``year`` for a check.

    Raises:
        RuleNotInForceError: If a rule the check uses has no version in force in ``year``,
            or the program has no rules.
    """
    result: Plan = book.cached(
        ("plan", program, year, stage), lambda: Plan(book, program, year, stage)
    )
    return result
