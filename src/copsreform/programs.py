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
    """The programs of the Collaborative Reform Initiative: today's three and the 2011-2017 two.

    Examples:
        >>> from copsreform import CRIProgram
        >>> [p.value for p in CRIProgram]
        ['cri_tac', 'critical_response', 'organizational_assessment', 'collaborative_reform',
         'critical_response_ta']
        >>> CRIProgram.CRI_TAC.title
        'Collaborative Reform Initiative Technical Assistance Center (CRI-TAC)'
    """

    #: Short-term, customisable training and TA on 60+ topics, led by the IACP.
    CRI_TAC = "cri_tac"
    #: Targeted TA for agencies facing a high-profile event, major incident or sensitive issue.
    CRITICAL_RESPONSE = "critical_response"
    #: The most comprehensive, long-term tier: assessment, recommendations, public status reports.
    ORGANIZATIONAL_ASSESSMENT = "organizational_assessment"
    #: 2011 to 2017: Collaborative Reform Initiative for Technical Assistance (CRI-TA)
    #: assessments: long-term, comprehensive reviews with public reports.
    COLLABORATIVE_REFORM = "collaborative_reform"
    #: 2011 to 2017: Critical Response Technical Assistance: reviews of a critical incident
    #: or acute need (e.g. Ferguson 2014, San Bernardino 2015, Orlando 2016).
    CRITICAL_RESPONSE_TA = "critical_response_ta"

    @property
    def title(self) -> str:
        """The program's name as the COPS Office writes it."""
        return _CRI_TITLES[self]

    @property
    def active_years(self) -> tuple[int, int | None]:
        """The first and last calendar year the program took engagements (None: still open).

        Examples:
            >>> from copsreform import CRIProgram
            >>> CRIProgram.COLLABORATIVE_REFORM.active_years
            (2011, 2017)
            >>> CRIProgram.ORGANIZATIONAL_ASSESSMENT.active_years
            (2022, None)
        """
        return _CRI_YEARS[self]


_CRI_TITLES: Final = {
    CRIProgram.CRI_TAC: "Collaborative Reform Initiative Technical Assistance Center (CRI-TAC)",
    CRIProgram.CRITICAL_RESPONSE: "Critical Response",
    CRIProgram.ORGANIZATIONAL_ASSESSMENT: "Organizational Assessment",
    CRIProgram.COLLABORATIVE_REFORM: "Collaborative Reform Initiative for Technical Assistance (CRI-TA)",
    CRIProgram.CRITICAL_RESPONSE_TA: "Critical Response Technical Assistance",
}

_CRI_YEARS: Final[dict[CRIProgram, tuple[int, int | None]]] = {
    CRIProgram.CRI_TAC: (2017, None),
    CRIProgram.CRITICAL_RESPONSE: (2022, None),
    CRIProgram.ORGANIZATIONAL_ASSESSMENT: (2022, None),
    CRIProgram.COLLABORATIVE_REFORM: (2011, 2017),
    CRIProgram.CRITICAL_RESPONSE_TA: (2011, 2017),
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
    #: COPS FAST (Funding Accelerated for Smaller Towns): hiring for jurisdictions under
    #: 50,000 people; one round, FY1995.
    FAST = "fast"
    #: COPS AHEAD (Accelerated Hiring, Education and Deployment): hiring for jurisdictions
    #: of 50,000 or more; FY1995.
    AHEAD = "ahead"
    #: Universal Hiring Program: COPS hiring from 1995 (FAST and AHEAD merged into it)
    #: until the 2000s.
    UHP = "uhp"
    #: COPS in Schools: school resource officers, rounds from April 1999 to July 2005.
    COPS_IN_SCHOOLS = "cops_in_schools"
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
    GrantProgram.FAST: "COPS FAST (Funding Accelerated for Smaller Towns)",
    GrantProgram.AHEAD: "COPS AHEAD (Accelerated Hiring, Education and Deployment)",
    GrantProgram.UHP: "Universal Hiring Program",
    GrantProgram.COPS_IN_SCHOOLS: "COPS in Schools",
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
