"""copsreform demo: the seed engagement, a real COPS grant and real COPS data, end to end.

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
    # Assumed, as the award letter gives neither: 10 positions at the $125,000 cap, and
    # the smallest local match that keeps the federal share at 75%.
    local_match=Decimal("416667"),
    positions=10,
    start=dt.date(2024, 10, 1),
    end=dt.date(2029, 9, 30),
)
print("\nGrant")
print(f"  award      {grant.award_number_display} ({grant.program.title}, {grant.fiscal_year})")
print(f"  recipient  {grant.recipient.name}")
print(f"  federal    ${grant.federal_amount:,} for {grant.positions} positions (assumed)")
print(f"  match      ${grant.local_match:,} (assumed), federal share {grant.federal_share:.2%}")
print(f"  per post   ${grant.federal_per_position:,.2f}")
print(f"  period     {grant.start} to {grant.end}")

decision = cr.check_award(grant)
print(
    f"  rules      {decision.status.value}: "
    + ", ".join(f"{r.rule} {r.outcome.value}" for r in decision.reasons)
)
print(f"  retention  positions kept until {cr.chp_retention_end(grant)}")
print(f"  closeout   final reports due by {cr.closeout_due(grant)}")

# Real data: the USAspending page that ships with copsreform (100 COPS awards to
# recipients in Washington state), imported, counted and totalled.
print("\nUSAspending: Assistance Listing 16.710, recipients in Washington (bundled page)")
tally = cr.Tally()
awards = [
    g for g in cr.batch.counted(cr.read_bundled_usaspending(), tally) if isinstance(g, cr.Grant)
]
print(f"  {tally.summary()}")
totals: dict[str, tuple[int, Decimal]] = {}
for award in awards:
    count, amount = totals.get(award.program.title, (0, Decimal(0)))
    totals[award.program.title] = (count + 1, amount + award.federal_amount)
for title, (count, amount) in sorted(totals.items(), key=lambda item: -item[1][1]):
    print(f"  {count:>4} awards  ${amount:>14,.2f}  {title}")

# And the FBI's 2018 agency list, also bundled: every record imported or rejected.
agencies, rejected = cr.split(cr.read_bundled_2018())
print(f"\nFBI agency list (2018): {len(agencies):,} agencies imported, {len(rejected)} rejected:")
for item in rejected:
    print(f"  {item}")
