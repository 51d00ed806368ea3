"""copsreform demo: the seed engagement and a real COPS grant, end to end.

Run it with ``python3 dev.py demo`` from the project folder.
"""

import datetime as dt
from decimal import Decimal

import copsreform as cr

# The engagement that started the project: on 8 August 2024 the COPS Office announced a
# Critical Response review of the Boston Police Department's Human Resources section,
# delivered by the National Policing Institute.
bpd = cr.Agency(
    name="Boston Police Department",
    state="MA",
    ori="MA0130100",
    jurisdiction=cr.Jurisdiction.LOCAL,
    agency_type=cr.AgencyType.CITY,
)
review = cr.Engagement(
    agency=bpd,
    program=cr.CRIProgram.CRITICAL_RESPONSE,
    provider=cr.find_provider("NPI"),
    categories={cr.TACategory.DATA_ANALYSIS},
    focus="Human Resources section operations",
    announced_on=dt.date(2024, 8, 8),
)
print("Engagement")
print(f"  agency     {review.agency.name} ({review.agency.ori}, {review.agency.state})")
print(f"  program    {review.program.title}")
print(f"  provider   {review.provider.name if review.provider else '-'}")
print(f"  categories {', '.join(sorted(c.title for c in review.categories))}")
print(f"  focus      {review.focus}")
print(f"  announced  {review.announced_on}  status {review.status.value}")

# A real award: the FY2024 COPS Hiring Program grant to Spokane Valley, WA.
grant = cr.Grant(
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
    start=dt.date(2024, 10, 1),
    end=dt.date(2029, 9, 30),
)
print("\nGrant")
print(f"  award      {grant.award_number_display} ({grant.program.title}, {grant.fiscal_year})")
print(f"  recipient  {grant.recipient.name}")
print(f"  federal    ${grant.federal_amount:,} for {grant.positions} positions")
print(f"  per post   ${grant.federal_per_position:,.2f}")
print(f"  period     {grant.start} to {grant.end}")
