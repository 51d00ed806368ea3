"""Objects whose version-1 documents are kept in tests/data/format/v1.

These documents pin the wire format: every later release must still load them into
these same objects (see docs/reference/format.rst, "Versions and migration").
"""

import datetime as dt
from decimal import Decimal

import copsreform as cr

D = dt.date

BPD = cr.Agency(
    name="Boston Police Department",
    state="MA",
    ori="MA0130100",
    jurisdiction=cr.Jurisdiction.LOCAL,
    agency_type=cr.AgencyType.CITY,
    county="Suffolk",
)

# The registry's entry as copsreform 0.1.0 shipped it: the kept documents pin that record,
# while the registry itself has since grown (programs, sources, years).
NPI_0_1 = cr.Provider(
    name="National Policing Institute",
    programs={cr.CRIProgram.CRITICAL_RESPONSE},
    acronym="NPI",
    aliases=("Police Foundation", "National Police Foundation"),
    sources=(
        (
            "COPS Office release on the Boston Police Department, 2024-08-08: "
            "https://www.einpresswire.com/article/734178115/justice-department-announces-"
            "that-it-will-provide-technical-assistance-to-the-boston-police-department-"
            "under-cops-office-s-collaborative-reform"
        ),
        (
            "National Policing Institute, Collaborative Reform Initiative: Critical Response: "
            "https://policinginstitute.org/projects/collaborative-reform-initiative-program-"
            "critical-response"
        ),
    ),
    note="Named 'a Critical Response provider' in the 2024 Boston release. "
    "Formerly the Police Foundation.",
)

EXAMPLES: dict[str, object] = {
    "agency": BPD,
    "organization": cr.Organization(name="CITY OF FEDERAL WAY", state="WA"),
    "provider": NPI_0_1,
    "engagement-critical-response": cr.Engagement(
        agency=BPD,
        program=cr.CRIProgram.CRITICAL_RESPONSE,
        provider=NPI_0_1,
        categories={cr.TACategory.DATA_ANALYSIS},
        focus="Human Resources section operations",
        announced_on=D(2024, 8, 8),
        history=(cr.StatusChange(cr.EngagementStatus.ACCEPTED, D(2024, 8, 8)),),
    ),
    "engagement-organizational-assessment": cr.Engagement(
        agency=cr.Agency(
            name="Charlottesville Police Department",
            state="VA",
            jurisdiction=cr.Jurisdiction.LOCAL,
            agency_type=cr.AgencyType.CITY,
        ),
        program=cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT,
        announced_on=D(2024, 8, 22),
        recommendations=(
            cr.Recommendation(
                "Develop a crime analysis function",
                cr.RecommendationStatus.IN_PROGRESS,
                "Crime Analysis/Crime Prevention",
            ),
            cr.Recommendation("Adopt an employee wellness plan", focus_area="Employee Wellness"),
        ),
    ),
    "grant-chp-fy2024": cr.Grant(
        award_number="15JCOPS-24-GG-03715-UHPX",
        program=cr.GrantProgram.CHP,
        recipient=cr.Agency(
            name="Spokane Valley Police Department",
            state="WA",
            uei="NSU3DBMM7JN9",
            jurisdiction=cr.Jurisdiction.LOCAL,
            agency_type=cr.AgencyType.CITY,
        ),
        federal_amount=Decimal("1250000"),
        positions=10,
        start=D(2024, 10, 1),
        end=D(2029, 9, 30),
    ),
    "grant-deobligation": cr.Grant(
        award_number="2015UMWX0174",
        program=cr.GrantProgram.CHP,
        recipient=cr.Organization(name="CITY OF MARYSVILLE", state="WA"),
        federal_amount=Decimal("-30851.29"),
        start=D(2015, 9, 1),
        end=D(2018, 8, 31),
        assistance_listing="16.710",
        description="CHP",
    ),
}

KIND_OF = {
    "agency": cr.Agency,
    "organization": cr.Organization,
    "provider": cr.Provider,
    "engagement-critical-response": cr.Engagement,
    "engagement-organizational-assessment": cr.Engagement,
    "grant-chp-fy2024": cr.Grant,
    "grant-deobligation": cr.Grant,
}
