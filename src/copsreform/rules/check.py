"""Check eligibility and awards against the rules in force in a fiscal year.

:func:`check_eligibility` answers "can this applicant get this?", :func:`check_award`
"does this award follow its program's rules?", and :func:`eligibility_matrix` answers
the first question for many applicants and programs at once. Each returns
:class:`~copsreform.rules.Decision` records whose reasons cite their sources.

Examples:
    >>> from copsreform import (
    ...     Agency, AgencyType, CRIProgram, FiscalYear, Jurisdiction, check_eligibility)
    >>> bpd = Agency(name="Boston Police Department", state="MA", ori="MA0130100",
    ...              jurisdiction=Jurisdiction.LOCAL, agency_type=AgencyType.CITY)
    >>> d = check_eligibility(bpd, CRIProgram.CRITICAL_RESPONSE, fiscal_year=FiscalYear(2024))
    >>> d.status, [r.rule for r in d.reasons]
    (<Eligibility.ELIGIBLE: 'eligible'>, ['critical_response.applicant'])
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from copsreform.agency import Agency, Organization
from copsreform.errors import ArgumentTypeError, ValidationError
from copsreform.fiscal import FiscalYear
from copsreform.grant import Grant
from copsreform.programs import CRIProgram, GrantProgram
from copsreform.rules import _evaluate
from copsreform.rules.book import (
    CloseoutParams,
    RetentionParams,
    Rule,
    RuleBook,
    RuleKind,
    RuleStage,
)
from copsreform.rules.decision import Decision, Eligibility, Program, Reason, fold

__all__ = [
    "ASSUMABLE",
    "EligibilityMatrix",
    "check_award",
    "check_eligibility",
    "chp_retention_end",
    "closeout_due",
    "eligibility_matrix",
    "rule_parameters",
]


def _book(rules: RuleBook | None) -> RuleBook:
    if rules is None:
        return RuleBook.default()
    if not isinstance(rules, RuleBook):
        raise ArgumentTypeError.single("must be a RuleBook or None", rules, root="rules")
    return rules


def _program(program: object) -> Program:
    if not isinstance(program, CRIProgram | GrantProgram):
        raise ArgumentTypeError.single(
            "must be a CRIProgram or a GrantProgram", program, root="program"
        )
    return program


def _year(fiscal_year: object) -> FiscalYear:
    if not isinstance(fiscal_year, FiscalYear):
        raise ArgumentTypeError.single("must be a FiscalYear", fiscal_year, root="fiscal_year")
    return fiscal_year


def _applicant(applicant: object, root: str = "applicant") -> Agency | Organization:
    if not isinstance(applicant, Agency | Organization):
        raise ArgumentTypeError.single("must be an Agency or an Organization", applicant, root=root)
    return applicant


#: The applicant inputs a caller can assume with ``assume=``, when a record lacks them:
#: input name to what the value must be. No FBI agency table says whether an agency has
#: primary law enforcement authority, which the COPS Hiring Program requires.
ASSUMABLE: Final[Mapping[str, str]] = MappingProxyType(
    {"primary_law_enforcement_authority": "True or False"}
)


def _assumptions(assume: object) -> dict[str, bool]:
    """Check an ``assume`` argument: a mapping of assumable input names to booleans."""
    if assume is None:
        return {}
    if not isinstance(assume, Mapping):
        raise ValidationError.single(
            "must be a mapping of input name to assumed value", assume, root="assume"
        )
    checked: dict[str, bool] = {}
    for name, value in assume.items():
        if name not in ASSUMABLE:
            allowed = ", ".join(repr(n) for n in ASSUMABLE)
            raise ValidationError.single(
                f"is not an input that can be assumed (one of {allowed})", name, root="assume"
            )
        if not isinstance(value, bool):
            raise ValidationError.single(
                f"must be {ASSUMABLE[name]}", value, (name,), root="assume"
            )
        checked[name] = value
    return checked


def _used(applicant: Agency | Organization, assumed: Mapping[str, bool]) -> tuple[str, ...]:
    """The assumed inputs that ``applicant``'s record lacks (an agency's ``None`` fields).

    A recorded value always wins over an assumption; an organisation record carries no
    primary law enforcement authority to assume.
    """
    if not assumed or type(applicant) is not Agency:
        return ()
    return tuple(n for n in assumed if getattr(applicant, n) is None)


def _with_assumptions(
    plan: "_evaluate.Plan", sig: "_evaluate.Signature", values: tuple[tuple[str, bool], ...]
) -> "_evaluate.Verdict":
    """The verdict for an agency signature with assumed values, marking what rests on them.

    The verdict is computed with the assumed values in place; a reason whose rule, on the
    recorded data, was missing an assumed input is marked as resting on that assumption.
    """
    recorded = plan.verdict(sig)
    jurisdiction, campus, _ = sig
    assumed_sig = (jurisdiction, campus, dict(values)["primary_law_enforcement_authority"])
    reasons: list[Reason] = []
    for before, after in zip(recorded.reasons, plan.verdict(assumed_sig).reasons, strict=True):
        names = tuple(n for n, _ in values if n in before.missing)
        if not names:
            reasons.append(after)
            continue
        stated = ", ".join(f"{n}={v}" for n, v in values if n in names)
        reasons.append(
            attrs.evolve(
                after, message=f"{after.message} (assumed, not recorded: {stated})", assumed=names
            )
        )
    status, missing = fold(reasons)
    return _evaluate.Verdict(status, tuple(reasons), missing)


def check_eligibility(
    applicant: Agency | Organization,
    program: Program,
    *,
    fiscal_year: FiscalYear,
    rules: RuleBook | None = None,
    assume: Mapping[str, bool] | None = None,
) -> Decision:
    """Decide whether an applicant can apply to a program in a fiscal year, and why.

    The rules checked are the program's applicant rule (who may apply) and its other
    eligibility rules (the COPS Hiring Program's primary law enforcement authority).
    Conditions the applicant certifies or the solicitation scores are listed on the
    decision, not decided.

    A program whose ``offered`` rule says it did not run in ``fiscal_year`` (the COPS
    Hiring Program before FY2009, Critical Response before FY2022, the 2011-2017
    Collaborative Reform after FY2017) answers ``INELIGIBLE`` with that one reason,
    which names the program of those years; a year in which whether it ran is unknown
    answers ``UNDETERMINED`` and checks the rules recorded for that year.

    Args:
        applicant: An :class:`~copsreform.Agency`, or an :class:`~copsreform.Organization`
            (a city, school district, tribe or nonprofit) whose ``kind`` says what it is.
        program: A :class:`~copsreform.CRIProgram` or :class:`~copsreform.GrantProgram`.
        fiscal_year: The fiscal year whose rules apply.
        rules: A rule book; the shipped one by default.
        assume: Values to assume for inputs the record lacks, by name (see
            :data:`ASSUMABLE`): ``{"primary_law_enforcement_authority": True}`` decides
            the COPS Hiring Program for an agency whose record does not say. A recorded
            value always wins. The reasons that rest on an assumption say so (their
            ``assumed`` field and message), as do the decision's ``assumed`` field and
            the first line of :meth:`~copsreform.rules.Decision.explain`.

    Returns:
        The decision: ``INELIGIBLE`` if any rule failed, ``UNDETERMINED`` if none failed
        but some could not be decided (naming the missing inputs), else ``ELIGIBLE``.

    Raises:
        RuleNotInForceError: If a rule of the program has no version in force in
            ``fiscal_year`` (such as the Anti-Methamphetamine Program before FY2019), or
            the book has no rules for the program; the message names the rule, whose id
            starts with the program, and the year. The COPS Hiring Program answers for
            every year from FY1995 and the Collaborative Reform programs from FY1995.
        ArgumentTypeError: If an argument has the wrong type (a TypeError and a
            ValidationError).
        ValidationError: If ``assume`` names an input that cannot be assumed or gives it
            a value of the wrong type.

    Examples:
        >>> from copsreform import (
        ...     Agency, AgencyType, FiscalYear, GrantProgram, Jurisdiction, check_eligibility)
        >>> agency = Agency(name="Example Police Department", state="OH",
        ...                 jurisdiction=Jurisdiction.LOCAL, agency_type=AgencyType.CITY)
        >>> d = check_eligibility(agency, GrantProgram.CHP, fiscal_year=FiscalYear(2025))
        >>> d.status.value, d.missing
        ('undetermined', ('primary_law_enforcement_authority',))
        >>> d = check_eligibility(agency, GrantProgram.CHP, fiscal_year=FiscalYear(2025),
        ...                       assume={"primary_law_enforcement_authority": True})
        >>> d.status.value, d.assumed, d.reasons[-1].message
        ('eligible', ('primary_law_enforcement_authority',), 'the agency has primary law enforcement authority (assumed, not recorded: primary_law_enforcement_authority=True)')
        >>> [c.id for c in d.conditions]
        ['chp.non_supplanting', 'chp.retention_commitment', 'chp.application_plan', 'chp.usc_1373']
        >>> old = check_eligibility(agency, GrantProgram.CHP, fiscal_year=FiscalYear(2003))
        >>> old.status.value, old.reasons[0].rule
        ('ineligible', 'chp.offered')
        >>> check_eligibility(agency, GrantProgram.CAMP, fiscal_year=FiscalYear(2012))
        Traceback (most recent call last):
        ...
        copsreform.errors.RuleNotInForceError: rule 'camp.applicant' has no version in force for FY2012
    """
    who = _applicant(applicant)
    chosen = _program(program)
    year = _year(fiscal_year)
    assumed = _assumptions(assume)
    plan = _evaluate.plan(_book(rules), chosen, year, RuleStage.ELIGIBILITY)
    used = _used(who, assumed)
    if not used:
        return plan.eligibility(who)
    values = tuple((n, assumed[n]) for n in used)
    verdict = _with_assumptions(plan, _evaluate.signature(who), values)
    return plan.decision(verdict, _evaluate.subject(who))


def check_award(grant: Grant, *, rules: RuleBook | None = None) -> Decision:
    """Decide whether an award follows its program's rules, and compute its dates.

    The rule versions are those of the award's fiscal year, the one its award number
    encodes. The rules checked are the program's applicant rule (applied to the
    recipient) and its award rules (share, match, amount per position, ceiling or floor,
    period of performance, positions requested). Eligibility rules that need facts an
    award record does not carry (primary law enforcement authority) are left to
    :func:`check_eligibility`.

    Amount rules take the record at face value, with two exceptions that answer
    ``UNKNOWN`` instead of guessing: a federal amount that is zero or negative (a
    USAspending net obligation, not the amount awarded), and a local match of zero
    without a waiver (a source that does not report matches shows zero).

    The decision also carries computed dates: for a COPS Hiring Program award the end of
    federal funding and of retention (assuming funding starts on the first day of the
    period of performance), and for every award the day final reports are due under the
    Uniform Guidance.

    Args:
        grant: The award.
        rules: A rule book; the shipped one by default.

    Returns:
        The decision (``ELIGIBLE`` meaning the award follows every rule checked).

    Raises:
        RuleNotInForceError: If a rule of the program has no version in force in the
            award's fiscal year, or the book has no rules for the program.
        ArgumentTypeError: If ``grant`` is not a :class:`~copsreform.Grant`.

    Examples:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from copsreform import (
        ...     Agency, AgencyType, Grant, GrantProgram, Jurisdiction, check_award)
        >>> sv = Agency(name="Spokane Valley Police Department", state="WA",
        ...             jurisdiction=Jurisdiction.LOCAL, agency_type=AgencyType.CITY)
        >>> grant = Grant(award_number="15JCOPS-24-GG-03715-UHPX", program=GrantProgram.CHP,
        ...               recipient=sv, federal_amount=Decimal("1250000"), positions=10,
        ...               local_match=Decimal("416667"), start=date(2024, 10, 1),
        ...               end=date(2029, 9, 30))
        >>> d = check_award(grant)
        >>> d.status.value, d.retention_end, d.closeout_due
        ('eligible', datetime.date(2028, 9, 30), datetime.date(2030, 1, 28))
    """
    if not isinstance(grant, Grant):
        raise ArgumentTypeError.single("must be a Grant", grant, root="grant")
    book = _book(rules)
    return _evaluate.plan(book, grant.program, grant.fiscal_year, RuleStage.AWARD).award(grant)


def chp_retention_end(grant: Grant, *, rules: RuleBook | None = None) -> dt.date:
    """Return the last day a COPS Hiring Program award's positions must be retained.

    Each position is funded for 36 months and kept with local funds for 12 more. The
    date assumes funding starts on the first day of the period of performance; a
    position filled later must be kept later.

    Args:
        grant: A COPS Hiring Program award.
        rules: A rule book; the shipped one by default.

    Returns:
        The last day of retention.

    Raises:
        RuleNotInForceError: If no retention rule is in force in the award's fiscal year.
        ValidationError: If ``grant`` is not a COPS Hiring Program award.

    Examples:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from copsreform import Grant, GrantProgram, Organization, chp_retention_end
        >>> g = Grant(award_number="15JCOPS-25-GG-01001-MUMU", program=GrantProgram.CHP,
        ...           recipient=Organization(name="CITY OF DALLAS", state="TX"),
        ...           federal_amount=Decimal("6250000"), start=date(2025, 10, 1),
        ...           end=date(2030, 9, 30))
        >>> chp_retention_end(g)
        datetime.date(2029, 9, 30)
    """
    if not isinstance(grant, Grant) or grant.program is not GrantProgram.CHP:
        raise ValidationError.single("must be a COPS Hiring Program Grant", grant, root="grant")
    version = _book(rules).rule("chp.retention").version_for(grant.fiscal_year)
    if not isinstance(version.params, RetentionParams):
        raise ValidationError.single(
            f"has no retention period for {grant.fiscal_year}: {version.describe()}",
            str(grant.fiscal_year),
            root="chp.retention",
        )
    return _evaluate.retention_last_day(grant.start, version.params)


def closeout_due(grant: Grant, *, rules: RuleBook | None = None) -> dt.date:
    """Return the day by which an award's final reports are due (2 CFR 200.344(b)).

    Under the Uniform Guidance as revised in 2024 (effective 1 October 2024), a recipient
    submits all final reports no later than 120 calendar days after the period of
    performance ends; so did the 2020 revision, and the 2014 guidance allowed 90 days.
    The version is chosen by the award's fiscal year. The awarding agency may approve an
    extension.

    Args:
        grant: The award.
        rules: A rule book; the shipped one by default.

    Returns:
        The due date.

    Raises:
        RuleNotInForceError: If no closeout rule is in force in the award's fiscal year
            (awards before FY2015).
        ArgumentTypeError: If ``grant`` is not a :class:`~copsreform.Grant`.

    Examples:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from copsreform import Grant, GrantProgram, Organization, closeout_due
        >>> g = Grant(award_number="2016UMWX0001", program=GrantProgram.CHP,
        ...           recipient=Organization(name="CITY OF EXAMPLE"),
        ...           federal_amount=Decimal("125000"), start=date(2016, 9, 1),
        ...           end=date(2019, 8, 31))
        >>> closeout_due(g)
        datetime.date(2019, 11, 29)
    """
    if not isinstance(grant, Grant):
        raise ArgumentTypeError.single("must be a Grant", grant, root="grant")
    book = _book(rules)
    rule = book.cross_program(RuleKind.CLOSEOUT)
    if rule is None:
        raise ValidationError.single("has no closeout rule", root="rules")
    version = rule.version_for(grant.fiscal_year)
    if not isinstance(version.params, CloseoutParams):
        raise ValidationError.single(
            f"has no closeout period for {grant.fiscal_year}: {version.describe()}",
            str(grant.fiscal_year),
            root=rule.id,
        )
    return _evaluate.closeout_date(grant.end, version.params)


def rule_parameters(rules: RuleBook | None = None) -> tuple[Rule, ...]:
    """Return every rule with its versions, parameters and sources.

    The book's :attr:`~copsreform.rules.RuleBook.conditions` and
    :attr:`~copsreform.rules.RuleBook.sources` complete the picture; the documentation's
    rule tables are generated from them.

    Args:
        rules: A rule book; the shipped one by default.

    Returns:
        The rules, in the order of the book.

    Examples:
        >>> from copsreform import rule_parameters
        >>> for version in next(r for r in rule_parameters() if r.id == "chp.award_ceiling").versions:
        ...     print(version.label, version.status.value, version.confidence.value, version.describe()[:40])
        FY2009 unknown verified value unknown: the sources give no award
        FY2010-FY2021 unknown verified value unknown: the sources give no award
        FY2022 in_force inferred $6,250,000.00
        FY2023 in_force inferred $6,250,000.00
        FY2024 in_force inferred $6,250,000.00
        FY2025 in_force inferred $6,250,000.00
    """
    return _book(rules).rules


def _read_only(values: Mapping[str, bool]) -> Mapping[str, bool]:
    return MappingProxyType(dict(values))


@attrs.frozen
class EligibilityMatrix:
    """Eligibility of many applicants for many programs in one fiscal year.

    Built by :func:`eligibility_matrix`. Each cell holds the verdict of one applicant for
    one program; :meth:`decision` builds the full :class:`~copsreform.rules.Decision` of a
    cell on demand, and iterating yields every decision, row by row.

    Attributes:
        applicants: The applicants, in the order given (the rows).
        programs: The programs, in the order given (the columns).
        fiscal_year: The fiscal year applied.
        assume: The values assumed for inputs a record lacks (see
            :func:`eligibility_matrix`); empty when none.

    Examples:
        >>> from copsreform import (
        ...     Agency, AgencyType, CRIProgram, Eligibility, FiscalYear, Jurisdiction, eligibility_matrix)
        >>> park = Agency(name="U S Park Police", state="DC", ori="DCPPD0000",
        ...               jurisdiction=Jurisdiction.FEDERAL, agency_type=AgencyType.FEDERAL)
        >>> m = eligibility_matrix([park], list(CRIProgram), fiscal_year=FiscalYear(2024))
        >>> [m.status(0, p).value for p in m.programs]
        ['ineligible', 'ineligible', 'ineligible', 'ineligible', 'ineligible']
        >>> len(m), m.counts()[CRIProgram.CRI_TAC][Eligibility.INELIGIBLE]
        (5, 1)
    """

    applicants: tuple[Agency | Organization, ...]
    programs: tuple[Program, ...]
    fiscal_year: FiscalYear
    assume: Mapping[str, bool] = attrs.field(factory=dict, converter=_read_only)
    _plans: "tuple[_evaluate.Plan, ...]" = attrs.field(init=False, repr=False, eq=False)
    _cells: "tuple[tuple[_evaluate.Verdict, ...], ...]" = attrs.field(init=False, repr=False)
    _columns: Mapping[Program, int] = attrs.field(init=False, repr=False, eq=False)

    @classmethod
    def _build(
        cls,
        applicants: tuple[Agency | Organization, ...],
        programs: tuple[Program, ...],
        fiscal_year: FiscalYear,
        plans: "tuple[_evaluate.Plan, ...]",
        cells: "tuple[tuple[_evaluate.Verdict, ...], ...]",
        *,
        assume: Mapping[str, bool],
    ) -> "EligibilityMatrix":
        matrix = cls(applicants, programs, fiscal_year, assume)
        object.__setattr__(matrix, "_plans", plans)
        object.__setattr__(matrix, "_cells", cells)
        object.__setattr__(
            matrix, "_columns", MappingProxyType({p: i for i, p in enumerate(programs)})
        )
        return matrix

    def _column(self, program: Program) -> int:
        try:
            return self._columns[program]
        except KeyError:
            raise ValidationError.single(
                "must be one of the matrix's programs", program, root="program"
            ) from None

    def status(self, row: int, program: Program) -> Eligibility:
        """Return the status of the applicant at ``row`` for ``program``."""
        return self._cells[row][self._column(program)].status

    def decision(self, row: int, program: Program) -> Decision:
        """Return the full decision of the applicant at ``row`` for ``program``."""
        column = self._column(program)
        applicant = self.applicants[row]
        return self._plans[column].decision(self._cells[row][column], _evaluate.subject(applicant))

    def assumed(self, row: int, program: Program) -> tuple[str, ...]:
        """Return the inputs the status at ``row`` for ``program`` assumed (empty if none)."""
        reasons = self._cells[row][self._column(program)].reasons
        return tuple(dict.fromkeys(n for r in reasons for n in r.assumed))

    def column(self, program: Program) -> tuple[Eligibility, ...]:
        """Return the status of every applicant for ``program``, in row order."""
        column = self._column(program)
        return tuple(row[column].status for row in self._cells)

    def eligible(self, program: Program) -> tuple[Agency | Organization, ...]:
        """Return the applicants that are ``ELIGIBLE`` for ``program``."""
        column = self._column(program)
        return tuple(
            a
            for a, row in zip(self.applicants, self._cells, strict=True)
            if row[column].status is Eligibility.ELIGIBLE
        )

    def counts(self) -> dict[Program, Counter[Eligibility]]:
        """Return, for each program, how many applicants have each status."""
        return {
            program: Counter(row[i].status for row in self._cells)
            for i, program in enumerate(self.programs)
        }

    def __iter__(self) -> Iterator[Decision]:
        plans = self._plans
        for applicant, row in zip(self.applicants, self._cells, strict=True):
            who = _evaluate.subject(applicant)
            for plan, verdict in zip(plans, row, strict=True):
                yield plan.decision(verdict, who)

    def __len__(self) -> int:
        return len(self.applicants) * len(self.programs)


def eligibility_matrix(
    applicants: Iterable[Agency | Organization],
    programs: Iterable[Program],
    *,
    fiscal_year: FiscalYear,
    rules: RuleBook | None = None,
    assume: Mapping[str, bool] | None = None,
) -> EligibilityMatrix:
    """Check many applicants against many programs in one fiscal year.

    Each program's rules are compiled once, and each distinct combination of the facts
    eligibility rules read (jurisdiction, campus type, primary law enforcement authority,
    or an organisation's kind) is decided once per program, so the FBI's list of 23,243
    agencies against every program takes well under a second.

    Args:
        applicants: Agencies and organisations.
        programs: The programs (columns).
        fiscal_year: The fiscal year whose rules apply.
        rules: A rule book; the shipped one by default.
        assume: Values to assume for inputs a record lacks, as for
            :func:`check_eligibility`; applied to each agency whose record lacks them.
            :meth:`EligibilityMatrix.assumed` tells which cells rest on an assumption.

    Returns:
        The matrix.

    Raises:
        RuleNotInForceError: If a rule of one of the programs has no version in force.
        ArgumentTypeError: If an applicant, program or the year has the wrong type.

    Examples:
        >>> from copsreform import (
        ...     Agency, AgencyType, FiscalYear, GrantProgram, Jurisdiction, eligibility_matrix)
        >>> police = Agency(name="Example State Police", state="OH",
        ...                 jurisdiction=Jurisdiction.STATE, agency_type=AgencyType.STATE_POLICE)
        >>> m = eligibility_matrix([police], [GrantProgram.CAMP, GrantProgram.TRGP],
        ...                        fiscal_year=FiscalYear(2024))
        >>> m.status(0, GrantProgram.CAMP).value, m.status(0, GrantProgram.TRGP).value
        ('eligible', 'ineligible')
        >>> m = eligibility_matrix([police], [GrantProgram.CHP], fiscal_year=FiscalYear(2024),
        ...                        assume={"primary_law_enforcement_authority": True})
        >>> m.status(0, GrantProgram.CHP).value, m.assumed(0, GrantProgram.CHP)
        ('eligible', ('primary_law_enforcement_authority',))
    """
    year = _year(fiscal_year)
    assumed = _assumptions(assume)
    book = _book(rules)
    chosen = tuple(dict.fromkeys(_program(p) for p in programs))
    plans = tuple(_evaluate.plan(book, p, year, RuleStage.ELIGIBILITY) for p in chosen)
    rows = tuple(_applicant(a, root=f"applicants[{i}]") for i, a in enumerate(applicants))
    signature = _evaluate.signature
    rows_of_verdicts: dict[tuple[object, ...], tuple[_evaluate.Verdict, ...]] = {}
    cells = []
    for applicant in rows:
        sig = signature(applicant)
        values = tuple((n, assumed[n]) for n in _used(applicant, assumed))
        key = (sig, values)
        verdicts = rows_of_verdicts.get(key)
        if verdicts is None:
            verdicts = rows_of_verdicts[key] = tuple(
                _with_assumptions(plan, sig, values) if values else plan.verdict(sig)
                for plan in plans
            )
        cells.append(verdicts)
    return EligibilityMatrix._build(rows, chosen, year, plans, tuple(cells), assume=assumed)
