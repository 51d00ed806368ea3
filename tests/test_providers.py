import pytest

import copsreform as cr


@pytest.mark.parametrize(
    "query",
    [
        "National Policing Institute",
        "NPI",
        "npi",
        "Police Foundation",
        "  national  policing institute ",
    ],
)
def test_npi_is_found_by_name_acronym_or_former_name(query: str) -> None:
    assert cr.find_provider(query).name == "National Policing Institute"


def test_critical_response_providers_are_npi_and_jensen_hughes() -> None:
    names = [p.name for p in cr.providers(cr.CRIProgram.CRITICAL_RESPONSE)]
    assert names == ["National Policing Institute", "Jensen Hughes"]


def test_iacp_leads_cri_tac_with_its_partner_associations() -> None:
    tac = cr.providers(cr.CRIProgram.CRI_TAC)
    leads = [p.acronym for p in tac if p.role is cr.ProviderRole.LEAD]
    partners = {p.acronym for p in tac if p.role is cr.ProviderRole.PARTNER}
    assert leads == ["IACP"]
    assert {
        "FBINAA",
        "FOP",
        "IACLEA",
        "IADLEST",
        "MCSA",
        "NAWLEE",
        "NOBLE",
        "NSA",
        "NTOA",
    } <= partners


def test_no_organizational_assessment_provider_is_invented() -> None:
    assert cr.providers(cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT) == ()


def test_every_registry_entry_cites_a_public_source() -> None:
    for provider in cr.providers():
        assert provider.sources, provider.name
        assert all("https://" in s for s in provider.sources)


def test_an_unknown_name_raises_a_lookup_error_naming_the_query() -> None:
    with pytest.raises(cr.ProviderNotFoundError) as excinfo:
        cr.find_provider("Acme Consulting")
    assert excinfo.value.query == "Acme Consulting"
    assert str(excinfo.value) == "no TA provider is named 'Acme Consulting'"
    assert isinstance(excinfo.value, LookupError)


def test_a_misspelt_name_gets_a_suggestion() -> None:
    with pytest.raises(cr.ProviderNotFoundError) as excinfo:
        cr.find_provider("Jensen Hughs")
    assert excinfo.value.suggestions == ("Jensen Hughes",)


def test_a_non_string_query_is_a_lookup_error_not_a_type_error() -> None:
    with pytest.raises(cr.ProviderNotFoundError):
        cr.find_provider(None)  # type: ignore[arg-type]


def test_a_provider_must_deliver_some_program() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.Provider(name="Empty", programs=frozenset())
    assert (
        str(excinfo.value)
        == "'Provider.programs' must name at least one CRI program (got frozenset())"
    )
