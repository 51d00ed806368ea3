"""Real FBI agency tables of every public shape: none refused, nothing dropped silently."""

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from source_files import API_2018_PANDAS, NIBRS_AGENCIES_2020, NIBRS_CDE_AGENCIES_2015

import copsreform as cr
from copsreform.batch import Outcomes, Rejected, Tally, counted, split
from copsreform.cli import main
from copsreform.identifiers import ori as ori_module
from copsreform.sources import cde
from copsreform.sources.cde import COLUMN_ALIASES, NCIC_STATE_CODES, read_cde, usps_state

J = cr.Jurisdiction
T = cr.AgencyType


def imported(source: object) -> tuple[list[cr.Agency], list[Rejected], cr.Summary]:
    tally = Tally()
    outcomes = list(counted(read_cde(source), tally))  # type: ignore[arg-type]
    agencies, rejected = split(outcomes)
    return agencies, rejected, tally.summary()


def by_ori(agencies: list[cr.Agency]) -> dict[str | None, cr.Agency]:
    return {a.ori: a for a in agencies}


# The three real files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "counts"),
    [
        # rows, Nebraska rows, with population, with sworn officers, with county
        (NIBRS_AGENCIES_2020, (70, 0, 70, 46, 68)),
        (NIBRS_CDE_AGENCIES_2015, (292, 0, 292, 277, 288)),
        (API_2018_PANDAS, (18_702, 267, 0, 0, 18_128)),
    ],
    ids=["nibrs-agencies-2020", "nibrs-cde-agencies-2015", "api-2018-pandas"],
)
def test_every_row_of_a_real_table_is_imported_with_what_it_says(
    path: Path, counts: tuple[int, int, int, int, int]
) -> None:
    rows, nebraska, population, sworn, county = counts
    agencies, rejected, summary = imported(path)
    assert rejected == []
    assert (summary.read, summary.imported, summary.rejected) == (rows, rows, 0)
    assert sum(a.state == "NE" for a in agencies) == nebraska
    assert sum(a.population is not None for a in agencies) == population
    assert sum(a.sworn_officers is not None for a in agencies) == sworn
    assert sum(a.county is not None for a in agencies) == county


def test_the_nibrs_agencies_table_gives_published_names_counts_and_counties() -> None:
    agencies = by_ori(imported(NIBRS_AGENCIES_2020)[0])
    acadia = agencies["LA0010000"]
    # The published name is "Acadia": no "Parish Sheriff's Office" is invented.
    assert (acadia.name, acadia.agency_type, acadia.county) == ("Acadia", T.COUNTY, "ACADIA")
    # Officer counts are empty in the file: unknown, not zero.
    assert (acadia.population, acadia.sworn_officers) == (36286, None)
    rayne = agencies["LA0010200"]
    assert (rayne.population, rayne.sworn_officers) == (7997, 19 + 4)
    # PUB_AGENCY_NAME "Louisiana State University:" with its PUB_AGENCY_UNIT.
    assert agencies["LA0080500"].name == (
        "Louisiana State University: Health Sciences Center, Shreveport"
    )
    assert agencies["LA0491300"].name == "Louisiana State University: Eunice"
    assert agencies["LA0491300"].sworn_officers == 2
    assert agencies["LA0490300"].county == "ST MARTIN; ST LANDRY"


def test_the_cde_agencies_table_gives_total_officers_and_population() -> None:
    agencies = by_ori(imported(NIBRS_CDE_AGENCIES_2015)[0])
    police = agencies["LALSP0000"]
    assert (police.name, police.agency_type, police.jurisdiction) == (
        "State Police",
        T.STATE_POLICE,
        J.STATE,
    )
    assert (police.population, police.sworn_officers, police.county) == (0, 1164, None)
    lutcher = agencies["LA0470100"]
    assert (lutcher.population, lutcher.sworn_officers, lutcher.county) == (3366, 3, "St James")


def test_the_2018_api_pull_maps_nb_and_gm_to_usps_codes() -> None:
    agencies = by_ori(imported(API_2018_PANDAS)[0])
    omaha = agencies["NB0280200"]
    assert (omaha.state, omaha.name, omaha.county) == ("NE", "Omaha Police Department", "DOUGLAS")
    guam = agencies["GMTGM0000"]
    assert (guam.state, guam.jurisdiction) == ("GU", J.TERRITORIAL)
    assert all(
        a.ori is not None and a.ori.startswith("NB") for a in agencies.values() if a.state == "NE"
    )


@pytest.mark.parametrize(
    ("path", "kept_out", "not_listed"),
    [
        (
            NIBRS_AGENCIES_2020,
            ["UCR_AGENCY_NAME", "NCIC_AGENCY_NAME", "0", "0 (column 47)", "NIBRS_START_DATE"],
            ["ORI", "PUB_AGENCY_NAME", "PUB_AGENCY_UNIT", "MALE_OFFICER", "COUNTY_NAME"],
        ),
        (
            NIBRS_CDE_AGENCIES_2015,
            ["icpsr_lat", "icpsr_lng", "total_civilians", "short_name"],
            ["ori", "agency_name", "primary_county", "total_officers", "population"],
        ),
        (
            API_2018_PANDAS,
            ["(unnamed column 1)", "latitude", "longitude", "nibrs", "state_name"],
            ["ori", "agency_name", "county_name", "state_abbr", "agency_type_name"],
        ),
    ],
    ids=["nibrs-agencies-2020", "nibrs-cde-agencies-2015", "api-2018-pandas"],
)
def test_the_summary_names_the_columns_read_but_not_kept(
    path: Path, kept_out: list[str], not_listed: list[str]
) -> None:
    unkept = imported(path)[2].unkept
    assert set(kept_out) <= set(unkept)
    assert not set(not_listed) & set(unkept)
    assert len(unkept) == len(set(unkept))


@pytest.mark.parametrize("path", [NIBRS_AGENCIES_2020, NIBRS_CDE_AGENCIES_2015, API_2018_PANDAS])
def test_import_cde_exits_0_and_lists_the_unkept_columns(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "agencies.jsonl"
    result = CliRunner().invoke(main, ["import", "cde", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "rejected 0" in result.stderr
    assert result.stderr.count("not kept (") == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == imported(path)[2].read


def test_the_json_report_lists_the_unkept_columns() -> None:
    result = CliRunner().invoke(
        main, ["import", "cde", str(NIBRS_AGENCIES_2020), "--report", "json", "-o", "/dev/null"]
    )
    report = json.loads(result.stderr)
    assert report["rejected"] == 0
    assert "UCR_AGENCY_NAME" in report["unkept"]


# Constructed edge cases ----------------------------------------------------------------

NIBRS_HEADER = (
    '"ORI","UCR_AGENCY_NAME","PUB_AGENCY_NAME","PUB_AGENCY_UNIT","STATE_ABBR",'
    '"AGENCY_TYPE_NAME","POPULATION","MALE_OFFICER","FEMALE_OFFICER","0","0","COUNTY_NAME"'
)


def test_header_case_and_quoting_do_not_matter() -> None:
    row = '"NB0280200","OMAHA","Omaha","","NB","City",478192,600,150,0,0,"DOUGLAS; SARPY"\n'
    upper = NIBRS_HEADER + "\n" + row
    lower = NIBRS_HEADER.lower().replace('"', "") + "\n" + row
    results = [read_cde(io.StringIO(text)) for text in (upper, lower)]
    [first], [second] = (list(r) for r in results)
    assert first == second
    assert isinstance(first, cr.Agency)
    assert (first.name, first.state, first.ori) == ("Omaha", "NE", "NB0280200")
    assert (first.population, first.sworn_officers, first.county) == (478192, 750, "DOUGLAS; SARPY")


def test_a_duplicated_or_empty_column_name_never_breaks_a_read() -> None:
    text = "ori,,agency_name,ORI,agency_name,state_abbr,\nWA0170100,x,Auburn,XX,Other,WA,y\n"
    outcomes = read_cde(io.StringIO(text))
    [agency] = outcomes
    assert isinstance(agency, cr.Agency)
    # The first column of a name is read; the repeats are named by their position.
    assert (agency.ori, agency.name) == ("WA0170100", "Auburn")
    assert outcomes.unkept == (
        "(unnamed column 2)",
        "ORI",
        "agency_name (column 5)",
        "(unnamed column 7)",
    )


@pytest.mark.parametrize(
    ("male", "female", "total", "sworn"),
    [("19", "4", None, 23), ("", "", None, None), ("19", "", None, None), ("", "", "12", 12)],
)
def test_officer_counts_empty_stays_unknown(
    male: str, female: str, total: str | None, sworn: int | None
) -> None:
    header = "ORI,PUB_AGENCY_NAME,STATE_ABBR,AGENCY_TYPE_NAME,MALE_OFFICER,FEMALE_OFFICER"
    row = f"LA0010200,Rayne,LA,City,{male},{female}"
    if total is not None:
        header, row = header + ",total_officers", row + f",{total}"
    [agency] = read_cde(io.StringIO(f"{header}\n{row}\n"))
    assert isinstance(agency, cr.Agency)
    assert agency.sworn_officers == sworn


@pytest.mark.parametrize(
    ("value", "expected"), [("36286", 36286), ("36286.0", 36286), (" 0 ", 0), ("NA", None)]
)
def test_population_text_is_read_as_a_whole_number(value: str, expected: int | None) -> None:
    text = f"ori,agency_name,state_abbr,population\nLA0010000,Acadia,LA,{value}\n"
    [agency] = read_cde(io.StringIO(text))
    assert isinstance(agency, cr.Agency)
    assert agency.population == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [("36286.5", "must be a whole number"), ("many", "must be a whole number")],
)
def test_a_bad_count_is_rejected_at_its_column(value: str, reason: str) -> None:
    text = f"ORI,PUB_AGENCY_NAME,STATE_ABBR,POPULATION\nLA0010000,Acadia,LA,{value}\n"
    [outcome] = read_cde(io.StringIO(text))
    assert isinstance(outcome, Rejected)
    assert [(p.path, p.reason, p.value) for p in outcome.problems] == [
        ("$.POPULATION", reason, value)
    ]


def test_a_negative_count_is_refused_by_the_model_at_its_column() -> None:
    text = "ori,agency_name,state_abbr,total_officers\nLA0010000,Acadia,LA,-3\n"
    [outcome] = read_cde(io.StringIO(text))
    assert isinstance(outcome, Rejected)
    assert [p.path for p in outcome.problems] == ["$.total_officers"]


HATE_CRIME = (
    "ORI,PUB_AGENCY_NAME,AGENCY_TYPE_NAME,STATE_ABBR\n"
    "NB0280200,Omaha,City,NB\n"
    "GMTGM0000,Guam,Other,GM\n"
    "DCFBIWA00,Federal Bureau of Investigation,Federal,FS\n"
    "VAFBI0000,Example Federal Agency,Other,FS\n"
    "WADI06200,Puyallup Tribal,Tribal,\n"
)


def test_the_hate_crime_table_imports_nb_gm_and_fs_agencies() -> None:
    assert cde.detect_format(io.StringIO(HATE_CRIME)) == "csv"
    agencies, rejected, _ = imported(io.StringIO(HATE_CRIME))
    assert rejected == []
    assert [(a.ori, a.state, a.jurisdiction, a.agency_type) for a in agencies] == [
        ("NB0280200", "NE", J.LOCAL, T.CITY),
        ("GMTGM0000", "GU", J.TERRITORIAL, T.OTHER),
        # FS: a federal agency, filed under the state its ORI's NCIC prefix names.
        ("DCFBIWA00", "DC", J.FEDERAL, T.FEDERAL),
        ("VAFBI0000", "VA", J.FEDERAL, T.OTHER),
        # No state: the ORI gives it.
        ("WADI06200", "WA", J.TRIBAL, T.TRIBAL),
    ]


@pytest.mark.parametrize("ori", ["", "FS0000100", "C0034019E"])
def test_a_federal_agency_without_a_usable_ori_is_rejected_saying_why(ori: str) -> None:
    text = f"ORI,PUB_AGENCY_NAME,AGENCY_TYPE_NAME,STATE_ABBR\n{ori},Example Agency,Federal,FS\n"
    [outcome] = read_cde(io.StringIO(text))
    assert isinstance(outcome, Rejected)
    [problem] = outcome.problems
    assert (problem.path, problem.value) == ("$.STATE_ABBR", "FS")
    assert problem.reason == (
        "is the FBI's pseudo-state 'FS' of federal agencies, and the record has no ORI "
        "whose first two characters name the state to file it under"
    )


def test_ncic_state_codes_agree_with_the_ori_module() -> None:
    for ncic, usps in NCIC_STATE_CODES.items():
        assert usps_state(ncic) == usps == ori_module.state_of(ncic + "0000000")
        assert ori_module.ncic_prefix(usps) == ncic
    assert usps_state(" ne ") == "NE"


def test_one_alias_table_lists_every_public_name_column() -> None:
    assert COLUMN_ALIASES["name"] == ("pub_agency_name", "agency_name", "pug_agency_name")
    assert all(
        alias == alias.casefold() for aliases in COLUMN_ALIASES.values() for alias in aliases
    )


def test_the_api_agencies_json_nesting_is_read_with_its_own_fields() -> None:
    document = {
        "NB": {
            "NB0280200": {
                "ori": "NB0280200",
                "agency_name": "Omaha Police Department",
                "agency_type_name": "City",
                "state_abbr": "NB",
                "state_name": "Nebraska",
                "county_name": "DOUGLAS",
                "division_name": "West North Central",
                "latitude": 41.29,
                "longitude": -96.15,
                "nibrs": False,
            }
        }
    }
    outcomes = read_cde(io.StringIO(json.dumps(document)))
    [agency] = outcomes
    assert isinstance(agency, cr.Agency)
    assert (agency.state, agency.county, agency.name) == (
        "NE",
        "DOUGLAS",
        "Omaha Police Department",
    )
    assert outcomes.unkept == ("state_name", "division_name", "latitude", "longitude", "nibrs")


def test_json_counts_are_read_from_numbers() -> None:
    document = {
        "LA": {
            "LA0470100": {
                "agency_name": "Lutcher Police Department",
                "agency_type_name": "City",
                "population": 3366,
                "total_officers": 3,
            }
        }
    }
    [agency] = read_cde(io.StringIO(json.dumps(document)))
    assert isinstance(agency, cr.Agency)
    assert (agency.population, agency.sworn_officers) == (3366, 3)


def test_importers_return_outcomes_whose_unkept_columns_reach_the_tally() -> None:
    outcomes = read_cde(io.StringIO("ori,agency_name,latitude\nWA0170100,Auburn,47.3\n"))
    assert isinstance(outcomes, Outcomes)
    assert outcomes.unkept == ()  # not known before the header is read
    tally = Tally()
    list(counted(outcomes, tally))
    assert tally.summary().unkept == ("latitude",)
    assert "not kept (1 column): latitude" in str(tally.summary())


def test_an_ori_repeated_in_another_case_is_reported_as_a_repeat() -> None:
    text = "ORI,PUB_AGENCY_NAME,STATE_ABBR\nLA0010000,Acadia,LA\nla0010000,Acadia,LA\n"
    first, second = read_cde(io.StringIO(text))
    assert isinstance(first, cr.Agency)
    assert isinstance(second, Rejected)
    assert second.problems[0].reason.endswith("merged into it")


def test_the_hate_crime_incident_header_with_its_misspelled_name_column_is_read() -> None:
    # The header reported for the FBI's hate_crime.csv (1991-2025), name column misspelled.
    header = (
        "incident_id,data_year,ori,pug_agency_name,pub_agency_unit,agency_type_name,"
        "state_abbr,state_name,division_name,region_name,population_group_code"
    )
    row = "1,2025,NB0280200,Omaha,,City,NB,Nebraska,West North Central,Midwest,1B"
    outcomes = read_cde(io.StringIO(f"{header}\n{row}\n"))
    [agency] = outcomes
    assert isinstance(agency, cr.Agency)
    assert (agency.name, agency.state, agency.ori) == ("Omaha", "NE", "NB0280200")
    assert "incident_id" in outcomes.unkept


def test_closing_outcomes_stops_the_read() -> None:
    outcomes = read_cde(NIBRS_CDE_AGENCIES_2015)
    outcomes.close()  # not started: nothing to close
    first = next(outcomes)
    assert isinstance(first, cr.Agency)
    outcomes.close()
    with pytest.raises(StopIteration):
        next(outcomes)
