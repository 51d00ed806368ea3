"""Check two real COPS Hiring Program awards against the program's rules.

* FY2024, Spokane Valley (WA): 15JCOPS-24-GG-03715-UHPX, $1,250,000. The award letter
  gives no positions or match; $125,000 per position suggests 10 positions, and 10
  positions at 75% imply a local match of at least $416,667. Both are assumptions,
  stated here and in the output.
* FY2025, Dallas (TX): 15JCOPS-25-GG-01001-MUMU, $6,250,000 for 50 officers, with a
  local cash match of $12,261,650 (Dallas City Council item).

The recipient is modelled as the city's police department, a local law enforcement
agency: CHP is open to law enforcement agencies, and a record that only names a city
("City of Dallas") would leave the applicant rule undetermined.

Run: ``python examples/check_chp_award.py``
"""

import datetime as dt
from decimal import Decimal

import copsreform as cr

spokane_valley = cr.Grant(
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
    local_match=Decimal("416667"),  # assumed: see the docstring
    positions=10,  # assumed: see the docstring
    start=dt.date(2024, 10, 1),
    end=dt.date(2029, 9, 30),
)
dallas = cr.Grant(
    award_number="15JCOPS-25-GG-01001-MUMU",
    program=cr.GrantProgram.CHP,
    recipient=cr.Agency(
        name="Dallas Police Department",
        state="TX",
        jurisdiction=cr.Jurisdiction.LOCAL,
        agency_type=cr.AgencyType.CITY,
    ),
    federal_amount=Decimal("6250000"),
    local_match=Decimal("12261650"),
    positions=50,
    start=dt.date(2025, 10, 1),
    end=dt.date(2030, 9, 30),
)

for grant in (spokane_valley, dallas):
    decision = cr.check_award(grant)
    print(f"{grant.award_number_display}  {grant.recipient.name}  {grant.fiscal_year}")
    print(
        f"  federal ${grant.federal_amount:,}  match ${grant.local_match:,}  "
        f"positions {grant.positions}  per position ${grant.federal_per_position:,.2f}"
    )
    print(f"  decision: {decision.status.value}")
    for reason in decision.reasons:
        print(f"    [{reason.outcome.value}] {reason.rule}")
    print(f"  positions must be kept until {cr.chp_retention_end(grant)} (12-month retention)")
    print(f"  final reports due by {cr.closeout_due(grant)} (2 CFR 200.344)\n")
