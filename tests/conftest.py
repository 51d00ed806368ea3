"""Shared fixtures: real values from the project's bundled public data."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings

import copsreform as cr

# A bounded default so the whole suite stays fast; `--hypothesis-profile=deep` digs further.
settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("deep", max_examples=2_000, deadline=None)
settings.load_profile("default")


@pytest.fixture
def bpd() -> cr.Agency:
    """Boston Police Department, ORI from the FBI list (2018 and 2025 agree)."""
    return cr.Agency(
        name="Boston Police Department",
        state="MA",
        ori="MA0130100",
        jurisdiction=cr.Jurisdiction.LOCAL,
        agency_type=cr.AgencyType.CITY,
    )


@pytest.fixture
def spokane_valley() -> cr.Agency:
    """Spokane Valley, UEI from its FY2024 CHP award letter."""
    return cr.Agency(
        name="Spokane Valley Police Department",
        state="WA",
        uei="NSU3DBMM7JN9",
        jurisdiction=cr.Jurisdiction.LOCAL,
        agency_type=cr.AgencyType.CITY,
    )


@pytest.fixture
def chp_grant(spokane_valley: cr.Agency) -> cr.Grant:
    """The FY2024 CHP award to Spokane Valley (15JCOPS-24-GG-03715-UHPX, $1,250,000)."""
    return cr.Grant(
        award_number="15JCOPS-24-GG-03715-UHPX",
        program=cr.GrantProgram.CHP,
        recipient=spokane_valley,
        federal_amount=Decimal("1250000"),
        positions=10,
        start=dt.date(2024, 10, 1),
        end=dt.date(2029, 9, 30),
    )


@pytest.fixture
def boston_review(bpd: cr.Agency) -> cr.Engagement:
    """The 2024 Critical Response engagement of the seed press release."""
    return cr.Engagement(
        agency=bpd,
        program=cr.CRIProgram.CRITICAL_RESPONSE,
        provider=cr.find_provider("National Policing Institute"),
        categories={cr.TACategory.DATA_ANALYSIS},
        focus="Human Resources section operations",
        announced_on=dt.date(2024, 8, 8),
    )
