"""Eligibility and award rules as code: dated, sourced, explainable.

People use copsreform to answer "can this agency get this?" and "does this award follow
its program's rules?". Program rules change by fiscal year, so every answer is a
:class:`Decision` that carries one :class:`Reason` per rule checked, each with the rule
version applied and its public source, and the conditions the applicant certifies or
the solicitation scores competitively, listed with their sources but not decided.

* :func:`check_eligibility`: an applicant against a program in a fiscal year.
* :func:`check_award`: an award against its program's rules in the fiscal year its award
  number encodes, with its computed dates (COPS Hiring Program retention, closeout).
* :func:`eligibility_matrix`: many applicants against many programs at once.
* :class:`RuleBook`: the effective-dated rule data, loaded on first use from
  ``copsreform/data/rules.json``; :func:`rule_parameters` lists every rule.

Decisions follow three-valued logic: ``INELIGIBLE`` when any rule fails, ``UNDETERMINED``
when none fails but a rule lacks an input (named in :attr:`Decision.missing`) or a
value no source gives, and ``ELIGIBLE`` when every rule passes. A fiscal year without a
rule version in force raises :class:`~copsreform.errors.RuleNotInForceError`.

Rules recorded (programs without rules here raise
:class:`~copsreform.errors.RuleNotInForceError`): the three Collaborative Reform
programs; the COPS Hiring Program for FY2009 (the Recovery Act round) and FY2015 to
FY2025; the Tribal Resources Grant Program from FY2010; the Anti-Methamphetamine and
Anti-Heroin Task Force programs from FY2019; the School Violence Prevention Program for
FY2021 to FY2025; Community Policing Development Microgrants from FY2022; and Law
Enforcement Mental Health and Wellness Act grants from FY2019. Where the sources are
unsure the rule says so, in its version's confidence and note, and answers ``UNKNOWN``
rather than deciding.

Examples:
    >>> from copsreform import Agency, AgencyType, CRIProgram, FiscalYear, Jurisdiction
    >>> from copsreform.rules import check_eligibility
    >>> bpd = Agency(name="Boston Police Department", state="MA", ori="MA0130100",
    ...              jurisdiction=Jurisdiction.LOCAL, agency_type=AgencyType.CITY)
    >>> d = check_eligibility(bpd, CRIProgram.CRITICAL_RESPONSE, fiscal_year=FiscalYear(2024))
    >>> d.eligible
    True
    >>> print(d.explain())  # doctest: +ELLIPSIS
    Boston Police Department (MA0130100): ELIGIBLE for Critical Response, FY2024
    <BLANKLINE>
    Rules (1):
      [passed] critical_response.applicant: the applicant is a local law enforcement agency, which may
        apply (eligible: state law enforcement agencies, local law enforcement agencies, territorial law
        enforcement agencies, tribal law enforcement agencies)
        version FY2022 onward, verified (the first year is that of the March 2022 announcement of the
          three-program initiative); sources S1, S4, S5, S8
    <BLANKLINE>
    Conditions (listed with their sources, not decided here):
      - critical_response.request (certified): The agency requests the assistance; every level of the
        initiative is voluntary.
        version FY2022 onward, verified; sources S8, S9
      - critical_response.situation (certified): The agency has recently had a critical incident, or has
        identified an issue of significant community concern (a high-profile event, major incident or
        sensitive issue).
        version FY2022 onward, verified; sources S4, S5
    <BLANKLINE>
    Sources:
      S1: DOJ press release, 2024-08-08: technical assistance to the Boston Police Department under the
        COPS Office Collaborative Reform Initiative (EIN Presswire copy)
    ...
      S9: COPS Office Community Policing Dispatch, May 2022: technical assistance expansion
        <https://cops.usdoj.gov/html/dispatch/05-2022/technical_assistance_expansion.html>
"""

from copsreform.rules.book import (
    AmountParams,
    ApplicantClass,
    ApplicantParams,
    CloseoutParams,
    ConditionRule,
    Confidence,
    MatchParams,
    NoParams,
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
    Source,
    VersionStatus,
)
from copsreform.rules.check import (
    ASSUMABLE,
    EligibilityMatrix,
    check_award,
    check_eligibility,
    chp_retention_end,
    closeout_due,
    eligibility_matrix,
    rule_parameters,
)
from copsreform.rules.decision import (
    Condition,
    ConditionKind,
    Decision,
    DecisionKind,
    Eligibility,
    Outcome,
    Program,
    Reason,
)

__all__ = [
    "ASSUMABLE",
    "AmountParams",
    "ApplicantClass",
    "ApplicantParams",
    "CloseoutParams",
    "Condition",
    "ConditionKind",
    "ConditionRule",
    "Confidence",
    "Decision",
    "DecisionKind",
    "Eligibility",
    "EligibilityMatrix",
    "MatchParams",
    "NoParams",
    "Outcome",
    "Params",
    "PerPositionParams",
    "PeriodParams",
    "Program",
    "Reason",
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
    "check_award",
    "check_eligibility",
    "chp_retention_end",
    "closeout_due",
    "eligibility_matrix",
    "rule_parameters",
]
