import attrs
import pytest
from hypothesis import given

import copsreform as cr
from copsreform import testing


def make(**changes: object) -> cr.Agency:
    fields: dict[str, object] = {
        "name": "Boston Police Department",
        "state": "MA",
        "ori": "MA0130100",
        "jurisdiction": cr.Jurisdiction.LOCAL,
        "agency_type": cr.AgencyType.CITY,
    }
    fields.update(changes)
    return cr.Agency(**fields)  # type: ignore[arg-type]


def refused(**changes: object) -> cr.ValidationError:
    with pytest.raises(cr.ValidationError) as excinfo:
        make(**changes)
    return excinfo.value


def test_the_issue_example_builds(bpd: cr.Agency) -> None:
    assert (bpd.name, bpd.state, bpd.ori) == ("Boston Police Department", "MA", "MA0130100")
    assert bpd.primary_law_enforcement_authority is None


def test_names_are_folded_like_the_fbi_list_needs() -> None:
    assert make(name="Hillsborough  County Sheriff's Office ").name == (
        "Hillsborough County Sheriff's Office"
    )


def test_state_and_ori_are_normalised() -> None:
    agency = make(state=" ma", ori="ma 013 0100")
    assert (agency.state, agency.ori) == ("MA", "MA0130100")


def test_nebraska_agencies_use_the_ncic_prefix_nb() -> None:
    omaha = make(name="Omaha Police Department", state="NE", ori="NB0280200")
    assert omaha.ori == "NB0280200"


def test_guam_agencies_use_the_ncic_prefix_gm() -> None:
    guam = make(
        name="Guam",
        state="GU",
        ori="GMTGM0000",
        jurisdiction=cr.Jurisdiction.TERRITORIAL,
        agency_type=cr.AgencyType.OTHER,
    )
    assert guam.state == "GU"


def test_an_ori_from_another_state_is_refused() -> None:
    err = refused(ori="WASPD0000")
    assert (
        str(err)
        == "'Agency.ori' must start with 'MA', the NCIC code of state 'MA' (got 'WASPD0000')"
    )


def test_a_nebraska_ori_written_with_ne_is_refused() -> None:
    err = refused(state="NE", ori="NE0280200")
    assert err.reason == "must start with 'NB', the NCIC code of state 'NE'"


def test_a_seven_character_cops_ori_is_refused_not_padded() -> None:
    err = refused(ori="MA01301")
    assert err.path == "Agency.ori"
    assert err.value == "MA01301"
    assert "7-character COPS ORI" in err.reason


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("name", "   ", "must not be empty"),
        ("name", 12, "must be a string"),
        ("name", "x" * 301, "must be at most 300 characters"),
        ("state", "CZ", "must be a USPS code of a state, DC or a U.S. territory"),
        ("state", None, "must be a string"),
        (
            "jurisdiction",
            "local",
            "must be a Jurisdiction (one of 'state', 'local', 'territorial', 'tribal', 'federal')",
        ),
        (
            "agency_type",
            "City",
            "must be an AgencyType (one of 'city', 'county', 'state_police', 'other_state_agency', 'tribal', 'university_or_college', 'federal', 'other', 'unknown')",
        ),
        ("population", -1, "must not be negative"),
        ("population", 1.5, "must be an int"),
        ("sworn_officers", True, "must be an int"),
        ("primary_law_enforcement_authority", 1, "must be true or false"),
    ],
)
def test_bad_fields_are_refused_with_path_value_and_reason(
    field: str, value: object, reason: str
) -> None:
    err = refused(**{field: value})
    assert (err.path, err.reason) == (f"Agency.{field}", reason)


def test_a_bad_uei_is_refused_on_the_uei_field() -> None:
    err = refused(uei="0SU3DBMM7JN9")
    assert err.path == "Agency.uei"
    assert err.value == "0SU3DBMM7JN9"


def test_a_tribal_type_agency_must_be_of_tribal_jurisdiction() -> None:
    err = refused(agency_type=cr.AgencyType.TRIBAL)
    assert (
        str(err)
        == "'Agency.jurisdiction' must be 'tribal' for an agency of FBI type 'Tribal' (got 'local')"
    )


def test_a_federal_type_agency_must_be_of_federal_jurisdiction() -> None:
    err = refused(state="MD", ori="MDPPD0000", agency_type=cr.AgencyType.FEDERAL)
    assert err.reason == "must be 'federal' for an agency of FBI type 'Federal'"


def test_territorial_jurisdiction_is_only_for_the_territories() -> None:
    err = refused(jurisdiction=cr.Jurisdiction.TERRITORIAL)
    assert err.path == "Agency.jurisdiction"


def test_campus_agencies_are_the_university_or_college_type() -> None:
    campus = make(
        name="Massachusetts College of Art",
        ori="MA013029E",
        agency_type=cr.AgencyType.UNIVERSITY_OR_COLLEGE,
    )
    assert campus.is_campus
    assert not make().is_campus


def test_evolve_revalidates() -> None:
    with pytest.raises(cr.ValidationError):
        attrs.evolve(make(), state="WA")


def test_agencies_are_immutable_and_hashable(bpd: cr.Agency) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        bpd.name = "x"  # type: ignore[misc]
    assert {bpd, make()} == {bpd}


@pytest.mark.parametrize(
    ("ucr", "member"),
    [
        ("City", cr.AgencyType.CITY),
        ("State Police", cr.AgencyType.STATE_POLICE),
        (" university  or college", cr.AgencyType.UNIVERSITY_OR_COLLEGE),
        ("Unknown", cr.AgencyType.UNKNOWN),
    ],
)
def test_fbi_type_names_map_to_members(ucr: str, member: cr.AgencyType) -> None:
    assert cr.AgencyType.from_ucr(ucr) is member
    assert cr.AgencyType.from_ucr(member.ucr_name) is member


@given(testing.agencies())
def test_generated_agencies_survive_evolve_unchanged(agency: cr.Agency) -> None:
    assert attrs.evolve(agency) == agency


def test_organizations_hold_what_usaspending_knows() -> None:
    org = cr.Organization(name="SPOKANE, CITY OF", state="wa", uei="nsu3dbmm7jn9")
    assert (org.state, org.uei, org.kind) == ("WA", "NSU3DBMM7JN9", cr.OrganizationKind.UNKNOWN)


def test_an_organization_state_must_be_known_if_given() -> None:
    with pytest.raises(cr.ValidationError, match=r"'Organization\.state' must be a USPS code"):
        cr.Organization(name="X", state="ZZ")
