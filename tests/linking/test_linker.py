"""The rules, one by one, on agencies of the real FBI 2018 list."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import copsreform as cr
from conftest import award, org
from copsreform.linking._names import Group, agency_key


def link_one(recipient: cr.Organization | cr.Agency, agencies: list[cr.Agency]) -> cr.LinkResult:
    return cr.link_recipients([award(recipient)], agencies)[0]


@pytest.mark.parametrize(
    "name",
    [
        "CITY OF FEDERAL WAY",
        "FEDERAL WAY, CITY OF",
        "City of Federal Way, Washington",
        "TOWN OF FEDERAL WAY INC",
        "FEDERAL WAY POLICE DEPARTMENT",
        "Federal Way PD",
        "FEDERAL WAY POLICE DEPT.",
    ],
)
def test_city_name_forms(name: str, agencies: list[cr.Agency]) -> None:
    result = link_one(org(name), agencies)
    assert result.oris == ("WA0173600",)
    assert result.links[0].confidence is cr.Confidence.HIGH


@pytest.mark.parametrize(
    "name",
    [
        "COUNTY OF SKAGIT",
        "SKAGIT COUNTY",
        "SKAGIT, COUNTY OF",
        "COUNTY OF, SKAGIT",
        "Skagit County Board of Commissioners",
        "SKAGIT COUNTY SHERIFF'S OFFICE",
        "Skagit County SO",
        "SKAGIT COUNTY SHERIFF",
    ],
)
def test_county_name_forms(name: str, agencies: list[cr.Agency]) -> None:
    result = link_one(org(name), agencies)
    assert result.oris == ("WA0290000",)
    assert result.links[0].confidence is cr.Confidence.HIGH


def test_x_city_is_a_place_first(agencies: list[cr.Agency]) -> None:
    assert link_one(org("BENTON CITY"), agencies).oris == ("WA0030400",)
    assert link_one(org("CITY OF BENTON CITY"), agencies).oris == ("WA0030400",)
    # "X CITY" where the place is X: the second key is tried.
    assert link_one(org("KENT CITY"), agencies).oris == ("WA0170700",)


def test_the_state_must_agree(agencies: list[cr.Agency]) -> None:
    result = link_one(org("CITY OF FEDERAL WAY", state="OR"), agencies)
    assert result.status is cr.LinkStatus.UNLINKED
    assert result.reason is not None
    assert "in OR" in result.reason
    assert link_one(org("CITY OF SPOKANE", state="WA"), agencies).oris == ("WA0320400",)


def test_no_state_no_link(agencies: list[cr.Agency]) -> None:
    result = link_one(org("CITY OF FEDERAL WAY", state=None), agencies)
    assert result.status is cr.LinkStatus.UNLINKED
    assert result.reason == (
        "the recipient's state is unknown, and a link needs the state to agree"
    )


def test_county_with_sheriff_and_county_police_links_both(agencies: list[cr.Agency]) -> None:
    result = link_one(org("GWINNETT COUNTY", state="GA"), agencies)
    assert result.status is cr.LinkStatus.LINKED
    assert result.oris == ("GA0670000", "GA0670200")
    assert {link.confidence for link in result.links} == {cr.Confidence.MEDIUM}
    assert "2 agencies under this name in GA" in (result.links[0].evidence.note or "")
    pg = link_one(org("PRINCE GEORGE'S COUNTY, MARYLAND", state="MD"), agencies)
    assert pg.oris == ("MD0170000", "MD0172100")


@pytest.mark.parametrize(
    ("name", "ori"),
    [
        ("CONFEDERATED TRIBES OF THE COLVILLE RESERVATION", None),
        ("MAKAH INDIAN TRIBE OF THE MAKAH INDIAN RESERVATION", "WADI05600"),
        ("Suquamish Indian Tribe of the Port Madison Reservation", "WADI00900"),
        ("SHOALWATER BAY TRIBE", "WADI01200"),
        ("Quinault Indian Nation", "WADI05400"),
        ("NISQUALLY INDIAN TRIBE", "WADI00800"),
        ("TULALIP TRIBAL POLICE DEPARTMENT", "WADI06800"),
        ("PUYALLUP TRIBE OF INDIANS OF THE PUYALLUP RESERVATION", "WADI06200"),
        ("THE SWINOMISH INDIANS OF THE SWINOMISH RESERVATION OF WASHINGTON", "WADI06400"),
    ],
)
def test_tribal_name_forms(name: str, ori: str | None, agencies: list[cr.Agency]) -> None:
    result = link_one(org(name), agencies)
    if ori is None:  # Colville: two ORIs of one name
        assert result.oris == ("WA0241400", "WADI05700")
    else:
        assert result.oris == (ori,)
        assert result.links[0].confidence is cr.Confidence.HIGH
        assert result.links[0].evidence.rule is cr.LinkRule.TRIBAL_POLICE


def test_a_tribe_is_not_linked_to_a_city_of_the_same_name(agencies: list[cr.Agency]) -> None:
    result = link_one(org("SPOKANE TRIBE OF THE SPOKANE RESERVATION"), agencies)
    assert result.oris == ("WADI05100",)  # "Spokane Agency", type Tribal
    assert link_one(org("CITY OF PUYALLUP"), agencies).oris == ("WA0270100",)


def test_a_state_agency_links_to_itself(agencies: list[cr.Agency]) -> None:
    result = link_one(org("WASHINGTON STATE PATROL"), agencies)
    assert result.oris == ("WAWSP0000",)
    assert result.links[0].confidence is cr.Confidence.HIGH
    lottery = link_one(
        org("Washington State Lottery", kind=cr.OrganizationKind.STATE_GOVERNMENT), agencies
    )
    assert lottery.oris == ("WA0341200",)
    assert lottery.links[0].evidence.rule is cr.LinkRule.STATE_AGENCY


def test_a_university_links_to_its_campus_police(agencies: list[cr.Agency]) -> None:
    result = link_one(org("UNIVERSITY OF WASHINGTON"), agencies)
    assert result.oris == ("WA0172400",)
    assert result.links[0].evidence.rule is cr.LinkRule.CAMPUS_POLICE


def test_a_campus_named_with_at(agencies: list[cr.Agency]) -> None:
    result = link_one(org("UNIVERSITY OF TEXAS AT AUSTIN", state="TX"), agencies)
    assert [(link.agency.name, link.confidence) for link in result.links] == [
        ("University of Texas: Austin", cr.Confidence.HIGH)
    ]


def test_a_municipality(agencies: list[cr.Agency]) -> None:
    result = link_one(org("MUNICIPALITY OF ANCHORAGE", state="AK"), agencies)
    assert [link.agency.name for link in result.links] == ["Anchorage Police Department"]


def test_several_campuses_are_ambiguous_and_all_given(agencies: list[cr.Agency]) -> None:
    result = link_one(org("WASHINGTON STATE UNIVERSITY"), agencies)
    assert result.status is cr.LinkStatus.AMBIGUOUS
    assert result.oris == ("WA0061000", "WA0380500")
    assert {link.confidence for link in result.links} == {cr.Confidence.LOW}
    assert result.reason is not None
    assert "2 campuses" in result.reason


def test_a_school_district_with_its_own_police(agencies: list[cr.Agency]) -> None:
    # The FBI's Texas list names it "IndependentSchoolDistrict:Houston".
    result = link_one(org("HOUSTON INDEPENDENT SCHOOL DISTRICT", state="TX"), agencies)
    assert result.oris == ("TX1013500",)
    assert result.links[0].confidence is cr.Confidence.MEDIUM
    assert result.links[0].evidence.rule is cr.LinkRule.SCHOOL_POLICE
    # Not Houston PD, not Houston County's sheriff.
    gwinnett = link_one(org("GWINNETT COUNTY PUBLIC SCHOOLS", state="GA"), agencies)
    assert gwinnett.oris == ("GA0671000",)


def test_a_close_spelling_is_medium_and_says_so(agencies: list[cr.Agency]) -> None:
    result = link_one(org("CITY OF SEDRO WOLLEY"), agencies)
    assert result.oris == ("WA0290300",)
    link = result.links[0]
    assert link.confidence is cr.Confidence.MEDIUM
    assert link.evidence.method == "similar"
    assert 92 <= link.evidence.score < 100
    assert "~" in str(link.evidence)


def test_a_weaker_spelling_is_low(agencies: list[cr.Agency]) -> None:
    result = link_one(org("CITY OF ISAQUA"), agencies)
    assert result.oris == ("WA0170600",)
    assert result.links[0].confidence is cr.Confidence.LOW


def test_nothing_close_is_unlinked_with_the_reason(agencies: list[cr.Agency]) -> None:
    result = link_one(org("CITY OF NOWHERE AT ALL"), agencies)
    assert result.status is cr.LinkStatus.UNLINKED
    assert result.reason == (
        "city or town 'NOWHERE AT ALL': the FBI list has no police department of that name "
        "in WA (the place may contract for its policing)"
    )
    other = link_one(org("POLICE EXECUTIVE RESEARCH FORUM", state="DC"), agencies)
    assert other.status is cr.LinkStatus.UNLINKED
    nonprofit = link_one(org("COMMUNITIES IN SCHOOLS OF SEATTLE INC"), agencies)
    assert nonprofit.status is cr.LinkStatus.UNLINKED
    assert "no rule applies" in (nonprofit.reason or "")


def test_uei_links_when_both_sides_have_one(agencies: list[cr.Agency]) -> None:
    sv = cr.Agency(name="Spokane Valley Police Department", state="WA", ori="WA0321500",
                   uei="NSU3DBMM7JN9", jurisdiction=cr.Jurisdiction.LOCAL,
                   agency_type=cr.AgencyType.CITY)  # fmt: skip
    result = link_one(org("SOME OTHER NAME", uei="NSU3DBMM7JN9"), [*agencies, sv])
    assert result.oris == ("WA0321500",)
    link = result.links[0]
    assert link.confidence is cr.Confidence.HIGH
    assert link.evidence.rule is cr.LinkRule.UEI
    assert link.evidence.identifier == "UEI NSU3DBMM7JN9"
    # A UEI of another state does not link.
    elsewhere = link_one(org("SOME OTHER NAME", state="OR", uei="NSU3DBMM7JN9"), [sv])
    assert elsewhere.status is cr.LinkStatus.UNLINKED


def test_an_agency_recipient_links_by_its_ori(agencies: list[cr.Agency]) -> None:
    recipient = cr.Agency(name="Whatever It Is Called", state="WA", ori="WA0173600",
                          jurisdiction=cr.Jurisdiction.LOCAL, agency_type=cr.AgencyType.CITY)  # fmt: skip
    result = link_one(recipient, agencies)
    assert result.oris == ("WA0173600",)
    assert result.links[0].evidence.rule is cr.LinkRule.ORI
    assert result.links[0].agency.name == "Federal Way Police Department"


def test_a_renamed_agency_is_found_under_either_name(agencies: list[cr.Agency]) -> None:
    renamed = cr.Agency(name="Federal Way Public Safety Department Renamed", state="WA",
                        ori="WA0173600", jurisdiction=cr.Jurisdiction.LOCAL,
                        agency_type=cr.AgencyType.CITY)  # fmt: skip
    current = [*agencies, renamed]  # the newer list after the older
    result = link_one(org("CITY OF FEDERAL WAY"), current)
    assert result.oris == ("WA0173600",)
    assert result.links[0].agency.name == "Federal Way Public Safety Department Renamed"


def test_rejected_records_are_refused_by_position(agencies: list[cr.Agency]) -> None:
    rejected = cr.Rejected(0, "index", (cr.Problem("x"),))
    with pytest.raises(TypeError, match=r"agencies\[1\] is a Rejected, not an Agency"):
        cr.link_recipients([award(org("CITY OF KENT"))], [agencies[0], rejected])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"grants\[0\] is a Rejected, not a Grant"):
        cr.link_recipients([rejected], agencies)  # type: ignore[list-item]


def test_results_keep_the_order_of_the_grants(agencies: list[cr.Agency]) -> None:
    names = ["CITY OF KENT", "COUNTY OF KING", "CITY OF KENT"]
    grants = [award(org(n)) for n in names]
    results = cr.link_recipients(grants, agencies)
    assert [r.grant for r in results] == grants
    assert [r.oris for r in results] == [("WA0170700",), ("WA0170000",), ("WA0170700",)]


# Every city and county agency of the whole FBI list is found from its government's name.


def _unique(agencies: list[cr.Agency], group: Group, kind: cr.AgencyType) -> list[cr.Agency]:
    keys: dict[tuple[str, str], list[cr.Agency]] = {}
    for a in agencies:
        if a.agency_type is kind:
            keys.setdefault((a.state, "".join(agency_key(group, a.name))), []).append(a)
    return [found[0] for found in keys.values() if len(found) == 1]


@pytest.fixture(scope="module")
def police_departments(agencies: list[cr.Agency]) -> list[cr.Agency]:
    return [a for a in _unique(agencies, Group.CITY, cr.AgencyType.CITY)
            if a.name.endswith(" Police Department") and "," not in a.name
            and not a.name.startswith(("City of", "Town of", "Village of"))]  # fmt: skip


@pytest.fixture(scope="module")
def sheriffs(agencies: list[cr.Agency]) -> list[cr.Agency]:
    return [a for a in _unique(agencies, Group.COUNTY, cr.AgencyType.COUNTY)
            if a.name.endswith(" County Sheriff's Office") and "Police" not in a.name]  # fmt: skip


def test_every_police_department_is_found_from_its_city(
    police_departments: list[cr.Agency], agencies: list[cr.Agency]
) -> None:
    assert len(police_departments) == 13_517  # the how-to (docs/howto/linking.rst) says so
    grants = [award(org(f"CITY OF {a.name.removesuffix(' Police Department').upper()}", state=a.state))
              for a in police_departments]  # fmt: skip
    results = cr.link_recipients(grants, agencies)
    wrong = [(a.ori, r.oris) for a, r in zip(police_departments, results, strict=True)
             if r.oris != (a.ori,) or r.links[0].confidence is not cr.Confidence.HIGH]  # fmt: skip
    assert wrong == []


def test_every_sheriff_is_found_from_its_county(
    sheriffs: list[cr.Agency], agencies: list[cr.Agency]
) -> None:
    assert len(sheriffs) == 2_981  # the how-to says so
    grants = [award(org(f"{a.name.removesuffix(' County Sheriff' + chr(39) + 's Office')}, COUNTY OF",
                        state=a.state)) for a in sheriffs]  # fmt: skip
    results = cr.link_recipients(grants, agencies)
    wrong = [(a.ori, r.oris) for a, r in zip(sheriffs, results, strict=True) if r.oris != (a.ori,)]
    assert wrong == []


@given(data=st.data())
def test_any_police_department_under_any_city_form(
    data: st.DataObject, police_departments: list[cr.Agency], agencies: list[cr.Agency]
) -> None:
    agency = data.draw(st.sampled_from(police_departments))
    place = agency.name.removesuffix(" Police Department")
    form = data.draw(
        st.sampled_from(["CITY OF {}", "{}, CITY OF", "TOWN OF {}", "{} PD", "Village of {}"])
    )
    case = data.draw(st.sampled_from([str.upper, str.lower, str.title]))
    result = link_one(org(case(form.format(place)), state=agency.state), agencies)
    assert result.oris == (agency.ori,)
