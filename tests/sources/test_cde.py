import io
import json
from collections import Counter

import pytest
import source_files
from source_files import AGENCY_CSV, COUNTY_KEYED, gzipped

import copsreform as cr
from copsreform.batch import Rejected, Tally, counted, split
from copsreform.errors import MISSING
from copsreform.sources import cde
from copsreform.sources.cde import infer_jurisdiction, read_bundled_2018, read_cde

J = cr.Jurisdiction
T = cr.AgencyType


@pytest.fixture(scope="module")
def frontend_2018() -> list[cr.Agency | Rejected]:
    return list(read_bundled_2018())


def bundled_bytes() -> bytes:
    import importlib.resources

    resource = importlib.resources.files("copsreform") / "data" / "cde"
    return (resource / "agencies-by-state-2018.json.gz").read_bytes()


# The 2018 list -------------------------------------------------------------------------


def test_every_agency_of_the_2018_list_is_accounted_for(
    frontend_2018: list[cr.Agency | Rejected],
) -> None:
    tally = Tally()
    for _ in counted(frontend_2018, tally):
        pass
    summary = tally.summary()
    assert (summary.read, summary.imported, summary.rejected) == (23_243, 23_238, 5)
    assert summary.imported + summary.rejected == summary.read


def test_the_2018_list_rejects_exactly_the_known_bad_records(
    frontend_2018: list[cr.Agency | Rejected],
) -> None:
    _, rejected = split(frontend_2018)
    assert [
        (r.raw["ori"], [(p.path, p.reason, p.value) for p in r.problems]) for r in rejected
    ] == [
        (
            "TSOFENC02",
            [("$.ori", "must start with 'AL', the NCIC code of state 'AL'", "TSOFENC02")],
        ),
        (
            "TSARRES06",
            [("$.ori", "must start with 'AL', the NCIC code of state 'AL'", "TSARRES06")],
        ),
        ("MA014669E", [("$.agency_name", "is required", MISSING)]),
        (
            "C0034019E",
            [
                (
                    "$.ori",
                    "must have letters in positions 1-2 (the NCIC state code)",
                    "C0034019E",
                )
            ],
        ),
        (
            "CZ0000500",
            [("$.state_key", "must be a USPS code of a state, DC or a U.S. territory", "CZ")],
        ),
    ]
    assert [(r.unit, r.position) for r in rejected] == [
        ("index", 7046),
        ("index", 7295),
        ("index", 14141),
        ("index", 17029),
        ("index", 23232),
    ]


def test_a_rejected_2018_record_keeps_its_keys_and_fields(
    frontend_2018: list[cr.Agency | Rejected],
) -> None:
    _, rejected = split(frontend_2018)
    canal_zone = rejected[-1]
    assert canal_zone.raw["state_key"] == "CZ"
    assert canal_zone.raw["agency_name"] == "Canal Zone"
    assert canal_zone.as_dict()["raw"]["ori"] == "CZ0000500"


def test_all_nebraska_nb_oris_are_imported(frontend_2018: list[cr.Agency | Rejected]) -> None:
    agencies, _ = split(frontend_2018)
    nebraska = [a for a in agencies if a.ori is not None and a.ori.startswith("NB")]
    assert len(nebraska) == 338
    assert {a.state for a in nebraska} == {"NE"}


def test_guam_is_imported_as_a_territorial_agency(
    frontend_2018: list[cr.Agency | Rejected],
) -> None:
    agencies, _ = split(frontend_2018)
    guam = next(a for a in agencies if a.ori == "GMTGM0000")
    assert (guam.state, guam.jurisdiction, guam.agency_type) == ("GU", J.TERRITORIAL, T.OTHER)


def test_boston_is_imported_as_in_the_source(frontend_2018: list[cr.Agency | Rejected]) -> None:
    agencies, _ = split(frontend_2018)
    boston = next(a for a in agencies if a.ori == "MA0130100")
    assert boston == cr.Agency(
        name="Boston Police Department",
        state="MA",
        ori="MA0130100",
        jurisdiction=J.LOCAL,
        agency_type=T.CITY,
        county="Suffolk",
    )


def test_the_2018_types_and_inferred_jurisdictions_add_up(
    frontend_2018: list[cr.Agency | Rejected],
) -> None:
    agencies, _ = split(frontend_2018)
    assert Counter(a.agency_type for a in agencies)[T.TRIBAL] == 224
    jurisdictions = Counter(a.jurisdiction for a in agencies)
    assert jurisdictions[J.TRIBAL] == 224
    assert jurisdictions[J.FEDERAL] == 9 + 234  # type Federal, and park units by name
    assert jurisdictions[J.STATE] == 1698 + 1849  # State Police and Other State Agency
    assert jurisdictions[J.TERRITORIAL] == 4  # GU, VI x2, PR (San Juan NHS is federal)


def test_names_are_folded_and_null_counties_kept_as_none(
    frontend_2018: list[cr.Agency | Rejected],
) -> None:
    agencies, _ = split(frontend_2018)
    puerto_rico = next(a for a in agencies if a.ori == "PRPPR0000")  # "Puerto Rico " in the source
    assert (puerto_rico.name, puerto_rico.county) == ("Puerto Rico", None)


def test_the_bundled_list_reads_the_same_through_read_cde() -> None:
    expected = list(read_bundled_2018())
    assert list(read_cde(io.BytesIO(bundled_bytes()))) == expected
    assert cde.detect_format(io.BytesIO(bundled_bytes())) == "frontend_2018"


def test_strict_mode_stops_at_the_first_bad_2018_record() -> None:
    read: list[object] = []
    with pytest.raises(cr.ValidationError) as excinfo:
        read.extend(read_bundled_2018(strict=True))
    assert str(excinfo.value) == (
        "'index 7046: $.ori' must start with 'AL', the NCIC code of state 'AL' (got 'TSOFENC02')"
    )
    assert len(read) == 7046


def test_a_truncated_2018_list_gives_a_source_format_error_and_nothing_else() -> None:
    import gzip

    text = gzip.decompress(bundled_bytes())
    read: list[object] = []
    with pytest.raises(cr.SourceFormatError, match="the document ends too soon"):
        read.extend(read_cde(gzipped(text[:-1000])))
    assert read == []


def test_a_truncated_gzip_stream_gives_a_source_format_error() -> None:
    data = bundled_bytes()
    with pytest.raises(cr.SourceFormatError, match="is not a readable gzip file"):
        list(read_cde(io.BytesIO(data[: len(data) // 2])))


def test_the_2018_list_is_refused_past_a_smaller_limit() -> None:
    with pytest.raises(cr.LimitExceededError, match="decompressed bytes"):
        list(read_cde(io.BytesIO(bundled_bytes()), max_bytes=1_000_000))


def test_a_2018_entry_that_is_not_an_object_is_rejected() -> None:
    doc = '{"WA": {"WASPD0000": "Seattle", "WA0310300": {"agency_name": "Everett Police Department", "agency_type_name": "City"}}}'
    outcomes = list(cde.read_frontend_2018(io.StringIO(doc)))
    assert [type(o) for o in outcomes] == [Rejected, cr.Agency]
    assert str(outcomes[0]) == "index 0: '$' must be a JSON object (got 'Seattle')"


def test_a_2018_shape_error_gives_a_source_format_error() -> None:
    with pytest.raises(cr.SourceFormatError, match="is not the 2018 CDE agency list"):
        list(cde.read_frontend_2018(io.StringIO('{"WA": ["WASPD0000"]}')))


# The county-keyed API ------------------------------------------------------------------


def test_the_county_keyed_list_merges_an_agency_listed_under_two_counties() -> None:
    tally = Tally()
    outcomes = list(counted(read_cde(COUNTY_KEYED), tally))
    summary = tally.summary()
    assert (summary.read, summary.imported, summary.rejected) == (27, 26, 1)
    [merged] = [o for o in outcomes if isinstance(o, Rejected)]
    assert str(merged) == (
        "index 7: '$.ori' repeats the ORI of an earlier record with the same name, state "
        "and type; merged into it (got 'WA0170100')"
    )
    reason = (
        "'$.ori' repeats the ORI of an earlier record with the same name, state and type; "
        "merged into it"
    )
    assert summary.reasons == ((reason, 1),)


def test_the_county_keyed_list_imports_what_the_model_holds() -> None:
    agencies, _ = split(read_cde(COUNTY_KEYED))
    by_ori = {a.ori: a for a in agencies}
    auburn = by_ori["WA0170100"]
    assert (auburn.county, auburn.jurisdiction) == ("KING, PIERCE", J.LOCAL)
    muckleshoot = by_ori["WADI01000"]  # null type in the source
    assert (muckleshoot.agency_type, muckleshoot.jurisdiction) == (T.UNKNOWN, J.TRIBAL)
    assert by_ori["WAWSP0000"].jurisdiction == J.STATE
    assert by_ori["WADI06800"].jurisdiction == J.TRIBAL


def test_a_repeated_ori_with_other_details_keeps_the_first() -> None:
    first = {
        "ori": "ND0090200",
        "state_abbr": "ND",
        "agency_name": "Fargo Police Department",
        "agency_type_name": "City",
    }
    second = {**first, "agency_name": "Fargo Police Dept"}
    doc = json.dumps({"CASS": [first], "CASS, CLAY": [second]})
    outcomes = list(cde.read_api(io.StringIO(doc)))
    assert [type(o) for o in outcomes] == [cr.Agency, Rejected]
    assert outcomes[1].problems[0].reason == (  # type: ignore[union-attr]
        "repeats the ORI of an earlier record with another name, state or type; the earlier "
        "record is kept"
    )


def test_white_space_does_not_make_a_repeat_differ() -> None:
    first = {
        "ori": "ND0090200",
        "state_abbr": "ND",
        "agency_name": "Fargo  Police Department ",
        "agency_type_name": "City",
    }
    doc = json.dumps(
        {"CASS": [first], "CLAY": [{**first, "agency_name": "Fargo Police Department"}]}
    )
    _, [merged] = split(cde.read_api(io.StringIO(doc)))
    assert merged.problems[0].reason.endswith("merged into it")


def test_strict_mode_counts_a_repeat_as_an_error() -> None:
    with pytest.raises(cr.ValidationError, match=r"'index 7: \$.ori' repeats the ORI"):
        list(read_cde(COUNTY_KEYED, strict=True))


@pytest.mark.parametrize(
    ("change", "path", "reason"),
    [
        ({"ori": "WA01701"}, "$.ori", "is a 7-character COPS ORI; give the FBI's 9-character ORI"),
        ({"ori": "OR0170100"}, "$.ori", "must start with 'WA', the NCIC code of state 'WA'"),
        (
            {"state_abbr": None, "ori": None},
            "$.state_abbr",
            "is required (or an ORI whose first two characters name the state)",
        ),
        (
            {"state_abbr": None, "ori": "C0034019E"},
            "$.state_abbr",
            "is required (or an ORI whose first two characters name the state)",
        ),
        (
            {"state_abbr": "CZ"},
            "$.state_abbr",
            "must be a USPS code of a state, DC or a U.S. territory",
        ),
        ({"agency_name": None}, "$.agency_name", "is required"),
        ({"agency_name": 12}, "$.agency_name", "must be a string"),
        (
            {"agency_type_name": "Sheriff"},
            "$.agency_type_name",
            "must be an FBI agency type (one of 'City', 'County', 'State Police', 'Other State Agency', 'Tribal', 'University or College', 'Federal', 'Other', 'Unknown')",
        ),
        ({"counties": ["KING"]}, "$.counties", "must be a string"),
    ],
)
def test_a_bad_api_value_is_rejected_at_its_source_field(
    change: dict[str, object], path: str, reason: str
) -> None:
    record = {
        "ori": "WA0170100",
        "counties": "KING, PIERCE",
        "state_abbr": "WA",
        "agency_name": "Auburn Police Department",
        "agency_type_name": "City",
    }
    [outcome] = cde.read_api(io.StringIO(json.dumps({"KING": [{**record, **change}]})))
    assert isinstance(outcome, Rejected)
    assert [(p.path, p.reason) for p in outcome.problems] == [(path, reason)]


def test_an_api_record_that_is_not_an_object_is_rejected() -> None:
    [outcome] = cde.read_api(io.StringIO('{"KING": [null]}'))
    assert str(outcome) == "index 0: '$' must be a JSON object (got None)"


def test_json_of_another_shape_gives_a_source_format_error() -> None:
    usaspending_page = source_files.API_PAGE
    with pytest.raises(cr.SourceFormatError, match="is a JSON object of neither CDE shape"):
        list(read_cde(usaspending_page))
    with pytest.raises(cr.SourceFormatError, match="is not the CDE API's agency list"):
        list(cde.read_api(io.StringIO('{"results": [], "page_metadata": {}}')))


# The flat CSV --------------------------------------------------------------------------


def test_the_flat_csv_sample_imports_every_row_but_a_repeat() -> None:
    tally = Tally()
    outcomes = list(counted(read_cde(AGENCY_CSV), tally))
    summary = tally.summary()
    assert (summary.read, summary.imported, summary.rejected) == (39, 38, 1)
    [repeat] = [o for o in outcomes if isinstance(o, Rejected)]
    assert (repeat.position, repeat.unit, repeat.raw["ori"]) == (35, "row", "MA0130100")


def test_the_flat_csv_sample_gives_the_expected_agencies() -> None:
    agencies, _ = split(read_cde(AGENCY_CSV))
    by_ori = {a.ori: a for a in agencies}
    assert {
        ori: (a.agency_type, a.jurisdiction)
        for ori, a in by_ori.items()
        if ori
        in {
            "WADI01000",
            "WAWSP0000",
            "WA0341000",
            "WA0172400",
            "WA0173200",
            "MDPPD0000",
            "UTDI00300",
            "GMTGM0000",
            "NB0280200",
            "NB0600200",
            "MA313SP00",
        }
    } == {
        "WADI01000": (T.UNKNOWN, J.TRIBAL),
        "WAWSP0000": (T.STATE_POLICE, J.STATE),
        "WA0341000": (T.OTHER_STATE_AGENCY, J.STATE),
        "WA0172400": (T.UNIVERSITY_OR_COLLEGE, J.LOCAL),
        "WA0173200": (T.OTHER, J.LOCAL),
        "MDPPD0000": (T.FEDERAL, J.FEDERAL),
        "UTDI00300": (T.UNKNOWN, J.FEDERAL),
        "GMTGM0000": (T.OTHER, J.TERRITORIAL),
        "NB0280200": (T.CITY, J.LOCAL),
        "NB0600200": (T.CITY, J.LOCAL),
        "MA313SP00": (T.STATE_POLICE, J.STATE),
    }
    assert by_ori["NB0280200"].state == "NE"
    assert by_ori["WA0170100"].county == "KING, PIERCE"
    assert by_ori["MDPPD0000"].county is None  # an empty cell in a 2018 row
    assert by_ori["MAMSP0000"].county == "UNMAPPED COUNTY"


def test_the_flat_csv_accepts_the_apis_own_column_names() -> None:
    text = 'ori,counties,state_abbr,agency_name,agency_type_name\nWA0170100,"KING, PIERCE",WA,Auburn  Police Department ,City\n'
    [auburn] = read_cde(io.StringIO(text))
    assert auburn == cr.Agency(
        name="Auburn Police Department",
        state="WA",
        ori="WA0170100",
        jurisdiction=J.LOCAL,
        agency_type=T.CITY,
        county="KING, PIERCE",
    )


def test_na_means_null_in_the_flat_csv() -> None:
    text = "ori,state_abbr,agency_name,agency_type\nWA0170100,WA,NA,City\n"
    [outcome] = read_cde(io.StringIO(text))
    assert str(outcome) == "row 1: '$.agency_name' is required"


def test_a_flat_csv_without_its_columns_gives_a_source_format_error() -> None:
    with pytest.raises(cr.SourceFormatError) as excinfo:
        list(cde.read_csv(io.StringIO("ORI9,agency_name\nWA0170100,Auburn\n")))
    assert str(excinfo.value) == (
        "<stream>: has no column 'ori' in its header (line 1, any case); the header "
        "starts 'ORI9', 'agency_name'"
    )
    with pytest.raises(cr.SourceFormatError) as excinfo:
        list(cde.read_csv(io.StringIO("ori,NAME\nWA0170100,Auburn\n")))
    assert "has no column 'agency_name' or 'pub_agency_name'" in str(excinfo.value)


def test_an_ori_and_a_name_are_enough_the_state_comes_from_the_ori() -> None:
    [agency] = cde.read_csv(io.StringIO("ori,agency_name\nNB0280200,Omaha Police Department\n"))
    assert isinstance(agency, cr.Agency)
    assert (agency.state, agency.agency_type, agency.jurisdiction) == ("NE", T.UNKNOWN, J.LOCAL)


def test_a_csv_that_is_not_an_agency_list_is_not_detected() -> None:
    with pytest.raises(cr.SourceFormatError, match="is neither CDE JSON nor an FBI agency table"):
        cde.detect_format(io.StringIO("award_id_fain,recipient_name\n"))


def test_the_shapes_are_detected() -> None:
    assert [cde.detect_format(p) for p in (AGENCY_CSV, COUNTY_KEYED)] == ["csv", "api"]
    assert cde.detect_format(io.StringIO("{}")) == "api"


def test_detecting_needs_a_seekable_stream() -> None:
    class Pipe(io.RawIOBase):
        def readable(self) -> bool:
            return True

    with pytest.raises(TypeError, match="needs a path or a seekable stream"):
        cde.detect_format(Pipe())  # type: ignore[arg-type]


# Jurisdiction --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("agency_type", "name", "state", "expected"),
    [
        (T.TRIBAL, "Tulalip Tribal", "WA", J.TRIBAL),
        (T.TRIBAL, "Anything", "GU", J.TRIBAL),
        (T.FEDERAL, "U S Park Police", "MD", J.FEDERAL),
        (T.FEDERAL, "National Zoological Park", "DC", J.FEDERAL),
        (T.UNKNOWN, "Muckleshoot Tribal", "WA", J.TRIBAL),
        (T.OTHER, "Pueblo of Laguna", "NM", J.TRIBAL),
        (T.UNKNOWN, "Zion National Park", "UT", J.FEDERAL),
        (T.UNKNOWN, "San Juan National Historic Site", "PR", J.FEDERAL),
        (T.OTHER, "Daniel Boone National Forest", "KY", J.FEDERAL),
        (T.OTHER, "Maryland-National Capital Park Police: Montgomery County", "MD", J.LOCAL),
        (T.OTHER, "Reagan National Airport", "VA", J.LOCAL),
        (T.CITY, "Pueblo Police Department", "CO", J.LOCAL),
        (T.OTHER, "Guam", "GU", J.TERRITORIAL),
        (T.STATE_POLICE, "Puerto Rico Police", "PR", J.TERRITORIAL),
        (T.OTHER, "U.S. Virgin Islands: St. Croix", "VI", J.TERRITORIAL),
        (T.STATE_POLICE, "Washington State Patrol", "WA", J.STATE),
        (T.OTHER_STATE_AGENCY, "State Gambling Commission Enforcement Unit", "WA", J.STATE),
        (T.CITY, "Boston Police Department", "MA", J.LOCAL),
        (T.COUNTY, "Skagit County Sheriff's Office", "WA", J.LOCAL),
        (T.UNIVERSITY_OR_COLLEGE, "University of Washington", "WA", J.LOCAL),
        (T.OTHER, "Port of Seattle", "WA", J.LOCAL),
        (T.UNKNOWN, None, None, J.LOCAL),
        (T.OTHER, "Metro Transit Police", "DC", J.LOCAL),
    ],
)
def test_the_jurisdiction_is_inferred_from_type_name_and_state(
    agency_type: cr.AgencyType, name: str | None, state: str | None, expected: cr.Jurisdiction
) -> None:
    assert infer_jurisdiction(agency_type, name, state) == expected


@pytest.mark.parametrize("agency_type", list(T))
@pytest.mark.parametrize("state", ["WA", "GU", "DC"])
def test_an_inferred_jurisdiction_is_always_one_the_model_accepts(
    agency_type: cr.AgencyType, state: str
) -> None:
    for name in ("Example Police Department", "Example Tribal", "Example National Park"):
        jurisdiction = infer_jurisdiction(agency_type, name, state)
        cr.Agency(name=name, state=state, jurisdiction=jurisdiction, agency_type=agency_type)
