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


def test_cna_is_the_organizational_assessment_provider_the_cops_office_names() -> None:
    # COPS Dearborn Heights OA page: "The COPS Office in conjunction with C.N.A., an
    # Organizational Assessment provider" (audit row 36, which 0.1.0 contradicted).
    assert [p.name for p in cr.providers(cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT)] == ["CNA"]
    cna = cr.find_provider("C.N.A.")
    assert any(
        "cops.usdoj.gov/active-oa-site-dearborn-heights-mi-police-department" in s
        for s in cna.sources
    )


def test_every_registry_entry_cites_a_public_source() -> None:
    for provider in cr.providers():
        assert provider.sources, provider.name
        assert all("http://" in s or "https://" in s for s in provider.sources), provider.name


def test_the_police_foundation_and_npi_are_one_organisation() -> None:
    assert cr.find_provider("Police Foundation") is cr.find_provider("National Policing Institute")
    assert cr.find_provider("National Police Foundation").acronym == "NPI"


def test_hillard_heintze_is_registered_as_jensen_hughes() -> None:
    jensen = cr.find_provider("Hillard Heintze")
    assert jensen.name == "Jensen Hughes"
    assert "Hillard Heintze, a Jensen Hughes company" in jensen.aliases
    # FY2014 CRI-TA grantee (COPS CRI-TA page) and 2024 Critical Response provider (Uvalde).
    assert jensen.delivers(cr.CRIProgram.COLLABORATIVE_REFORM)
    assert jensen.delivers(cr.CRIProgram.CRITICAL_RESPONSE)
    assert (jensen.first_year, jensen.last_year) == (2014, None)


@pytest.mark.parametrize(
    ("name", "program", "years"),
    [
        ("CNA", cr.CRIProgram.COLLABORATIVE_REFORM, (2011, None)),
        ("IIR", cr.CRIProgram.CRITICAL_RESPONSE_TA, (2013, 2015)),
        ("PERF", cr.CRIProgram.CRITICAL_RESPONSE_TA, (2014, 2015)),
        ("VCPI", cr.CRIProgram.CRITICAL_RESPONSE_TA, (2015, 2016)),
        ("Police Foundation", cr.CRIProgram.COLLABORATIVE_REFORM, (2014, None)),
    ],
)
def test_the_2011_2017_providers_have_their_programs_and_years(
    name: str, program: cr.CRIProgram, years: tuple[int, int | None]
) -> None:
    provider = cr.find_provider(name)
    assert provider.delivers(program)
    assert (provider.first_year, provider.last_year) == years
    assert provider.role is cr.ProviderRole.PROVIDER


def test_community_resources_for_justice_is_an_evaluator_not_a_provider() -> None:
    crj = cr.find_provider("CRJ")
    assert crj.role is cr.ProviderRole.EVALUATOR
    assert any("Item=2714" in s for s in crj.sources)


def test_every_provider_years_sit_within_its_programs_years() -> None:
    for provider in cr.providers():
        assert provider.first_year is not None, provider.name
        first = min(p.active_years[0] for p in provider.programs)
        assert provider.first_year >= first, provider.name


def test_active_in_reads_open_ends() -> None:
    iir = cr.find_provider("IIR")
    assert [iir.active_in(y) for y in (2012, 2013, 2015, 2016)] == [False, True, True, False]
    assert cr.find_provider("IACP").active_in(2030)


def test_a_last_year_before_the_first_is_refused() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.Provider(
            name="Example Institute",
            programs={cr.CRIProgram.CRI_TAC},
            first_year=2020,
            last_year=2019,
        )
    assert str(excinfo.value) == (
        "'Provider.last_year' must not be before first_year (2020) (got 2019)"
    )


def test_a_year_outside_the_cops_era_is_refused() -> None:
    with pytest.raises(
        cr.ValidationError, match=r"'Provider\.first_year' must be a year from 1994"
    ):
        cr.Provider(name="Example Institute", programs={cr.CRIProgram.CRI_TAC}, first_year=1990)


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


def test_a_non_string_query_is_an_argument_type_error_like_every_other() -> None:
    with pytest.raises(cr.ArgumentTypeError) as excinfo:
        cr.find_provider(None)  # type: ignore[arg-type]
    assert str(excinfo.value) == "'name' must be a provider's name (str) (got None)"
    assert isinstance(excinfo.value, TypeError)


def test_a_provider_must_deliver_some_program() -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.Provider(name="Empty", programs=frozenset())
    assert (
        str(excinfo.value)
        == "'Provider.programs' must name at least one CRI program (got frozenset())"
    )
