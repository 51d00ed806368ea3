"""The engagement the project started from, end to end.

On 8 August 2024 the COPS Office announced a Critical Response engagement with the
Boston Police Department: the National Policing Institute reviews the operations of
BPD's Human Resources section. This script models it, moves it through its lifecycle,
writes it as JSON, reads it back, and asks whether Boston PD is eligible.

Run: ``python examples/boston_engagement.py``
"""

import datetime as dt

import copsreform as cr

# The agency: its ORI is in the FBI's agency list (2018 and 2025 agree).
bpd = cr.Agency(
    name="Boston Police Department",
    state="MA",
    ori="MA0130100",
    jurisdiction=cr.Jurisdiction.LOCAL,
    agency_type=cr.AgencyType.CITY,
)

# The provider comes from the registry that ships with the library, with its sources.
npi = cr.find_provider("National Policing Institute")

# The release does not say which of the three Critical Response categories the review
# falls under; a review of a section's operations is modelled here as data analysis.
review = cr.Engagement(
    agency=bpd,
    program=cr.CRIProgram.CRITICAL_RESPONSE,
    provider=npi,
    categories={cr.TACategory.DATA_ANALYSIS},
    focus="Human Resources section operations",
    announced_on=dt.date(2024, 8, 8),
)

# Only legal, dated changes are possible; each returns a new engagement.
review = review.transition(cr.EngagementStatus.ACCEPTED, on=dt.date(2024, 8, 8))
print(f"{review.agency.name}: {review.program.title} with {npi.name} ({npi.acronym})")
print(f"status: {review.status.value}, since {review.history[-1].on}")

try:
    review.transition(cr.EngagementStatus.COMPLETED, on=dt.date(2024, 9, 1))
except cr.IllegalTransitionError as error:
    print(f"refused: {error}")

# JSON out and back: the same object, the same bytes every time.
text = cr.to_json(review)
same = cr.from_json(cr.Engagement, text) == review
print(f"JSON: {len(text)} characters, read back equal: {same}")

# Is Boston PD eligible for Critical Response? The decision says why, with sources.
decision = cr.check_eligibility(
    bpd, cr.CRIProgram.CRITICAL_RESPONSE, fiscal_year=cr.FiscalYear.of(review.announced_on)
)
print()
print(decision.explain())
