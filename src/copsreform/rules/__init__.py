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
value no source gives, and ``ELIGIBLE`` when every rule passes. Every reason and
condition carries its sources as :class:`Source` records (id, title, URLs, official or
not). A program's ``offered`` rule answers for the years it did not run (an applicant
could not get it; the reason names the program of those years). A fiscal year without a
rule version in force raises :class:`~copsreform.errors.RuleNotInForceError`.

Rules recorded (programs without rules here raise
:class:`~copsreform.errors.RuleNotInForceError`): the five Collaborative Reform
programs, each answering for every year from FY1995 (the 2011-2017 Collaborative
Reform and Critical Response Technical Assistance, CRI-TAC from FY2018, the
reestablished Critical Response and Organizational Assessment from FY2022); the COPS
Hiring Program for every year from FY1995 (its own rules from FY2009, the Recovery Act
round, to FY2025; before FY2009 it did not run under that name); the Tribal Resources Grant Program from FY2010; the Anti-Methamphetamine and
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
          reestablished program); sources S4, S8, CRI-2022, S9, S1, S5
    <BLANKLINE>
    Conditions (listed with their sources, not decided here):
    ...
    Sources:
      S4 (official): COPS Office: Critical Response program page
        <http://cops.usdoj.gov/criticalresponse> <https://cops.usdoj.gov/node/378>
    ...
      S1 (not official): DOJ press release, 2024-08-08: technical assistance to the Boston Police
        Department under the COPS Office Collaborative Reform Initiative (EIN Presswire copy)
    ...
    >>> [(s.id, s.official) for s in d.reasons[0].sources][:2]
    [('S4', True), ('S8', True)]
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
    is_official_url,
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
    "is_official_url",
    "rule_parameters",
]
