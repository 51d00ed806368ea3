"""Type-checking assertions: mypy --strict reads this file (``[tool.mypy] files``).

Every ``# type: ignore[code]`` below asserts that mypy reports that error on that line:
the configuration warns about an unused ignore, so a signature that stopped refusing the
mistake would fail the check. The lines without an ignore assert that the right call is
accepted. Nothing here runs; pytest does not collect this file.
"""

import datetime as dt
from decimal import Decimal

import attrs

import copsreform as cr

CITY = cr.Organization(name="CITY OF FEDERAL WAY", state="WA")
BPD = cr.Agency(
    name="Boston Police Department",
    state="MA",
    ori="MA0130100",
    jurisdiction=cr.Jurisdiction.LOCAL,
    agency_type=cr.AgencyType.CITY,
)

# Money is Decimal or int, never float.
cr.Grant(
    award_number="2015UMWX0174",
    program=cr.GrantProgram.CHP,
    recipient=CITY,
    federal_amount=Decimal("1250000"),
    start=dt.date(2015, 9, 1),
    end=dt.date(2018, 8, 31),
)
cr.Grant(
    award_number="2015UMWX0174",
    program=cr.GrantProgram.CHP,
    recipient=CITY,
    federal_amount=1_250_000,
    start=dt.date(2015, 9, 1),
    end=dt.date(2018, 8, 31),
)
cr.Grant(
    award_number="2015UMWX0174",
    program=cr.GrantProgram.CHP,
    recipient=CITY,
    federal_amount=1.5,  # type: ignore[arg-type]
    start=dt.date(2015, 9, 1),
    end=dt.date(2018, 8, 31),
)
cr.Grant(
    award_number="2015UMWX0174",
    program=cr.GrantProgram.CHP,
    recipient=CITY,
    federal_amount=Decimal("1"),
    local_match="0.00",  # type: ignore[arg-type]
    start=dt.date(2015, 9, 1),
    end=dt.date(2018, 8, 31),
)

# An ORI string is not a recipient, and an award number is not an int.
cr.Grant(
    award_number="2015UMWX0174",
    program=cr.GrantProgram.CHP,
    recipient="MA0130100",  # type: ignore[arg-type]
    federal_amount=Decimal("1"),
    start=dt.date(2015, 9, 1),
    end=dt.date(2018, 8, 31),
)
cr.Grant(
    award_number=20150174,  # type: ignore[arg-type]
    program=cr.GrantProgram.CHP,
    recipient=CITY,
    federal_amount=Decimal("1"),
    start=dt.date(2015, 9, 1),
    end=dt.date(2018, 8, 31),
)

# Strings where the model wants enums, ints or strings of its own.
cr.Agency(
    name="Boston Police Department",
    state="MA",
    jurisdiction="local",  # type: ignore[arg-type]
    agency_type=cr.AgencyType.CITY,
)
cr.Agency(
    name="Boston Police Department",
    state="MA",
    ori=130100,  # type: ignore[arg-type]
    jurisdiction=cr.Jurisdiction.LOCAL,
    agency_type=cr.AgencyType.CITY,
)
cr.Agency(
    name=None,  # type: ignore[arg-type]
    state="MA",
    jurisdiction=cr.Jurisdiction.LOCAL,
    agency_type=cr.AgencyType.CITY,
)
cr.Agency(
    name="Boston Police Department",
    state="MA",
    population="675000",  # type: ignore[arg-type]
    jurisdiction=cr.Jurisdiction.LOCAL,
    agency_type=cr.AgencyType.CITY,
)
cr.Organization(name="CITY OF FEDERAL WAY", state=None, uei=None)
cr.Organization(name="CITY OF FEDERAL WAY", uei=12)  # type: ignore[arg-type]

# An ORI where the rules want an applicant, a year where they want a FiscalYear.
cr.check_eligibility("MA0130100", cr.GrantProgram.CHP, fiscal_year=cr.FiscalYear(2024))  # type: ignore[arg-type]
cr.check_eligibility(BPD, cr.GrantProgram.CHP, fiscal_year=2024)  # type: ignore[arg-type]

# fiscal_year is a public field of type FiscalYear, so asdict and evolve round-trip.
grant = cr.Grant(
    award_number="15JCOPS-24-GG-03715-UHPX",
    program=cr.GrantProgram.CHP,
    recipient=BPD,
    federal_amount=Decimal("1250000"),
    start=dt.date(2024, 10, 1),
    end=dt.date(2029, 9, 30),
)
year: cr.FiscalYear = grant.fiscal_year
attrs.evolve(grant, fiscal_year=cr.FiscalYear(2024))
cr.Grant(**attrs.asdict(grant, recurse=False))

# Serialization keeps the class it was given.
back: cr.Grant = cr.from_dict(cr.Grant, cr.to_dict(grant))
agency: cr.Agency = cr.from_json(cr.Grant, cr.to_json(grant))  # type: ignore[assignment]
