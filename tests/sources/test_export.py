import csv
import datetime as dt
import functools
import io
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from source_files import API_PAGE, AWARD_CSV

import copsreform as cr
from copsreform import testing
from copsreform.batch import Rejected, split
from copsreform.export import (
    AGENCY_COLUMNS,
    GRANT_COLUMNS,
    ORGANIZATION_COLUMNS,
    neutralise,
    read_csv,
    restore,
    write_csv,
)
from copsreform.sources import read_bundled_2018, read_usaspending


@functools.cache
def a_real_grant() -> cr.Grant:
    return split(read_usaspending(API_PAGE))[0][0]


def round_trip(objects: list[object], cls: type[object]) -> list[object]:
    out = io.StringIO()
    assert write_csv(objects, out, cls=cls) == len(objects)
    return list(read_csv(cls, io.StringIO(out.getvalue()), strict=True))


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# Round trips ---------------------------------------------------------------------------


@given(st.lists(testing.grants(), max_size=5))
def test_grants_survive_a_csv_round_trip(grants: list[cr.Grant]) -> None:
    assert round_trip(grants, cr.Grant) == grants


@given(st.lists(testing.agencies(), max_size=5))
def test_agencies_survive_a_csv_round_trip(agencies: list[cr.Agency]) -> None:
    assert round_trip(agencies, cr.Agency) == agencies


@given(st.lists(testing.organizations(), max_size=5))
def test_organizations_survive_a_csv_round_trip(organizations: list[cr.Organization]) -> None:
    assert round_trip(organizations, cr.Organization) == organizations


# NUL is left out: Python 3.10's csv reader refuses it (3.11 reads it back).
@given(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
)
def test_any_description_survives_a_round_trip(text: str) -> None:
    grant = attrs.evolve(a_real_grant(), description=text)
    assert round_trip([grant], cr.Grant) == [grant]


@pytest.mark.parametrize(
    "description",
    ["line one\nline two", "windows\r\nline", "old mac\rline", 'quote " and, comma', "tab\tinside"],
)
def test_multi_line_and_quoted_descriptions_survive_a_round_trip(description: str) -> None:
    grant = attrs.evolve(a_real_grant(), description=description)
    assert round_trip([grant], cr.Grant) == [grant]


def test_the_real_usaspending_page_survives_a_round_trip() -> None:
    grants, _ = split(read_usaspending(API_PAGE, assistance_listing="16.710", recipient_state="WA"))
    assert round_trip(grants, cr.Grant) == grants


def test_the_constructed_award_csv_survives_a_round_trip() -> None:
    grants, _ = split(read_usaspending(AWARD_CSV))
    assert round_trip(grants, cr.Grant) == grants


def test_the_whole_2018_fbi_list_survives_a_round_trip(tmp_path: Path) -> None:
    agencies, _ = split(read_bundled_2018())
    path = tmp_path / "agencies.csv"
    assert write_csv(agencies, path) == 23_238
    assert list(read_csv(cr.Agency, path, strict=True)) == agencies


def test_a_grant_to_an_agency_round_trips_with_its_agency(
    chp_grant: cr.Grant, bpd: cr.Agency
) -> None:
    grant = attrs.evolve(chp_grant, recipient=attrs.evolve(bpd, population=650_000))
    assert round_trip([grant], cr.Grant) == [grant]


# Columns and cells ---------------------------------------------------------------------


def test_the_grant_columns_are_the_documented_ones() -> None:
    assert GRANT_COLUMNS[:12] == (
        "award_number",
        "program",
        "fiscal_year",
        "federal_amount",
        "local_match",
        "match_waived",
        "positions",
        "start",
        "end",
        "solicitation",
        "assistance_listing",
        "description",
    )
    assert GRANT_COLUMNS[12:] == (
        "recipient_type",
        *(f"recipient_{c}" for c in ("name", "state", "uei", "kind")),
        *(f"recipient_{c}" for c in AGENCY_COLUMNS if c not in ORGANIZATION_COLUMNS),
    )


def test_a_grant_row_writes_its_values_as_the_wire_format_does(chp_grant: cr.Grant) -> None:
    out = io.StringIO()
    write_csv([chp_grant], out)
    header, row = cells(out.getvalue())
    values = dict(zip(header, row, strict=True))
    assert {k: v for k, v in values.items() if v} == {
        "award_number": "15JCOPS24GG03715UHPX",
        "program": "chp",
        "fiscal_year": "2024",
        "federal_amount": "1250000.00",
        "local_match": "0.00",
        "match_waived": "false",
        "positions": "10",
        "start": "2024-10-01",
        "end": "2029-09-30",
        "recipient_type": "agency",
        "recipient_name": "Spokane Valley Police Department",
        "recipient_state": "WA",
        "recipient_uei": "NSU3DBMM7JN9",
        "recipient_jurisdiction": "local",
        "recipient_agency_type": "city",
    }


def test_a_negative_amount_is_written_as_a_number() -> None:
    grants, _ = split(read_usaspending(API_PAGE))
    marysville = next(g for g in grants if g.award_number == "2015UMWX0174")
    out = io.StringIO()
    write_csv([marysville], out)
    assert cells(out.getvalue())[1][3] == "-30851.29"


def test_an_empty_list_with_a_class_writes_the_header_only() -> None:
    out = io.StringIO()
    assert write_csv([], out, cls=cr.Organization) == 0
    assert out.getvalue() == "name,state,uei,kind\r\n"
    assert list(read_csv(cr.Organization, io.StringIO(out.getvalue()))) == []


def test_an_empty_list_without_a_class_writes_nothing() -> None:
    out = io.StringIO()
    assert write_csv([], out) == 0
    assert out.getvalue() == ""


def test_objects_of_two_classes_cannot_share_a_file(bpd: cr.Agency) -> None:
    with pytest.raises(TypeError, match="one class per file: got an Organization among Agency"):
        write_csv([bpd, cr.Organization(name="CITY OF COLFAX")], io.StringIO())


def test_only_the_four_classes_are_written_and_read() -> None:
    provider = cr.find_provider("NPI")
    with pytest.raises(
        TypeError, match="writes Grant, Agency, Organization or Engagement, not Provider"
    ):
        write_csv([provider], io.StringIO())
    with pytest.raises(TypeError, match="reads Grant, Agency, Organization or Engagement"):
        read_csv(cr.Provider, io.StringIO(""))


@given(st.lists(testing.engagements(), max_size=4))
def test_engagements_survive_a_csv_round_trip(engagements: list[cr.Engagement]) -> None:
    assert round_trip(engagements, cr.Engagement) == engagements


def test_an_engagement_row_holds_its_nested_records_as_wire_json(
    boston_review: cr.Engagement,
) -> None:
    accepted = boston_review.transition(cr.EngagementStatus.ACCEPTED, on=dt.date(2024, 8, 8))
    out = io.StringIO()
    write_csv([accepted], out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["categories"] == "data_analysis"
    assert row["agency_ori"] == "MA0130100"
    assert json.loads(row["history_json"]) == [
        {"status": "accepted", "on": "2024-08-08", "note": None}
    ]
    assert json.loads(row["provider_json"])["acronym"] == "NPI"
    assert row["recommendations_json"] == "[]"


def test_bad_engagement_cells_are_reported_with_their_column(boston_review: cr.Engagement) -> None:
    out = io.StringIO()
    write_csv([boston_review], out)
    [header, row] = list(csv.reader(io.StringIO(out.getvalue())))
    cells = dict(zip(header, row, strict=True))
    cells["categories"] = "data_analysis;triage"
    cells["history_json"] = '[{"status": "completed", "on": "2024-09-01", "note": null}, 7]'
    cells["provider_json"] = "{not json"
    text = io.StringIO()
    csv.writer(text).writerows([header, [cells[name] for name in header]])
    [rejected] = list(read_csv(cr.Engagement, io.StringIO(text.getvalue())))
    assert isinstance(rejected, Rejected)
    assert [(p.path, p.reason) for p in rejected.problems] == [
        (
            "$.categories",
            "must be TA category values joined by ';' ('immediate_assistance', 'data_analysis', 'after_action_review')",
        ),
        ("$.provider_json", "must be JSON in copsreform's wire format"),
        ("$.history_json[1]", "must be an object"),
    ]


# Formula neutralisation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'Iolani School", "''Iolani School"),
        ("Boston", "Boston"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_a_formula_is_neutralised_and_restored(text: str, cell: str) -> None:
    assert (neutralise(text), restore(cell)) == (cell, text)


@given(st.text())
def test_restore_undoes_neutralise(text: str) -> None:
    assert restore(neutralise(text)) == text


@pytest.mark.parametrize("name", ["=1+1", "+CITY", "-CITY", "@CITY", "'QUOTED", "''TWICE"])
def test_names_that_look_like_formulas_are_written_safely_and_read_back(name: str) -> None:
    agency = cr.Agency(
        name=name,
        state="WA",
        jurisdiction=cr.Jurisdiction.LOCAL,
        agency_type=cr.AgencyType.CITY,
        county=name,
    )
    out = io.StringIO()
    write_csv([agency], out)
    row = cells(out.getvalue())[1]
    assert (row[0], row[6]) == ("'" + name, "'" + name)
    assert list(read_csv(cr.Agency, io.StringIO(out.getvalue()))) == [agency]


# Atomic writing ------------------------------------------------------------------------


def test_a_path_is_written_whole_or_not_at_all(tmp_path: Path, bpd: cr.Agency) -> None:
    path = tmp_path / "agencies.csv"
    path.write_text("the old content\n", encoding="utf-8")

    def failing() -> object:
        yield bpd
        raise cr.SourceFormatError("is truncated", "input.json")

    with pytest.raises(cr.SourceFormatError):
        write_csv(failing(), path)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == "the old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["agencies.csv"]


def test_a_path_is_replaced_when_writing_succeeds(tmp_path: Path, bpd: cr.Agency) -> None:
    path = tmp_path / "agencies.csv"
    path.write_text("the old content\n", encoding="utf-8")
    assert write_csv([bpd], str(path)) == 1
    assert list(read_csv(cr.Agency, path)) == [bpd]


# Reading bad files ---------------------------------------------------------------------

AGENCY_HEADER = ",".join(AGENCY_COLUMNS) + "\n"


def test_columns_may_come_in_any_order_and_optional_ones_may_be_missing() -> None:
    text = "ori,agency_type,jurisdiction,state,name\nMA0130100,city,local,MA,Boston Police Department\n"
    [agency] = read_csv(cr.Agency, io.StringIO(text))
    assert agency == cr.Agency(
        name="Boston Police Department",
        state="MA",
        ori="MA0130100",
        jurisdiction=cr.Jurisdiction.LOCAL,
        agency_type=cr.AgencyType.CITY,
    )


def test_an_unknown_column_gives_a_source_format_error() -> None:
    with pytest.raises(cr.SourceFormatError) as excinfo:
        list(read_csv(cr.Agency, io.StringIO("name,state,latitude\n")))
    assert str(excinfo.value) == "<stream>: has column(s) a Agency CSV does not have: 'latitude'"


def test_a_missing_required_column_gives_a_source_format_error() -> None:
    with pytest.raises(cr.SourceFormatError, match="has no column 'jurisdiction', 'agency_type'"):
        list(read_csv(cr.Agency, io.StringIO("name,state\nX,MA\n")))


def test_an_empty_file_gives_a_source_format_error() -> None:
    with pytest.raises(cr.SourceFormatError, match="is empty; expected a CSV header row"):
        list(read_csv(cr.Grant, io.BytesIO(b"")))


@pytest.mark.parametrize(
    ("row", "problems"),
    [
        (
            "Boston Police Department,MA,local,city,MA01301,,,,,",
            [("$.ori", "is a 7-character COPS ORI; give the FBI's 9-character ORI")],
        ),
        (
            "Boston Police Department,MA,municipal,town,,,,1.5,-3,yes",
            [
                (
                    "$.jurisdiction",
                    "must be one of 'state', 'local', 'territorial', 'tribal', 'federal'",
                ),
                (
                    "$.agency_type",
                    "must be one of 'city', 'county', 'state_police', 'other_state_agency', 'tribal', 'university_or_college', 'federal', 'other', 'unknown'",
                ),
                ("$.population", "must be a whole number"),
                ("$.primary_law_enforcement_authority", "must be true or false"),
            ],
        ),
        (",MA,local,city,,,,,,", [("$.name", "is required")]),
        (
            "Boston Police Department,MA,local,city,,,,,-3,",
            [("$.sworn_officers", "must not be negative")],
        ),
    ],
)
def test_bad_cells_are_rejected_at_their_columns(row: str, problems: list[tuple[str, str]]) -> None:
    [outcome] = read_csv(cr.Agency, io.StringIO(AGENCY_HEADER + row + "\n"))
    assert isinstance(outcome, Rejected)
    assert [(p.path, p.reason) for p in outcome.problems] == problems


def grant_row(**changes: str) -> str:
    values = dict.fromkeys(GRANT_COLUMNS, "")
    values |= {
        "award_number": "2020UMWX0499",
        "program": "chp",
        "federal_amount": "750000.00",
        "start": "2020-07-01",
        "end": "2023-06-30",
        "recipient_type": "organization",
        "recipient_name": "CITY OF FEDERAL WAY",
        "recipient_state": "WA",
    }
    values |= changes
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(GRANT_COLUMNS)
    writer.writerow(values.values())
    return out.getvalue()


def test_a_hand_made_grant_row_is_read() -> None:
    [grant] = read_csv(cr.Grant, io.StringIO(grant_row()))
    assert isinstance(grant, cr.Grant)
    assert (grant.recipient, grant.federal_amount, grant.local_match, grant.fiscal_year) == (
        cr.Organization(name="CITY OF FEDERAL WAY", state="WA"),
        Decimal("750000.00"),
        Decimal("0.00"),
        cr.FiscalYear(2020),
    )


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        ({"recipient_type": ""}, [("$.recipient_type", "is required")]),
        ({"recipient_type": "city"}, [("$.recipient_type", "must be 'agency' or 'organization'")]),
        (
            {"recipient_ori": "WA0173600"},
            [("$.recipient_ori", "must be empty for an organization recipient")],
        ),
        (
            {"recipient_type": "agency"},
            [
                ("$.recipient_jurisdiction", "is required"),
                ("$.recipient_agency_type", "is required"),
            ],
        ),
        (
            {
                "recipient_type": "agency",
                "recipient_jurisdiction": "local",
                "recipient_agency_type": "city",
                "recipient_ori": "OR0173600",
            },
            [("$.recipient_ori", "must start with 'WA', the NCIC code of state 'WA'")],
        ),
        (
            {"federal_amount": "750,000"},
            [("$.federal_amount", "must be an amount such as 1250000.00")],
        ),
        (
            {"federal_amount": "1.005"},
            [("$.federal_amount", "must be an amount such as 1250000.00")],
        ),
        ({"start": "2020-13-01"}, [("$.start", "must be a real date")]),
        ({"end": "1 July 2023"}, [("$.end", "must be a date written YYYY-MM-DD")]),
        (
            {"fiscal_year": "2021"},
            [("$.fiscal_year", "must agree with the award number, which encodes FY2020")],
        ),
        ({"fiscal_year": "FY2020"}, [("$.fiscal_year", "must be a fiscal year such as 2024")]),
        ({"fiscal_year": "1900"}, [("$.fiscal_year", "must be between 1977 and 2199")]),
        ({"match_waived": "TRUE"}, [("$.match_waived", "must be true or false")]),
        ({"award_number": ""}, [("$.award_number", "is required")]),
    ],
)
def test_bad_grant_cells_are_rejected_at_their_columns(
    changes: dict[str, str], problems: list[tuple[str, str]]
) -> None:
    [outcome] = read_csv(cr.Grant, io.StringIO(grant_row(**changes)))
    assert isinstance(outcome, Rejected)
    assert [(p.path, p.reason) for p in outcome.problems] == problems


def test_strict_mode_raises_on_the_first_bad_row() -> None:
    text = grant_row() + grant_row(start="soon").splitlines()[1] + "\n"
    with pytest.raises(cr.ValidationError) as excinfo:
        list(read_csv(cr.Grant, io.StringIO(text), strict=True))
    assert str(excinfo.value) == "'row 2: $.start' must be a date written YYYY-MM-DD (got 'soon')"


def test_a_row_of_the_wrong_width_is_rejected() -> None:
    [outcome] = read_csv(cr.Organization, io.StringIO("name,state,uei,kind\nCITY OF COLFAX,WA\n"))
    assert str(outcome) == "row 1: '$' must have 4 fields like the header, not 2"


def test_a_gzipped_csv_is_read(tmp_path: Path, bpd: cr.Agency) -> None:
    import gzip

    out = io.StringIO()
    write_csv([bpd], out)
    path = tmp_path / "agencies.csv.gz"
    path.write_bytes(gzip.compress(out.getvalue().encode("utf-8")))
    assert list(read_csv(cr.Agency, path)) == [bpd]


def test_dates_are_read_strictly() -> None:
    [grant] = read_csv(cr.Grant, io.StringIO(grant_row(start="2020-07-01")))
    assert isinstance(grant, cr.Grant)
    assert grant.start == dt.date(2020, 7, 1)
