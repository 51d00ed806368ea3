"""The bundled real data, read once: the FBI 2018 list and the Washington USAspending page."""

import datetime as dt
from decimal import Decimal

import pytest

import copsreform as cr


@pytest.fixture(scope="session")
def agencies() -> list[cr.Agency]:
    imported, rejected = cr.split(cr.read_bundled_2018())
    assert len(imported) == 23_238
    assert len(rejected) == 5
    return imported


@pytest.fixture(scope="session")
def wa_grants() -> list[cr.Grant]:
    grants, rejected = cr.split(cr.read_bundled_usaspending())
    assert not rejected
    return grants


@pytest.fixture(scope="session")
def wa_results(wa_grants: list[cr.Grant], agencies: list[cr.Agency]) -> list[cr.LinkResult]:
    return cr.link_recipients(wa_grants, agencies)


def award(recipient: cr.Organization | cr.Agency, number: str = "2020UMWX0499") -> cr.Grant:
    """A CHP award to ``recipient`` (the other fields do not matter to linking)."""
    return cr.Grant(
        award_number=number,
        program=cr.GrantProgram.CHP,
        recipient=recipient,
        federal_amount=Decimal("125000"),
        start=dt.date(2020, 7, 1),
        end=dt.date(2023, 6, 30),
    )


def org(name: str, state: str | None = "WA", **fields: object) -> cr.Organization:
    return cr.Organization(name=name, state=state, **fields)  # type: ignore[arg-type]
