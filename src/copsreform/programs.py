"""The COPS programs: Collaborative Reform Initiative programs, TA categories, grant programs.

Enum members are UPPER_CASE; their values are the stable lower-case strings the data
format writes.

Sources:
    * The Collaborative Reform Initiative's three programs and the three Critical Response
      categories: the COPS Office press release of 8 August 2024 on the Boston Police
      Department (https://www.einpresswire.com/article/734178115/) and
      https://cops.usdoj.gov/criticalresponse.
    * Grant programs and their Assistance Listings: the federal program inventory
      (GitHub EOP-OMB/federal-program-inventory, ``website/_program/16.710.md`` and
      16.068 to 16.073).

Examples:
    >>> from copsreform import CRIProgram, GrantProgram, TACategory
    >>> CRIProgram.CRITICAL_RESPONSE.value
    'critical_response'
    >>> GrantProgram("svpp")
    <GrantProgram.SVPP: 'svpp'>
    >>> GrantProgram.CHP.title
    'COPS Hiring Program'
    >>> GrantProgram.CHP.assistance_listing
    '16.068'
    >>> TACategory.AFTER_ACTION_REVIEW.title
    'After-action review'
"""

import enum
from typing import Final

__all__ = ["COPS_UMBRELLA_LISTING", "CRIProgram", "GrantProgram", "TACategory"]

#: The Assistance Listing that COPS awards have carried since 1994: "Public Safety
#: Partnership and Community Policing Grants".
COPS_UMBRELLA_LISTING: Final = "16.710"


class CRIProgram(enum.Enum):
    """The three programs of the Collaborative Reform Initiative.

    Examples:
        >>> from copsreform import CRIProgram
        >>> [p.value for p in CRIProgram]
        ['cri_tac', 'critical_response', 'organizational_assessment']
        >>> CRIProgram.CRI_TAC.title
        'Collaborative Reform Initiative Technical Assistance Center (CRI-TAC)'
    """

    #: Short-term, customisable training and TA on 60+ topics, led by the IACP.
    CRI_TAC = "cri_tac"
    #: Targeted TA for agencies facing a high-profile event, major incident or sensitive issue.
    CRITICAL_RESPONSE = "critical_response"
    #: The most comprehensive, long-term tier: assessment, recommendations, public status reports.
    ORGANIZATIONAL_ASSESSMENT = "organizational_assessment"

    @property
    def title(self) -> str:
        """The program's name as the COPS Office writes it."""
        return _CRI_TITLES[self]


_CRI_TITLES: Final = {
    CRIProgram.CRI_TAC: "Collaborative Reform Initiative Technical Assistance Center (CRI-TAC)",
    CRIProgram.CRITICAL_RESPONSE: "Critical Response",
    CRIProgram.ORGANIZATIONAL_ASSESSMENT: "Organizational Assessment",
}


class TACategory(enum.Enum):
    """The three categories of Critical Response technical assistance.

    From the 2024 Boston release: "(1) immediate delivery of TA to address a pressing and
    acute need, (2) data analysis, and (3) after-action reviews".

    Examples:
        >>> from copsreform import TACategory
        >>> TACategory("data_analysis")
        <TACategory.DATA_ANALYSIS: 'data_analysis'>
    """

    #: Immediate delivery of TA to address a pressing and acute need.
    IMMEDIATE_ASSISTANCE = "immediate_assistance"
    #: Data analysis (racial profiling, use of force, traffic stops, arrests, staffing).
    DATA_ANALYSIS = "data_analysis"
    #: After-action review of a response to a critical incident or issue.
    AFTER_ACTION_REVIEW = "after_action_review"

    @property
    def title(self) -> str:
        """A short readable name."""
        return _TA_TITLES[self]


_TA_TITLES: Final = {
    TACategory.IMMEDIATE_ASSISTANCE: "Immediate assistance",
    TACategory.DATA_ANALYSIS: "Data analysis",
    TACategory.AFTER_ACTION_REVIEW: "After-action review",
}


class GrantProgram(enum.Enum):
    """COPS grant programs. Values are the programs' lower-case acronyms.

    ``UNKNOWN`` is for records whose program no source field decides (an importer keeps
    such a record rather than guessing).

    Examples:
        >>> from copsreform import GrantProgram
        >>> GrantProgram.SAFER_OUTCOMES.value
        'safer_outcomes'
        >>> GrantProgram.TRGP.assistance_listing
        '16.710'
    """

    #: COPS Hiring Program.
    CHP = "chp"
    #: Community Policing Development.
    CPD = "cpd"
    #: Community Policing Development Microgrants, a CPD solicitation with its own rules.
    CPD_MICROGRANTS = "cpd_microgrants"
    #: Tribal Resources Grant Program (through CTAS Purpose Area 1).
    TRGP = "trgp"
    #: Law Enforcement Mental Health and Wellness Act grants.
    LEMHWA = "lemhwa"
    #: School Violence Prevention Program.
    SVPP = "svpp"
    #: COPS Anti-Methamphetamine Program.
    CAMP = "camp"
    #: COPS Anti-Heroin Task Force Program.
    AHTF = "ahtf"
    #: Preparing for Active Shooter Situations.
    PASS = "pass"  # noqa: S105 - the program's acronym, not a password
    #: Safer Outcomes: Enhancing De-Escalation and Crisis Response Training for Law Enforcement.
    SAFER_OUTCOMES = "safer_outcomes"
    #: COPS Technology and Equipment Program (congressionally directed awards).
    TECHNOLOGY = "technology"
    #: Cooperative agreements that fund Collaborative Reform Initiative providers.
    CRI = "cri"
    #: No source field decides the program.
    UNKNOWN = "unknown"

    @property
    def title(self) -> str:
        """The program's name."""
        return _GRANT_TITLES[self]

    @property
    def assistance_listing(self) -> str:
        """The program's own Assistance Listing: 16.068 to 16.073 from FY2025, else 16.710."""
        return _OWN_LISTING.get(self, COPS_UMBRELLA_LISTING)


_GRANT_TITLES: Final = {
    GrantProgram.CHP: "COPS Hiring Program",
    GrantProgram.CPD: "Community Policing Development",
    GrantProgram.CPD_MICROGRANTS: "Community Policing Development Microgrants",
    GrantProgram.TRGP: "Tribal Resources Grant Program",
    GrantProgram.LEMHWA: "Law Enforcement Mental Health and Wellness Act",
    GrantProgram.SVPP: "School Violence Prevention Program",
    GrantProgram.CAMP: "COPS Anti-Methamphetamine Program",
    GrantProgram.AHTF: "COPS Anti-Heroin Task Force Program",
    GrantProgram.PASS: "Preparing for Active Shooter Situations",
    GrantProgram.SAFER_OUTCOMES: (
        "Safer Outcomes: Enhancing De-Escalation and Crisis Response Training for Law Enforcement"
    ),
    GrantProgram.TECHNOLOGY: "COPS Technology and Equipment Program",
    GrantProgram.CRI: "Collaborative Reform Initiative",
    GrantProgram.UNKNOWN: "Unknown COPS program",
}

_OWN_LISTING: Final = {
    GrantProgram.CHP: "16.068",
    GrantProgram.PASS: "16.069",
    GrantProgram.LEMHWA: "16.070",
    GrantProgram.SVPP: "16.071",
    GrantProgram.CAMP: "16.072",
    GrantProgram.AHTF: "16.073",
}
